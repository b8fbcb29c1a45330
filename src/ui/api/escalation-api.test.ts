import { ApiError } from '../../client/request-json';
import { httpEscalationApi } from './escalation-api';

const reply = (status: number, body: unknown) =>
  jest.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => ({ ok: status < 400, status, json: async () => body }) as unknown as Response);

describe('httpEscalationApi', () => {
  it('posts to the Functions domain with the token read at call time, the Flex way', async () => {
    let token = 'first';
    const fetchImpl = reply(200, { escalationId: 'e1', customerLink: 'https://x/join#t' });
    const api = httpEscalationApi({ baseUrl: 'https://fn.example/', token: () => token, fetchImpl });
    const res = await api.escalate('CH1');
    expect(res.escalationId).toBe('e1');
    token = 'refreshed';
    await api.endCall('e1');
    const [[url1, init1], [url2, init2]] = fetchImpl.mock.calls;
    expect(url1).toBe('https://fn.example/escalate');
    expect(JSON.parse(init1?.body as string)).toEqual({ conversationId: 'CH1', Token: 'first' });
    expect(url2).toBe('https://fn.example/end-call');
    expect(JSON.parse(init2?.body as string)).toEqual({ escalationId: 'e1', Token: 'refreshed' });
  });

  it("turns the Functions' error shape into an ApiError", async () => {
    const fetchImpl = reply(403, { error: { code: 'role_required', message: 'Only agents can escalate.' } });
    const api = httpEscalationApi({ baseUrl: '', token: () => 't', fetchImpl });
    await expect(api.escalate('CH1')).rejects.toEqual(new ApiError('role_required', 'Only agents can escalate.', 403));
  });
});
