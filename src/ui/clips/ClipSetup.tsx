import React, { useEffect, useRef } from 'react';
import { CLIP_PRIVACY_NOTICE } from '../../domain/consent';
import type { ClipMode } from '../../domain/clip';
import type { RecorderClip } from '../api/clip-api';
import { DeviceSelect } from '../components/DeviceSelect';
import { ParticipantVideo } from '../components/ParticipantVideo';
import type { LocalMediaState } from '../hooks/useLocalMedia';
import { useMicLevel } from '../hooks/useMicLevel';
import { MODE_CHOICES, needsCamera } from './clip-mode';
import { mediaProblemText, NO_SCREEN_CAPTURE } from './clip-messages';

export interface ClipSetupProps {
  title: string;
  view: RecorderClip;
  mode: ClipMode;
  onMode(mode: ClipMode): void;
  canCaptureScreen: boolean;
  media: LocalMediaState;
  consented: boolean;
  onConsent(consented: boolean): void;
  /** The screen picker is open. */
  picking: boolean;
  error: string | null;
  onRecord(): void;
  /** Move focus here (the author came back to this screen, e.g. after Discard). */
  autoFocus: boolean;
  /** The choices of what to record, in the order offered (agents: screen only first). */
  choices?: typeof MODE_CHOICES;
  /** Shown after what to record (an agent's reply template). */
  extras?: React.ReactNode;
}

/** Before recording: what to record, devices with a preview and a level meter, the notices, consent, Record. */
export function ClipSetup(props: ClipSetupProps) {
  const { view, mode, media } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const level = useMicLevel(media.tracks?.audio);
  // On arrival only: focus must stay on Record while the screen picker opens.
  useEffect(() => {
    if (props.autoFocus) heading.current?.focus();
  }, []);

  const withCamera = needsCamera(mode);
  const cameraMissing = withCamera && !!media.tracks && !media.tracks.video;
  const mayRecord = props.consented && !props.picking && !media.loading && !!media.tracks && !cameraMissing;

  return (
    <div className="vx-clip__screen" data-testid="clip-setup">
      <h2 className="vx-clip__title" ref={heading} tabIndex={-1}>
        {props.title}
      </h2>
      <div className="vx-clip__setup">
        <div className="vx-clip__stage">
          {withCamera ? (
            <ParticipantVideo track={media.tracks?.video ?? null} mirrored label="Preview of your camera" testId="clip-camera-preview" />
          ) : null}
          {(!withCamera || !media.tracks?.video) && (
            <p className="vx-clip__stage-note">
              {withCamera ? (media.loading ? 'Starting your camera…' : 'No camera') : 'You choose the screen, window or tab when you press Record.'}
            </p>
          )}
        </div>
        {/* A form, so Enter records once consent is given (from the consent box or any field). */}
        <form
          className="vx-clip__side"
          aria-label="Recording settings"
          data-testid="clip-setup-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (mayRecord) props.onRecord();
          }}
        >
          {props.canCaptureScreen ? (
            <fieldset className="vx-clip__modes">
              <legend>What to record</legend>
              {(props.choices ?? MODE_CHOICES).map((c) => (
                <div className="vx-clip__mode" key={c.mode}>
                  <input
                    type="radio"
                    id={`clip-mode-${c.mode}`}
                    name="clip-mode"
                    value={c.mode}
                    data-testid={`clip-mode-${c.mode}`}
                    checked={mode === c.mode}
                    onChange={() => props.onMode(c.mode)}
                    aria-describedby={`clip-mode-${c.mode}-hint`}
                  />
                  <label htmlFor={`clip-mode-${c.mode}`}>{c.label}</label>
                  <span className="vx-clip__hint" id={`clip-mode-${c.mode}-hint`}>
                    {c.hint}
                  </span>
                </div>
              ))}
            </fieldset>
          ) : (
            <p className="vx-clip__notice" data-testid="clip-no-screen">
              {NO_SCREEN_CAPTURE}
            </p>
          )}
          {props.extras}

          {media.problem && (
            <div className="vx-clip__notice vx-clip__notice--warn" role="alert" data-testid="clip-media-problem">
              <p>{mediaProblemText(media.problem)}</p>
              <button type="button" className="vx-button" onClick={media.retry}>
                Try again
              </button>
            </div>
          )}
          {cameraMissing && (
            <p className="vx-clip__notice vx-clip__notice--warn">
              No camera found.{props.canCaptureScreen ? ' Choose Screen only to record your screen.' : ''}
            </p>
          )}
          {media.tracks?.missing === 'microphone' && <p className="vx-clip__notice vx-clip__notice--warn">No microphone found: your clip will have no sound.</p>}

          {withCamera && <DeviceSelect id="clip-camera-select" label="Camera" devices={media.devices.cameras} value={media.cameraId} onChange={media.chooseCamera} />}
          <DeviceSelect id="clip-microphone-select" label="Microphone" devices={media.devices.microphones} value={media.microphoneId} onChange={media.chooseMicrophone} />
          {media.tracks?.missing !== 'microphone' && (
            <div className="field vx-field">
              <span id="clip-mic-level">Microphone level</span>
              <meter aria-labelledby="clip-mic-level" data-testid="clip-mic-level" min={0} max={1} low={0.15} value={level} />
            </div>
          )}

          <p className="vx-clip__notice vx-clip__notice--warn" data-testid="clip-privacy-notice">
            <strong>Before you record: </strong>
            {CLIP_PRIVACY_NOTICE}
          </p>
          <div className="vx-clip__consent">
            <input id="clip-consent" type="checkbox" data-testid="clip-consent" checked={props.consented} onChange={(e) => props.onConsent(e.target.checked)} />
            {/* The server's notice, word for word: the consent record names its version. */}
            <label htmlFor="clip-consent">I agree: {view.notice.text}</label>
          </div>

          <button type="submit" className="vx-button vx-button--primary vx-clip__record" data-testid="clip-record" disabled={!mayRecord}>
            {props.picking ? 'Choose what to share…' : 'Record'}
          </button>
          {!props.consented && (
            <p className="vx-clip__hint" data-testid="clip-consent-hint">
              To record, tick the box above (click it, or press Space when it has focus), then press Record.
            </p>
          )}
          {props.error && (
            <p className="vx-error" role="alert" data-testid="clip-error">
              {props.error}
            </p>
          )}
        </form>
      </div>
    </div>
  );
}
