import { chmodSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { readConfig, type Config } from '../../../config';
import type { SweepReport } from '../../../core/privacy/retention-sweep';
import type { Clock } from '../../../ports/clock';
import { freePort } from '../janus/free-port';
import { newJanusCredentials } from '../janus/janus-credentials';
import { startJanus, type RunningJanus } from '../janus/janus-process';
import { attachJanusProxy } from '../janus/janus-proxy';
import { createLocalBackend, type LocalBackend } from '../local-backend';
import { LocalChatTokens } from '../local-chat-tokens';
import { ConversationFeed } from '../server/conversation-feed';
import { listenOnLoopback, serveLocalOrigin } from '../server/local-server';
import { startRecordingServices, type RecordingServices } from './recording-services';
import { seedDemoConversation } from './demo-seed';
import { startFunctionsServer, type FunctionsServer } from './functions-server';
import { stackMediaKeyFile } from './media-key-file';
import { restrictTree, usePrivateUmask } from './private-files';
import { loadOrCreateSecrets } from './secrets';

export interface LocalStackOptions {
  /** Repository root (build/, node_modules/). */
  root: string;
  dataDir: string;
  /** Port of the single origin; 0 picks a free one. */
  port?: number;
  /** Extra configuration (RECORDING_ENABLED, LINK_TTL_SECONDS, …), as environment values. */
  env?: Record<string, string>;
  /** The retention sweep's time (tests move it past the retention days); default the system clock. */
  clock?: Clock;
}

export interface LocalStack {
  url: string;
  config: Config;
  backend: LocalBackend;
  chatTokens: LocalChatTokens;
  demo: { conversationId: string; agentUrl: string; customerChatUrl: string };
  /** The media key ring file (MEDIA_KEY_FILE), or null when MEDIA_KEY gives the key. */
  mediaKeyFile: string | null;
  /** Child processes (Janus, twilio-run), for leak checks. */
  pids: { janus: number; functions: number };
  /** The retention sweep, on demand (the timer runs it every RETENTION_SWEEP_INTERVAL_SECONDS). */
  retention: { sweepNow(): Promise<SweepReport> };
  /** A customer chat URL for any conversation (the token rides in the fragment). */
  customerChatUrl(conversationId: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Brings the whole local back end up on 127.0.0.1: Janus, the Functions under twilio-run, the
 * recording pipeline worker, and the one origin that serves pages and forwards to the Functions.
 * Everything started here is stopped by stop(), also when start-up fails halfway.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const dataDir = resolve(options.dataDir);
  // Before anything is written: every file private to this user, in this process and its children.
  usePrivateUmask();
  mkdirSync(join(dataDir, 'logs'), { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  await restrictTree(dataDir);
  const secrets = loadOrCreateSecrets(dataDir);
  const mediaKeyFile = stackMediaKeyFile(dataDir, { ...process.env, ...options.env });
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    stops.length = 0;
  };

  try {
    // New at every start and never written to the secrets file: only this process and the
    // Functions (through their environment) hold them; browsers get per-grant tokens.
    const janusCredentials = newJanusCredentials();
    const janus: RunningJanus = await startJanus({ dataDir, credentials: janusCredentials });
    stops.push(() => janus.stop());

    const port = options.port ?? 3000;
    // Bound before twilio-run starts, because customer links carry this origin; routes attach below.
    const server = createServer();
    const boundPort = await listenOnLoopback(server, port);
    stops.push(
      () =>
        new Promise<void>((r) => {
          server.close(() => r());
          // Keep-alive sockets and any response still streaming would hold close() until the tab goes.
          server.closeAllConnections();
        }),
    );
    const url = `http://127.0.0.1:${boundPort}`;

    const env: Record<string, string> = {
      BACKEND: 'local',
      PUBLIC_BASE_URL: url,
      DATA_DIR: dataDir,
      JANUS_WS_URL: janus.wsUrl,
      JANUS_API_SECRET: janusCredentials.apiSecret,
      JANUS_TOKEN_SECRET: janusCredentials.tokenSecret,
      JANUS_ROOM_ADMIN_KEY: janusCredentials.roomAdminKey,
      LINK_SIGNING_SECRET: secrets.linkSigningSecret,
      LOCAL_AGENT_SECRET: secrets.localAgentSecret,
      // The Functions (twilio-run) seal and open media too: the same key ring, by path.
      ...(mediaKeyFile ? { MEDIA_KEY_FILE: mediaKeyFile } : {}),
      ...options.env,
    };
    const config = readConfig({ ...process.env, ...env });
    // Browsers reach Janus only here, on this origin, through the request filter.
    const janusProxy = attachJanusProxy(server, { publicBaseUrl: config.PUBLIC_BASE_URL, janusWsUrl: janus.wsUrl });
    stops.push(() => janusProxy.close());
    const functions: FunctionsServer = await startFunctionsServer({
      root: options.root,
      port: await freePort(),
      env,
      logFile: join(dataDir, 'logs', 'functions.log'),
    });
    stops.push(() => functions.stop());

    const backend = await createLocalBackend(config);
    stops.push(() => backend.close());
    const chatTokens = new LocalChatTokens(secrets.localAgentSecret);
    const recording: RecordingServices = await startRecordingServices(backend, config, dataDir, chatTokens, options.clock);
    stops.push(() => recording.stop());

    const feed = await ConversationFeed.start(backend.conversations);
    stops.push(async () => feed.close());
    serveLocalOrigin(server, {
      config,
      identity: backend.identity,
      chatTokens,
      conversations: backend.conversations,
      feed,
      support: backend.deps,
      buildDir: join(options.root, 'build'),
      functionsUrl: functions.url,
      routes: recording.routes,
    });

    const demo = await seedDemoConversation(backend.conversations);
    const customerChatUrl = async (conversationId: string) =>
      `${url}/chat.html#t=${await chatTokens.issue(conversationId)}`;
    return {
      url,
      config,
      backend,
      chatTokens,
      demo: { conversationId: demo.id, agentUrl: `${url}/console.html`, customerChatUrl: await customerChatUrl(demo.id) },
      customerChatUrl,
      retention: recording.retention,
      mediaKeyFile,
      pids: { janus: janus.pid, functions: functions.pid },
      stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
