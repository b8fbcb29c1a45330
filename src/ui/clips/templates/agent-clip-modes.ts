import type { ClipMode } from '../../../domain/clip';
import { MODE_CHOICES } from '../clip-mode';

/**
 * The order an agent is offered what to record: screen only first, so a camera-shy agent is never
 * pushed on camera (#22); customers keep the shared order (clip-mode.ts).
 */
export const AGENT_CLIP_MODES: readonly ClipMode[] = ['screen', 'screen+camera', 'camera'];

/** The shared mode choices in the agent's order. */
export const agentModeChoices = (): typeof MODE_CHOICES => AGENT_CLIP_MODES.map((mode) => MODE_CHOICES.find((c) => c.mode === mode) as (typeof MODE_CHOICES)[number]);

/** What an agent's recorder starts on: the screen where it can be captured, else the camera. */
export const agentDefaultMode = (canCaptureScreen: boolean): ClipMode => (canCaptureScreen ? 'screen' : 'camera');
