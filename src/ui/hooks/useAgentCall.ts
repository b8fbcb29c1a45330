import { useEffect, useMemo, useState } from 'react';
import type { VideoClient } from '../../client/video-client';
import type { MediaAccess } from '../../domain/escalation';
import type { EscalateResponse } from '../../api/contract';
import type { EscalationApi, VideoInvitation } from '../api/escalation-api';
import type { MediaDeps } from '../media/devices';
import { AgentCall, NO_CALL, type AgentCallState } from '../call/agent-call';

export interface AgentCallView extends AgentCallState {
  connected: boolean;
  /** The current call's room records. */
  recording: boolean;
  escalate(conversationId: string, invitation?: VideoInvitation): Promise<EscalateResponse>;
  end(): Promise<void>;
  close(): void;
}

const notSignedIn = () => Promise.reject(new Error('Not signed in.'));

/** Follows an AgentCall (Flex keeps one per task, outside the components that show it). */
export function useAgentCallState(call: AgentCall | null): AgentCallView {
  const [, rerender] = useState(0);
  useEffect(() => {
    if (!call) return;
    const off = call.subscribe(() => rerender((n) => n + 1));
    // Also follow the room itself (reconnecting, remote leave), which the call does not re-emit.
    const room = call.state.room;
    const offRoom = room ? [room.on('reconnecting', () => rerender((n) => n + 1)), room.on('reconnected', () => rerender((n) => n + 1))] : [];
    return () => {
      off();
      offRoom.forEach((f) => f());
    };
  }, [call, call?.state.room]);
  const state = call?.state ?? NO_CALL;
  return {
    ...state,
    connected: !!call?.connected,
    recording: state.escalation?.recording ?? false,
    escalate: call ? (id, invitation) => call.escalate(id, invitation) : notSignedIn,
    end: call ? () => call.end() : () => Promise.resolve(),
    close: () => call?.close(),
  };
}

/** An AgentCall owned by the component (the local console), closed when it unmounts. */
export function useAgentCall(api: EscalationApi | null, clientFor: (a: MediaAccess) => VideoClient, media?: MediaDeps): AgentCallView {
  const call = useMemo(() => (api ? new AgentCall(api, clientFor, media) : null), [api, clientFor, media]);
  useEffect(() => () => call?.close(), [call]);
  return useAgentCallState(call);
}
