import type { TicketVideoFacts } from '../../src/api/support-ticket-contract';
import type { InsightsSlots } from './config';

/**
 * The video facts a supervisor reports on in Flex Insights, as task attributes under the
 * documented `conversations` key (twilio.com/docs/flex/developer/insights/enhance-integration):
 * custom conversation attributes (text, `conversation_attribute_1`…`_10`) say that video was used
 * and that a recording exists, a custom measure (number, `conversation_measure_1`…`_10`) holds the
 * call's length in seconds, and the recording is added to
 * `conversations.media` as a Referenced link (no media type for video is documented). Insights
 * reads task attributes when the task completes, so these are set before completion; media links
 * may still be added for two minutes after. At completion the ticket's totals (#20) go in custom
 * measures too: calls, call seconds, clips each side sent, clip seconds, and the survey's CSAT
 * score once the customer gave one (a measure left out is no answer, never a 0).
 */
export interface VideoFacts {
  videoUsed?: boolean;
  durationSeconds?: number;
  recordingUrl?: string;
  calls?: number;
  callSeconds?: number;
  customerClips?: number;
  agentClips?: number;
  clipSeconds?: number;
  csat?: number | null;
}

/** Which measure slot each numeric fact goes in. */
const MEASURES: [keyof VideoFacts, keyof InsightsSlots][] = [
  ['durationSeconds', 'durationMeasure'],
  ['calls', 'callsMeasure'],
  ['callSeconds', 'callSecondsMeasure'],
  ['customerClips', 'customerClipsMeasure'],
  ['agentClips', 'agentClipsMeasure'],
  ['clipSeconds', 'clipSecondsMeasure'],
  ['csat', 'csatMeasure'],
];

/** The ticket's facts from `/support-ticket` as the task's Insights facts. */
export const videoFactsOfTicket = (t: TicketVideoFacts): VideoFacts => ({
  videoUsed: t.videoUsed,
  calls: t.calls,
  callSeconds: t.callSeconds,
  customerClips: t.customerClips,
  agentClips: t.agentClips,
  clipSeconds: t.clipSeconds,
  csat: t.csat,
});

type Attributes = Record<string, unknown>;
interface MediaLink {
  type?: string;
  url?: string;
  title?: string;
}

export function withVideoInsights(attributes: Attributes, facts: VideoFacts, slots: InsightsSlots): Attributes {
  const conversations = { ...((attributes.conversations as Attributes | undefined) ?? {}) };
  if (facts.videoUsed) conversations[`conversation_attribute_${slots.videoUsedAttribute}`] = 'Yes';
  for (const [fact, slot] of MEASURES) {
    const value = facts[fact];
    // Only numbers are measures: an unanswered CSAT (null) or a missing fact writes nothing.
    if (typeof value === 'number' && Number.isFinite(value)) conversations[`conversation_measure_${slots[slot]}`] = Math.round(value);
  }
  if (facts.recordingUrl) {
    conversations[`conversation_attribute_${slots.recordingAttribute}`] = 'Yes';
    // Flex already lists the chat here; adding media replaces the defaults, so append, never replace.
    const media = Array.isArray(conversations.media) ? (conversations.media as MediaLink[]) : [];
    if (!media.some((m) => m.url === facts.recordingUrl)) {
      conversations.media = [...media, { type: 'Referenced', url: facts.recordingUrl, title: 'Video call recording' }];
    }
  }
  return { ...attributes, conversations };
}

/** TaskRouter replaces attributes wholesale: always write the task's own attributes back with ours. */
export async function recordVideoInsights(
  task: { attributes: Attributes; setAttributes(a: object): Promise<unknown> },
  facts: VideoFacts,
  slots: InsightsSlots,
): Promise<void> {
  await task.setAttributes(withVideoInsights(task.attributes, facts, slots));
}
