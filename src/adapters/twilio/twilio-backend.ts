import { randomUUID } from 'node:crypto';
import type { Config } from '../../config';
import { CustomerLinks } from '../../core/customer-link';
import type { PipelineDeps } from '../../core/pipeline/deps';
import { watchLinkSigning } from '../../core/watch/watch-link-signing';
import { systemClock } from '../../ports/clock';
import type { Backend } from '../../core/backend';
import { coreStores, openPostgresStore, type SqlStore } from '../sql/database';
import { SqlMediaWork } from '../sql/sql-media-work';
import { SqlArtifacts } from '../sql/sql-artifacts';
import { FlexIdentity } from './flex-identity';
import { functionUrl } from './function-url';
import { twilioRestClient, type TwilioClient } from './twilio-client';
import { TwilioComposer } from './twilio-composer';
import { TwilioConversations } from './twilio-conversations';
import { TwilioRecordingMedia } from './twilio-recording-media';
import { TwilioRooms } from './twilio-rooms';
import { VoiceIntelligenceTranscriber } from './voice-intelligence-transcriber';
import { compositionMediaUrl } from './composition-media';
import { TwilioFinisher } from './twilio-finisher';
import { finishedVideoUrl } from './media-worker/finished-video-url';
import { withFinishing } from '../../core/pipeline/finish/finishing-composer';
import { isFinishId } from '../../core/pipeline/finish/finish-step';
import type { PipelineJob } from '../../domain/pipeline-job';
import { DomainError } from '../../domain/errors';
import { outboundFor } from '../../core/outbound/outbound-wiring';
import type { OutboundDeps } from '../../core/outbound/outbound-deps';
import type { OutboundPublisher } from '../../ports/outbound-events';

/** Every setting BACKEND=twilio cannot run without, named in one clear error. */
function required(config: Config) {
  const names = ['ACCOUNT_SID', 'AUTH_TOKEN', 'TWILIO_API_KEY_SID', 'TWILIO_API_KEY_SECRET', 'DATABASE_URL', 'WEBHOOK_BASE_URL', 'VOICE_INTELLIGENCE_SERVICE_SID'] as const;
  const missing = names.filter((n) => !config[n]);
  if (missing.length > 0) throw new Error(`BACKEND=twilio needs ${missing.join(', ')} (see the README's deployment steps).`);
  return config as Config & { [K in (typeof names)[number]]: string };
}

/** What the Functions and the media worker share: the REST client, the store and the pipeline. */
export interface TwilioParts {
  config: RequiredTwilioConfig;
  credentials: { accountSid: string; apiKeySid: string; apiKeySecret: string };
  client: TwilioClient;
  store: SqlStore;
  /** The media worker's queue (ve_media_work). */
  work: SqlMediaWork;
  conversations: TwilioConversations;
  artifacts: SqlArtifacts;
  pipeline: PipelineDeps;
  /** Signed outbound events: the queue and its delivery (#20). */
  outbound: OutboundPublisher;
  outboundDelivery: OutboundDeps;
}

type RequiredTwilioConfig = ReturnType<typeof required>;

