import React, { useEffect, useRef } from 'react';
import { formatClock } from './clip-time';
import type { LocalTake } from './local-take-recorder';
import { useObjectUrl } from '../hooks/useObjectUrl';
import { usePipSync } from './usePipSync';
import { usePreviewTime } from './usePreviewTime';

/**
 * The take as this browser recorded it. In pip mode the camera plays in a corner over the screen,
 * in step with it: the clip itself gets the same layout from the server's composition. Under the
 * player, "elapsed / total": the player's own timeline has no total for a fresh recording.
 */
export function TakePreview({ take, recordedSeconds }: { take: LocalTake; /** The recorder's clock for this take. */ recordedSeconds?: number }) {
  const mainUrl = useObjectUrl(take.main);
  const pipUrl = useObjectUrl(take.pip);
  const main = useRef<HTMLVideoElement>(null);
  const pip = useRef<HTMLVideoElement>(null);
  usePipSync(main, pip, !!mainUrl && !!pipUrl);
  const time = usePreviewTime(main, mainUrl, recordedSeconds);
  // Set on the element, not as a JSX prop: React's `muted` prop is not reliably applied to the element.
  useEffect(() => {
    if (pip.current) pip.current.muted = true;
  }, [pipUrl]);
  return (
    <>
      <div className="vx-clip__stage vx-clip__stage--preview">
        <video ref={main} className="vx-clip__video" src={mainUrl ?? undefined} controls playsInline preload="metadata" aria-label="Preview of your clip" data-testid="clip-preview-main" />
        {take.pip && (
          <div className="vx-clip__pip">
            {/* Follows the main video; hidden from screen readers, which have the main player's controls. */}
            <video ref={pip} className="vx-clip__video" src={pipUrl ?? undefined} playsInline preload="metadata" aria-hidden="true" tabIndex={-1} data-testid="clip-preview-pip" />
          </div>
        )}
      </div>
      <p className="vx-clip__meta" data-testid="clip-preview-time">
        <span className="vx-visually-hidden">Played </span>
        {formatClock(time.elapsed)} / {time.total === null ? '--:--' : formatClock(time.total)}
      </p>
    </>
  );
}
