import { chromium } from 'playwright-core';
import { participantChromiumArgs, type ParticipantBrowser, type ParticipantBrowserOptions } from '../../tests/e2e/support/browser-participant';

/**
 * launchParticipantBrowser with the same flags, minus Playwright's own SIGINT/SIGTERM handlers:
 * the bench handles those itself, so Ctrl-C still stops the stack and removes its folders
 * instead of Playwright exiting the process half-way through the clean-up.
 */
export async function launchBenchBrowser(o: ParticipantBrowserOptions): Promise<ParticipantBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: participantChromiumArgs(o),
    handleSIGINT: false,
    handleSIGTERM: false,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browser.close().catch(() => undefined);
  };
  try {
    return { browser, page: await browser.newPage(), close };
  } catch (e) {
    await close();
    throw e;
  }
}
