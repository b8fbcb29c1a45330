import { randomUUID } from 'node:crypto';
import { readConfig, type Config } from '../../config';
import { openDb } from '../../adapters/local/db';
import { openSqliteStore } from '../../adapters/sql/database';
import { SqlConversations } from '../../adapters/sql/sql-conversations';
import { CustomerLinks } from '../customer-link';
import type { CoreDeps } from '../deps';
import { FakeRooms } from './fake-rooms';
import { MemoryRecordingMedia } from './memory-recording-media';
import { RecordingOutbound } from './recording-outbound';
import type { PipelineDeps } from '../pipeline/deps';
import { RecordingComposer, RecordingTranscriber } from '../pipeline/test-support/fake-engines';
import { MemoryArtifacts, MemoryClips, MemoryConsents, MemoryEscalations, MemoryPipelineStore } from '../pipeline/test-support/in-memory';

export const TEST_SECRET = 'test-link-secret-that-is-long-enough-123';

/** Core deps over real conversations in an in-memory SQLite store, fake rooms and a settable clock. */
export async function makeTestDeps(env: Record<string, string> = {}) {
  const config: Config = readConfig({ LINK_SIGNING_SECRET: TEST_SECRET, ...env });
  const db = openDb(':memory:');
  let now = new Date('2026-11-21T10:00:00Z');
  const store = await openSqliteStore(db);
  const conversations = new SqlConversations(store.db, store.engine, () => now);
  const rooms = new FakeRooms();
  const composer = new RecordingComposer();
  const clock = { now: () => now };
  const artifacts = new MemoryArtifacts();
  const recordingMedia = new MemoryRecordingMedia(artifacts);
  const pipeline: PipelineDeps = {
    store: new MemoryPipelineStore(),
    composer,
    transcriber: new RecordingTranscriber(),
    artifacts,
    conversations,
    clock,
    retry: { maxAttempts: 2, backoffMs: 0 },
    newRecordingId: () => `RE${randomUUID().replace(/-/g, '')}`,
  };
  const outbound = new RecordingOutbound();
  const outboundDelivery = { store: store.outbound, envEndpoints: [], allowLocalHttp: true, clock: { now: () => now } };
  const deps: CoreDeps = {
    config,
    rooms,
    conversations,
    escalations: new MemoryEscalations(),
    consents: new MemoryConsents(),
    clips: new MemoryClips(),
    clipViews: store.clipViews,
    monitoring: store.monitoring,
    privacy: store.privacy,
    supportEvents: store.supportEvents,
    outbound,
    outboundDelivery,
    recordingMedia,
    pipeline,
    links: new CustomerLinks(config.LINK_SIGNING_SECRET, config.PUBLIC_BASE_URL),
    clock,
    newId: randomUUID,
  };
  return {
    deps,
    db,
    rooms,
    conversations,
    pipelineDeps: pipeline,
    /** What the core published for the CRMs. */
    outbound,
    recordingMedia,
    store,
    /** Rooms whose recordings the pipeline asked to compose. */
    composed: composer.starts,
    composer,
    advance: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)),
  };
}

export const agent = { identity: 'alex', name: 'Alex', roles: ['agent' as const] };
export const otherAgent = { identity: 'sam', name: 'Sam', roles: ['agent' as const] };
export const supervisor = { identity: 'sue', name: 'Sue', roles: ['supervisor' as const] };

/** The link token inside a customer link URL (it rides in the fragment). */
export const tokenOf = (link: string): string => new URL(link).hash.replace(/^#t=/, '');
