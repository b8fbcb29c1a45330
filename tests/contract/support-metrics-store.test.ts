/**
 * The support event log and the metrics over it (migration 0017), one contract on both engines:
 * embedded SQLite and a private PostgreSQL cluster started for this run. A month of tickets is
 * seeded by hand and every metric is checked against values worked out below, the same on both.
 */
import type { SqlEngine, SqlStore } from '../../src/adapters/sql/database';
import { rebuildSupportDays } from '../../src/adapters/sql/sql-support-days';
import { ticketExportCursor } from '../../src/domain/ticket-export-cursor';
import type { InsightsReport, Metric, MetricKey, RoiAssumptions } from '../../src/domain/insights';
import type { SupportEvent } from '../../src/domain/support-events';
import type { SupportEventStore } from '../../src/ports/support-event-store';
import { openTwoConnections, type TwoConnections } from './support/two-connections';

const march = (day: number, hour: number, minute = 0): Date => new Date(Date.UTC(2026, 2, day, hour, minute));
const iso = (d: Date): string => d.toISOString();
const MARCH = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
const LATER = new Date(Date.UTC(2030, 0, 1, 9));
const ROI: RoiAssumptions = { minutesPerMessage: 2.5, costPerMinute: 0.75 };

type Step = [Date, SupportEvent];
const customer = (hasMedia = false): SupportEvent => ({ kind: 'message', side: 'customer', hasMedia });
const agent = (): SupportEvent => ({ kind: 'message', side: 'agent', hasMedia: false });
const joined = (name: string, team?: string): SupportEvent => ({ kind: 'agent_joined', agent: name, ...(team ? { team } : {}) });
const resolved = (): SupportEvent => ({ kind: 'resolved', by: 'staff', source: 'agent' });
const zone = (side: 'customer' | 'agent', z: string): SupportEvent => ({ kind: 'time_zone', side, zone: z });

/**
 * The tickets (alex is in team billing, sam in tech). "msgs" = customer + agent messages.
 * CH01 alex, video: call 600 s, agent clip a1 (40 s) watched through by the customer; 2 msgs;
 *      resolved after 2 h, confirmed yes, CSAT 5 (a second CSAT of 1 is refused); zones Paris/New York.
 * CH02 alex, video: customer clip c2 (30 s) watched through by the agent, agent clip a2 (60 s) only
 *      opened; 3 msgs; resolved after 4 h, CSAT 4; both zones London.
 * CH03 alex, video: call 300 s; 2 msgs; resolved after 1 h but the customer said "no"; CSAT 2.
 * CH04 sam, video: customer clip c4 (20 s, watched by the agent), agent clip a4 (50 s, watched by
 *      the customer), 2 customer + 1 agent msgs, customer zone Tokyo, resolved, CSAT 3. Then the
 *      customer is erased: 6 events go (2 msgs, c4, the customer's view of a4, the zone, the CSAT).
 *      What is left: opened 12:01 (agent_joined), 1 msg, agent clip a4 not watched, resolved at
 *      13:01 (1 h), no CSAT, no customer zone.
 * CH05 sam, text: 6 msgs, suggestion shown and dismissed, zones Los Angeles/Berlin, resolved after 1 h, CSAT 5.
 * CH06 alex, text: 4 msgs; resolved after 1 h, reopened by the customer, resolved again; CSAT 4.
 * CH07 alex, text: 3 msgs; resolved after 2 h, then a customer message (reopened).
 * CH08 sam, text: 4 msgs, suggestion shown, zones Kolkata/Berlin, never resolved.
 * CH09 nobody, text: 1 msg, opened the same minute as CH08 (the export breaks the tie by id).
 * CH10 alex, video: call 120 s, customer clip c10 (45 s) nobody watched; 2 msgs; opened Mar 31
 *      23:00, resolved 2 h later (in April), confirmed yes, CSAT 5; a suggestion shown and accepted.
 * CH11 kim (team support), video, opened in February: outside the March range.
 */
