import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config';
import type { Backend } from '../../core/backend';
import { CustomerLinks } from '../../core/customer-link';
import { systemClock } from '../../ports/clock';
import { dbPath, openDb, type Db } from './db';
import { janusCredentialsFromConfig } from './janus/janus-credentials';
import { janusProxyUrl } from './janus/janus-proxy-url';
import { JanusRooms } from './janus/janus-rooms';
import { LocalIdentity } from './local-identity';
import { createLocalPipeline, type LocalPipeline } from './pipeline/local-pipeline';
import { LocalRecordingMedia } from './pipeline/local-recording-media';
import { coreStores, openSqliteStore } from '../sql/database';
import type { SqlConversations } from '../sql/sql-conversations';
import { logger } from '../../logger';
import { outboundFor } from '../../core/outbound/outbound-wiring';

export interface LocalBackend extends Backend {
  db: Db;
  conversations: SqlConversations;
  identity: LocalIdentity;
  rooms: JanusRooms;
  pipeline: LocalPipeline;
}

/** The embedded back end: Janus rooms, the SQL store on SQLite (conversations too), local agent tokens. */
export async function createLocalBackend(config: Config): Promise<LocalBackend> {
  if (!config.LOCAL_AGENT_SECRET) throw new Error('LOCAL_AGENT_SECRET is required with BACKEND=local');
  const dataDir = resolve(config.DATA_DIR);
  const db = openDb(dbPath(dataDir));
  // First, before anything else writes through the handle: the store migrates the schema.
  const store = await openSqliteStore(db);
  const conversations = store.conversations;
  const rooms = new JanusRooms({
    wsUrl: config.JANUS_WS_URL,
    publicServerUrl: janusProxyUrl(config.PUBLIC_BASE_URL),
    credentials: janusCredentialsFromConfig(config),
    db,
    recordingsDir: resolve(dataDir, 'recordings'),
  });
  const identity = new LocalIdentity(config.LOCAL_AGENT_SECRET, store.revocations);
  const { outbound, outboundDelivery } = outboundFor(store.outbound, config, systemClock);
  const pipeline = createLocalPipeline({
    db,
    outbound,
    store: store.pipeline,
    conversations,
    config,
    library: store.library,
    recordingOwners: { escalations: store.escalations, clips: store.clips },
    onError: (what, err) => logger.error({ what, err }, 'recording pipeline step failed'),
  });
  return {
    db,
    conversations,
    identity,
    rooms,
    pipeline,
    deps: {
      config,
      rooms,
      conversations,
      ...coreStores(store),
      recordingMedia: new LocalRecordingMedia(dataDir, config.RETENTION_SWEEP_PACE_MS),
      pipeline: pipeline.deps,
      links: new CustomerLinks(config.LINK_SIGNING_SECRET, config.PUBLIC_BASE_URL),
      clock: systemClock,
      newId: randomUUID,
      outbound,
      outboundDelivery,
    },
    async close() {
      // Scheduled retries are dropped (their times are in the store for the next start); running work reports.
      pipeline.stop();
      await pipeline.idle();
      await rooms.close();
      await store.close();
      db.close();
    },
  };
}
