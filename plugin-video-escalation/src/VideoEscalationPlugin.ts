import { FlexPlugin } from '@twilio/flex-plugin';
import type * as Flex from '@twilio/flex-ui';
import '../../src/ui/ui.css';
import { registerVideoEscalation } from './register';

export const PLUGIN_NAME = 'VideoEscalationPlugin';

/** The Flex plugin: Flex calls init once, with itself and its manager. */
export default class VideoEscalationPlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
  }

  init(flex: typeof Flex, manager: Flex.Manager): void {
    registerVideoEscalation(flex, manager);
  }
}
