import { useEffect, useMemo, useRef, useState } from 'react';
import type { VideoRoom, DisconnectReason } from '../../client/video-client';
import type { ClipMode } from '../../domain/clip';
import { ApiError, type ClipTakeApi, type RecorderClip } from '../api/clip-api';
import type { LocalTracks } from '../media/devices';
import type { ClipConnect } from './clip-connect';
import { needsCamera, needsScreen } from './clip-mode';
import { errorText, isRefusal, NO_PREVIEW, stopNote } from './clip-messages';
import { LocalTakeRecorder, type LocalTake, type RecorderClass } from './local-take-recorder';
import { pickScreenTrack, type PickScreen } from './screen-capture';

/**
 * - loading / failed: asking the server where the clip stands
 * - setup: mode, devices, notices and consent (before recording); picking: the screen picker is open
 * - countdown, starting: 3-2-1, then the take's room is made and joined
 * - recording / paused: the take runs (paused: the server records nothing, the room stays)
 * - stopped: the preview, until Send or Discard; sent: done
 */
export type TakePhase = 'loading' | 'failed' | 'setup' | 'picking' | 'countdown' | 'starting' | 'recording' | 'paused' | 'stopped' | 'sent';
export type TakeAction = 'pause' | 'resume' | 'stop' | 'retake' | 'send' | 'discard';

export interface TakeState {
  phase: TakePhase;
  view: RecorderClip | null;
  /** The countdown's number. */
  count: number;
  /** The step waiting for the server (its button says so; others wait). */
  busy: TakeAction | null;
  error: string | null;
  /** Why the take stopped when the author did not press Stop (the cap, a lost connection). */
  note: string | null;
  preview: LocalTake | null;
  /** Said instead of the preview when there is none. */
  previewNote: string | null;
  /** Counts takes begun here: a new one restarts the timer. */
  takeKey: number;
  /** The picked screen, kept for retakes until the take is stopped or thrown away. */
  screen: MediaStreamTrack | null;
}

export interface TakeOptions {
  api: ClipTakeApi;
  connect: ClipConnect;
  mode: ClipMode;
  /** Camera and microphone as opened for the setup screen, read when a take begins. */
  tracks(): LocalTracks | null;
  pickScreen: PickScreen;
  Recorder: RecorderClass | null;
  countdownFrom: number;
  initialView?: RecorderClip;
  announce(text: string): void;
  onSent?(view: RecorderClip): void;
  onRefused?(error: ApiError): void;
}

export interface TakeActions {
  reload(): void;
  record(): void;
  cancelCountdown(): void;
  pause(): void;
  resume(): void;
  stop(cause?: 'cap'): void;
  retake(): void;
  send(): void;
  discard(): void;
}

const RELOADED_NOTE = 'Your last recording was interrupted. What was recorded until then was kept.';
const NO_PREVIEW_AFTER_RELOAD = 'The preview is gone since the page was reloaded. You can still send your clip or discard it.';
/** The server refused a step because the clip moved on meanwhile (`clip_changed`, `clip_stopped`…): look again. */
const isChanged = (e: unknown) => e instanceof ApiError && e.status === 409 && e.code.startsWith('clip_');

function initialState(view: RecorderClip | undefined): TakeState {
  return { phase: view ? 'setup' : 'loading', view: view ?? null, count: 0, busy: null, error: null, note: null, preview: null, previewNote: null, takeKey: 0, screen: null };
}

/**
 * One clip's takes, as a state machine over the clip API and the take's room. Async steps read the
 * newest options and state through refs, so a late answer never acts on a stale screen; every
 * room, recorder and screen this hook opened is released on unmount.
 */
