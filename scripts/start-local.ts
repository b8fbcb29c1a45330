// `npm start` (after scripts/setup.sh): the whole local stack on 127.0.0.1 until Ctrl-C.
import { resolve } from 'node:path';
import { startLocalStack } from '../src/adapters/local/stack/local-stack';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  const port = Number(process.env.PORT ?? 3000);
  console.log('start: bringing up Janus, the Functions (twilio-run) and the local server on 127.0.0.1 …');
  const stack = await startLocalStack({ root, dataDir: process.env.DATA_DIR ?? resolve(root, '.data'), port });
  console.log(`
Video Escalation is running (local back end, offline).

  Agent console:   ${stack.demo.agentUrl}
  Customer chat:   ${stack.demo.customerChatUrl}

Open the agent console, pick Jordan Lee's chat and press "Escalate to video"; the link appears in
the customer chat. Open it in another window (Chromium or Chrome), allow camera and microphone, join.
Recordings, transcripts and logs live in ${stack.config.DATA_DIR} (private to this user, media sealed at rest).
${stack.mediaKeyFile ? `Media key ring: ${stack.mediaKeyFile} (back it up apart from the data folder; without it nothing recorded can be played).\n` : ''}Press Ctrl-C to stop.
`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nstart: ${signal}: stopping …`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  console.error(`start: could not start the local stack: ${message}`);
  if (/EADDRINUSE/.test(message)) console.error('start: port in use: set PORT=3001 (or another free port) and run again.');
  process.exit(1);
});
