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
import { FirstTakeGuide } from './guide/FirstTakeGuide';
import type { GuideStorage } from './guide/guide-memory';
import { TestTake } from './guide/TestTake';
import { takeAdvice, type TakeAdvice } from './quality/take-quality';
import { useTakeQualitySamples } from './quality/useTakeQualitySamples';
import { withSendExtras, type ClipSendExtras } from './send-extras';
import { TakeQualityNotes } from './TakeQualityNotes';
import { browserRecorderClass, type RecorderClass } from './local-take-recorder';
import { browserPickScreen, microphoneOnly, type PickScreen } from './screen-capture';
import { TakeStage } from './TakeStage';
import { useAnnouncer } from './useAnnouncer';
import { useClipTake, type TakePhase } from './useClipTake';
import { useTakeTimer } from './useTakeTimer';
import { ClipSendOptions } from './ClipSendOptions';
import type { ClipAnnotation } from '../../domain/clip-annotations';
import { agentDefaultMode, agentModeChoices } from './templates/agent-clip-modes';

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
  /** The first-time guide (three steps and a 10-second test) above the setup. Default: for customers. */
  showGuide?: boolean;
  /** Where the guide remembers it was put away (default: this browser's localStorage). */
  guideStorage?: GuideStorage | null;
  /** Extension point: shown on the setup screen after what to record (e.g. an agent's template picker). */
  setupExtras?: React.ReactNode;
  /** Extension point: shown under the live picture while recording (e.g. a template's checklist). */
  recordingExtras?: (ctx: RecordingExtrasContext) => React.ReactNode;
  /** Extension point: shown on the review screen, after the quality check (e.g. an annotation editor). */
  reviewExtras?: (ctx: ReviewExtrasContext) => React.ReactNode;
  /** Extension point: read when Send is pressed; what it returns goes with `send`. */
  onSendExtras?: () => ClipSendExtras | undefined;
  /** Told each time the recorder moves between screens (e.g. a host hides links that would leave mid-take). */
  onPhaseChange?(phase: TakePhase): void;
}

export interface RecordingExtrasContext {
  /** Recorded time of this take (pauses excluded). */
  elapsedSeconds: number;
  paused: boolean;
}

export interface ReviewExtrasContext {
  /** The take's recorded length as the server counts it: the sent clip's timeline. */
  durationSeconds: number;
  /** The preview player, once mounted (null without a local preview). */
  previewVideo: HTMLVideoElement | null;
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

  // Send carries what the sender added in the review (blur, highlights, a description) and the host's extras.
  const [annotations, setAnnotations] = useState<ClipAnnotation[]>([]);
  const [description, setDescription] = useState('');
  const sendExtras = useRef<() => ClipSendExtras>(() => ({}));
  sendExtras.current = () => ({
    ...(annotations.length > 0 ? { annotations } : {}),
    ...(description.trim() ? { description: description.trim() } : {}),
    ...props.onSendExtras?.(),
  });
  const api = useMemo(() => withSendExtras(props.api, () => sendExtras.current()), [props.api]);

  const recorderClass = props.MediaRecorder === undefined ? browserRecorderClass() : props.MediaRecorder;
  const [take, act] = useClipTake({
    api,
    connect: props.connect,
    mode,
    tracks: () => tracks.current,
    pickScreen: props.pickScreen ?? browserPickScreen,
    Recorder: recorderClass,
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

  // The quality check before Send: measured while recording, judged once the take stops.
  const qualitySamples = useTakeQualitySamples({
    active: take.phase === 'recording',
    takeKey: take.takeKey,
    audio: local.tracks?.audio,
    camera: withCamera ? local.tracks?.video : null,
    screen: take.screen,
  });
  const authorRole = take.view?.authorRole ?? 'customer';
  // Agents are offered screen only first (#22): a camera-shy agent is never pushed on camera.
  const modeTouched = useRef(false);
  useEffect(() => {
    if (authorRole === 'agent' && !modeTouched.current) setMode(agentDefaultMode(canCaptureScreen));
  }, [authorRole, canCaptureScreen]);
  // A new take starts with nothing blurred or described: the last take's rectangles meant its frames.
  const takeNumber = take.view?.take;
  useEffect(() => {
    setAnnotations([]);
    setDescription('');
  }, [takeNumber]);
  const advice = useMemo<TakeAdvice[]>(
    () => (take.phase === 'stopped' ? takeAdvice(qualitySamples(), authorRole) : []),
    // Judged once per stopped take (the samples are read, not watched).
    [take.phase, take.takeKey],
  );
  useEffect(() => {
    if (advice.length > 0) announce(`Before you send: ${advice.map((a) => a.text).join(' ')}`);
  }, [advice, announce]);

  const reviewBox = useRef<HTMLDivElement>(null);
  const [previewVideo, setPreviewVideo] = useState<HTMLVideoElement | null>(null);
  useEffect(() => {
    // TakePreview owns its player; the review extras are handed the element it rendered.
    setPreviewVideo(take.phase === 'stopped' ? (reviewBox.current?.querySelector<HTMLVideoElement>('video[data-testid="clip-preview-main"]') ?? null) : null);
  }, [take.phase, take.preview]);

  // Focus moves with the author between screens, but not to the first screen (the host page owns that).
  const [moved, setMoved] = useState(false);
  const lastPhase = useRef(take.phase);
  useEffect(() => {
    if (take.phase !== lastPhase.current && lastPhase.current !== 'loading') setMoved(true);
    lastPhase.current = take.phase;
  }, [take.phase]);
  const onPhaseChange = props.onPhaseChange;
  useEffect(() => onPhaseChange?.(take.phase), [take.phase, onPhaseChange]);

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
          <>
            {(props.showGuide ?? view?.authorRole === 'customer') && (
              <FirstTakeGuide storage={props.guideStorage}>
                <TestTake tracks={local.tracks} Recorder={recorderClass} />
              </FirstTakeGuide>
            )}
            {renderSetup(view as RecorderClip)}
          </>
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
            {props.recordingExtras?.({ elapsedSeconds: seconds, paused: take.phase === 'paused' })}
          </ClipRecording>
        );
      }
      case 'stopped':
        // Before Send/Discard: the quality notes (also announced on arrival), blur and highlights,
        // the description, and the host's extras.
        return (
          <div className="vx-clip__screen" ref={reviewBox} data-testid="clip-review-step">
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
            >
              <TakeQualityNotes advice={advice} />
              <ClipSendOptions
                durationSeconds={(view as RecorderClip).recordedSeconds}
                video={previewVideo}
                annotations={annotations}
                onAnnotations={setAnnotations}
                description={description}
                onDescription={setDescription}
              />
              {props.reviewExtras?.({ durationSeconds: (view as RecorderClip).recordedSeconds, previewVideo })}
            </ClipReview>
          </div>
        );
      case 'sent':
        return <ClipSentNote />;
    }
  }

  function renderSetup(view: RecorderClip) {
    return (
      <ClipSetup
        title={props.title ?? defaultTitle(view)}
        view={view}
        mode={mode}
        onMode={(m) => {
          modeTouched.current = true;
          setMode(m);
        }}
        canCaptureScreen={canCaptureScreen}
        media={local}
        consented={consented}
        onConsent={setConsented}
        picking={take.phase === 'picking'}
        error={take.error}
        onRecord={act.record}
        autoFocus={moved}
        choices={authorRole === 'agent' ? agentModeChoices() : undefined}
        extras={props.setupExtras}
      />
    );
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
