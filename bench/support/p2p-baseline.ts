import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../tests/e2e/support/browser-static-server';
import { readMarks } from './page-marks';

export interface P2pSample {
  /** Caller's navigation start → its first decoded remote frame (in-page clock). */
  firstFrameMs: number;
  via: string;
}

export interface P2pBaseline {
  /** One direct call: the callee page gets ready first (like the agent, already in the room), then the caller opens. */
  sample(): Promise<P2pSample>;
  close(): Promise<void>;
}

type PageWindow = { benchReceive?: (msg: unknown) => void; benchReady?: boolean; benchError?: string };

/**
 * Two pages on a tiny 127.0.0.1 page, one RTCPeerConnection between them, no server in the media
 * path; this process relays offer/answer/candidates through exposeBinding + evaluate.
 * `caller` plays the customer's part (the measured side), `callee` the agent's.
 */
export async function startP2pBaseline(caller: Page, callee: Page): Promise<P2pBaseline> {
  const server: StaticServer = await serveStatic(join(__dirname, 'p2p'));
  const relay = (to: Page) => async (_source: unknown, msg: unknown) => {
    // The other page may be navigating away between samples; a lost message then does not matter.
    await to.evaluate((m) => (window as unknown as PageWindow).benchReceive?.(m), msg).catch(() => undefined);
  };
  await caller.exposeBinding('benchSignal', relay(callee));
  await callee.exposeBinding('benchSignal', relay(caller));

  const readyOrError = async (page: Page) => {
    await page.waitForFunction(() => (window as unknown as PageWindow).benchReady || (window as unknown as PageWindow).benchError, undefined, {
      timeout: 15_000,
    });
    const error = await page.evaluate(() => (window as unknown as PageWindow).benchError);
    if (error) throw new Error(`P2P page failed: ${error}`);
  };

  return {
    async sample() {
      await callee.goto(`${server.url}?role=callee`);
      await readyOrError(callee);
      await caller.goto(`${server.url}?role=caller`);
      const marks = await readMarks(caller, 'firstFrame', 20_000, async () => {
        const error = await caller.evaluate(() => (window as unknown as PageWindow).benchError);
        return error ? `P2P page failed: ${error}` : undefined;
      });
      // Tear the connection down so it costs nothing during the next (stack) sample.
      await caller.goto('about:blank');
      await callee.goto('about:blank');
      return { firstFrameMs: marks.marks.firstFrame, via: marks.firstFrameVia ?? '?' };
    },
    close: () => server.close(),
  };
}
