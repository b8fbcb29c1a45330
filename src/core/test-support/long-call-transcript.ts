import type { RecordingTranscript } from '../../domain/pipeline-job';

/**
 * A 30-minute call's transcript, three speakers talking in turn: 600 utterances of 15 words —
 * what the recording message must still fit Conversations' limits with.
 */
export function longCallTranscript(utterances = 600): RecordingTranscript {
  return {
    engine: 'test',
    segments: Array.from({ length: utterances }, (_, i) => ({
      speaker: ['Agent', 'Customer', 'Supervisor'][i % 3],
      participantIdentity: `p${i % 3}`,
      role: (['agent', 'customer', 'supervisor'] as const)[i % 3],
      start: i * 3,
      end: i * 3 + 2.5,
      text: 'the router keeps dropping the connection every few minutes when the microwave is running nearby',
      words: [],
    })),
  };
}
