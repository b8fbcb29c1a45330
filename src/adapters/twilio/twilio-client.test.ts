import { LoopbackRequestClient, assertLoopbackBaseUrl, loopbackUri } from './loopback-http-client';
import { TEST_BASE_URL_ENV, twilioRestClient } from './twilio-client';

const creds = { accountSid: 'AC' + '1'.repeat(32), apiKeySid: 'SK' + '2'.repeat(32), apiKeySecret: 'secret' };

describe('twilioRestClient', () => {
  it('uses the API key when there is one, else the auth token', () => {
    expect(twilioRestClient(creds, {}).username).toBe(creds.apiKeySid);
    expect(twilioRestClient(creds, {}).accountSid).toBe(creds.accountSid);
    expect(twilioRestClient({ accountSid: creds.accountSid, authToken: 't' }, {}).username).toBe(creds.accountSid);
    expect(() => twilioRestClient({ accountSid: creds.accountSid }, {})).toThrow(/credentials are missing/);
  });

  it('talks to Twilio itself unless the test base URL is set', () => {
    expect(twilioRestClient(creds, {}).httpClient).not.toBeInstanceOf(LoopbackRequestClient);
    expect(twilioRestClient(creds, { [TEST_BASE_URL_ENV]: 'http://127.0.0.1:4010' }).httpClient).toBeInstanceOf(LoopbackRequestClient);
  });

  it.each(['http://localhost:4010', 'https://127.0.0.1:4010', 'http://10.0.0.1:4010', 'http://127.0.0.1', 'http://127.0.0.1:4010/x', 'http://u:p@127.0.0.1:1', 'nonsense'])(
    'refuses a test base URL that is not plain http on 127.0.0.1: %s',
    (url) => {
      expect(() => twilioRestClient(creds, { [TEST_BASE_URL_ENV]: url })).toThrow();
      expect(() => assertLoopbackBaseUrl(url)).toThrow();
    },
  );
});

describe('loopbackUri', () => {
  const base = new URL('http://127.0.0.1:4010');

  it('keeps the Twilio host as the first path segment, and the query', () => {
    expect(loopbackUri(base, 'https://video.twilio.com/v1/Rooms?Status=completed')).toBe('http://127.0.0.1:4010/video/v1/Rooms?Status=completed');
    expect(loopbackUri(base, 'https://iam.au1.twilio.com/v1/Accounts/AC1/Tokens/validate')).toBe('http://127.0.0.1:4010/iam.au1/v1/Accounts/AC1/Tokens/validate');
  });

  it.each(['https://example.com/v1', 'http://video.twilio.com/v1/Rooms', 'https://twilio.com.evil.test/v1', 'https://video.twilio.com:8443/v1'])('refuses %s', (uri) => {
    expect(() => loopbackUri(base, uri)).toThrow(/only forwards/);
  });
});
