import * as FlexPlugin from '@twilio/flex-plugin';
import VideoEscalationPlugin from './VideoEscalationPlugin';

// The plugin entry Flex's build expects: load the plugin class.
FlexPlugin.loadPlugin(VideoEscalationPlugin);
