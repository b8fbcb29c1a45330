import React, { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type ClipTakeApi, type RecorderClip } from '../../../src/ui/api/clip-api';
import type { ClipConnect } from '../../../src/ui/clips/clip-connect';
import { ClipRecorder, type ClipRecorderProps } from '../../../src/ui/clips/ClipRecorder';
import type { ProblemCode } from '../../../src/ui/problem-codes';
import { BackToChat, browserHistory, type BrowserHistory } from '../join/BackToChat';
import { ProblemPage } from '../join/ProblemPage';
import type { TakePhase } from '../../../src/ui/clips/useClipTake';
import { clipProblemFor } from './clip-problems';
import type { PreferInstead } from './clip-preference-api';
import { OtherWays } from './OtherWays';

export interface RecordAppProps {
  /** Null when the page was opened without a recording link. */
  api: ClipTakeApi | null;
  connect: ClipConnect;
  history?: BrowserHistory;
  /** "Prefer to type?" / "Prefer a call?": tells the agent (see customerPreferInstead). Without it, not offered. */
  prefer?: PreferInstead;
  /** Browser seams passed on to the recorder (tests). */
  recorder?: Pick<ClipRecorderProps, 'media' | 'pickScreen' | 'MediaRecorder' | 'canCaptureScreen' | 'guideStorage'>;
}

type Phase = { name: 'checking' } | { name: 'problem'; code: string } | { name: 'ready'; view: RecorderClip } | { name: 'sent'; view: RecorderClip };

const lengthText = (seconds: number) => (seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds} seconds`);
const codeOf = (e: unknown) => (e instanceof ApiError ? e.code : 'unknown');

/** The customer's recording page: check the link, record with the shared recorder, and confirm the send. */
/** The recorder's screens with no take open: leaving from there loses nothing. */
const NO_TAKE_OPEN: readonly TakePhase[] = ['loading', 'failed', 'setup', 'picking'];

export function RecordApp({ api, connect, history = browserHistory, prefer, recorder }: RecordAppProps) {
  const [phase, setPhase] = useState<Phase>({ name: 'checking' });
  const [recorderPhase, setRecorderPhase] = useState<TakePhase>('loading');
  const [checks, setChecks] = useState(0);

  useEffect(() => {
    if (!api) return setPhase({ name: 'problem', code: 'token_missing' satisfies ProblemCode });
    let cancelled = false;
    setPhase({ name: 'checking' });
    api.check().then(
      (view) => !cancelled && setPhase(view.status === 'sent' ? { name: 'problem', code: 'clip_sent' satisfies ProblemCode } : { name: 'ready', view }),
      (e) => !cancelled && setPhase({ name: 'problem', code: codeOf(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, checks]);

  const refused = useCallback((e: ApiError) => setPhase({ name: 'problem', code: e.code }), []);
  const sent = useCallback((view: RecorderClip) => setPhase({ name: 'sent', view }), []);

  switch (phase.name) {
    case 'checking':
      return (
        <main className="page" aria-busy="true">
          <p className="lead" role="status">
            Opening the recorder…
          </p>
        </main>
      );
    case 'problem':
      return (
        <ProblemPage code={phase.code} describe={clipProblemFor} onRetry={() => setChecks((n) => n + 1)}>
          <BackToChat history={history} />
        </ProblemPage>
      );
    case 'ready':
      return (
        <main className="page page--record">
          <h1>Record a video for {phase.view.agentName}</h1>
          <p className="lead">
            Show {phase.view.agentName} what is happening: record your screen, your camera, or both, for up to {lengthText(phase.view.maxSeconds)}.
          </p>
          {/* Hidden while a take is open: leaving mid-take would send it as recorded (author gone). */}
          {prefer && NO_TAKE_OPEN.includes(recorderPhase) && <OtherWays agentName={phase.view.agentName} prefer={prefer} history={history} />}
          <ClipRecorder
            api={api as ClipTakeApi}
            connect={connect}
            initialView={phase.view}
            title="Set up your recording"
            onSent={sent}
            onRefused={refused}
            onPhaseChange={setRecorderPhase}
            {...recorder}
          />
        </main>
      );
    case 'sent':
      return <SentPage agentName={phase.view.agentName} history={history} />;
  }
}

function SentPage({ agentName, history }: { agentName: string; history: BrowserHistory }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className="page page--after" data-testid="clip-sent-page">
      <h1 ref={heading} tabIndex={-1}>
        Your clip was sent to {agentName}.
      </h1>
      <p className="lead">You can close this page.</p>
      <BackToChat history={history} />
    </main>
  );
}
