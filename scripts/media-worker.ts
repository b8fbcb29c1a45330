/**
 * `npm run worker`: one copy of the Twilio back end's media worker (BACKEND=twilio settings plus
 * WORKER_*; docs/deploying-to-twilio.md, "The media worker"). Runs until SIGTERM or SIGINT, then
 * finishes the file in hand and exits; a copy killed outright loses nothing (another takes its
 * row over once the lease lapses).
 */
import { readConfig } from '../src/config';
import { logger } from '../src/logger';
import { startMediaWorker } from '../src/adapters/twilio/media-worker/start-media-worker';

async function main(): Promise<void> {
  const worker = await startMediaWorker(readConfig(process.env));
  // One line a parent process (tests, a supervisor's log) can wait for.
  process.stdout.write(`media worker ${worker.id} listening on port ${worker.port}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'media worker stopping');
    worker.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'media worker did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`media worker failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