const TICKETS: Record<string, Step[]> = {
  CH01: [
    [march(2, 9, 0), customer()],
    [march(2, 9, 1), joined('alex', 'billing')],
    [march(2, 9, 2), agent()],
    [march(2, 9, 5), { kind: 'call_started', callId: 'EV1' }],
    [march(2, 9, 15), { kind: 'call_ended', callId: 'EV1', seconds: 600 }],
    [march(2, 9, 16), { kind: 'clip_sent', side: 'agent', clipId: 'a1', seconds: 40 }],
    [march(2, 9, 18), { kind: 'clip_watched', side: 'customer', clipId: 'a1', completed: false }],
    [march(2, 9, 20), { kind: 'clip_watched', side: 'customer', clipId: 'a1', completed: true }],
    [march(2, 9, 30), zone('customer', 'Europe/Paris')],
    [march(2, 9, 30), zone('agent', 'America/New_York')],
    [march(2, 11, 0), resolved()],
    [march(2, 11, 5), { kind: 'confirmed', solved: true }],
    [march(2, 11, 6), { kind: 'csat', score: 5 }],
  ],
  CH02: [
    [march(5, 10, 0), customer()],
    [march(5, 10, 1), joined('alex', 'billing')],
    [march(5, 10, 2), agent()],
    [march(5, 10, 3), customer(true)],
    [march(5, 10, 10), { kind: 'clip_sent', side: 'customer', clipId: 'c2', seconds: 30 }],
    [march(5, 10, 12), { kind: 'clip_watched', side: 'agent', clipId: 'c2', completed: true }],
    [march(5, 10, 20), { kind: 'clip_sent', side: 'agent', clipId: 'a2', seconds: 60 }],
    [march(5, 10, 25), { kind: 'clip_watched', side: 'customer', clipId: 'a2', completed: false }],
    [march(5, 10, 30), zone('customer', 'Europe/London')],
    [march(5, 10, 30), zone('agent', 'Europe/London')],
    [march(5, 14, 0), resolved()],
    [march(5, 14, 10), { kind: 'csat', score: 4 }],
  ],
  CH03: [
    [march(10, 8, 0), customer()],
    [march(10, 8, 1), joined('alex', 'billing')],
    [march(10, 8, 2), { kind: 'call_started', callId: 'EV1' }],
    [march(10, 8, 7), { kind: 'call_ended', callId: 'EV1', seconds: 300 }],
    [march(10, 8, 10), agent()],
    [march(10, 9, 0), resolved()],
    [march(10, 9, 5), { kind: 'confirmed', solved: false }],
    [march(10, 9, 6), { kind: 'csat', score: 2 }],
  ],
  CH04: [
    [march(12, 12, 0), customer()],
    [march(12, 12, 1), joined('sam', 'tech')],
    [march(12, 12, 2), agent()],
    [march(12, 12, 3), { kind: 'clip_sent', side: 'customer', clipId: 'c4', seconds: 20 }],
    [march(12, 12, 4), { kind: 'clip_watched', side: 'agent', clipId: 'c4', completed: true }],
    [march(12, 12, 5), { kind: 'clip_sent', side: 'agent', clipId: 'a4', seconds: 50 }],
    [march(12, 12, 6), { kind: 'clip_watched', side: 'customer', clipId: 'a4', completed: true }],
    [march(12, 12, 7), customer()],
    [march(12, 12, 8), zone('customer', 'Asia/Tokyo')],
    [march(12, 12, 8), zone('agent', 'Europe/Berlin')],
    [march(12, 13, 1), resolved()],
    [march(12, 13, 2), { kind: 'csat', score: 3 }],
  ],
  CH05: [
    [march(15, 9, 0), customer()],
    [march(15, 9, 1), joined('sam', 'tech')],
    [march(15, 9, 2), agent()],
    [march(15, 9, 3), customer()],
    [march(15, 9, 4), agent()],
    [march(15, 9, 5), customer()],
    [march(15, 9, 6), agent()],
    [march(15, 9, 7), { kind: 'suggestion_shown', reasons: ['many_exchanges'] }],
    [march(15, 9, 8), { kind: 'suggestion_dismissed' }],
    [march(15, 9, 9), zone('customer', 'America/Los_Angeles')],
    [march(15, 9, 9), zone('agent', 'Europe/Berlin')],
    [march(15, 10, 0), resolved()],
    [march(15, 10, 1), { kind: 'csat', score: 5 }],
  ],
  CH06: [
    [march(18, 9, 0), customer()],
    [march(18, 9, 1), joined('alex', 'billing')],
    [march(18, 9, 2), agent()],
    [march(18, 10, 0), resolved()],
    [march(18, 11, 0), customer()],
    [march(18, 11, 5), agent()],
    [march(18, 12, 0), resolved()],
    [march(18, 12, 5), { kind: 'csat', score: 4 }],
  ],
  CH07: [
    [march(20, 9, 0), customer()],
    [march(20, 9, 1), joined('alex', 'billing')],
    [march(20, 9, 2), agent()],
    [march(20, 11, 0), resolved()],
    [march(20, 11, 30), customer()],
  ],
  CH08: [
    [march(25, 9, 0), customer()],
    [march(25, 9, 1), joined('sam', 'tech')],
    [march(25, 9, 2), agent()],
    [march(25, 9, 3), customer()],
    [march(25, 9, 4), { kind: 'suggestion_shown', reasons: ['hard_to_explain'] }],
    [march(25, 9, 5), agent()],
    [march(25, 9, 6), zone('customer', 'Asia/Kolkata')],
    [march(25, 9, 6), zone('agent', 'Europe/Berlin')],
  ],
  CH09: [[march(25, 9, 0), customer()]],
  CH10: [
    [march(31, 23, 0), customer()],
    [march(31, 23, 1), joined('alex', 'billing')],
    [march(31, 23, 2), { kind: 'suggestion_shown', reasons: ['asked_for_video'] }],
    [march(31, 23, 3), { kind: 'suggestion_accepted', medium: 'call' }],
    [march(31, 23, 4), { kind: 'video_offered', medium: 'call', viaSuggestion: true }],
    [march(31, 23, 5), { kind: 'call_started', callId: 'EV1' }],
    [march(31, 23, 7), { kind: 'call_ended', callId: 'EV1', seconds: 120 }],
    [march(31, 23, 10), { kind: 'clip_sent', side: 'customer', clipId: 'c10', seconds: 45 }],
    [march(31, 23, 20), agent()],
    [march(32, 1, 0), resolved()],
    [march(32, 1, 5), { kind: 'confirmed', solved: true }],
    [march(32, 1, 6), { kind: 'csat', score: 5 }],
  ],
  CH11: [
    [new Date(Date.UTC(2026, 1, 20, 9, 0)), customer()],
    [new Date(Date.UTC(2026, 1, 20, 9, 1)), joined('kim', 'support')],
    [new Date(Date.UTC(2026, 1, 20, 9, 2)), { kind: 'clip_sent', side: 'agent', clipId: 'a11', seconds: 10 }],
    [new Date(Date.UTC(2026, 1, 20, 10, 0)), resolved()],
  ],
};

