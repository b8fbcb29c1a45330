import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Mark names set by browser-probe.js; values are ms since the document's navigation start. */
export type MarkName = 'escalateClick' | 'agentConnected' | 'consentClick' | 'joinClick' | 'firstFrame';

export interface PageMarks {
  marks: Partial<Record<MarkName, number>>;
  /** 'rvfc' (requestVideoFrameCallback) or 'poll': which detector saw the first frame. */
  firstFrameVia: string | null;
}

type ProbeWindow = { __bench?: PageMarks };

/** Injects the probe into every future document of this page (before the page's own scripts). */
export async function installProbe(page: Page): Promise<void> {
  await page.addInitScript({ path: join(__dirname, 'browser-probe.js') });
}

/**
 * Waits until the current document has set `name`, then returns all its marks. On timeout,
 * `diagnose` may explain what the page shows instead, for a clearer failure.
 */
export async function readMarks(
  page: Page,
  name: MarkName,
  timeoutMs: number,
  diagnose?: () => Promise<string | undefined>,
): Promise<PageMarks & { marks: Record<typeof name, number> }> {
  try {
    await page.waitForFunction((n) => (window as unknown as ProbeWindow).__bench?.marks[n as MarkName] !== undefined, name, {
      timeout: timeoutMs,
    });
  } catch (e) {
    const why = await diagnose?.().catch(() => undefined);
    throw new Error(`no '${name}' mark within ${timeoutMs} ms on ${page.url()}${why ? `: ${why}` : ''} (${(e as Error).message.split('\n')[0]})`);
  }
  const probe = await page.evaluate(() => (window as unknown as ProbeWindow).__bench);
  if (!probe) throw new Error(`probe missing on ${page.url()}`);
  return probe as PageMarks & { marks: Record<typeof name, number> };
}
