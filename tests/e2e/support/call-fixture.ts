import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalStackOptions } from '../../../src/adapters/local/stack/local-stack';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { launchParticipantBrowser, type ParticipantBrowser, type ParticipantBrowserOptions } from './browser-participant';
import { makeFakeMedia } from './janus-fake-media';

export interface CallFixture {
  stack: TestStack;
  /** A scratch folder for media files, removed by close(). */
  work: string;
  agent: ParticipantBrowser;
  customer: ParticipantBrowser;
  close(): Promise<void>;
}

type MediaFor = (work: string) => Promise<{ agent: ParticipantBrowserOptions; customer: ParticipantBrowserOptions }>;

/** Default participants: a test pattern and colour bars, espeak voices. */
const defaultMedia: MediaFor = async (work) => ({
  agent: makeFakeMedia(work, { name: 'agent', pattern: 'testsrc' }),
  customer: makeFakeMedia(work, { name: 'customer', pattern: 'smptebars' }),
});

/**
 * The real local stack plus one Chromium process per participant (fake devices are per process).
 * close() stops everything it started, also after a failed start.
 */
export async function startCallFixture(
  o: {
    /** The stack's environment; a function gets the scratch folder (for files the settings name). */
    env?: Record<string, string> | ((work: string) => Record<string, string>);
    media?: MediaFor;
    stackOptions?: Pick<LocalStackOptions, 'clock'>;
  } = {},
): Promise<CallFixture> {
  const work = mkdtempSync(join(tmpdir(), 've-e2e-'));
  const started: { stack?: TestStack; agent?: ParticipantBrowser; customer?: ParticipantBrowser } = {};
  const close = async () => {
    await started.agent?.close();
    await started.customer?.close();
    await started.stack?.close();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    const media = await (o.media ?? defaultMedia)(work);
    started.stack = await startTestStack(typeof o.env === 'function' ? o.env(work) : o.env, o.stackOptions);
    started.agent = await launchParticipantBrowser(media.agent);
    started.customer = await launchParticipantBrowser(media.customer);
    return { stack: started.stack, work, agent: started.agent, customer: started.customer, close };
  } catch (e) {
    await close();
    throw e;
  }
}
