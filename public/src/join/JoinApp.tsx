import React, { useCallback, useEffect, useRef, useState } from 'react';
import type { DisconnectReason, VideoClient, VideoRoom } from '../../../src/client/video-client';
import type { MediaAccess } from '../../../src/domain/escalation';
import { disconnectMessage } from '../../../src/ui/components/disconnect-messages';
import type { MediaDeps } from '../../../src/ui/media/devices';
import { useLocalMedia } from '../../../src/ui/hooks/useLocalMedia';
import type { ProblemCode } from '../../../src/ui/problem-codes';
import { ApiError, type CustomerApi, type LinkCheck } from '../../../src/ui/api/customer-api';
import { BackToChat, browserHistory, type BrowserHistory } from './BackToChat';
import { InCall } from './InCall';
import { PreJoin } from './PreJoin';
import { ProblemPage } from './ProblemPage';

export interface JoinAppProps {
  linkToken: string | null;
  api: CustomerApi;
  media: MediaDeps;
  videoClientFor(access: MediaAccess): VideoClient;
  /** How to get back to the chat (tests pass a fake). */
  history?: BrowserHistory;
}

type Phase =
  | { name: 'checking' }
  | { name: 'problem'; code: string }
  | { name: 'ready'; check: LinkCheck; inUse: boolean }
  | { name: 'joining'; check: LinkCheck; inUse: boolean }
  | { name: 'in-call'; check: LinkCheck; room: VideoRoom }
  | { name: 'after'; check: LinkCheck; reason: DisconnectReason };

const codeOf = (e: unknown) => (e instanceof ApiError ? e.code : 'unknown');

/** The customer's whole journey: check the link, pre-join, call, and what happened after. */
export function JoinApp({ linkToken, api, media, videoClientFor, history = browserHistory }: JoinAppProps) {
  const [phase, setPhase] = useState<Phase>({ name: 'checking' });
  const [consented, setConsented] = useState(false);
  const [joinError, setJoinError] = useState<string | null>(null);
  const [checks, setChecks] = useState(0);
  const local = useLocalMedia(media, phase.name === 'ready' || phase.name === 'joining' || phase.name === 'in-call');
  const roomRef = useRef<VideoRoom | null>(null);

  useEffect(() => {
    if (!linkToken) return setPhase({ name: 'problem', code: 'token_missing' satisfies ProblemCode });
    if (!media.supported()) return setPhase({ name: 'problem', code: 'unsupported_browser' satisfies ProblemCode });
    let cancelled = false;
    setPhase({ name: 'checking' });
    api.check(linkToken).then(
      (check) => !cancelled && setPhase({ name: 'ready', check, inUse: check.inUse }),
      (e) => !cancelled && setPhase({ name: 'problem', code: codeOf(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, media, linkToken, checks]);

  useEffect(() => () => roomRef.current?.disconnect(), []);

  const join = useCallback(
    async (takeOver: boolean) => {
      if (phase.name !== 'ready' || !linkToken || !local.tracks) return;
      const { check } = phase;
      setJoinError(null);
      setPhase({ name: 'joining', check, inUse: phase.inUse });
      try {
        // Consent travels with the join: the server stores it and refuses a recorded call without it.
        const { access } = await api.join(linkToken, takeOver, check.recording && consented ? check.notice?.version : undefined);
        const room = await videoClientFor(access).connect(access, { audio: local.tracks.audio, video: local.tracks.video });
        roomRef.current = room;
        room.on('disconnected', (reason) => {
          roomRef.current = null;
          setPhase({ name: 'after', check, reason });
        });
        setPhase({ name: 'in-call', check, room });
      } catch (e) {
        if (e instanceof ApiError && e.code === 'link_in_use') return setPhase({ name: 'ready', check, inUse: true });
        if (e instanceof ApiError && e.code !== 'network') return setPhase({ name: 'problem', code: e.code });
        setJoinError(`Could not connect to the call. ${e instanceof Error ? e.message : ''} Please try again.`.trim());
        setPhase({ name: 'ready', check, inUse: phase.inUse });
      }
    },
    [api, linkToken, local.tracks, phase, videoClientFor, consented],
  );

  const recheck = () => setChecks((n) => n + 1);

  switch (phase.name) {
    case 'checking':
      return (
        <main className="page" aria-busy="true">
          <p className="lead" role="status">
            Opening your video call…
          </p>
        </main>
      );
    case 'problem':
      return (
        <ProblemPage code={phase.code} onRetry={recheck}>
          <BackToChat history={history} />
        </ProblemPage>
      );
    case 'ready':
    case 'joining':
      if (local.problem) return <ProblemPage code={local.problem} onRetry={local.retry} />;
      return (
        <PreJoin
          check={phase.check}
          media={local}
          inUse={phase.inUse}
          joining={phase.name === 'joining'}
          error={joinError}
          consented={consented}
          onConsent={setConsented}
          onJoin={join}
        />
      );
    case 'in-call':
      return <InCall room={phase.room} agentName={phase.check.agentName} sinkId={local.speakerId || undefined} recording={phase.check.recording} />;
    case 'after': {
      const msg = disconnectMessage(phase.reason, 'customer');
      const stillValid = new Date(phase.check.expiresAt).getTime() > Date.now();
      const canRejoin = phase.reason !== 'ended' && stillValid;
      return (
        <main className="page page--after" data-reason={phase.reason}>
          <h1 data-testid="call-status" role="status">
            {msg.title}
          </h1>
          <p className="lead">{msg.detail}</p>
          {canRejoin && (
            <button type="button" className="btn btn--primary" data-testid="rejoin-button" onClick={recheck}>
              {phase.reason === 'replaced' ? 'Move the call back here' : 'Rejoin'}
            </button>
          )}
          <BackToChat history={history} />
        </main>
      );
    }
  }
}
