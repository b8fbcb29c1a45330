import { DomainError } from '../../../src/domain/errors';
import { FakeInsightsStore, ticketRow } from '../../../src/core/support/insights/test-support/fake-insights-store';
import type { RawEvent } from './runtime';

/** The store and identity behind the Function; tokens name the caller's role. */
const store = new FakeInsightsStore([ticketRow({ conversation_id: 'CH1' }), ticketRow({ conversation_id: 'CH2', team: '@evil' })]);
jest.mock('./runtime', () => ({
  ...jest.requireActual('./runtime'),
  runtime: async () => ({
    config: { CORS_ALLOWED_ORIGINS: 'https://flex.twilio.com' },
    backend: {
      deps: { supportEvents: store },
      identity: {
        verify: async (token: string) => {
          if (token === 'sup') return { identity: 'sue', name: 'Sue', roles: ['supervisor'] };
          if (token === 'agent') return { identity: 'alex', name: 'Alex', roles: ['agent'] };
          throw new DomainError('unauthorized', 'token_invalid', 'bad token');
        },
      },
    },
  }),
}));

class FakeResponse {
  status = 0;
  headers: Record<string, string> = {};
  body: unknown;
  setStatusCode(code: number) {
    this.status = code;
  }
  setBody(body: unknown) {
    this.body = body;
  }
  appendHeader(name: string, value: string) {
    this.headers[name] = value;
  }
}
(globalThis as unknown as { Twilio: unknown }).Twilio = { Response: FakeResponse };

// Imported after the mocks are in place.
import { handler } from '../functions/insights-export';

async function call(event: RawEvent): Promise<FakeResponse> {
  let answer: FakeResponse | undefined;
  await handler({} as never, event, (_e, r) => void (answer = r as unknown as FakeResponse));
  if (!answer) throw new Error('no answer');
  return answer;
}

const range = { from: '2026-11-01', to: '2026-12-01' };
const bearer = (token: string, extra: Record<string, string> = {}) => ({ method: 'GET', headers: { authorization: `Bearer ${token}`, ...extra } });

describe('the insights export Function', () => {
  it('answers a BI tool (GET, Bearer token) with a CSV attachment, formula-safe', async () => {
    const res = await call({ ...range, request: bearer('sup') });
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers['Content-Disposition']).toBe('attachment; filename="tickets_2026-11-01_2026-12-01.csv"');
    expect(res.headers['X-Next-Cursor']).toBeUndefined();
    const lines = String(res.body).split('\r\n');
    expect(lines[0]).toMatch(/^conversation_id,opened_at,agent,team,/);
    expect(lines[2]).toMatch(/^CH2,[^,]+,alex,'@evil,true,/);
  });

  it('answers JSON pages with the next cursor, and exposes the CSV cursor header to Flex', async () => {
    const first = await call({ ...range, format: 'json', limit: '1', request: bearer('sup') });
    expect(first.headers['Content-Type']).toBe('application/json');
    const body = first.body as { rows: { conversation_id: string }[]; next: string };
    expect(body.rows.map((r) => r.conversation_id)).toEqual(['CH1']);
    const csv = await call({ ...range, limit: '1', cursor: body.next, request: bearer('sup', { origin: 'https://flex.twilio.com' }) });
    expect(String(csv.body).split('\r\n')[1]).toMatch(/^CH2,/);
    expect(csv.headers['X-Next-Cursor']).toEqual(expect.any(String));
    expect(csv.headers['Access-Control-Expose-Headers']).toBe('Content-Disposition, X-Next-Cursor');
  });

  it('refuses without a token (401), an agent (403), a bad range or format (400) as JSON errors', async () => {
    const codeOf = (r: FakeResponse) => [r.status, (r.body as { error: { code: string } }).error.code];
    expect(codeOf(await call({ ...range, request: { method: 'GET', headers: {} } }))).toEqual([401, 'token_missing']);
    expect(codeOf(await call({ ...range, request: bearer('nope') }))).toEqual([401, 'token_invalid']);
    expect(codeOf(await call({ ...range, request: bearer('agent') }))).toEqual([403, 'supervisor_required']);
    expect(codeOf(await call({ from: '2026-12-01', to: '2026-11-01', request: bearer('sup') }))).toEqual([400, 'invalid_request']);
    expect(codeOf(await call({ ...range, format: 'xlsx', request: bearer('sup') }))).toEqual([400, 'invalid_request']);
    expect(codeOf(await call({ ...range, limit: '5001', request: bearer('sup') }))).toEqual([400, 'invalid_request']);
    const put = await call({ ...range, request: { ...bearer('sup'), method: 'PUT' } });
    expect([put.status, put.headers.Allow]).toEqual([405, 'GET, POST, OPTIONS']);
    expect(put.headers['Content-Type']).toBe('application/json');
  });
});
