import { ApiError } from '../../client/request-json';
import type { LibraryItem } from '../../api/library-contract';
import { httpLibraryApi } from './library-api';

const item: LibraryItem = {
  recordingId: 'RE1',
  conversationId: 'CH1',
  kind: 'call',
  agentIdentity: 'alex',
  agentName: 'Alex',
  customerName: 'Jordan Lee',
  endedAt: '2025-01-02T10:00:00.000Z',
  durationSeconds: 95,
  state: 'ready',
  hasTranscript: true,
};

const reply = (status: number, body: unknown) =>
  jest.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => ({ ok: status < 400, status, json: async () => body }) as unknown as Response);
const sent = (f: ReturnType<typeof reply>, i = 0) => ({ url: f.mock.calls[i][0], body: JSON.parse(String(f.mock.calls[i][1]?.body)), method: f.mock.calls[i][1]?.method });

describe('httpLibraryApi', () => {
  it('lists by POST to /recordings with the filters, the cursor and the token read at call time', async () => {
    let token = 'first';
    const fetchImpl = reply(200, { items: [item], nextCursor: 'c2' });
    const api = httpLibraryApi({ baseUrl: 'https://fn.example/', token: () => token, fetchImpl });
    expect(await api.list({ kind: 'clip', minSeconds: 60, from: '2025-01-01' })).toEqual({ items: [item], nextCursor: 'c2' });
    token = 'refreshed';
    await api.list({ cursor: 'c2' });
    expect(sent(fetchImpl, 0)).toEqual({ url: 'https://fn.example/recordings', method: 'POST', body: { kind: 'clip', minSeconds: 60, from: '2025-01-01', Token: 'first' } });
    expect(sent(fetchImpl, 1).body).toEqual({ cursor: 'c2', Token: 'refreshed' });
  });

  it('leaves unset filters out instead of sending them empty', async () => {
    const fetchImpl = reply(200, { items: [] });
    await httpLibraryApi({ baseUrl: '', token: () => 't', fetchImpl }).list({ agentIdentity: '', kind: undefined, cursor: undefined, maxSeconds: 0 });
    expect(sent(fetchImpl).url).toBe('/recordings');
    expect(sent(fetchImpl).body).toEqual({ maxSeconds: 0, Token: 't' });
  });

  it('gets one recording by id, and says so when the server answers without it', async () => {
    const fetchImpl = reply(200, { items: [item] });
    const api = httpLibraryApi({ baseUrl: '', token: () => 't', fetchImpl });
    expect(await api.get('RE1')).toEqual(item);
    expect(sent(fetchImpl).body).toEqual({ recordingId: 'RE1', Token: 't' });
    await expect(httpLibraryApi({ baseUrl: '', token: () => 't', fetchImpl: reply(200, { items: [] }) }).get('RE1')).rejects.toThrow('without the recording');
  });

  it('searches by POST to /search-transcripts with the query and filters', async () => {
    const hits = [{ recording: item, start: 3, end: 5, speaker: 'Jordan', text: 'my router', highlights: [[3, 9]] }];
    const fetchImpl = reply(200, { hits });
    const res = await httpLibraryApi({ baseUrl: 'https://fn.example', token: () => null, fetchImpl }).search({ query: 'router', state: 'ready' });
    expect(res.hits).toEqual(hits);
    expect(sent(fetchImpl)).toEqual({ url: 'https://fn.example/search-transcripts', method: 'POST', body: { query: 'router', state: 'ready', Token: '' } });
  });

  it("turns the Functions' refusal into an ApiError (an agent opening another agent's recording)", async () => {
    const api = httpLibraryApi({ baseUrl: '', token: () => 't', fetchImpl: reply(403, { error: { code: 'not_allowed', message: 'You are not allowed to watch this recording.' } }) });
    await expect(api.get('RE9')).rejects.toEqual(new ApiError('not_allowed', 'You are not allowed to watch this recording.', 403));
  });
});
