import { useEffect, useState, type RefObject } from 'react';

/** Far past any take's end: seeking there makes the browser read the whole file and learn its length. */
const FAR_END = Number.MAX_SAFE_INTEGER;

export interface PreviewTime {
  elapsed: number;
  /** Seconds; null while neither the file nor the recorder knows. */
  total: number | null;
}

/**
 * Where the take's preview is, and how long it is. MediaRecorder's WebM carries no duration, so
 * the element reports Infinity until it has read the whole file: it is made to, once (seek far
 * past the end, take the length it then learns, seek back to the start). Until then, or where no
 * length ever comes (NaN), the recorder's own clock is the length.
 */
export function usePreviewTime(video: RefObject<HTMLVideoElement>, src: string | null, recordedSeconds: number | undefined): PreviewTime {
  const [elapsed, setElapsed] = useState(0);
  const [measured, setMeasured] = useState<number | null>(null);

  useEffect(() => {
    setElapsed(0);
    setMeasured(null);
    const el = video.current;
    if (!el || !src) return undefined;
    let probed = false;
    let probing = false;
    const learn = () => {
      if (Number.isFinite(el.duration) && el.duration > 0) setMeasured(el.duration);
      else if (el.duration === Infinity && !probed) {
        probed = true;
        probing = true;
        el.currentTime = FAR_END;
      }
    };
    const seeked = () => {
      if (!probing) return setElapsed(el.currentTime);
      // The far seek is done (and the length learnt, where the browser could): back to the start.
      probing = false;
      learn();
      el.currentTime = 0;
    };
    const tick = () => {
      if (!probing) setElapsed(el.currentTime);
    };
    el.addEventListener('loadedmetadata', learn);
    el.addEventListener('durationchange', learn);
    el.addEventListener('seeked', seeked);
    el.addEventListener('timeupdate', tick);
    return () => {
      el.removeEventListener('loadedmetadata', learn);
      el.removeEventListener('durationchange', learn);
      el.removeEventListener('seeked', seeked);
      el.removeEventListener('timeupdate', tick);
    };
  }, [video, src]);

  const total = measured ?? (recordedSeconds !== undefined && recordedSeconds > 0 ? recordedSeconds : null);
  return { elapsed: total === null ? elapsed : Math.min(elapsed, total), total };
}
