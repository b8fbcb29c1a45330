/**
 * Janus 1.1 VideoRoom names each recorded stream (no per-publisher `filename` given)
 * `videoroom-<room>-user-<publisher id>-<µs timestamp>-<audio|video|data>-<mindex>.mjr`
 * (format string `videoroom-%s-user-%s-%li-%s-%d` in libjanus_videoroom 1.1.2; checked by recording).
 */
export interface RecordingFileName {
  roomId: string;
  publisherId: number;
  startedAtMicros: number;
  kind: 'audio' | 'video' | 'data';
  mindex: number;
}

const PATTERN = /^videoroom-(.+)-user-(\d+)-(\d+)-(audio|video|data)-(\d+)\.mjr$/;

export function parseRecordingFileName(name: string): RecordingFileName | null {
  const m = PATTERN.exec(name);
  if (!m) return null;
  return {
    roomId: m[1],
    publisherId: Number(m[2]),
    startedAtMicros: Number(m[3]),
    kind: m[4] as RecordingFileName['kind'],
    mindex: Number(m[5]),
  };
}
