import type { Attributes, ConversationMessage } from '../../domain/conversation';
import { CUSTOMER_VIEWER, type ClipViewRecord, type ClipViewSummary } from '../../domain/clip-views';

/**
 * The clip message's `views` attribute: `{ customer: { furthestSeconds, completed } }`. Only the
 * customer's view rides on the message (the agent who sent the clip is the one who reads it);
 * staff views stay in the store, so no staff identity is shown in the customer's chat.
 */
export const VIEWS_ATTRIBUTE = 'views';

export const viewSummary = (v: Pick<ClipViewRecord, 'furthestSeconds' | 'completed'>): ClipViewSummary => ({
  furthestSeconds: v.furthestSeconds,
  completed: v.completed,
});

/** The message's attributes with the customer's view put in (other keys untouched). */
export function withCustomerView(attributes: Attributes, view: ClipViewSummary): Attributes {
  const views = typeof attributes[VIEWS_ATTRIBUTE] === 'object' && attributes[VIEWS_ATTRIBUTE] !== null ? (attributes[VIEWS_ATTRIBUTE] as Attributes) : {};
  return { ...attributes, [VIEWS_ATTRIBUTE]: { ...views, [CUSTOMER_VIEWER]: view } };
}

/**
 * The pipeline rewrites the whole message (video, then transcript): it keeps the views the
 * message already shows, or a customer who watched before the transcript came would vanish.
 */
export function keepClipViews<C extends { attributes: Attributes }>(current: ConversationMessage | null | undefined, content: C): C {
  const views = current?.attributes[VIEWS_ATTRIBUTE];
  return views === undefined ? content : { ...content, attributes: { ...content.attributes, [VIEWS_ATTRIBUTE]: views } };
}
