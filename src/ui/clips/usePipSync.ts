import { useEffect, type RefObject } from 'react';

/**
 * Keeps the camera's little video in step with the main preview: it plays, pauses and seeks when
 * the main one does (only the main one has controls and sound).
 */
export function usePipSync(main: RefObject<HTMLVideoElement>, pip: RefObject<HTMLVideoElement>, active: boolean): void {
  useEffect(() => {
    const m = main.current;
    const p = pip.current;
    if (!active || !m || !p) return undefined;
    const follow = () => {
      if (Math.abs(p.currentTime - m.currentTime) > 0.25) p.currentTime = m.currentTime;
    };
    const play = () => {
      follow();
      void p.play?.()?.catch?.(() => undefined);
    };
    const pause = () => {
      p.pause();
      follow();
    };
    m.addEventListener('play', play);
    m.addEventListener('pause', pause);
    m.addEventListener('seeked', follow);
    m.addEventListener('ended', pause);
    return () => {
      m.removeEventListener('play', play);
      m.removeEventListener('pause', pause);
      m.removeEventListener('seeked', follow);
      m.removeEventListener('ended', pause);
    };
  }, [main, pip, active]);
}
