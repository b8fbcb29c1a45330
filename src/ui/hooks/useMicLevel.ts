import { useEffect, useState } from 'react';

/**
 * Loudness of a microphone track, 0..1, for the pre-join level meter (so the customer can see
 * the right microphone is picked). Inactive where Web Audio is missing.
 */
export function useMicLevel(track: MediaStreamTrack | undefined): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    const Ctx = typeof window !== 'undefined' ? window.AudioContext : undefined;
    if (!track || !Ctx) return undefined;
    const ctx = new Ctx();
    const source = ctx.createMediaStreamSource(new MediaStream([track]));
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let frame = 0;
    const tick = () => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const rms = Math.sqrt(sum / samples.length);
      // Speech sits around 0.02–0.2 RMS; scale so normal talking fills most of the meter.
      setLevel(Math.min(1, rms * 5));
      frame = window.setTimeout(tick, 100);
    };
    tick();
    return () => {
      window.clearTimeout(frame);
      source.disconnect();
      void ctx.close().catch(() => undefined);
    };
  }, [track]);
  return track ? level : 0;
}
