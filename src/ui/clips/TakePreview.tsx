import React, { useEffect, useRef } from 'react';
import type { LocalTake } from './local-take-recorder';
import { useObjectUrl } from './useObjectUrl';
import { usePipSync } from './usePipSync';

/**
 * The take as this browser recorded it. In pip mode the camera plays in a corner over the screen,
 * in step with it: the clip itself gets the same layout from the server's composition.
 */
export function TakePreview({ take }: { take: LocalTake }) {
  const mainUrl = useObjectUrl(take.main);
  const pipUrl = useObjectUrl(take.pip);
  const main = useRef<HTMLVideoElement>(null);
  const pip = useRef<HTMLVideoElement>(null);
  usePipSync(main, pip, !!mainUrl && !!pipUrl);
  // Set on the element, not as a JSX prop: React's `muted` prop is not reliably applied to the element.
  useEffect(() => {
    if (pip.current) pip.current.muted = true;
  }, [pipUrl]);
  return (
    <div className="vx-clip__stage vx-clip__stage--preview">
      <video ref={main} className="vx-clip__video" src={mainUrl ?? undefined} controls playsInline preload="metadata" aria-label="Preview of your clip" data-testid="clip-preview-main" />
      {take.pip && (
        <div className="vx-clip__pip">
          {/* Follows the main video; hidden from screen readers, which have the main player's controls. */}
          <video ref={pip} className="vx-clip__video" src={pipUrl ?? undefined} playsInline preload="metadata" aria-hidden="true" tabIndex={-1} data-testid="clip-preview-pip" />
        </div>
      )}
    </div>
  );
}
