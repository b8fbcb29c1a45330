import { checkPresignedUrl } from './sigv4';

/** AWS's own worked example of a presigned GET (S3 API reference, "Authenticating Requests: Using Query Parameters"). */
describe('checkPresignedUrl', () => {
  const secretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const example =
    'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
    '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
  const during = new Date('2013-05-24T12:00:00Z');

  it('accepts AWS’s example URL within its lifetime', () => {
    expect(checkPresignedUrl(example, { secretAccessKey, now: during })).toEqual({ ok: true, key: '/test.txt', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' });
  });

  it('refuses it expired, with another key or object, or with another secret', () => {
    expect(checkPresignedUrl(example, { secretAccessKey, now: new Date('2013-05-25T00:00:01Z') })).toEqual({ ok: false, why: 'expired' });
    expect(checkPresignedUrl(example.replace('/test.txt', '/other.txt'), { secretAccessKey, now: during })).toMatchObject({ ok: false, why: 'signature does not match' });
    expect(checkPresignedUrl(example, { secretAccessKey: 'x', now: during })).toMatchObject({ ok: false });
    expect(checkPresignedUrl(example, { method: 'PUT', secretAccessKey, now: during })).toMatchObject({ ok: false });
  });
});
