import React, { useEffect, useRef } from 'react';

/** Puts one track into a fresh MediaStream on the element, and takes it off again on change/unmount. */
function useTrack(ref: React.RefObject<HTMLMediaElement>, track: MediaStreamTrack | null, muted: boolean): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || !track) return undefined;
    // Set here rather than as a JSX prop: it must precede play() for autoplay to be allowed.
    el.muted = muted;
    el.srcObject = new MediaStream([track]);
    // Autoplay can be refused until the user interacts; the element's controls stay usable.
    void el.play?.()?.catch?.(() => undefined);
    return () => {
      el.srcObject = null;
    };
  }, [ref, track, muted]);
}

export interface ParticipantVideoProps {
  track: MediaStreamTrack | null;
  /** Accessible name, e.g. "Video of Alex". */
  label: string;
  testId: string;
  /** Self views are mirrored so moving left moves left, as in a mirror. */
  mirrored?: boolean;
  /** Screen shares are shown whole (letterboxed) rather than cropped. */
  fit?: 'cover' | 'contain';
  className?: string;
}

export function ParticipantVideo({ track, label, testId, mirrored = false, fit = 'cover', className }: ParticipantVideoProps) {
  const ref = useRef<HTMLVideoElement>(null);
  // Video elements never play sound here: audio has its own element so it survives layout changes.
  useTrack(ref, track, true);
  return (
    <video
      ref={ref}
      className={className}
      data-testid={testId}
      data-track-id={track?.id ?? ''}
      aria-label={label}
      autoPlay
      playsInline
      style={{
        width: '100%',
        height: '100%',
        objectFit: fit,
        background: '#111',
        display: 'block',
        transform: mirrored ? 'scaleX(-1)' : undefined,
      }}
    />
  );
}

export interface ParticipantAudioProps {
  track: MediaStreamTrack;
  /** Output device id (speaker chooser); applied where the browser supports setSinkId. */
  sinkId?: string;
}

type SinkAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export function ParticipantAudio({ track, sinkId }: ParticipantAudioProps) {
  const ref = useRef<SinkAudio>(null);
  useTrack(ref, track, false);
  useEffect(() => {
    const el = ref.current;
    if (el && sinkId && typeof el.setSinkId === 'function') void el.setSinkId(sinkId).catch(() => undefined);
  }, [sinkId]);
  return <audio ref={ref} autoPlay data-testid="remote-audio" data-track-id={track.id} />;
}
