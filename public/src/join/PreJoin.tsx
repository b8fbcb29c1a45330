import React, { useState } from 'react';
import { DeviceSelect } from '../../../src/ui/components/DeviceSelect';
import { ParticipantVideo } from '../../../src/ui/components/ParticipantVideo';
import type { LocalMediaState } from '../../../src/ui/hooks/useLocalMedia';
import { useMicLevel } from '../../../src/ui/hooks/useMicLevel';
import type { LinkCheck } from '../../../src/ui/api/customer-api';
import { MONITORING_NOTICE } from '../../../src/domain/consent';

export interface PreJoinProps {
  check: LinkCheck;
  media: LocalMediaState;
  /** The link is open in another tab or device: offer to move the call here. */
  inUse: boolean;
  joining: boolean;
  error: string | null;
  consented: boolean;
  onConsent(consented: boolean): void;
  onJoin(takeOver: boolean): void;
}

/** Check yourself, pick devices, agree to recording, join. */
export function PreJoin({ check, media, inUse, joining, error, consented, onConsent, onJoin }: PreJoinProps) {
  const level = useMicLevel(media.tracks?.audio);
  const [meterId] = useState('mic-level');
  const mayJoin = (!check.recording || consented) && !joining && !media.loading && !!media.tracks;
  const missing = media.tracks?.missing;

  return (
    <main className="page page--prejoin">
      <h1>Video call with {check.agentName}</h1>
      <p className="lead">Check your camera and microphone, then join.</p>
      <div className="prejoin">
        <div className="preview">
          <ParticipantVideo track={media.tracks?.video ?? null} mirrored label="Preview of your camera" testId="preview-video" />
          {!media.tracks?.video && <p className="preview__off">{media.loading ? 'Starting your camera…' : 'No camera'}</p>}
        </div>
        {/* A form, so Enter joins once consent is given (from the consent box or any field). */}
        <form
          className="prejoin__side"
          aria-label="Join the call"
          data-testid="prejoin-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (mayJoin) onJoin(inUse);
          }}
        >
          {missing === 'camera' && <p className="notice">No camera found. You will join with your microphone only.</p>}
          {missing === 'microphone' && <p className="notice">No microphone found. You will join with your camera only; the agent will not hear you.</p>}
          <DeviceSelect id="camera-select" label="Camera" devices={media.devices.cameras} value={media.cameraId} onChange={media.chooseCamera} />
          <DeviceSelect id="microphone-select" label="Microphone" devices={media.devices.microphones} value={media.microphoneId} onChange={media.chooseMicrophone} />
          {/* Rendered from the start (level 0 while the mic opens) so the consent box below never moves under the pointer. */}
          {missing !== 'microphone' && (
            <div className="field">
              <span id={meterId}>Microphone level</span>
              <meter aria-labelledby={meterId} data-testid="mic-level" min={0} max={1} low={0.15} value={level} />
            </div>
          )}
          <DeviceSelect id="speaker-select" label="Speaker" devices={media.devices.speakers} value={media.speakerId} onChange={media.chooseSpeaker} />

          {!check.recording && (
            <p className="notice" data-testid="monitoring-notice">
              {MONITORING_NOTICE}
            </p>
          )}
          {check.recording && (
            <div className="consent">
              <input
                id="consent"
                type="checkbox"
                data-testid="consent-checkbox"
                checked={consented}
                onChange={(e) => onConsent(e.target.checked)}
              />
              <label htmlFor="consent">
                {/* The server's notice, word for word: the consent record names its version. */}
                I agree: {check.notice?.text ?? 'This call is recorded and transcribed.'}
              </label>
            </div>
          )}

          {inUse ? (
            <div className="notice notice--warn" role="status">
              <p>This call is already open in another tab or on another device.</p>
              <button type="button" className="btn btn--primary" data-testid="move-here-button" disabled={!mayJoin} onClick={() => onJoin(true)}>
                {joining ? 'Moving…' : 'Move the call here'}
              </button>
            </div>
          ) : (
            <button type="submit" className="btn btn--primary btn--wide" data-testid="join-button" disabled={!mayJoin}>
              {joining ? 'Joining…' : 'Join call'}
            </button>
          )}
          {check.recording && !consented && (
            <p className="hint" data-testid="consent-hint">
              To join, tick the box above (click it, or press Space when it has focus), then press Enter or Join call.
            </p>
          )}
          {error && (
            <p className="error" role="alert" data-testid="join-error">
              {error}
            </p>
          )}
        </form>
      </div>
    </main>
  );
}