const metric = (r: InsightsReport, key: MetricKey): Metric => {
  const m = r.metrics.find((x) => x.key === key);
  if (!m) throw new Error(`no metric ${key}`);
  return m;
};
/** value / video / text of every metric, for whole-report comparisons. */
const figures = (r: InsightsReport) => Object.fromEntries(r.metrics.map((m) => [m.key, [m.value, m.video, m.text]]));

describe.each<SqlEngine>(['sqlite', 'postgres'])('support events and metrics on %s', (engine) => {
  let opened: TwoConnections | undefined;
  const stores = (): { store: SqlStore; other: SqlStore } => {
    if (!opened) throw new Error(`${engine} store did not open`);
    return opened;
  };
  const events = (): SupportEventStore => stores().store.supportEvents;
  const seeded = { csatRepeat: undefined as unknown, confirmedRepeat: undefined as unknown, erased: -1, erasedAgain: -1 };

  beforeAll(async () => {
    opened = await openTwoConnections(engine, 'support-metrics');
    for (const [conversationId, steps] of Object.entries(TICKETS)) {
      for (const [at, event] of steps) {
        const r = await events().append(conversationId, event, at);
        if (!r.appended) throw new Error(`seed event of ${conversationId} refused`);
      }
    }
    seeded.csatRepeat = await events().append('CH01', { kind: 'csat', score: 1 }, march(2, 11, 7));
    seeded.confirmedRepeat = await stores().other.supportEvents.append('CH03', { kind: 'confirmed', solved: true }, march(10, 9, 30));
    seeded.erased = await events().eraseCustomer('CH04');
    seeded.erasedAgain = await events().eraseCustomer('CH04');
  }, 90_000);
  afterAll(async () => opened?.close(), 30_000);

  it('an appended event reads back in order, whole', async () => {
    const list = await events().list('CH07');
    expect(list.map((e) => [e.at, e.event])).toEqual(TICKETS.CH07!.map(([at, event]) => [iso(at), event]));
    expect(list.every((e) => e.conversationId === 'CH07' && /^SE\d{24}[0-9a-f]{12}$/.test(e.id))).toBe(true);
    expect(await events().list('CH-none')).toEqual([]);
  });

  it('events appended in the same millisecond read back in the order they were appended', async () => {
    const same = new Date(Date.UTC(2019, 0, 1, 12, 0, 0)); // outside every range the metrics below read
    const sequence: SupportEvent[] = [
      { kind: 'message', side: 'customer', hasMedia: false },
      { kind: 'suggestion_dismissed' },
      { kind: 'message', side: 'customer', hasMedia: true },
      { kind: 'suggestion_shown', reasons: ['asked_for_video'] },
    ];
    for (const event of sequence) await events().append('CH-same-ms', event, same);
    expect((await events().list('CH-same-ms')).map((e) => e.event)).toEqual(sequence);
  });

  it('the survey answers are kept once per ticket: a repeat, from any connection, changes nothing', async () => {
    expect(seeded.csatRepeat).toEqual({ appended: false, record: null });
    expect(seeded.confirmedRepeat).toEqual({ appended: false, record: null });
    const ch01 = await events().list('CH01');
    expect(ch01.filter((e) => e.event.kind === 'csat').map((e) => e.event)).toEqual([{ kind: 'csat', score: 5 }]);
    const ch03 = await events().list('CH03');
    expect(ch03.filter((e) => e.event.kind === 'confirmed').map((e) => e.event)).toEqual([{ kind: 'confirmed', solved: false }]);
    // Other kinds repeat freely (in 2030, outside every range reported on).
    const r = await events().append('CH12', { kind: 'suggestion_dismissed' }, LATER);
    expect(r.appended).toBe(true);
    expect(r.record).toEqual({ id: expect.any(String), conversationId: 'CH12', at: iso(LATER), event: { kind: 'suggestion_dismissed' } });
    expect((await events().append('CH12', { kind: 'suggestion_dismissed' }, LATER)).appended).toBe(true);
    expect(await events().list('CH12')).toHaveLength(2);
  });

  it("erasure removes the customer's events and only theirs, and the ticket's figures follow", async () => {
    expect(seeded.erased).toBe(6);
    expect(seeded.erasedAgain).toBe(0);
    const left = (await events().list('CH04')).map((e) => e.event);
    expect(left).toEqual([
      joined('sam', 'tech'),
      agent(),
      { kind: 'clip_watched', side: 'agent', clipId: 'c4', completed: true },
      { kind: 'clip_sent', side: 'agent', clipId: 'a4', seconds: 50 },
      zone('agent', 'Europe/Berlin'),
      resolved(),
    ]);
    const [row] = await events().exportTickets({ from: iso(march(12, 0)), to: iso(march(13, 0)) }, { limit: 10 });
    expect(row).toEqual({
      conversation_id: 'CH04',
      opened_at: iso(march(12, 12, 1)),
      agent: 'sam',
      team: 'tech',
      video_used: true,
      calls: 0,
      call_seconds: 0,
      customer_clips: 0,
      agent_clips: 1,
      customer_messages: 0,
      agent_messages: 1,
      resolved_at: iso(march(12, 13, 1)),
      first_contact_resolution: true,
      confirmed_solved: null,
      csat: null,
      customer_time_zone: null,
      agent_time_zone: 'Europe/Berlin',
      suggestions_shown: 0,
      suggestions_accepted: 0,
    });
    expect(await events().eraseCustomer('CH-none')).toBe(0);
  });

  it('every metric over March, worked out by hand', async () => {
    const r = await events().report(MARCH, ROI);
    expect(r.filter).toEqual(MARCH);
    expect(r.metrics.map((m) => m.key)).toEqual([
      'tickets', 'video_tickets', 'adoption_rate', 'resolution_rate', 'messages_per_ticket', 'time_to_resolution_hours', 'csat',
      'first_contact_resolution', 'customer_clip_completion', 'agent_clip_completion', 'avg_clip_seconds_customer',
      'avg_clip_seconds_agent', 'timezone_spanning_resolutions', 'agent_minutes_saved', 'agent_cost_saved_usd',
      'suggestions_shown', 'suggestions_accepted', 'suggestions_dismissed',
    ]);
    expect(r.metrics.every((m) => m.label.length > 0)).toBe(true);
    // Video: CH01 02 03 04 10 (5); text: CH05 06 07 08 09 (5). CH11 is February's.
    expect(figures(r)).toEqual({
      tickets: [10, undefined, undefined],
      video_tickets: [5, undefined, undefined],
      adoption_rate: [0.5, undefined, undefined],
      // Resolved: video CH01 02 04 10 (CH03 said no) = 4/5; text CH05 06 07 = 3/5; 7/10.
      resolution_rate: [0.7, 0.8, 0.6],
      // Msgs: video 2+3+2+1+2 = 10 → 2; text 6+4+3+4+1 = 18 → 3.6; 28/10.
      messages_per_ticket: [2.8, 2, 3.6],
      // Hours to the first resolution, resolved only: video 2+4+1+2 = 9/4; text 1+1+2 = 4/3; 13/7 = 1.857….
      time_to_resolution_hours: [1.86, 2.25, 1.33],
      // Video 5+4+2+5 (CH04's erased) = 16/4; text 5+4 = 9/2; 25/6 = 4.1666….
      csat: [4.17, 4, 4.5],
      // Resolved once, not reopened: video CH01 02 04 10 = 4/5; text CH05 = 1/5 (CH06 twice, CH07 reopened).
      first_contact_resolution: [0.5, 0.8, 0.2],
      // Agent clips a1 a2 a4, the customer watched a1 through (a4's view was erased): 1/3.
      customer_clip_completion: [0.3333, undefined, undefined],
      // Customer clips c2 c10 (c4 erased), the agent watched c2 through: 1/2.
      agent_clip_completion: [0.5, undefined, undefined],
      avg_clip_seconds_customer: [37.5, undefined, undefined], // (30 + 45) / 2
      avg_clip_seconds_agent: [50, undefined, undefined], // (40 + 60 + 50) / 3
      // Resolved with two known, different zones: CH01 (Paris/New York), CH05 (LA/Berlin). CH02 the
      // same zone, CH04 lost the customer's, CH08 unresolved.
      timezone_spanning_resolutions: [2, undefined, undefined],
      // (3.6 − 2) msgs × 2.5 min × 4 resolved video tickets = 16 min; × 0.75 = 12 USD.
      agent_minutes_saved: [16, undefined, undefined],
      agent_cost_saved_usd: [12, undefined, undefined],
      suggestions_shown: [3, undefined, undefined], // CH05, CH08, CH10
      suggestions_accepted: [1, undefined, undefined], // CH10
      suggestions_dismissed: [1, undefined, undefined], // CH05
    });
    expect(metric(r, 'adoption_rate').target).toEqual({ direction: 'min', value: 0.1 });
    expect(metric(r, 'resolution_rate').target).toEqual({ direction: 'min', value: 0.88 });
    expect(metric(r, 'csat').target).toEqual({ direction: 'min', value: 4.8 });
    expect(metric(r, 'customer_clip_completion').target).toEqual({ direction: 'min', value: 0.9 });
    expect(metric(r, 'agent_clip_completion').target).toEqual({ direction: 'min', value: 0.95 });
    expect(metric(r, 'messages_per_ticket').target).toBeUndefined();
    expect(metric(r, 'csat').unit).toBe('score');
    expect(metric(r, 'time_to_resolution_hours').unit).toBe('hours');
    // Calls: CH01 03 10. Clips by author, as opened in March.
    expect(r.monthly).toEqual([{ month: '2026-03', tickets: 10, videoTickets: 5, customerClips: 2, agentClips: 3, calls: 3 }]);
    expect(r.agents).toEqual(['alex', 'sam']);
    expect(r.teams).toEqual(['billing', 'tech']);
  });

  it("one agent's tickets; the filter lists still name everyone in the range", async () => {
    const r = await events().report({ ...MARCH, agent: 'alex' }, ROI);
    // alex: video CH01 02 03 10, text CH06 07.
    expect(figures(r)).toMatchObject({
      tickets: [6, undefined, undefined],
      video_tickets: [4, undefined, undefined],
      adoption_rate: [0.6667, undefined, undefined],
      resolution_rate: [0.8333, 0.75, 1], // 5/6; 3/4; 2/2
      messages_per_ticket: [2.67, 2.25, 3.5], // 16/6; 9/4; 7/2
      time_to_resolution_hours: [2.2, 2.67, 1.5], // 11/5; 8/3; 3/2
      csat: [4, 4, 4], // 20/5; 16/4; 4/1
      first_contact_resolution: [0.5, 0.75, 0], // 3/6; 3/4; 0/2
      // (3.5 − 2.25) × 2.5 × 3 = 9.375 min; × 0.75 = 7.03125 USD.
      agent_minutes_saved: [9.38, undefined, undefined],
      agent_cost_saved_usd: [7.03, undefined, undefined],
    });
    expect(r.agents).toEqual(['alex', 'sam']);
    expect(r.teams).toEqual(['billing', 'tech']);
  });

  it("one team's tickets", async () => {
    const r = await events().report({ ...MARCH, team: 'tech' }, ROI);
    // tech: CH04 (video, resolved, 1 msg, 1 h), CH05 (text, resolved, 6 msgs, 1 h), CH08 (text, open, 4 msgs).
    expect(figures(r)).toMatchObject({
      tickets: [3, undefined, undefined],
      video_tickets: [1, undefined, undefined],
      resolution_rate: [0.6667, 1, 0.5],
      messages_per_ticket: [3.67, 1, 5],
      time_to_resolution_hours: [1, 1, 1],
      csat: [5, null, 5],
      // (5 − 1) × 2.5 × 1 = 10 min.
      agent_minutes_saved: [10, undefined, undefined],
      customer_clip_completion: [0, undefined, undefined],
      agent_clip_completion: [null, undefined, undefined],
      avg_clip_seconds_customer: [null, undefined, undefined],
    });
  });

  it('monthly volumes over two months; an empty range measures nothing', async () => {
    const r = await events().report({ from: '2026-02-01T00:00:00.000Z', to: MARCH.to }, ROI);
    expect(r.monthly).toEqual([
      { month: '2026-02', tickets: 1, videoTickets: 1, customerClips: 0, agentClips: 1, calls: 0 },
      { month: '2026-03', tickets: 10, videoTickets: 5, customerClips: 2, agentClips: 3, calls: 3 },
    ]);
    expect(r.agents).toEqual(['alex', 'kim', 'sam']);
    expect(metric(r, 'tickets').value).toBe(11);

    const empty = await events().report({ from: '2027-01-01T00:00:00.000Z', to: '2027-02-01T00:00:00.000Z' }, ROI);
    expect(figures(empty)).toMatchObject({
      tickets: [0, undefined, undefined],
      adoption_rate: [null, undefined, undefined],
      resolution_rate: [null, null, null],
      csat: [null, null, null],
      agent_minutes_saved: [null, undefined, undefined],
      agent_cost_saved_usd: [null, undefined, undefined],
      suggestions_shown: [0, undefined, undefined],
    });
    expect([empty.monthly, empty.agents, empty.teams]).toEqual([[], [], []]);
  });

  it('the export: every column of a ticket, oldest first, paged by an opaque cursor that breaks ties by id', async () => {
    const all = await events().exportTickets(MARCH, { limit: 100 });
    expect(all.map((r) => r.conversation_id)).toEqual(['CH01', 'CH02', 'CH03', 'CH04', 'CH05', 'CH06', 'CH07', 'CH08', 'CH09', 'CH10']);
    expect(all[0]).toEqual({
      conversation_id: 'CH01',
      opened_at: iso(march(2, 9, 0)),
      agent: 'alex',
      team: 'billing',
      video_used: true,
      calls: 1,
      call_seconds: 600,
      customer_clips: 0,
      agent_clips: 1,
      customer_messages: 1,
      agent_messages: 1,
      resolved_at: iso(march(2, 11, 0)),
      first_contact_resolution: true,
      confirmed_solved: true,
      csat: 5,
      customer_time_zone: 'Europe/Paris',
      agent_time_zone: 'America/New_York',
      suggestions_shown: 0,
      suggestions_accepted: 0,
    });
    expect(all[2]).toMatchObject({ conversation_id: 'CH03', confirmed_solved: false, first_contact_resolution: false, csat: 2 });
    expect(all[5]).toMatchObject({ conversation_id: 'CH06', resolved_at: iso(march(18, 10)), first_contact_resolution: false });
    expect(all[8]).toMatchObject({ conversation_id: 'CH09', agent: null, team: null, resolved_at: null, customer_messages: 1 });

    const pages: string[][] = [];
    let after: string | undefined;
    for (;;) {
      const page = await events().exportTickets(MARCH, { limit: 4, ...(after ? { after } : {}) });
      if (page.length === 0) break;
      pages.push(page.map((r) => r.conversation_id));
      after = ticketExportCursor(page[page.length - 1]!);
    }
    // CH08 and CH09 opened the same minute: the page boundary between them loses neither.
    expect(pages).toEqual([
      ['CH01', 'CH02', 'CH03', 'CH04'],
      ['CH05', 'CH06', 'CH07', 'CH08'],
      ['CH09', 'CH10'],
    ]);
    expect((await events().exportTickets({ ...MARCH, agent: 'sam' }, { limit: 10 })).map((r) => r.conversation_id)).toEqual(['CH04', 'CH05', 'CH08']);
    await expect(events().exportTickets(MARCH, { limit: 4, after: 'not-a-cursor' })).rejects.toMatchObject({ kind: 'invalid_request', code: 'cursor_invalid' });
  });

  it('appends racing on one ticket, from two connections, all end up in its summary', async () => {
    const { store, other } = stores();
    // SQLite: two handles in one process would block the event loop on each other's lock; one suffices there.
    const writers = engine === 'postgres' ? [store, other] : [store];
    await Promise.all(
      Array.from({ length: 24 }, (_, i) => writers[i % writers.length]!.supportEvents.append('CH-race', customer(), new Date(LATER.getTime() + i * 60_000))),
    );
    const [row] = await events().exportTickets({ from: '2030-01-01T00:00:00.000Z', to: '2030-01-02T00:00:00.000Z' }, { limit: 5 });
    expect(row).toMatchObject({ conversation_id: 'CH-race', customer_messages: 24, opened_at: iso(LATER) });
    const day = await events().report({ from: '2030-01-01T00:00:00.000Z', to: '2030-01-02T00:00:00.000Z' }, ROI);
    expect(metric(day, 'messages_per_ticket').value).toBe(12); // CH-race's 24 and CH12's none, over 2 tickets
  });

  it('the day rollup, moved by every append and erasure, equals one rebuilt from the ticket rows', async () => {
    const db = stores().store.db;
    const read = async () =>
      (await db.selectFrom('ve_support_days').selectAll().where('tickets', '>', 0).orderBy('day').orderBy('video_used').execute()).map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === 'day' ? v : Number(v)])),
      );
    const maintained = await read();
    expect(maintained.map((r) => [r.day, r.video_used, r.tickets])).toEqual([
      ['2019-01-01', 0, 1], // the same-millisecond ticket above
      ['2026-02-20', 1, 1], ['2026-03-02', 1, 1], ['2026-03-05', 1, 1], ['2026-03-10', 1, 1], ['2026-03-12', 1, 1],
      ['2026-03-15', 0, 1], ['2026-03-18', 0, 1], ['2026-03-20', 0, 1], ['2026-03-25', 0, 2], ['2026-03-31', 1, 1], ['2030-01-01', 0, 2],
    ]);
    await rebuildSupportDays(db);
    expect(await read()).toEqual(maintained);
  });

  it('a range that is not whole days: partial days come from the ticket rows, whole ones from the rollup', async () => {
    // From CH02's opening minute (Mar 5 10:00) to just after CH05's (Mar 15 09:00): CH02 03 04 05.
    const r = await events().report({ from: iso(march(5, 10)), to: iso(new Date(march(15, 9).getTime() + 1)) }, ROI);
    expect(figures(r)).toMatchObject({ tickets: [4, undefined, undefined], video_tickets: [3, undefined, undefined], messages_per_ticket: [3, 2, 6] });
    // Within one day, and the same range written without milliseconds.
    const sameDay = await events().report({ from: '2026-03-25T08:00:00Z', to: '2026-03-25T09:00:00Z' }, ROI);
    expect(metric(sameDay, 'tickets').value).toBe(0);
    const wider = await events().report({ from: '2026-03-25T09:00:00Z', to: '2026-03-25T10:00:00Z' }, ROI);
    expect(metric(wider, 'tickets').value).toBe(2);
    await expect(events().report({ from: 'yesterday', to: MARCH.to }, ROI)).rejects.toMatchObject({ kind: 'invalid_request' });
  });
});
