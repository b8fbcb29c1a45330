import type { TicketVideoFacts } from '../../api/support-ticket-contract';
import type { SupportEventRecord } from '../../domain/support-events';

/**
 * What one ticket's log says, in the shape the agent's tools need: Flex Insights' task attributes
 * at completion, and the suggestion rules' history. Read from the ticket's own events (tens).
 */
export interface TicketFacts extends TicketVideoFacts {
  /** Agents who took the ticket (their identities), for telling their messages from the customer's. */
  agents: string[];
}

export function ticketFacts(records: readonly SupportEventRecord[]): TicketFacts {
  const facts: TicketFacts = {
    videoUsed: false,
    calls: 0,
    callSeconds: 0,
    customerClips: 0,
    agentClips: 0,
    clipSeconds: 0,
    customerMessages: 0,
    agentMessages: 0,
    csat: null,
    resolved: false,
    agents: [],
  };
  for (const { event } of records) {
    switch (event.kind) {
      case 'call_started':
        facts.calls += 1;
        facts.videoUsed = true;
        break;
      case 'call_ended':
        facts.callSeconds += event.seconds;
        break;
      case 'clip_sent':
        facts.videoUsed = true;
        facts.clipSeconds += event.seconds;
        if (event.side === 'customer') facts.customerClips += 1;
        else facts.agentClips += 1;
        break;
      case 'message':
        if (event.side === 'customer') facts.customerMessages += 1;
        else facts.agentMessages += 1;
        break;
      case 'csat':
        facts.csat ??= event.score;
        break;
      case 'resolved':
        facts.resolved = true;
        break;
      case 'agent_joined':
        if (!facts.agents.includes(event.agent)) facts.agents.push(event.agent);
        break;
      default:
        break;
    }
  }
  return facts;
}
