import { ApiError, httpCustomerApi } from './customer-api';

const reply = (status: number, body: unknown) =>
  jest.fn(async () => ({ ok: status < 400, status, json: async () => body }) as unknown as Response);

describe('httpCustomerApi', () => {
  it('checks a link with the token in the body', async () => {
    const fetchImpl = reply(200, { agentName: 'Alex', recording: true, expiresAt: 'x', inUse: false });
    const res = await httpCustomerApi('', fetchImpl).check('tok');
    expect(res.agentName).toBe('Alex');
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/customer-token');
    expect(JSON.parse(init.body as string)).toEqual({ linkToken: 'tok', action: 'check' });
  });

  it('joins, taking over when asked', async () => {
    const fetchImpl = reply(200, { access: {} });
    await httpCustomerApi('', fetchImpl).join('tok', true);
    const init = (fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(JSON.parse(init.body as string)).toEqual({ linkToken: 'tok', action: 'join', takeOver: true });
  });

  it('turns error bodies into ApiErrors with the server code', async () => {
    const err = await httpCustomerApi('', reply(410, { error: { code: 'call_ended', message: 'ended' } }))
      .check('tok')
      .catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'call_ended', status: 410 });
  });

  it('reports an unreachable server as a network error', async () => {
    const fetchImpl = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(httpCustomerApi('', fetchImpl).check('tok')).rejects.toMatchObject({ code: 'network' });
  });
});
