import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import twilio from 'twilio';
import { freePort } from '../../../src/adapters/local/janus/free-port';
import { startFunctionsServer, type FunctionsServer } from '../../../src/adapters/local/stack/functions-server';
import { startFakeTwilio, type FakeTwilio } from '../../support/fake-twilio';
import { startPostgresServer, type PostgresServer } from '../../support/postgres-server';
import { ROOT } from '../../support/test-stack';
import { startMediaWorkerProcess, type MediaWorkerProcess } from './media-worker-process';

export const RETENTION_SWEEP_SECRET_FOR_TESTS = 'contract-test-retention-sweep-secret-0123456789';

export type Reply = { status: number; body: any };

/**
 * BACKEND=twilio exactly as deployed, minus the cloud: the bundled Functions under twilio-run on
 * 127.0.0.1, a real PostgreSQL started for the run, and every Twilio REST call answered (and
 * recorded) by the fake Twilio. Webhooks are signed with the account's auth token, as Twilio does.
 */
export interface TwilioStack {
  fake: FakeTwilio;
  functionsUrl: string;
  /** The public origin Twilio would call (signatures are computed on it, not on 127.0.0.1). */
  webhookBase: string;
  authToken: string;
  /** The Functions' PostgreSQL store, for seeding what a longer flow would have left. */
  databaseUrl: string;
  /** The media worker, its own process on 127.0.0.1 (null when started without one). */
  worker: MediaWorkerProcess | null;
  /** Another copy of the media worker on the same store and fake (settings may be overridden). */
  startWorker(env?: Record<string, string>): Promise<MediaWorkerProcess>;
  post(path: string, body: Record<string, unknown>, headers?: Record<string, string>): Promise<Reply>;
  /** A form webhook signed for `signedPath` (defaults to the path it is sent to). */
  webhook(path: string, params: Record<string, string>, o?: { signedPath?: string; signature?: string | null }): Promise<Reply>;
  /** A JSON webhook, signed the JSON way: URL with bodySHA256, no parameters. */
  jsonWebhook(path: string, body: Record<string, unknown>, o?: { signature?: string | null }): Promise<Reply>;
  close(): Promise<void>;
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

export interface TwilioStackOptions {
  /** false: no media worker; an object: its settings over the defaults. */
  worker?: false | Record<string, string>;
}

export async function startTwilioStack(options: TwilioStackOptions = {}): Promise<TwilioStack> {
  const started: { fake?: FakeTwilio; pg?: PostgresServer; functions?: FunctionsServer; workers: MediaWorkerProcess[] } = { workers: [] };
  const work = mkdtempSync(join(tmpdir(), 've-twilio-contract-'));
  const close = async () => {
    await Promise.all(started.workers.map((w) => w.stop()));
    await started.functions?.stop();
    await started.pg?.stop();
    await started.fake?.close();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    const fake = (started.fake = await startFakeTwilio());
    const pg = (started.pg = await startPostgresServer());
    const databaseUrl = await pg.createDatabase('video_escalation');
    const webhookBase = 'https://video-escalation-1234-dev.twil.io';
    const { authToken, accountSid, apiKeySid, apiKeySecret } = fake.credentials;
    const port = await freePort();
    // What Twilio Functions and the media worker are given alike (the worker's own WORKER_* beside).
    const env: Record<string, string> = {
      BACKEND: 'twilio',
      ACCOUNT_SID: accountSid,
      AUTH_TOKEN: authToken,
      TWILIO_API_KEY_SID: apiKeySid,
      TWILIO_API_KEY_SECRET: apiKeySecret,
      DATABASE_URL: databaseUrl,
      WEBHOOK_BASE_URL: webhookBase,
      PUBLIC_BASE_URL: webhookBase,
      VOICE_INTELLIGENCE_SERVICE_SID: `GA${'a'.repeat(32)}`,
      LINK_SIGNING_SECRET: 'contract-test-link-secret-0123456789abcdef',
      RETENTION_SWEEP_SECRET: RETENTION_SWEEP_SECRET_FOR_TESTS,
      LOG_LEVEL: 'warn',
      ...fake.env,
    };
    started.functions = await startFunctionsServer({ root: ROOT, port, logFile: join(work, 'functions.log'), env });
    let copies = 0;
    const startWorker = async (overrides: Record<string, string> = {}) => {
      const n = ++copies;
      const worker = await startMediaWorkerProcess(
        {
          ...env,
          LOG_LEVEL: 'info',
          WORKER_URL_SECRET: 'contract-test-worker-url-secret-0123456789',
          WORKER_MEDIA_DIR: join(work, `worker-${n}`),
          WORKER_POLL_MS: '100',
          WORKER_LEASE_MS: '3000',
          WORKER_RETRY_BACKOFF_MS: '200',
          // Follow-ups (lost webhooks) are their own test; here they would only add REST calls.
          WORKER_FOLLOW_UP_SECONDS: '3600',
          ...(options.worker || {}),
          ...overrides,
        },
        join(work, `worker-${n}.log`),
      );
      started.workers.push(worker);
      return worker;
    };
    const worker = options.worker === false ? null : await startWorker();
    const functionsUrl = `http://127.0.0.1:${port}`;
    const sign = (url: string, params: Record<string, string>) => twilio.getExpectedTwilioSignature(authToken, url, params);
    const headersWith = (signature: string | null, type: string): Record<string, string> =>
      signature === null ? { 'Content-Type': type } : { 'Content-Type': type, 'X-Twilio-Signature': signature };
    return {
      fake,
      functionsUrl,
      webhookBase,
      authToken,
      databaseUrl,
      worker,
      startWorker,
      post: async (path, body, headers = {}) =>
        reply(await fetch(`${functionsUrl}/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })),
      webhook: async (path, params, o = {}) => {
        const [signedPathOnly, query = ''] = (o.signedPath ?? path).split('?');
        const signedUrl = `${webhookBase}/${signedPathOnly}${query ? `?${query}` : ''}`;
        const signature = o.signature === undefined ? sign(signedUrl, params) : o.signature;
        const res = await fetch(`${functionsUrl}/${path}`, {
          method: 'POST',
          headers: headersWith(signature, 'application/x-www-form-urlencoded'),
          body: new URLSearchParams(params).toString(),
        });
        return reply(res);
      },
      jsonWebhook: async (path, body, o = {}) => {
        const raw = JSON.stringify(body);
        const hash = createHash('sha256').update(raw).digest('hex');
        const signature = o.signature === undefined ? sign(`${webhookBase}/${path}?bodySHA256=${hash}`, {}) : o.signature;
        const res = await fetch(`${functionsUrl}/${path}?bodySHA256=${hash}`, {
          method: 'POST',
          headers: headersWith(signature, 'application/json'),
          body: raw,
        });
        return reply(res);
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
