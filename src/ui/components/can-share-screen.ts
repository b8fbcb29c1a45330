/** Screen sharing needs getDisplayMedia, which phones generally lack; we hide the button there. */
export function canShareScreen(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getDisplayMedia === 'function';
}
