import type { VideoMedium } from '../../../domain/support-events';

/**
 * The text the agent sends when they take a suggestion (the seed's template): a clip request or a
 * call invitation, addressed by name when the chat has one. The link is appended by the offer.
 */
export function suggestionMessage(customerName: string, medium: VideoMedium, maxClipMinutes: number): string {
  const name = customerName.trim();
  const greeting = name ? `Hi ${name}, it sounds like` : 'Hi, it sounds like';
  const opening = `${greeting} this might be easier to explain visually.`;
  const noInstall = 'No app install needed: it opens in your browser.';
  if (medium === 'call') return `${opening} Could we switch to a quick video call? ${noInstall}`;
  const minutes = Math.max(1, Math.round(maxClipMinutes));
  return `${opening} Could you record a short video showing what you see? ${noInstall} Videos up to ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
