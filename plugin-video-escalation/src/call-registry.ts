import type { VideoClient } from '../../src/client/video-client';
import type { MediaAccess } from '../../src/domain/escalation';
import type { EscalationApi } from '../../src/ui/api/escalation-api';
import { AgentCall } from '../../src/ui/call/agent-call';
import type { MediaDeps } from '../../src/ui/media/devices';

/**
 * The agent's calls, one per chat conversation, kept outside React: the header button starts a
 * call, the Video tab shows it, wrap-up ends it and completion asks about it, while the agent
 * moves between tabs and tasks.
 */
export class CallRegistry {
  private readonly calls = new Map<string, AgentCall>();

  constructor(
    private readonly api: EscalationApi,
    private readonly clientFor: (a: MediaAccess) => VideoClient,
    private readonly media?: MediaDeps,
  ) {}

  for(conversationSid: string): AgentCall {
    let call = this.calls.get(conversationSid);
    if (!call) {
      call = new AgentCall(this.api, this.clientFor, this.media);
      this.calls.set(conversationSid, call);
    }
    return call;
  }

  get(conversationSid: string): AgentCall | undefined {
    return this.calls.get(conversationSid);
  }
}
