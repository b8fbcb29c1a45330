import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecorderClass } from '../local-take-recorder';

/** The test take's length: long enough to say a sentence, short enough to try twice. */
export const TEST_TAKE_SECONDS = 10;
const TICK_MS = 250;

export type TestTakeState =
  | { phase: 'idle' }
  | { phase: 'recording'; seconds: number }
  | { phase: 'done'; recording: Blob }
  | { phase: 'unavailable'; reason: string };

/**
 * A practice recording made entirely in this browser from the setup's own camera and microphone:
 * MediaRecorder on the local stream, stopped by itself at TEST_TAKE_SECONDS, kept only to play
 * back. No take, no room, no upload: the server never hears of it.
 */
export function useTestTake(tracks: { audio?: MediaStreamTrack; video?: MediaStreamTrack } | null, Recorder: RecorderClass | null) {
  const [state, setState] = useState<TestTakeState>({ phase: 'idle' });
  const running = useRef<{ recorder: MediaRecorder; timer: number } | null>(null);
  // Bumped by every start, reset and unmount: a recorder's late 'stop' from an older test says nothing.
  const generation = useRef(0);

  const finish = useCallback(() => {
    const r = running.current;
    if (!r) return;
    running.current = null;
    window.clearInterval(r.timer);
    try {
      if (r.recorder.state !== 'inactive') r.recorder.stop();
    } catch {
      // already stopped
    }
  }, []);

  const start = useCallback(() => {
    const media = [tracks?.video, tracks?.audio].filter((t): t is MediaStreamTrack => !!t);
    if (!Recorder) return setState({ phase: 'unavailable', reason: 'This browser cannot make a test recording, but your clip will still record.' });
    if (media.length === 0) return setState({ phase: 'unavailable', reason: 'No camera or microphone is on yet: allow them, then try the test again.' });
    finish();
    const mine = ++generation.current;
    const chunks: Blob[] = [];
    let recorder: MediaRecorder;
    try {
      recorder = new Recorder(new MediaStream(media));
      recorder.addEventListener('dataavailable', (e) => {
        const data = (e as BlobEvent).data;
        if (data && data.size > 0) chunks.push(data);
      });
      recorder.addEventListener('stop', () => {
        if (generation.current !== mine) return;
        const recording = new Blob(chunks, { type: recorder.mimeType || 'video/webm' });
        setState(recording.size > 0 ? { phase: 'done', recording } : { phase: 'unavailable', reason: 'The test recorded nothing. Check your camera and microphone, then try again.' });
      });
      recorder.start(TICK_MS * 4);
    } catch {
      return setState({ phase: 'unavailable', reason: 'This browser cannot make a test recording, but your clip will still record.' });
    }
    const startedAt = Date.now();
    const timer = window.setInterval(() => {
      const seconds = Math.min(TEST_TAKE_SECONDS, (Date.now() - startedAt) / 1000);
      setState({ phase: 'recording', seconds });
      if (seconds >= TEST_TAKE_SECONDS) finish();
    }, TICK_MS);
    running.current = { recorder, timer };
    setState({ phase: 'recording', seconds: 0 });
  }, [tracks?.audio, tracks?.video, Recorder, finish]);

  const reset = useCallback(() => {
    generation.current++;
    finish();
    setState({ phase: 'idle' });
  }, [finish]);

  // Leaving the setup (Record pressed, page closed) ends a test still running; nothing is kept.
  useEffect(
    () => () => {
      generation.current++;
      finish();
    },
    [finish],
  );

  return { state, start, stop: finish, reset };
}
