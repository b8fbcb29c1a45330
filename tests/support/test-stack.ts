import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../src/adapters/local/stack/local-stack';

export const ROOT = resolve(__dirname, '../..');

export interface TestStack extends LocalStack {
  dataDir: string;
  /** POSTs JSON to a path on the stack's origin; returns status and parsed body. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  signIn(role?: 'agent' | 'supervisor'): Promise<string>;
  /** Stops everything and removes the data folder (and the media key ring made beside it). */
  close(): Promise<void>;
}

async function call(url: string, init: RequestInit): Promise<{ status: number; body: any }> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: tests assert on that */
  }
  return { status: res.status, body };
}

/** The real local stack on a free port with a throw-away data folder. */
export async function startTestStack(env: Record<string, string> = {}, options: Pick<LocalStackOptions, 'clock'> = {}): Promise<TestStack> {
  if (!existsSync(join(ROOT, 'build/functions/escalate.js'))) {
    throw new Error('build/ is missing: run `npm run build` (npm test does it for you).');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 've-test-'));
  const stack = await startLocalStack({ root: ROOT, dataDir, port: 0, env: { LOG_LEVEL: 'warn', ...env }, ...options });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(stack.url + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (path: string, headers: Record<string, string> = {}) => call(stack.url + path, { headers });
  return {
    ...stack,
    dataDir,
    post,
    get,
    async signIn(role = 'agent') {
      const { status, body } = await post('/api/local/sign-in', { role });
      if (status !== 200) throw new Error(`sign-in failed: ${status}`);
      return body.token as string;
    },
    async close() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
      // The key ring the stack made beside the data folder (outside it, by design).
      if (stack.mediaKeyFile && !env.MEDIA_KEY_FILE) rmSync(stack.mediaKeyFile, { force: true });
    },
  };
}

/** The link token inside a customer link (it rides in the URL fragment). */
export const linkTokenOf = (link: string): string => new URL(link).hash.replace(/^#t=/, '');
