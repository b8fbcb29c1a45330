import type { ClipMode } from '../../domain/clip';

export const needsScreen = (mode: ClipMode): boolean => mode !== 'camera';
export const needsCamera = (mode: ClipMode): boolean => mode !== 'screen';

/** The choices, in the order offered; screen + camera first (the default where screens can be captured). */
export const MODE_CHOICES: ReadonlyArray<{ mode: ClipMode; label: string; hint: string }> = [
  { mode: 'screen+camera', label: 'Screen and camera', hint: 'Your camera appears in a corner of your screen.' },
  { mode: 'screen', label: 'Screen only', hint: 'Your screen and your voice.' },
  { mode: 'camera', label: 'Camera only', hint: 'You on camera, with your voice.' },
];

export const defaultMode = (canCaptureScreen: boolean): ClipMode => (canCaptureScreen ? 'screen+camera' : 'camera');
