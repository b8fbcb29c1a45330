import type { TranscriptSegment } from '../components/RecordingPlayer';
import type { OpenedRecording, RecordingMedia, RecordingRefs } from '../api/recording-media';

/**
 * A RecordingMedia for UI tests: opens what it is asked for (the video as its URL, the transcript
 * as `segments` when the refs say there is one) and records each request, so a test can check
 * that a card asked for no video once the video was deleted.
 */
export function fakeRecordingMedia(segments: TranscriptSegment[] = []): RecordingMedia & { opened: RecordingRefs[] } {
  const opened: RecordingRefs[] = [];
  return {
    opened,
    async open(refs): Promise<OpenedRecording> {
      opened.push(refs);
      return { videoUrl: refs.mediaUrl, captionsUrl: refs.captionsUrl, segments: refs.hasTranscript ? segments : [], close: () => undefined };
    },
  };
}