/** The production pipeline over Twilio and PostgreSQL, as both the Functions and the media worker run it. */
export async function openTwilioParts(config: Config): Promise<TwilioParts> {
  const c = required(config);
  const credentials = { accountSid: c.ACCOUNT_SID, apiKeySid: c.TWILIO_API_KEY_SID, apiKeySecret: c.TWILIO_API_KEY_SECRET };
  const client = twilioRestClient(credentials);
  const store = await openPostgresStore(c.DATABASE_URL);
  const work = new SqlMediaWork(store.db);
  const conversations = new TwilioConversations({ client });
  const artifacts = new SqlArtifacts(store.db, functionUrl(c.WEBHOOK_BASE_URL, 'recording-media'), async (job) => {
    if (job.video?.status !== 'ready') throw new DomainError('not_found', 'video_not_ready', 'The video is not ready yet.');
    if (isFinishId(job.video.compositionId)) return finishedVideoOf(work, c, job.video.compositionId);
    return compositionMediaUrl(client, job.video.compositionId, c.MEDIA_URL_TTL_SECONDS);
  });
  // Blur, mark-up and muted PII (#22): the media worker finishes every video before anyone plays it.
  const finisher = new TwilioFinisher({ work, jobs: store.pipeline, clock: systemClock });
  const { outbound, outboundDelivery } = outboundFor(store.outbound, c, systemClock);
  const pipeline: PipelineDeps = {
    outbound,
    store: store.pipeline,
    composer: withFinishing(new TwilioComposer({ client, statusCallbackUrl: functionUrl(c.WEBHOOK_BASE_URL, 'composition-status') }), finisher),
    // Voice Intelligence through the media worker: the request is queued, the worker makes the FLAC.
    transcriber: new VoiceIntelligenceTranscriber({ client, work }),
    artifacts,
    conversations,
    clock: systemClock,
    retry: { maxAttempts: c.TRANSCRIBE_MAX_ATTEMPTS, backoffMs: c.TRANSCRIBE_BACKOFF_MS, maxBackoffMs: c.PIPELINE_RETRY_MAX_BACKOFF_MS, composeMaxAttempts: c.COMPOSE_MAX_ATTEMPTS },
    newRecordingId: () => `RE${randomUUID().replace(/-/g, '')}`,
    customerRecordingAccess: c.CUSTOMER_RECORDING_ACCESS,
    watchLinks: watchLinkSigning(c),
    library: store.library,
    recordingOwners: { escalations: store.escalations, clips: store.clips },
    finishing: { finisher, clips: store.clips },
  };
  return { config: c, credentials, client, store, work, conversations, artifacts, pipeline, outbound, outboundDelivery };
}

/**
 * A finished video's URL for a checked viewer: where the media worker published it (its own
 * server or the bucket, recorded on its ve_media_work row), signed for MEDIA_URL_TTL_SECONDS.
 */
async function finishedVideoOf(work: SqlMediaWork, c: RequiredTwilioConfig, finishId: string): Promise<string> {
  const row = await work.get(finishId);
  if (!row?.mediaRef || row.state === 'discarded') throw new DomainError('gone', 'media_deleted', 'The video was deleted.');
  // A video kept in the bucket needs the AWS presigner here, which the deployed Functions do not
  // carry yet (scripts/build-deploy.mjs SERVICE_PACKAGES): finishedVideoUrl says so for such a ref.
  return finishedVideoUrl(row.mediaRef, { linkSigningSecret: c.LINK_SIGNING_SECRET, ttlSeconds: c.MEDIA_URL_TTL_SECONDS });
}

/**
 * The production adapter set: Twilio Video, Compositions, Voice Intelligence and Conversations,
 * Flex tokens for staff, and PostgreSQL as the store.
 */
export async function createTwilioBackend(config: Config): Promise<Backend> {
  const { config: c, credentials, client, store, work, conversations, artifacts, pipeline, outbound, outboundDelivery } = await openTwilioParts(config);
  return {
    deps: {
      config,
      rooms: new TwilioRooms({
        client,
        ...credentials,
        statusCallbackUrl: functionUrl(c.WEBHOOK_BASE_URL, 'room-status'),
        emptyRoomTimeout: c.ROOM_EMPTY_TIMEOUT_MINUTES,
        unusedRoomTimeout: c.ROOM_UNUSED_TIMEOUT_MINUTES,
      }),
      conversations,
      ...coreStores(store),
      recordingMedia: new TwilioRecordingMedia({ client, deleteArtifacts: (id) => artifacts.deleteAll(id), finishedVideos: finishedVideosOf(work) }),
      pipeline,
      links: new CustomerLinks(config.LINK_SIGNING_SECRET, config.PUBLIC_BASE_URL),
      clock: systemClock,
      newId: randomUUID,
      outbound,
      outboundDelivery,
    },
    identity: new FlexIdentity({ ...credentials, authToken: c.AUTH_TOKEN }),
    close: () => store.close(),
  };
}

/** Retention's view of the finished videos at the media worker: discarding a room's rows has the worker delete the files. */
const finishedVideosOf = (work: SqlMediaWork) => ({
  count: (job: PipelineJob) => work.videosKept(job.roomName),
  discard: (job: PipelineJob) => work.discardVideos(job.roomName, new Date().toISOString()),
});
