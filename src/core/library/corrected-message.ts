import type { Attributes } from '../../domain/conversation';
import type { RecordingTranscript } from '../../domain/pipeline-job';
import { transcriptExcerpt } from '../pipeline/text/recording-message';

/** When the transcript was last corrected: a card that caches the transcript knows to load it again. */
export const TRANSCRIPT_CORRECTED_ATTRIBUTE = 'transcriptCorrectedAt';

/**
 * The recording message once a line was corrected: the body's excerpt (when it quotes the old
 * opening lines) reads the new ones, the attributes say when. Everything else the message says
 * (title, watch link, views, deletions) stays as it is, so this never undoes another step's work.
 * Null when nothing would change. The excerpt is capped as before: the body stays within limits.
 */
export function correctedMessage(
  message: { body: string; attributes: Attributes },
  before: RecordingTranscript,
  after: RecordingTranscript,
  at: string,
): { body: string; attributes: Attributes } | null {
  if (message.attributes.transcriptStatus !== 'ready') return null;
  const old = transcriptExcerpt(before);
  const next = transcriptExcerpt(after);
  const body = old && old !== next && message.body.includes(old) ? message.body.replace(old, () => next) : message.body;
  return { body, attributes: { ...message.attributes, [TRANSCRIPT_CORRECTED_ATTRIBUTE]: at } };
}
