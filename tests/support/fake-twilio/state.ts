import { randomBytes } from 'node:crypto';

/** A new sid with Twilio's shape: two-letter prefix + 32 hex digits. */
export const newSid = (prefix: string): string => `${prefix}${randomBytes(16).toString('hex')}`;

/** Twilio's timestamps: ISO 8601 UTC without milliseconds. */
export const twilioTime = (d: Date = new Date()): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Resources are kept as the snake_case JSON Twilio answers with, so reads return exactly what was written. */
export type Resource = Record<string, any>;

export interface FlexTokenSeed {
  identity: string;
  roles: string[];
  workerSid?: string;
  /** Default: one hour from seeding. A past date makes IAM answer "expired". */
  expiresAt?: Date;
}

/** In-memory state of the fake: one Map per resource, in creation order. */
export class FakeTwilioState {
  readonly rooms = new Map<string, Resource>();
  readonly participants = new Map<string, Resource>();
  readonly recordings = new Map<string, Resource>();
  /** A room's RecordingRules resource, by room sid (`{ room_sid, rules, date_created, date_updated }`). */
  readonly recordingRules = new Map<string, Resource>();
  readonly compositions = new Map<string, Resource>();
  /** Bytes the fake serves at a completed composition's `redirect_to`. */
  readonly compositionMedia = new Map<string, Buffer>();
  readonly conversations = new Map<string, Resource>();
  readonly messages = new Map<string, Resource[]>();
  /** Each conversation's participants (chat identities, SMS/WhatsApp bindings). */
  readonly conversationParticipants = new Map<string, Resource[]>();
  readonly transcripts = new Map<string, Resource>();
  readonly sentences = new Map<string, Resource[]>();
  readonly flexTokens = new Map<string, FlexTokenSeed>();

  constructor(readonly accountSid: string) {}

  clear(): void {
    for (const map of [this.rooms, this.participants, this.recordings, this.recordingRules, this.compositions, this.compositionMedia, this.conversations, this.messages, this.conversationParticipants, this.transcripts, this.sentences, this.flexTokens]) {
      map.clear();
    }
  }
}
