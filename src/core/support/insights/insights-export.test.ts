import { agent, supervisor } from '../../test-support/local-deps';
import { codeOf } from '../../test-support/code-of';
import { FakeInsightsStore, ticketRow } from './test-support/fake-insights-store';
import { CSV_HEADER, EXPORT_PAGE_LIMIT, insightsExport } from './insights-export';
import { TICKET_EXPORT_COLUMNS, TICKET_EXPORT_FIELDS } from './ticket-export-columns';

const november = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };

describe('the ticket export', () => {
  it('publishes every field of a ticket row once, in the documented order, as the CSV header', () => {
    expect(TICKET_EXPORT_COLUMNS.map((c) => c.name).sort()).toEqual([...TICKET_EXPORT_FIELDS].sort());
    expect(CSV_HEADER).toBe(
      'conversation_id,opened_at,agent,team,video_used,calls,call_seconds,customer_clips,agent_clips,customer_messages,agent_messages,' +
        'resolved_at,first_contact_resolution,confirmed_solved,csat,customer_time_zone,agent_time_zone,suggestions_shown,suggestions_accepted\r\n',
    );
  });

  it('is for supervisors and admins only', async () => {
    const store = new FakeInsightsStore([ticketRow()]);
    expect(await codeOf(insightsExport({ supportEvents: store }, agent, { filter: november, format: 'csv' }))).toBe('403 supervisor_required');
    expect(store.pages).toEqual([]);
  });

  it('writes CSV rows with ISO dates, true/false, empty for null, quoting and formula guards', async () => {
    const store = new FakeInsightsStore([
      ticketRow({ conversation_id: 'CH2', opened_at: '2026-11-03T08:00:00.000Z', agent: '=cmd|calc', team: 'Lee, "West"', resolved_at: null, csat: 4, confirmed_solved: false }),
      ticketRow({ conversation_id: 'CH1', video_used: false, first_contact_resolution: false }),
    ]);
    const page = await insightsExport({ supportEvents: store }, supervisor, { filter: november, format: 'csv' });
    if (page.format !== 'csv') throw new Error('expected CSV');
    const lines = page.csv.split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.trimEnd());
    expect(lines[1]).toBe(
      'CH1,2026-11-02T09:00:00.000Z,alex,Support,false,1,300,2,1,4,5,2026-11-02T10:30:00.000Z,false,,,Europe/Paris,America/New_York,1,0',
    );
    expect(lines[2]).toBe(`CH2,2026-11-03T08:00:00.000Z,'=cmd|calc,"Lee, ""West""",true,1,300,2,1,4,5,,true,false,4,Europe/Paris,America/New_York,1,0`);
    expect(lines[3]).toBe('');
    expect([page.rows, page.next, page.filename]).toEqual([2, null, 'tickets_2026-11-01_2026-12-01.csv']);
  });

  it('gives JSON rows with the columns in order, and a cursor to the next page until a page is not full', async () => {
    const tickets = ['CH1', 'CH2', 'CH3'].map((id, i) => ticketRow({ conversation_id: id, opened_at: `2026-11-0${i + 1}T09:00:00.000Z`, agent: null }));
    const store = new FakeInsightsStore(tickets);
    const deps = { supportEvents: store };
    const first = await insightsExport(deps, supervisor, { filter: { ...november, team: 'Support' }, format: 'json', limit: 2 });
    if (first.format !== 'json') throw new Error('expected JSON');
    expect(first.rows.map((r) => r.conversation_id)).toEqual(['CH1', 'CH2']);
    expect(Object.keys(first.rows[0])).toEqual(TICKET_EXPORT_COLUMNS.map((c) => c.name));
    expect(first.rows[0].agent).toBeNull();
    expect(first.next).toEqual(expect.any(String));
    const second = await insightsExport(deps, supervisor, { filter: november, format: 'csv', limit: 2, cursor: first.next ?? undefined });
    if (second.format !== 'csv') throw new Error('expected CSV');
    expect(second.csv.split('\r\n')[1]).toMatch(/^CH3,2026-11-03T09:00:00.000Z,,Support,/);
    expect([second.rows, second.next, second.filename]).toEqual([1, null, 'tickets_2026-11-01_2026-12-01_from_20261103T090000Z.csv']);
    expect(store.pages.map((p) => p.page)).toEqual([{ limit: 2 }, { limit: 2, after: first.next }]);
    expect(store.pages[0].filter).toEqual({ ...november, team: 'Support' });
  });

  it(`holds at most ${EXPORT_PAGE_LIMIT} rows a page, and checks the range like the report`, async () => {
    const store = new FakeInsightsStore();
    await insightsExport({ supportEvents: store }, supervisor, { filter: november, format: 'json', limit: 1_000_000 });
    await insightsExport({ supportEvents: store }, supervisor, { filter: november, format: 'json', limit: 0 });
    await insightsExport({ supportEvents: store }, supervisor, { filter: november, format: 'json' });
    expect(store.pages.map((p) => p.page.limit)).toEqual([5000, 1, 1000]);
    expect(await codeOf(insightsExport({ supportEvents: store }, supervisor, { filter: { from: november.to, to: november.from }, format: 'csv' }))).toBe(
      '400 invalid_request',
    );
  });
});
