import type { Page } from 'playwright-core';

/**
 * Test-only instrumentation, injected before any page script: remembers every RTCPeerConnection
 * so the test can read real WebRTC stats (the app's code is untouched).
 */
export async function recordPeerConnections(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __pcs: RTCPeerConnection[]; RTCPeerConnection: typeof RTCPeerConnection };
    w.__pcs = [];
    const Original = w.RTCPeerConnection;
    w.RTCPeerConnection = class extends Original {
      constructor(config?: RTCConfiguration) {
        super(config);
        w.__pcs.push(this);
      }
    } as typeof RTCPeerConnection;
  });
}

/** Sum of inbound audio bytes over every peer connection of the page. */
export async function inboundAudioBytes(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs ?? [];
    let total = 0;
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') total += s.bytesReceived ?? 0;
      });
    }
    return total;
  });
}

/** Width and decoded-frame count of the <video> with this test id (0s while it has no frames). */
export async function videoFrames(page: Page, testId: string): Promise<{ width: number; frames: number }> {
  return page.evaluate((id) => {
    const v = document.querySelector(`[data-testid="${id}"]`) as HTMLVideoElement | null;
    if (!v) return { width: 0, frames: 0 };
    return { width: v.videoWidth, frames: v.getVideoPlaybackQuality().totalVideoFrames };
  }, testId);
}

export async function waitForFrames(page: Page, testId: string, timeoutMs = 20_000): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const v = document.querySelector(`[data-testid="${id}"]`) as HTMLVideoElement | null;
      return !!v && v.videoWidth > 0 && v.getVideoPlaybackQuality().totalVideoFrames > 0;
    },
    testId,
    { timeout: timeoutMs },
  );
}

/** Asserts media keeps flowing: frames decoded and audio bytes both rise over `ms`. */
export async function mediaRises(page: Page, videoTestId: string, ms = 1500) {
  const before = { video: await videoFrames(page, videoTestId), audio: await inboundAudioBytes(page) };
  await page.waitForTimeout(ms);
  const after = { video: await videoFrames(page, videoTestId), audio: await inboundAudioBytes(page) };
  return { before, after };
}