export function useClipTake(options: TakeOptions): [TakeState, TakeActions] {
  const [state, setState] = useState<TakeState>(() => initialState(options.initialView));
  const current = useRef(state);
  const opts = useRef(options);
  opts.current = options;
  const alive = useRef(true);
  const room = useRef<VideoRoom | null>(null);
  const unwatch = useRef<(() => void) | null>(null);
  const recorder = useRef<LocalTakeRecorder | null>(null);
  const screen = useRef<MediaStreamTrack | null>(null);

  const actions = useMemo(() => {
    const patch = (p: Partial<TakeState>) => {
      if (!alive.current) return;
      current.current = { ...current.current, ...p };
      setState(current.current);
    };
    const refused = (e: unknown) => {
      if (isRefusal(e)) opts.current.onRefused?.(e);
    };
    const running = () => current.current.phase === 'recording' || current.current.phase === 'paused';

    const releaseScreen = () => {
      screen.current?.stop();
      screen.current = null;
      patch({ screen: null });
    };
    const unwatchRoom = () => {
      unwatch.current?.();
      unwatch.current = null;
    };
    const watchRoom = (r: VideoRoom) => {
      unwatch.current = r.on('disconnected', (reason) => void endedElsewhere(reason));
    };
    const leaveRoom = () => {
      unwatchRoom();
      room.current?.disconnect();
      room.current = null;
    };
    /** After a failed Stop or Retake: watch the room again, or take its end now if it went meanwhile. */
    const rewatch = () => {
      const r = room.current;
      if (!r) return;
      if (r.state === 'disconnected') void endedElsewhere('ended');
      else watchRoom(r);
    };

    const finishLocal = async () => {
      const rec = recorder.current;
      recorder.current = null;
      const take = rec ? await rec.stop() : null;
      releaseScreen();
      return take;
    };
    const showStopped = (view: RecorderClip, take: LocalTake | null, note: string | null) => {
      patch({ phase: 'stopped', view, busy: null, error: null, preview: take, previewNote: take ? null : NO_PREVIEW, note });
      opts.current.announce(`${note ?? 'Recording stopped.'} Preview your clip, then send or discard it.`);
    };

    /** The take ended without a Stop from here: the server's cap or another reason, or the connection. */
    const endedElsewhere = async (reason: DisconnectReason) => {
      unwatchRoom();
      room.current = null;
      if (!running()) return;
      patch({ busy: 'stop' });
      const take = await finishLocal();
      const { api } = opts.current;
      let view = current.current.view as RecorderClip;
      try {
        // Ended by the server: it knows why. Lost here: stop the take so the clip keeps what was recorded.
        view = reason === 'ended' || reason === 'replaced' ? await api.check() : await api.stop().catch(() => api.check());
      } catch (e) {
        refused(e);
      }
      showStopped(view, take, stopNote(view.stopCause, view.maxSeconds, reason));
    };

    /** A step the server refused because the clip changed meanwhile (usually the cap): look again. */
    const failed = async (e: unknown, doing: string) => {
      refused(e);
      if (isChanged(e)) {
        const view = await opts.current.api.check().catch(() => null);
        if (view?.status === 'stopped' && running()) {
          leaveRoom();
          const take = await finishLocal();
          return showStopped(view, take, stopNote(view.stopCause, view.maxSeconds));
        }
      }
      patch({ busy: null, error: errorText(e, doing) });
    };

    const adopt = async (view: RecorderClip) => {
      if (view.status === 'recording' || view.status === 'paused') {
        // A take left open by a closed or reloaded tab: end it, keeping what was recorded.
        const stopped = await opts.current.api.stop().catch(() => view);
        patch({ phase: 'stopped', view: stopped, note: RELOADED_NOTE, preview: null, previewNote: NO_PREVIEW_AFTER_RELOAD });
      } else if (view.status === 'stopped') {
        patch({ phase: 'stopped', view, note: null, preview: null, previewNote: NO_PREVIEW_AFTER_RELOAD });
      } else if (view.status === 'sent') {
        patch({ phase: 'sent', view });
      } else {
        patch({ phase: 'setup', view });
      }
    };

    const reload = async () => {
      patch({ phase: 'loading', error: null });
      try {
        await adopt(await opts.current.api.check());
      } catch (e) {
        refused(e);
        patch({ phase: 'failed', error: errorText(e, 'Opening the recorder') });
      }
    };

    const startCountdown = () => {
      const n = opts.current.countdownFrom;
      patch({ phase: 'countdown', count: n });
      opts.current.announce(`Recording starts in ${n} seconds.`);
    };

    const onScreenEnded = (track: MediaStreamTrack) => () => {
      if (screen.current !== track) return;
      const { phase } = current.current;
      if (phase === 'recording' || phase === 'paused') return void stop('screen_ended');
      if (phase === 'countdown') {
        releaseScreen();
        patch({ phase: 'setup', error: 'Screen sharing ended before recording started. Press Record to choose a screen again.' });
      }
    };

    const record = async () => {
      const { phase, view } = current.current;
      if (phase !== 'setup' || !view) return;
      patch({ error: null, note: null });
      if (needsScreen(opts.current.mode) && !screen.current) {
        patch({ phase: 'picking' });
        let track: MediaStreamTrack;
        try {
          track = await pickScreenTrack(opts.current.pickScreen);
        } catch (e) {
          return patch({ phase: 'setup', error: (e as Error).message });
        }
        if (!alive.current) return track.stop();
        screen.current = track;
        track.addEventListener('ended', onScreenEnded(track));
        patch({ screen: track });
      }
      startCountdown();
    };

    const cancelCountdown = () => {
      if (current.current.phase !== 'countdown') return;
      releaseScreen();
      patch({ phase: 'setup' });
      opts.current.announce('Recording cancelled.');
    };

    const failStart = (e: unknown, doing: string) => {
      refused(e);
      releaseScreen();
      patch({ phase: 'setup', error: errorText(e, doing) });
    };

    const begin = async () => {
      const { api, connect, mode, Recorder } = opts.current;
      const view = current.current.view as RecorderClip;
      const tracks = opts.current.tracks();
      patch({ phase: 'starting' });
      let access;
      let started: RecorderClip;
      try {
        const res = await api.start(mode, view.notice.version);
        if (!res.access) throw new Error('The server gave no access to record.');
        access = res.access;
        started = res.clip;
      } catch (e) {
        return failStart(e, 'Starting the recording');
      }
      const camera = needsCamera(mode) ? tracks?.video : undefined;
      const picked = screen.current ?? undefined;
      let r: VideoRoom;
      try {
        r = await connect(access, { audio: tracks?.audio, camera, screen: picked });
      } catch (e) {
        void api.retake().catch(() => undefined); // an empty take must not stay open on the server
        return failStart(e, 'Connecting to the recording server');
      }
      if (!alive.current || current.current.phase !== 'starting') return r.disconnect();
      room.current = r;
      watchRoom(r);
      const main = [needsScreen(mode) ? picked : camera, tracks?.audio].filter((t): t is MediaStreamTrack => !!t);
      recorder.current = new LocalTakeRecorder(Recorder, { main, pip: mode === 'screen+camera' ? camera : undefined });
      patch({ phase: 'recording', view: started, busy: null, takeKey: current.current.takeKey + 1, preview: null });
      opts.current.announce('Recording started.');
    };

    const pause = async () => {
      if (current.current.phase !== 'recording' || current.current.busy) return;
      patch({ busy: 'pause', error: null });
      try {
        const view = await opts.current.api.pause();
        if (current.current.phase !== 'recording') return;
        recorder.current?.pause();
        patch({ phase: 'paused', view, busy: null });
        opts.current.announce('Recording paused.');
      } catch (e) {
        await failed(e, 'Pausing');
      }
    };

    const resume = async () => {
      if (current.current.phase !== 'paused' || current.current.busy) return;
      patch({ busy: 'resume', error: null });
      try {
        const view = await opts.current.api.resume();
        if (current.current.phase !== 'paused') return;
        recorder.current?.resume();
        patch({ phase: 'recording', view, busy: null });
        opts.current.announce('Recording resumed.');
      } catch (e) {
        await failed(e, 'Resuming');
      }
    };

    const stop = async (cause?: 'cap' | 'screen_ended') => {
      const { busy, view: before } = current.current;
      if (!running() || busy === 'stop' || busy === 'retake') return;
      patch({ busy: 'stop', error: null });
      // The server ends the room as it stops the take: from here that end is expected.
      unwatchRoom();
      let view: RecorderClip;
      try {
        view = await opts.current.api.stop();
      } catch (e) {
        if (!isChanged(e)) {
          refused(e);
          patch({ busy: null, error: errorText(e, 'Stopping') });
          return rewatch();
        }
        view = await opts.current.api.check().catch(() => before as RecorderClip); // the cap got there first
      }
      leaveRoom();
      const take = await finishLocal();
      const serverCause = view.stopCause && view.stopCause !== 'author' ? view.stopCause : undefined;
      const why = cause ?? serverCause;
      showStopped(view, take, why ? stopNote(why, view.maxSeconds) : null);
    };

    const retake = async () => {
      if (!running() || current.current.busy) return;
      patch({ busy: 'retake', error: null });
      unwatchRoom();
      let view: RecorderClip;
      try {
        view = await opts.current.api.retake();
      } catch (e) {
        rewatch();
        return failed(e, 'Starting over');
      }
      leaveRoom();
      recorder.current?.discard();
      recorder.current = null;
      patch({ view, busy: null });
      startCountdown(); // the same devices and the same screen
    };

    const send = async () => {
      if (current.current.phase !== 'stopped' || current.current.busy) return;
      patch({ busy: 'send', error: null });
      try {
        const view = await opts.current.api.send();
        patch({ phase: 'sent', view, busy: null, preview: null });
        opts.current.announce('Your clip was sent.');
        opts.current.onSent?.(view);
      } catch (e) {
        refused(e);
        patch({ busy: null, error: errorText(e, 'Sending') });
      }
    };

    const discard = async () => {
      if (current.current.phase !== 'stopped' || current.current.busy) return;
      patch({ busy: 'discard', error: null });
      try {
        const view = await opts.current.api.discard();
        patch({ phase: 'setup', view, busy: null, preview: null, previewNote: null, note: null });
        opts.current.announce('Your recording was discarded.');
      } catch (e) {
        refused(e);
        patch({ busy: null, error: errorText(e, 'Discarding') });
      }
    };

    return {
      adopt,
      begin,
      reload: () => void reload(),
      record: () => void record(),
      cancelCountdown,
      pause: () => void pause(),
      resume: () => void resume(),
      stop: (cause?: 'cap') => void stop(cause),
      retake: () => void retake(),
      send: () => void send(),
      discard: () => void discard(),
      tick: () => patch({ count: current.current.count - 1 }),
    };
  }, []);

  // First look at the clip (unless the host already did), and release everything on unmount.
  useEffect(() => {
    if (options.initialView) void actions.adopt(options.initialView);
    else actions.reload();
    // A closed or left page leaves the take's room at once: Janus keeps a vanished tab's session (and
    // its publisher) for the reclaim timeout, so the server would see the author gone only ~30 s later.
    // Unwatched first: this is no Stop, the server sends what was recorded (clip-limits.ts).
    const leaveOnPageHide = () => {
      unwatch.current?.();
      unwatch.current = null;
      room.current?.disconnect();
    };
    window.addEventListener('pagehide', leaveOnPageHide);
    return () => {
      window.removeEventListener('pagehide', leaveOnPageHide);
      alive.current = false;
      unwatch.current?.();
      room.current?.disconnect();
      recorder.current?.discard();
      screen.current?.stop();
    };
  }, []); // once per mounted recorder

  // 3-2-1, then the take begins.
  useEffect(() => {
    if (state.phase !== 'countdown') return undefined;
    if (state.count <= 0) {
      void actions.begin();
      return undefined;
    }
    const timer = setTimeout(actions.tick, 1000);
    return () => clearTimeout(timer);
  }, [state.phase, state.count, actions]);

  return [state, actions];
}
