import type { ExternalStatus, TranscribedSegment, TranscribedWord } from '../../domain/pipeline-job';
import { logger } from '../../logger';
import type { Transcriber, TranscriptRequest } from '../../ports/transcriber';
import type { MediaWork, SqlMediaWork } from '../sql/sql-media-work';
import { isNotFound } from './rest-errors';
import type { TwilioClient } from './twilio-client';

export interface VoiceIntelligenceOptions {
  client: TwilioClient;
  /** The media worker's queue: a transcript request becomes a row there. */
  work: SqlMediaWork;
  now?: () => Date;
}

interface SentenceWord {
  word?: string;
  start_time?: number | string;
  end_time?: number | string;
}

/**
 * A sentence's word timings (`WordTimestamps=true`; `words` is null without it), times in seconds
 * from the media's start. All or none: a word without a usable time drops them all, so captions
 * spread the sentence's words evenly and muting spoken PII covers the whole sentence rather than
 * a guess (https://www.twilio.com/docs/conversational-intelligence/api/transcript-sentence-subresource).
 */
export function sentenceWords(words: readonly SentenceWord[] | null | undefined): TranscribedWord[] {
  const parsed = (words ?? [])
    .filter((w) => typeof w.word === 'string')
    .map((w) => ({ word: String(w.word), start: seconds(w.start_time), end: seconds(w.end_time) }));
  return parsed.every((w) => Number.isFinite(w.start) && Number.isFinite(w.end) && w.end >= w.start) ? parsed : [];
}

/** Twilio sends times as numbers or numeric strings; anything else is no time. */
const seconds = (t: number | string | undefined): number => (typeof t === 'number' || (typeof t === 'string' && t.trim() !== '') ? Number(t) : Number.NaN);

/** A transcript still without a worker after this long is worth a warning. */
const STALL_NOTICE_MS = 60_000;

/** Ids of transcripts requested straight from Voice Intelligence, before the media worker existed. */
const isViSid = (id: string): boolean => /^GT[0-9a-f]{32}$/i.test(id);

/**
 * Voice Intelligence transcripts of each speaker, through the media worker. Voice Intelligence
 * takes WAV, MP3 or FLAC, fetched once (https://www.twilio.com/docs/api/errors/95104), and
 * Compositions make mp4 or webm; a Function cannot run ffmpeg. So `start` only queues the work
 * (ve_media_work) and returns its id (`MW…`), which the job waits on; the worker turns the
 * speaker's audio composition into FLAC, serves it at a signed URL and creates the transcript
 * (src/adapters/twilio/media-worker/DESIGN-NOTE.md). The service webhook names Voice
 * Intelligence's `GT…` and our `customer_key`; `requestOf` maps the one to the other, and the
 * rest reads the transcript by way of the row. Once saved (redacted), the transcript is deleted
 * at Twilio.
 */
export class VoiceIntelligenceTranscriber implements Transcriber {
  readonly name = 'twilio-voice-intelligence';

  constructor(private readonly o: VoiceIntelligenceOptions) {}

  private now(): Date {
    return this.o.now?.() ?? new Date();
  }

  async start(request: TranscriptRequest): Promise<string> {
    const now = this.now();
    const work = await this.o.work.enqueue({
      roomName: request.roomName,
      compositionId: request.compositionId,
      customerKey: request.key,
      notBefore: new Date(now.getTime() + Math.max(0, request.delayMs ?? 0)).toISOString(),
      now: now.toISOString(),
    });
    return work.id;
  }

  async requestOf(reportedId: string): Promise<string | null> {
    if (!isViSid(reportedId)) return null;
    return (await this.o.work.findByTranscriptSid(reportedId))?.id ?? null;
  }

  /** Voice Intelligence's sid behind a transcript id, if it has one yet. */
  private async viSid(id: string): Promise<{ sid: string | null; work: MediaWork | null }> {
    if (isViSid(id)) return { sid: id, work: null };
    const work = await this.o.work.get(id);
    return { sid: work?.transcriptSid ?? null, work };
  }

  async result(transcriptId: string): Promise<TranscribedSegment[]> {
    const { sid } = await this.viSid(transcriptId);
    if (!sid) throw new Error(`${transcriptId} has no Voice Intelligence transcript yet`);
    const sentences = await this.o.client.intelligence.v2.transcripts(sid).sentences.list({ wordTimestamps: true, pageSize: 1000 });
    return sentences
      .sort((a, b) => a.sentenceIndex - b.sentenceIndex)
      .map((s) => ({
        start: Number(s.startTime),
        end: Number(s.endTime),
        text: s.transcript,
        words: sentenceWords(s.words as SentenceWord[] | null),
      }));
  }

  /**
   * `DELETE /v2/Transcripts/{sid}`: Voice Intelligence keeps the transcript, its sentences and
   * operator results, unredacted, until deleted. A 404 means already gone. The worker's row is
   * done either way (its file has long been fetched, or never will be).
   */
  async discard(transcriptId: string): Promise<void> {
    const { sid, work } = await this.viSid(transcriptId);
    if (sid) {
      try {
        await this.o.client.intelligence.v2.transcripts(sid).remove();
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
    if (work) await this.o.work.finish(work.id, this.now().toISOString());
  }

  async status(transcriptId: string): Promise<ExternalStatus | 'unknown'> {
    const { sid, work } = await this.viSid(transcriptId);
    if (!sid) {
      if (!work) return 'unknown';
      if (work.state === 'failed' || work.state === 'done') return 'failed';
      // What a stalled worker looks like from the Functions (a supervisor's resume asks): the row
      // still waits, and the log says since when.
      if (this.now().getTime() - Date.parse(work.createdAt) > STALL_NOTICE_MS) {
        logger.warn({ transcriptId, roomName: work.roomName, attempts: work.attempts }, `waiting for the media worker since ${work.createdAt}`);
      }
      return 'pending';
    }
    try {
      const t = await this.o.client.intelligence.v2.transcripts(sid).fetch();
      if (t.status === 'completed') return 'ready';
      if (t.status === 'failed' || t.status === 'canceled') return 'failed';
      return 'pending';
    } catch (e) {
      if (isNotFound(e)) return 'failed';
      throw e;
    }
  }
}
