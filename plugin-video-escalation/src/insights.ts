import type { PluginConfig } from './config';

/**
 * The video facts a supervisor reports on in Flex Insights, as task attributes under the
 * documented `conversations` key (twilio.com/docs/flex/developer/insights/enhance-integration):
 * custom conversation attributes (text) say that video was used and that a recording exists, a
 * custom measure (number) holds the call's length in seconds, and the recording is added to
 * `conversations.media` as a Referenced link (no media type for video is documented). Insights
 * reads task attributes when the task completes, so these are set before completion; media links
 * may still be added for two minutes after.
 */
export interface VideoFacts {
  videoUsed?: boolean;
  durationSeconds?: number;
  recordingUrl?: string;
}

type Attributes = Record<string, unknown>;
interface MediaLink {
  type?: string;
  url?: string;
  title?: string;
}

export function withVideoInsights(attributes: Attributes, facts: VideoFacts, slots: PluginConfig['insights']): Attributes {
  const conversations = { ...((attributes.conversations as Attributes | undefined) ?? {}) };
  if (facts.videoUsed) conversations[`conversation_attribute_${slots.videoUsedAttribute}`] = 'Yes';
  if (facts.durationSeconds !== undefined) conversations[`conversation_measure_${slots.durationMeasure}`] = Math.round(facts.durationSeconds);
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
  slots: PluginConfig['insights'],
): Promise<void> {
  await task.setAttributes(withVideoInsights(task.attributes, facts, slots));
}
