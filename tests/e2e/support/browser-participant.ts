import { chromium, type Browser, type Page } from 'playwright-core';

export interface ParticipantBrowserOptions {
  videoFile: string;
  audioFile: string;
  /** Play the audio file once instead of looping (`%noloop`). */
  audioOnce?: boolean;
  extraArgs?: string[];
}

export interface ParticipantBrowser {
  browser: Browser;
  page: Page;
  /** Closes the browser; safe to call twice. */
  close(): Promise<void>;
}

/** Flags measured to work here (TOOLCHAIN.md): headless, loopback ICE, fake devices from files. */
export function participantChromiumArgs(o: ParticipantBrowserOptions): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--allow-loopback-in-peer-connection',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
    // WebRTC would otherwise answer mDNS (.local host candidates) on 224.0.0.251:5353: beyond loopback.
    '--disable-features=WebRtcHideLocalIpsWithMdns',
    `--use-file-for-fake-video-capture=${o.videoFile}`,
    `--use-file-for-fake-audio-capture=${o.audioFile}${o.audioOnce ? '%noloop' : ''}`,
    ...(o.extraArgs ?? []),
  ];
}

/**
 * One Chromium process per participant: fake devices are per process. Debian's /usr/bin/chromium
 * (never a downloaded browser) through playwright-core.
 */
export async function launchParticipantBrowser(o: ParticipantBrowserOptions): Promise<ParticipantBrowser> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: participantChromiumArgs(o) });
  let closed = false;
  try {
    // An explicit context (not browser.newPage()): axe-core/playwright needs one to analyse a page.
    const page = await (await browser.newContext()).newPage();
    return {
      browser,
      page,
      close: async () => {
        if (closed) return;
        closed = true;
        await browser.close().catch(() => undefined);
      },
    };
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
}
