import type { TranscribedSegment } from '../../../domain/pipeline-job';
import type { MediaKeyRing } from '../crypto/key-ring';
import { readStoredFile, writeSealedFile } from '../crypto/stored-files';

/**
 * What was already transcribed of one speaker's track while the call was still running: every
 * utterance before `cut` (seconds on the track's own timeline). After the call only the rest is left.
 */
export interface LiveTranscript {
  cut: number;
  segments: TranscribedSegment[];
}

const shifted = (s: TranscribedSegment, by: number): TranscribedSegment => ({
  ...s,
  start: s.start + by,
  end: s.end + by,
  words: s.words.map((w) => ({ ...w, start: w.start + by, end: w.end + by })),
});

/**
 * Takes in the utterances of a chunk that starts at `state.cut` and lasts `chunkSeconds`, keeping
 * only those that ended at least `tailSeconds` before the chunk's end: the last one may still be
 * going on, so it is transcribed again, whole, next time. A chunk with no speech at all moves the
 * cut over its silence.
 */
export function advanceLive(state: LiveTranscript, chunk: TranscribedSegment[], chunkSeconds: number, tailSeconds = 1.5): LiveTranscript {
  const complete = chunk.filter((s) => s.end <= chunkSeconds - tailSeconds);
  if (complete.length === 0) {
    const silent = chunk.length === 0 && chunkSeconds > tailSeconds;
    return silent ? { ...state, cut: state.cut + chunkSeconds - tailSeconds } : state;
  }
  return {
    cut: state.cut + complete[complete.length - 1].end,
    segments: [...state.segments, ...complete.map((s) => shifted(s, state.cut))],
  };
}

/** The whole track's transcript: what was done live, then the rest (transcribed from the cut). */
export const finishLive = (state: LiveTranscript, rest: TranscribedSegment[]): TranscribedSegment[] => [
  ...state.segments,
  ...rest.map((s) => shifted(s, state.cut)),
];

/** `<track>.live.json` beside the Janus recording it belongs to. */
export const livePathOf = (mjrPath: string): string => `${mjrPath.replace(/\.mjr(\.tmp)?$/, '')}.live.json`;

/** Sealed: it is transcript text, written while the call runs. */
export async function readLive(path: string, keys: MediaKeyRing): Promise<LiveTranscript | null> {
  try {
    const parsed = JSON.parse((await readStoredFile(path, keys)).toString('utf8')) as LiveTranscript;
    return typeof parsed.cut === 'number' && Array.isArray(parsed.segments) ? parsed : null;
  } catch {
    return null;
  }
}

export const writeLive = (path: string, state: LiveTranscript, keys: MediaKeyRing) => writeSealedFile(path, JSON.stringify(state), keys);
