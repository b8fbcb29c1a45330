import type { SupportEvent } from '../../domain/support-events';
import { ticketFacts } from './ticket-facts';

const log = (...events: SupportEvent[]) => events.map((event, i) => ({ id: String(i), conversationId: 'CH1', at: `2026-12-01T10:0${i}:00Z`, event }));

test('a ticket with a call and clips both ways reads as video, with its lengths and counts', () => {
  const facts = ticketFacts(
    log(
      { kind: 'agent_joined', agent: 'alex' },
      { kind: 'message', side: 'customer', hasMedia: false },
      { kind: 'message', side: 'agent', hasMedia: false },
      { kind: 'call_started', callId: 'e1' },
      { kind: 'call_ended', callId: 'e1', seconds: 95 },
      { kind: 'clip_sent', side: 'customer', clipId: 'c1', seconds: 30 },
      { kind: 'clip_sent', side: 'agent', clipId: 'c2', seconds: 45 },
      { kind: 'resolved', by: 'alex', source: 'agent' },
      { kind: 'csat', score: 5 },
      { kind: 'agent_joined', agent: 'alex' },
    ),
  );
  expect(facts).toEqual({
    videoUsed: true,
    calls: 1,
    callSeconds: 95,
    customerClips: 1,
    agentClips: 1,
    clipSeconds: 75,
    customerMessages: 1,
    agentMessages: 1,
    csat: 5,
    resolved: true,
    agents: ['alex'],
  });
});

test('a text-only ticket is not video, and an offer alone does not make it so', () => {
  const facts = ticketFacts(log({ kind: 'message', side: 'customer', hasMedia: true }, { kind: 'video_offered', medium: 'clip', viaSuggestion: true }));
  expect(facts).toMatchObject({ videoUsed: false, calls: 0, customerMessages: 1, csat: null, resolved: false });
});
