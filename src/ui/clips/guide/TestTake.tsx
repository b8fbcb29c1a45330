import React, { useEffect, useRef } from 'react';
import { useFieldIds } from '../../hooks/useFieldIds';
import { useMicLevel } from '../../hooks/useMicLevel';
import { useObjectUrl } from '../../hooks/useObjectUrl';
import type { LocalTracks } from '../../media/devices';
import type { RecorderClass } from '../local-take-recorder';
import { isMostlySilent } from '../quality/audio-quality';
import { ADVICE_TEXT } from '../quality/take-quality';
import { TEST_TAKE_SECONDS, useTestTake } from './useTestTake';

export interface TestTakeProps {
  tracks: LocalTracks | null;
  Recorder: RecorderClass | null;
}

/** useMicLevel shows RMS × 5 (so speech fills the meter); the silence check wants RMS. */
const LEVEL_SCALE = 5;
const LEVEL_EVERY_MS = 100;

/**
 * "Try a 10-second test": records the setup's camera and microphone in this browser, shows the
 * microphone level while it runs, stops by itself, and plays it back. Nothing is sent.
 */
export function TestTake({ tracks, Recorder }: TestTakeProps) {
  const { state, start, stop, reset } = useTestTake(tracks, Recorder);
  const ids = useFieldIds('clip-test');
  const level = useMicLevel(state.phase === 'recording' ? tracks?.audio : undefined);
  const heard = useHeardLevels(state.phase === 'recording', level);
  const url = useObjectUrl(state.phase === 'done' ? state.recording : null);
  const player = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (url) void player.current?.play()?.catch(() => undefined);
  }, [url]);

  const measurable = typeof window !== 'undefined' && typeof window.AudioContext === 'function' && !!tracks?.audio;
  const silent = state.phase === 'done' && measurable && isMostlySilent(heard.current);

  return (
    <div className="vx-clip-guide__test" data-testid="clip-test-take" data-phase={state.phase}>
      <p className="vx-clip-guide__step-title">
        <strong>Try a {TEST_TAKE_SECONDS}-second test</strong>
      </p>
      <p className="vx-visually-hidden" role="status" aria-live="polite">
        {state.phase === 'done' ? 'Test finished: it plays below. Nothing was sent.' : state.phase === 'recording' ? 'Test recording started.' : ''}
      </p>
      {state.phase === 'idle' && (
        <>
          <p className="vx-clip__hint">Say a few words and see how you look and sound. It plays back here only: nothing is sent.</p>
          <button type="button" className="vx-button" data-testid="clip-test-start" onClick={start} disabled={!tracks}>
            Start a {TEST_TAKE_SECONDS}-second test
          </button>
        </>
      )}
      {state.phase === 'recording' && (
        <>
          <p className="vx-clip__meta" data-testid="clip-test-time">
            Testing: {Math.floor(state.seconds)} of {TEST_TAKE_SECONDS} seconds
          </p>
          {tracks?.audio && (
            <div className="field vx-field">
              <span id={`${ids}-level`}>Microphone level</span>
              <meter aria-labelledby={`${ids}-level`} data-testid="clip-test-level" min={0} max={1} low={0.15} value={level} />
            </div>
          )}
          <button type="button" className="vx-button" data-testid="clip-test-stop" onClick={stop}>
            Stop the test
          </button>
        </>
      )}
      {state.phase === 'done' && (
        <>
          <video
            ref={player}
            className="vx-clip-guide__playback"
            // An attribute, not a style (the customer pages' CSP): a small player even without the stylesheet's rule.
            width={320}
            src={url ?? undefined}
            controls
            playsInline
            aria-label="Your test recording"
            data-testid="clip-test-playback"
          />
          <p className="vx-clip__hint">Nothing was sent. This test stays on this device.</p>
          {silent && (
            <p className="vx-clip__notice vx-clip__notice--warn" data-testid="clip-test-silent">
              {ADVICE_TEXT.silent}
            </p>
          )}
          <button type="button" className="vx-button" data-testid="clip-test-again" onClick={reset}>
            Test again
          </button>
        </>
      )}
      {state.phase === 'unavailable' && (
        <>
          <p className="vx-clip__notice vx-clip__notice--warn" data-testid="clip-test-unavailable">
            {state.reason}
          </p>
          <button type="button" className="vx-button" onClick={reset}>
            Back
          </button>
        </>
      )}
    </div>
  );
}

/** The meter's readings as RMS, a tenth of a second apart, while the test records. */
function useHeardLevels(recording: boolean, level: number) {
  const latest = useRef(level);
  latest.current = level;
  const heard = useRef<number[]>([]);
  useEffect(() => {
    if (!recording) return undefined;
    heard.current = [];
    const timer = window.setInterval(() => heard.current.push(latest.current / LEVEL_SCALE), LEVEL_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [recording]);
  return heard;
}
