import { z } from 'zod';
import { CUSTOMER_RECORDING_ACCESS } from './domain/recording-policy';

/**
 * Every time, size and limit the product uses, read in one place with sane defaults.
 * Values come from the environment (Twilio Functions expose theirs there too).
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  BACKEND: z.enum(['local', 'twilio']).default('local'),
  /** Where customer links point: the origin serving join.html (Twilio: the Functions domain). */
  PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** HMAC key for customer links; at least 32 characters. The local stack generates one per data folder. */
  LINK_SIGNING_SECRET: z.string().min(32),
  LINK_TTL_SECONDS: z.coerce.number().int().positive().default(2 * 60 * 60),
  /**
   * Life of a customer's watch link (the recording message's link to the watch page). Long enough
   * to watch "at their convenience"; retention may delete the video sooner (the page says so).
   */
  WATCH_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Lifetime of a media access grant (Twilio AccessToken ttl). */
  ACCESS_TTL_SECONDS: z.coerce.number().int().positive().default(4 * 60 * 60),
  RECORDING_ENABLED: bool.default(true),
  /** What a customer may have of their own call's recording while the chat is open: video, transcript, none. */
  CUSTOMER_RECORDING_ACCESS: z.enum(CUSTOMER_RECORDING_ACCESS).default('video'),
  /** Origins allowed to call the Functions from a browser (the Flex UI); comma-separated. */
  CORS_ALLOWED_ORIGINS: z.string().default('https://flex.twilio.com'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  MAX_PARTICIPANTS: z.coerce.number().int().min(2).max(50).default(4),
  /** Local back end: data folder for SQLite, recordings and compositions. */
  DATA_DIR: z.string().default('.data'),
  JANUS_WS_URL: z.string().default('ws://127.0.0.1:8188'),
  /**
   * Local back end: Janus credentials, random per start (local-stack.ts), server-only. The API
   * secret authenticates the server's control connection, the token secret signs the browsers'
   * per-grant Janus tokens, the room admin key is needed to create rooms.
   */
  JANUS_API_SECRET: z.string().min(16).optional(),
  JANUS_TOKEN_SECRET: z.string().min(16).optional(),
  JANUS_ROOM_ADMIN_KEY: z.string().min(16).optional(),
  /** Local back end: a call's room with nobody in it for this long is ended (tab closed, everyone left). */
  ROOM_EMPTY_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(24 * 60 * 60).default(60),
  /** Async clips: the length cap (the server cuts a take off here too), and when the recorder warns. */
  CLIP_MAX_SECONDS: z.coerce.number().int().min(5).max(30 * 60).default(180),
  CLIP_WARN_SECONDS: z.coerce.number().int().min(1).max(30 * 60).default(150),
  /**
   * Twilio back end: the secret a scheduler sends to POST /clip-limits (every few seconds), which
   * ends clip takes at the length cap; Twilio has no timer of its own for it. ≥ 32 characters.
   */
  CLIP_LIMITS_SECRET: z.string().min(32).optional(),
  /** Async clips: a take whose author is gone (tab closed) this long is ended and sent as recorded. */
  CLIP_AUTHOR_GONE_SECONDS: z.coerce.number().int().min(1).max(60 * 60).default(20),
  /** Local back end: HMAC key for local agent tokens. */
  LOCAL_AGENT_SECRET: z.string().min(32).optional(),
  LOCAL_AGENT_NAME: z.string().min(1).default('Alex (Agent)'),
  LOCAL_AGENT_ID: z.string().min(1).default('alex'),
  /** Recording pipeline: transcription retries. */
  TRANSCRIBE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  /** Recording pipeline: the first retry's delay for any failed step; doubles per attempt up to the cap. */
  TRANSCRIBE_BACKOFF_MS: z.coerce.number().int().min(0).default(5000),
  PIPELINE_RETRY_MAX_BACKOFF_MS: z.coerce.number().int().min(0).default(120_000),
  /** Recording pipeline: compose attempts per recording before it is marked failed. */
  COMPOSE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  /** Recording pipeline: how long a worker's claim on a job lasts unless renewed (one advancer per job). */
  PIPELINE_LEASE_MS: z.coerce.number().int().min(100).default(30_000),
  /** Speech-to-text engine for the local pipeline (docs/transcription-engines.md). */
  TRANSCRIBER: z.enum(['pocketsphinx', 'command']).default('pocketsphinx'),
  /** TRANSCRIBER=command: a JSON array of argv, `{input}` standing for the 16 kHz WAV path. */
  TRANSCRIBER_COMMAND: z.string().optional(),
  /** TRANSCRIBER=pocketsphinx: another model (language, adapted acoustics); Debian's en-us by default. */
  POCKETSPHINX_HMM: z.string().optional(),
  POCKETSPHINX_LM: z.string().optional(),
  POCKETSPHINX_DICT: z.string().optional(),
  /** Local back end: transcribe calls while they run, so little is left when they end. */
  LIVE_TRANSCRIPTION: bool.default(true),
  LIVE_TRANSCRIPTION_INTERVAL_MS: z.coerce.number().int().min(1000).default(5_000),

  // Privacy and retention (#11): the support policy, read here only.
  /** Media (video, raw tracks, WAVs) of calls and clips is deleted this many days after the conversation closes. */
  RETENTION_MEDIA_DAYS: z.coerce.number().int().min(0).max(36500).default(90),
  /** Transcripts and captions (already redacted) are deleted this many days after close; unset: kept. */
  RETENTION_TRANSCRIPT_DAYS: z.coerce.number().int().min(0).max(36500).optional(),
  /** A recording in which PII was found has its media deleted at close, not after RETENTION_MEDIA_DAYS. */
  DELETE_PII_MEDIA_AT_CLOSE: bool.default(true),
  /** Local back end: how often the retention sweep runs. */
  RETENTION_SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(24 * 60 * 60).default(15 * 60),
  /** Pause between recordings in a sweep, so a sweep's deletions never starve live calls of disk IO. */
  RETENTION_SWEEP_PACE_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /** Twilio back end: the secret a scheduler sends to POST /retention-sweep. ≥ 32 characters. */
  RETENTION_SWEEP_SECRET: z.string().min(32).optional(),
  /**
   * Local back end: the media encryption key ring (AES-256-GCM), kept outside the data folder.
   * MEDIA_KEY (base64 of 32 bytes) wins over MEDIA_KEY_FILE; without either the local stack
   * creates a key file beside (not inside) the data folder.
   */
  MEDIA_KEY_FILE: z.string().optional(),
  MEDIA_KEY: z.string().optional(),
  /** Storage usage: the estimated price of one GB stored for a month (USD). */
  STORAGE_PRICE_PER_GB_MONTH: z.coerce.number().min(0).default(0.023),
  /** The support policy's storage target (USD per month) the supervisors' usage view compares against. */
  STORAGE_BUDGET_USD_MONTH: z.coerce.number().min(0).default(100),

  // The support loop (#20): resolution, the survey, the metrics' ROI, outbound events.
  /** Life of the customer's survey link, posted when a ticket is resolved. */
  SURVEY_LINK_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** ROI: what one agent minute costs (USD), as the async-video workflow's example. */
  AGENT_COST_PER_MINUTE: z.coerce.number().min(0).max(1000).default(0.5),
  /** ROI: agent minutes one chat message takes (read, think, type); messages saved × this = minutes saved. */
  AGENT_MINUTES_PER_MESSAGE: z.coerce.number().min(0).max(120).default(2),
  /**
   * Outbound event endpoints from the environment: a JSON array of { id, url, secret, types?, enabled? }
   * (docs/outbound-events.md). Endpoints may also be stored with the admin Function.
   */
  OUTBOUND_WEBHOOKS: z.string().optional(),
  /** Twilio back end: the secret a scheduler sends to POST /outbound-deliver (nothing runs in the background there). ≥ 32 characters. */
  OUTBOUND_DELIVER_SECRET: z.string().min(32).optional(),
  /** Local back end: how often queued outbound events are delivered. */
  OUTBOUND_DELIVER_INTERVAL_MS: z.coerce.number().int().min(100).max(10 * 60_000).default(2000),

  // BACKEND=twilio (see the README's deployment steps). Functions get ACCOUNT_SID and AUTH_TOKEN from Twilio.
  ACCOUNT_SID: z.string().regex(/^AC[0-9a-f]{32}$/i, 'an account sid (AC…)').optional(),
  /** Checks X-Twilio-Signature on webhooks and Flex tokens; never logged. */
  AUTH_TOKEN: z.string().min(1).optional(),
  /** API key for REST calls and for signing access tokens. */
  TWILIO_API_KEY_SID: z.string().regex(/^SK[0-9a-f]{32}$/i, 'an API key sid (SK…)').optional(),
  TWILIO_API_KEY_SECRET: z.string().min(1).optional(),
  /** PostgreSQL connection string of the production store. */
  DATABASE_URL: z.string().optional(),
  /**
   * The public https origin Twilio calls the webhook Functions on (e.g. https://video-1234-dev.twil.io).
   * Signatures are checked against this origin, not the Host header a proxy may have rewritten.
   */
  WEBHOOK_BASE_URL: z.string().url().optional(),
  /** Voice Intelligence service (GA…) whose webhook points at /transcript-status. */
  VOICE_INTELLIGENCE_SERVICE_SID: z.string().regex(/^GA[0-9a-f]{32}$/i, 'a Voice Intelligence service sid (GA…)').optional(),
  /** Minutes an emptied / never-joined room stays open (Twilio allows 1–60, default 5). */
  ROOM_EMPTY_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
  ROOM_UNUSED_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
  /** Lifetime of a media URL handed out: a composition's (playback) and the worker's FLAC for Voice Intelligence (fetched once). */
  MEDIA_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),

  // The media worker (BACKEND=twilio; `npm run worker`, src/adapters/twilio/media-worker/DESIGN-NOTE.md).
  /** Where its HTTP server (health check, FLAC files) listens. */
  WORKER_HOST: z.string().min(1).default('127.0.0.1'),
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  /** The public https origin Voice Intelligence fetches the FLAC from (a proxy or load balancer in front of WORKER_PORT). Unused with a bucket. */
  WORKER_PUBLIC_URL: z.string().url().optional(),
  /** HMAC key of the worker's signed media URLs; at least 32 characters. Unused with a bucket. */
  WORKER_URL_SECRET: z.string().min(32).optional(),
  /** Scratch space for downloads and transcodes, and the FLACs it serves itself. */
  WORKER_MEDIA_DIR: z.string().default('.media-worker'),
  WORKER_FFMPEG: z.string().min(1).default('ffmpeg'),
  /** How often an idle worker looks for work. */
  WORKER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** A worker's claim on a row; renewed while it works, taken over by another copy when it lapses (a killed worker). */
  WORKER_LEASE_MS: z.coerce.number().int().min(500).max(30 * 60_000).default(60_000),
  /** Attempts per transcript (download, transcode, hand over) before the pipeline is told it failed. */
  WORKER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  WORKER_RETRY_BACKOFF_MS: z.coerce.number().int().min(0).max(10 * 60_000).default(5000),
  WORKER_TRANSCODE_TIMEOUT_SECONDS: z.coerce.number().int().min(10).max(24 * 60 * 60).default(15 * 60),
  /** A transcript at Voice Intelligence with no webhook this long is looked at by the worker (lost webhook, failure). */
  WORKER_FOLLOW_UP_SECONDS: z.coerce.number().int().min(1).max(24 * 60 * 60).default(120),
  /** GET /healthz answers 503 once the oldest transcript waiting for a worker is older than this. */
  WORKER_STALL_SECONDS: z.coerce.number().int().min(1).max(24 * 60 * 60).default(300),
  /** With a bucket, FLACs go to S3 (or any S3-compatible store) behind presigned URLs instead of the worker's own server. */
  WORKER_S3_BUCKET: z.string().min(1).optional(),
  WORKER_S3_REGION: z.string().min(1).default('us-east-1'),
  /** An S3-compatible endpoint (MinIO, R2, …); unset: AWS. */
  WORKER_S3_ENDPOINT: z.string().url().optional(),
  WORKER_S3_FORCE_PATH_STYLE: bool.default(false),
  WORKER_S3_PREFIX: z.string().default('media-worker/'),
  /** Unset: the SDK's usual chain (instance role, AWS_* variables). */
  WORKER_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  WORKER_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

export type Config = z.infer<typeof schema>;

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset", so a blank line in .env falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Configuration is invalid: ${problems}`);
  }
  return parsed.data;
}
