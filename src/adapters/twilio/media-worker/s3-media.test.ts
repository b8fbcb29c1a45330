import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../../config';
import { startFakeS3, type FakeS3 } from '../../../../tests/support/fake-s3';
import { checkPresignedUrl } from '../../../../tests/support/sigv4';
import { S3Media, s3MediaFromConfig } from './s3-media';

/** FLACs in an S3-compatible bucket, handed out as presigned GET URLs that S3's own rules accept. */
describe('S3Media', () => {
  const credentials = { accessKeyId: 'AKIDMEDIAWORKERTEST', secretAccessKey: 'media-worker-test-secret/+key' };
  let s3: FakeS3;
  let media: S3Media;
  let dir: string;
  beforeAll(async () => {
    s3 = await startFakeS3({ bucket: 'recordings', ...credentials });
    media = new S3Media({ bucket: 'recordings', region: 'eu-west-1', endpoint: s3.endpoint, forcePathStyle: true, prefix: 'media-worker/', credentials });
    dir = mkdtempSync(join(tmpdir(), 's3-media-'));
  });
  afterAll(async () => {
    media.close();
    await s3.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads the file and presigns a GET that expires when asked, then deletes it', async () => {
    const file = join(dir, 'speech.flac');
    writeFileSync(file, Buffer.from('fLaC and some frames'));
    const expiresAt = new Date(Date.now() + 600_000);
    const name = `MW${'d'.repeat(32)}.flac`;
    const { url, ref } = await media.publish(name, file, expiresAt);
    expect(ref).toBe(`media-worker/${name}`);
    expect(s3.objects.get(ref)?.toString()).toBe('fLaC and some frames');
    const u = new URL(url);
    expect(`${u.origin}${u.pathname}`).toBe(`${s3.endpoint}/recordings/media-worker/${name}`);
    expect(u.searchParams.get('X-Amz-Credential')).toMatch(/^AKIDMEDIAWORKERTEST\/\d{8}\/eu-west-1\/s3\/aws4_request$/);
    expect(Number(u.searchParams.get('X-Amz-Expires'))).toBeGreaterThanOrEqual(599);
    expect(checkPresignedUrl(url, { secretAccessKey: credentials.secretAccessKey, now: new Date() })).toMatchObject({ ok: true });
    expect(checkPresignedUrl(url, { secretAccessKey: credentials.secretAccessKey, now: new Date(expiresAt.getTime() + 2000) })).toEqual({ ok: false, why: 'expired' });
    const res = await fetch(url);
    expect([res.status, await res.text()]).toEqual([200, 'fLaC and some frames']);
    await media.remove(ref);
    expect(s3.objects.has(ref)).toBe(false);
    await media.remove('not/ours.flac'); // outside the prefix: left alone
  });

  it('is chosen by WORKER_S3_BUCKET, with both keys or neither', () => {
    const base = { LINK_SIGNING_SECRET: 'x'.repeat(32) };
    expect(s3MediaFromConfig(readConfig(base))).toBeNull();
    const chosen = s3MediaFromConfig(readConfig({ ...base, WORKER_S3_BUCKET: 'b', WORKER_S3_ENDPOINT: s3.endpoint, WORKER_S3_FORCE_PATH_STYLE: 'true' }));
    expect(chosen?.kind).toBe('s3');
    chosen?.close();
    expect(() => s3MediaFromConfig(readConfig({ ...base, WORKER_S3_BUCKET: 'b', WORKER_S3_ACCESS_KEY_ID: 'AKID' }))).toThrow(/both/);
  });
});
