import type { SupportEvent, SupportEventRecord } from '../../domain/support-events';
import { summarizeTicket } from './support-ticket-summary';

const at = (minute: number): string => new Date(Date.UTC(2026, 2, 3, 9, minute)).toISOString();
let n = 0;
const ev = (minute: number, event: SupportEvent): SupportEventRecord => ({ id: `e${++n}`, conversationId: 'CH1', at: at(minute), event });

describe('summarizeTicket', () => {
  it('no events, no row', () => {
    expect(summarizeTicket('CH1', [])).toBeNull();
  });

  it('a text ticket: counts messages per side, opens at its first event whatever the order given', () => {
    const s = summarizeTicket('CH1', [
      ev(5, { kind: 'message', side: 'agent', hasMedia: false }),
      ev(1, { kind: 'message', side: 'customer', hasMedia: true }),
      ev(2, { kind: 'agent_joined', agent: 'alex', team: 'billing' }),
      ev(3, { kind: 'message', side: 'customer', hasMedia: false }),
    ])!;
    expect(s).toMatchObject({ opened_at: at(1), agent: 'alex', team: 'billing', customer_messages: 2, agent_messages: 1, video_used: 0 });
    expect(s).toMatchObject({ resolved: 0, resolutions: 0, resolved_at: null, resolution_seconds: null, first_contact_resolution: 0 });
  });

  it('a transferred ticket belongs to the agent who took it last', () => {
    const s = summarizeTicket('CH1', [
      ev(1, { kind: 'agent_joined', agent: 'alex', team: 'billing' }),
      ev(9, { kind: 'agent_joined', agent: 'sam' }),
    ])!;
    expect([s.agent, s.team]).toEqual(['sam', null]);
  });

  it('calls counted once each; clips: lengths per side, clips watched through only by the other side count', () => {
    const s = summarizeTicket('CH1', [
      ev(0, { kind: 'call_started', callId: 'EV1' }),
      ev(4, { kind: 'call_ended', callId: 'EV1', seconds: 240.5 }),
      // A second call, started twice (a rejoin) and ended twice (the later length wins): one call.
      ev(4, { kind: 'call_started', callId: 'EV2' }),
      ev(4, { kind: 'call_started', callId: 'EV2' }),
      ev(5, { kind: 'call_ended', callId: 'EV2', seconds: 60 }),
      ev(5, { kind: 'call_ended', callId: 'EV2', seconds: 100 }),
      ev(5, { kind: 'clip_sent', side: 'agent', clipId: 'a1', seconds: 30 }),
      ev(6, { kind: 'clip_sent', side: 'agent', clipId: 'a2', seconds: 50 }),
      ev(7, { kind: 'clip_sent', side: 'customer', clipId: 'c1', seconds: 12.5 }),
      ev(8, { kind: 'clip_watched', side: 'customer', clipId: 'a1', completed: false }),
      ev(9, { kind: 'clip_watched', side: 'customer', clipId: 'a1', completed: true }),
      // The author watching their own clip is not the other side watching it.
      ev(9, { kind: 'clip_watched', side: 'agent', clipId: 'a2', completed: true }),
      ev(10, { kind: 'clip_watched', side: 'agent', clipId: 'c1', completed: true }),
      // A view of a clip that is not in the ticket (its sending was erased) counts for nothing.
      ev(11, { kind: 'clip_watched', side: 'agent', clipId: 'gone', completed: true }),
    ])!;
    expect(s).toMatchObject({
      video_used: 1,
      calls: 2,
      call_seconds: 340.5,
      agent_clips: 2,
      agent_clip_seconds: 80,
      customer_clips: 1,
      customer_clip_seconds: 12.5,
      agent_clips_watched_by_customer: 1,
      customer_clips_watched_by_agent: 1,
    });
  });

  it('a clip alone makes a video ticket', () => {
    expect(summarizeTicket('CH1', [ev(1, { kind: 'clip_sent', side: 'customer', clipId: 'c', seconds: 3 })])!.video_used).toBe(1);
  });

  it('resolved once, confirmed, scored, not reopened: a first-contact resolution timed from the first event', () => {
    const s = summarizeTicket('CH1', [
      ev(0, { kind: 'message', side: 'customer', hasMedia: false }),
      ev(30, { kind: 'resolved', by: 'alex', source: 'agent' }),
      ev(31, { kind: 'confirmed', solved: true }),
      ev(32, { kind: 'csat', score: 5 }),
    ])!;
    expect(s).toMatchObject({ resolved_at: at(30), resolution_seconds: 1800, resolutions: 1, reopened: 0, confirmed_solved: 1, csat: 5 });
    expect(s).toMatchObject({ resolved: 1, first_contact_resolution: 1 });
  });

  it('a customer message after the last resolution reopens it; resolving again is not first contact', () => {
    const events = [
      ev(0, { kind: 'message', side: 'customer', hasMedia: false }),
      ev(10, { kind: 'resolved', by: 'alex', source: 'agent' }),
      ev(20, { kind: 'message', side: 'customer', hasMedia: false }),
    ];
    expect(summarizeTicket('CH1', events)).toMatchObject({ reopened: 1, resolved: 1, first_contact_resolution: 0, resolved_at: at(10) });
    const again = summarizeTicket('CH1', [...events, ev(40, { kind: 'resolved', by: 'alex', source: 'task_completed' })])!;
    expect(again).toMatchObject({ reopened: 0, resolutions: 2, resolved: 1, first_contact_resolution: 0, resolved_at: at(10), resolution_seconds: 600 });
  });

  it('an agent message after the resolution does not reopen it', () => {
    const s = summarizeTicket('CH1', [ev(10, { kind: 'resolved', by: 'a', source: 'agent' }), ev(20, { kind: 'message', side: 'agent', hasMedia: false })])!;
    expect([s.reopened, s.first_contact_resolution]).toEqual([0, 1]);
  });

  it('"no, it did not solve it" makes a resolution not count', () => {
    const s = summarizeTicket('CH1', [ev(10, { kind: 'resolved', by: 'a', source: 'agent' }), ev(11, { kind: 'confirmed', solved: false })])!;
    expect(s).toMatchObject({ resolutions: 1, confirmed_solved: 0, resolved: 0, first_contact_resolution: 0 });
  });

  it('time zones (the latest per side) and suggestion counts', () => {
    const s = summarizeTicket('CH1', [
      ev(1, { kind: 'time_zone', side: 'customer', zone: 'Europe/Paris' }),
      ev(2, { kind: 'time_zone', side: 'customer', zone: 'Europe/Berlin' }),
      ev(3, { kind: 'time_zone', side: 'agent', zone: 'America/Chicago' }),
      ev(4, { kind: 'suggestion_shown', reasons: ['many_exchanges'] }),
      ev(5, { kind: 'suggestion_shown', reasons: ['hard_to_explain'] }),
      ev(6, { kind: 'suggestion_dismissed' }),
      ev(7, { kind: 'suggestion_accepted', medium: 'clip' }),
      ev(8, { kind: 'video_offered', medium: 'clip', viaSuggestion: true }),
    ])!;
    expect(s).toMatchObject({
      customer_time_zone: 'Europe/Berlin',
      agent_time_zone: 'America/Chicago',
      suggestions_shown: 2,
      suggestions_accepted: 1,
      suggestions_dismissed: 1,
      video_used: 0,
    });
  });
});
