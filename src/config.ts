import { z } from 'zod';

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
  /** Lifetime of a media access grant (Twilio AccessToken ttl). */
  ACCESS_TTL_SECONDS: z.coerce.number().int().positive().default(4 * 60 * 60),
  RECORDING_ENABLED: bool.default(true),
  /** Origins allowed to call the Functions from a browser (the Flex UI); comma-separated. */
  CORS_ALLOWED_ORIGINS: z.string().default('https://flex.twilio.com'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  MAX_PARTICIPANTS: z.coerce.number().int().min(2).max(50).default(4),
  /** Local back end: data folder for SQLite, recordings and compositions. */
  DATA_DIR: z.string().default('.data'),
  JANUS_WS_URL: z.string().default('ws://127.0.0.1:8188'),
  /** Local back end: HMAC key for local agent tokens. */
  LOCAL_AGENT_SECRET: z.string().min(32).optional(),
  LOCAL_AGENT_NAME: z.string().min(1).default('Alex (Agent)'),
  LOCAL_AGENT_ID: z.string().min(1).default('alex'),
  /** Recording pipeline: transcription retries. */
  TRANSCRIBE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  TRANSCRIBE_BACKOFF_MS: z.coerce.number().int().min(0).default(500),
  /** Speech-to-text engine for the local pipeline (docs/transcription-engines.md). */
  TRANSCRIBER: z.enum(['pocketsphinx', 'command']).default('pocketsphinx'),
  /** TRANSCRIBER=command: a JSON array of argv, `{input}` standing for the 16 kHz WAV path. */
  TRANSCRIBER_COMMAND: z.string().optional(),
  /** TRANSCRIBER=pocketsphinx: another model (language, adapted acoustics); Debian's en-us by default. */
  POCKETSPHINX_HMM: z.string().optional(),
  POCKETSPHINX_LM: z.string().optional(),
  POCKETSPHINX_DICT: z.string().optional(),
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
