import { agentClipApi, ApiError, customerClipApi, httpClipApi } from './clip-api';

const view = (clipId = 'clip-1') => ({ clipId, status: 'offered', take: 0 });
const reply = (status: number, body: unknown) =>
  jest.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => ({ ok: status < 400, status, json: async () => body }) as unknown as Response);
const bodies = (f: ReturnType<typeof reply>) => f.mock.calls.map(([, init]) => JSON.parse(init?.body as string));

describe('httpClipApi', () => {
  it('posts the request as JSON to <base>/clip', async () => {
    const fetchImpl = reply(200, { clip: view() });
    const res = await httpClipApi('https://fn.example/', fetchImpl)({ action: 'check', linkToken: 'tok' });
    expect(res.clip.clipId).toBe('clip-1');
    const [url, init] = fetchImpl.mock.calls[0];
    expect(url).toBe('https://fn.example/clip');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({ action: 'check', linkToken: 'tok' });
  });

  it("turns the Functions' error shape into an ApiError with the server code", async () => {
    const err = await httpClipApi('', reply(410, { error: { code: 'clip_sent', message: 'This clip was already sent.' } }))({ action: 'check' }).catch((e) => e);
    expect(err).toEqual(new ApiError('clip_sent', 'This clip was already sent.', 410));
  });
});

describe('customerClipApi', () => {
  it('sends the link token with every step, and consent with start', async () => {
    const fetchImpl = reply(200, { clip: view(), access: { roomName: 'clip-clip-1-1' } });
    const api = customerClipApi(httpClipApi('', fetchImpl), 'tok');
    expect((await api.check()).clipId).toBe('clip-1');
    expect((await api.start('screen+camera', 'v7')).access).toEqual({ roomName: 'clip-clip-1-1' });
    for (const step of ['pause', 'resume', 'stop', 'retake', 'send', 'discard'] as const) expect((await api[step]()).clipId).toBe('clip-1');
    expect(bodies(fetchImpl)).toEqual([
      { action: 'check', linkToken: 'tok' },
      { action: 'start', linkToken: 'tok', mode: 'screen+camera', consent: true, noticeVersion: 'v7' },
      ...['pause', 'resume', 'stop', 'retake', 'send', 'discard'].map((action) => ({ action, linkToken: 'tok' })),
    ]);
  });
});

describe('agentClipApi', () => {
  it('starts a new clip by conversation, then names it by clipId, with the token read at call time', async () => {
    let token = 'first';
    const fetchImpl = reply(200, { clip: view('clip-9') });
    const api = agentClipApi(httpClipApi('', fetchImpl), { token: () => token, conversationId: 'CH1' });
    await api.start('camera', 'v7');
    token = 'refreshed';
    await api.pause();
    expect(bodies(fetchImpl)).toEqual([
      { action: 'start', conversationId: 'CH1', mode: 'camera', consent: true, noticeVersion: 'v7', Token: 'first' },
      { action: 'pause', clipId: 'clip-9', Token: 'refreshed' },
    ]);
  });

  it('records into the same clip after Discard, and into a new one after Send', async () => {
    const fetchImpl = reply(200, { clip: view('clip-9') });
    const api = agentClipApi(httpClipApi('', fetchImpl), { token: () => 't', conversationId: 'CH1' });
    await api.start('camera', 'v7');
    await api.discard();
    await api.start('camera', 'v7');
    await api.send();
    await api.start('screen', 'v7');
    expect(bodies(fetchImpl).map((b) => `${b.action}:${b.clipId ?? b.conversationId}`)).toEqual([
      'start:CH1',
      'discard:clip-9',
      'start:clip-9',
      'send:clip-9',
      'start:CH1',
    ]);
  });

  it('opens an existing clip by its id, and sends an empty token rather than none', async () => {
    const fetchImpl = reply(200, { clip: view('clip-3') });
    await agentClipApi(httpClipApi('', fetchImpl), { token: () => null, clipId: 'clip-3' }).check();
    expect(bodies(fetchImpl)).toEqual([{ action: 'check', clipId: 'clip-3', Token: '' }]);
    expect(() => agentClipApi(httpClipApi('', fetchImpl), { token: () => 't' })).toThrow(/clipId or a conversationId/);
  });
});
