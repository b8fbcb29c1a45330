import { httpResolutionApi } from './resolution-api';
import { ApiError, browserTimeZone, httpSurveyApi } from './survey-api';

const json = (status: number, body: unknown) => ({ ok: status < 400, status, json: async () => body }) as unknown as Response;
const bodyOf = (fetchImpl: jest.Mock, call = 0) => JSON.parse((fetchImpl.mock.calls[call] as [string, RequestInit])[1].body as string);

describe('the survey Function from the page', () => {
  it('sends the link token in the POST body, the time zone with the first call, and the answers as given', async () => {
    const fetchImpl = jest.fn(async () => json(200, {}));
    const api = httpSurveyApi('aaa.bbb.ccc', '', fetchImpl as unknown as typeof fetch);
    await api.open('Europe/Paris');
    await api.open();
    await api.answer({ score: 4 });
    expect((fetchImpl.mock.calls as unknown as [string][]).map((c) => c[0])).toEqual(['/survey', '/survey', '/survey']);
    expect([bodyOf(fetchImpl, 0), bodyOf(fetchImpl, 1), bodyOf(fetchImpl, 2)]).toEqual([
      { action: 'open', linkToken: 'aaa.bbb.ccc', timeZone: 'Europe/Paris' },
      { action: 'open', linkToken: 'aaa.bbb.ccc' },
      { action: 'answer', linkToken: 'aaa.bbb.ccc', score: 4 },
    ]);
  });

  it('turns a refusal into an ApiError with its code', async () => {
    const fetchImpl = jest.fn(async () => json(401, { error: { code: 'link_expired', message: 'This survey link has expired.' } }));
    await expect(httpSurveyApi('t', '', fetchImpl as unknown as typeof fetch).open()).rejects.toEqual(new ApiError('link_expired', 'This survey link has expired.', 401));
  });

  it("reads the browser's IANA time zone", () => {
    expect(browserTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('the resolve-ticket Function from staff pages', () => {
  it('posts the resolution with the staff token the Flex way', async () => {
    const fetchImpl = jest.fn(async () => json(200, { survey: 'posted' }));
    const api = httpResolutionApi({ baseUrl: 'https://fn.example/', token: () => 'staff-token', fetchImpl: fetchImpl as unknown as typeof fetch });
    await api.resolve({ conversationId: 'CH1', source: 'task_completed', disposition: 'fixed' });
    expect((fetchImpl.mock.calls[0] as unknown as [string])[0]).toBe('https://fn.example/resolve-ticket');
    expect(bodyOf(fetchImpl)).toEqual({ conversationId: 'CH1', source: 'task_completed', disposition: 'fixed', Token: 'staff-token' });
  });
});
