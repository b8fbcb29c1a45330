import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClipMode } from '../../domain/clip';
import type { ApiError, ClipTakeApi, RecorderClip } from '../api/clip-api';
import { canShareScreen } from '../components/can-share-screen';
import { useLocalMedia } from '../hooks/useLocalMedia';
import { browserMedia, type LocalTracks, type MediaDeps } from '../media/devices';
import { ClipCountdown } from './ClipCountdown';
import type { ClipConnect } from './clip-connect';
import { defaultMode, needsCamera, needsScreen } from './clip-mode';
import { ClipRecording } from './ClipRecording';
import { ClipReview } from './ClipReview';
import { ClipSetup } from './ClipSetup';
import { browserRecorderClass, type RecorderClass } from './local-take-recorder';
import { browserPickScreen, microphoneOnly, type PickScreen } from './screen-capture';
import { TakeStage } from './TakeStage';
import { useAnnouncer } from './useAnnouncer';
import { useClipTake, type TakePhase } from './useClipTake';
import { useTakeTimer } from './useTakeTimer';

export interface ClipRecorderProps {
  api: ClipTakeApi;
  /** Joins a take's room and publishes its media (see clipConnector). */
  connect: ClipConnect;
  /** False where getDisplayMedia is missing (most phones): camera only. Defaults to what this browser has. */
  canCaptureScreen?: boolean;
  onSent?(view: RecorderClip): void;
  /** The link or token no longer opens this clip (expired, revoked, already sent): the host explains. */
  onRefused?(error: ApiError): void;
  /** The clip as the host already checked it; without it the recorder checks first. */
  initialView?: RecorderClip;
  /** The setup screen's heading; by default it names who the clip is for. */
  title?: string;
  /** Browser seams, for tests and unusual hosts. */
  media?: MediaDeps;
  pickScreen?: PickScreen;
  MediaRecorder?: RecorderClass | null;
  countdownFrom?: number;
}

const MEDIA_PHASES: readonly TakePhase[] = ['setup', 'picking', 'countdown', 'starting', 'recording', 'paused'];

const defaultTitle = (view: RecorderClip) => (view.authorRole === 'customer' ? `Record a video for ${view.agentName}` : 'Record a video reply');

/**
 * The clip recorder, shared by the customer's recording page, the local agent console and the
 * Flex plugin: choose and check, 3-2-1, record (pause, resume, retake, stop, with a timer and a
 * cap), preview, then send or discard. The take streams to the media server as it is recorded;
 * this browser records a copy only for the preview.
 */
export function ClipRecorder(props: ClipRecorderProps) {
  const canCaptureScreen = props.canCaptureScreen ?? canShareScreen();
  const [mode, setMode] = useState<ClipMode>(() => defaultMode(canCaptureScreen));
  const [consented, setConsented] = useState(false);
  const [said, announce] = useAnnouncer();
  const tracks = useRef<LocalTracks | null>(null);

  const [take, act] = useClipTake({
    api: props.api,
    connect: props.connect,
    mode,
    tracks: () => tracks.current,
    pickScreen: props.pickScreen ?? browserPickScreen,
    Recorder: props.MediaRecorder === undefined ? browserRecorderClass() : props.MediaRecorder,
    countdownFrom: props.countdownFrom ?? 3,
    initialView: props.initialView,
    announce,
    onSent: props.onSent,
    onRefused: props.onRefused,
  });

  // Screen-only clips never open the camera (its light stays off).
  const baseMedia = props.media ?? browserMedia;
  const withCamera = needsCamera(mode);
  const deps = useMemo(() => (withCamera ? baseMedia : microphoneOnly(baseMedia)), [baseMedia, withCamera]);
  const local = useLocalMedia(deps, MEDIA_PHASES.includes(take.phase));
  tracks.current = local.tracks;

  const limits = take.view ?? { warnAtSeconds: Infinity, maxSeconds: Infinity };
  const stopAtCap = useCallback(() => act.stop('cap'), [act]);
  const seconds = useTakeTimer(take.phase === 'recording', take.takeKey, limits, announce, stopAtCap);

  // Focus moves with the author between screens, but not to the first screen (the host page owns that).
  const [moved, setMoved] = useState(false);
  const lastPhase = useRef(take.phase);
  useEffect(() => {
    if (take.phase !== lastPhase.current && lastPhase.current !== 'loading') setMoved(true);
    lastPhase.current = take.phase;
  }, [take.phase]);

  return (
    <section className="vx-clip" aria-label="Clip recorder" data-testid="clip-recorder" data-phase={take.phase}>
      <p className="vx-visually-hidden" role="status" aria-live="polite" data-testid="clip-announcer">
        {said}
      </p>
      {renderPhase()}
    </section>
  );

  function renderPhase() {
    const view = take.view;
    switch (take.phase) {
      case 'loading':
        return (
          <p className="vx-status" role="status">
            Opening the recorder…
          </p>
        );
      case 'failed':
        return (
          <div className="vx-clip__screen">
            <p className="vx-error" role="alert" data-testid="clip-error">
              {take.error}
            </p>
            <button type="button" className="vx-button vx-button--primary" onClick={act.reload}>
              Try again
            </button>
          </div>
        );
      case 'setup':
      case 'picking':
        return (
          <ClipSetup
            title={props.title ?? defaultTitle(view as RecorderClip)}
            view={view as RecorderClip}
            mode={mode}
            onMode={setMode}
            canCaptureScreen={canCaptureScreen}
            media={local}
            consented={consented}
            onConsent={setConsented}
            picking={take.phase === 'picking'}
            error={take.error}
            onRecord={act.record}
            autoFocus={moved}
          />
        );
      case 'countdown':
      case 'starting':
        return <ClipCountdown count={take.count} starting={take.phase === 'starting'} onCancel={act.cancelCountdown} />;
      case 'recording':
      case 'paused': {
        const camera = withCamera ? (local.tracks?.video ?? null) : null;
        return (
          <ClipRecording
            paused={take.phase === 'paused'}
            seconds={seconds}
            view={view as RecorderClip}
            busy={take.busy}
            error={take.error}
            onPause={act.pause}
            onResume={act.resume}
            onStop={() => act.stop()}
            onRetake={act.retake}
          >
            <TakeStage main={needsScreen(mode) ? take.screen : camera} pip={mode === 'screen+camera' ? camera : null} mainIsScreen={needsScreen(mode)} />
          </ClipRecording>
        );
      }
      case 'stopped':
        return (
          <ClipReview
            view={view as RecorderClip}
            preview={take.preview}
            takeSeconds={seconds}
            previewNote={take.previewNote}
            note={take.note}
            busy={take.busy}
            error={take.error}
            onSend={act.send}
            onDiscard={act.discard}
          />
        );
      case 'sent':
        return <ClipSentNote />;
    }
  }
}

function ClipSentNote() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="vx-clip__screen" data-testid="clip-sent">
      <h2 className="vx-clip__title" ref={heading} tabIndex={-1}>
        Your clip was sent
      </h2>
    </div>
  );
}
