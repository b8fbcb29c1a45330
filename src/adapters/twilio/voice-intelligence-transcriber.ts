import type { ExternalStatus } from '../../domain/pipeline-job';
import type { Transcriber, TranscriptRequest } from '../../ports/transcriber';
import type { TranscribedSegment } from '../../domain/pipeline-job';
import { isNotFound } from './rest-errors';
import type { TwilioClient } from './twilio-client';
import { compositionMediaUrl } from './composition-media';

export interface VoiceIntelligenceOptions {
  client: TwilioClient;
  /** The Voice Intelligence service (`GA…`); its webhook URL points at our transcript-status Function. */
  serviceSid: string;
  /** Lifetime of the media URL handed to Voice Intelligence, which fetches it once (seconds). */
  mediaUrlTtlSeconds?: number;
}

interface SentenceWord {
  word?: string;
  start_time?: number | string;
  end_time?: number | string;
}

/**
 * Voice Intelligence transcripts of each speaker's audio-only composition. The composition's
 * media URL is minted fresh and short-lived for every request (Twilio fetches it once); the
 * result arrives at the service's webhook with our `customerKey`, and its sentences become segments;
 * once those are saved (redacted), the transcript is deleted at Twilio.
 */
export class VoiceIntelligenceTranscriber implements Transcriber {
  readonly name = 'twilio-voice-intelligence';

  constructor(private readonly o: VoiceIntelligenceOptions) {}

  async start(request: TranscriptRequest): Promise<string> {
    const mediaUrl = await compositionMediaUrl(this.o.client, request.compositionId, this.o.mediaUrlTtlSeconds ?? 600);
    const transcript = await this.o.client.intelligence.v2.transcripts.create({
      serviceSid: this.o.serviceSid,
      channel: { media_properties: { media_url: mediaUrl } },
      customerKey: request.key,
    });
    return transcript.sid;
  }

  async result(transcriptId: string): Promise<TranscribedSegment[]> {
    const sentences = await this.o.client.intelligence.v2.transcripts(transcriptId).sentences.list({ wordTimestamps: true, pageSize: 1000 });
    return sentences
      .sort((a, b) => a.sentenceIndex - b.sentenceIndex)
      .map((s) => ({
        start: Number(s.startTime),
        end: Number(s.endTime),
        text: s.transcript,
        words: ((s.words ?? []) as SentenceWord[])
          .filter((w) => typeof w.word === 'string')
          .map((w) => ({ word: String(w.word), start: Number(w.start_time), end: Number(w.end_time) })),
      }));
  }

  /**
   * `DELETE /v2/Transcripts/{sid}`: Voice Intelligence keeps the transcript, its sentences and
   * operator results, unredacted, until deleted. A 404 means already gone.
   */
  async discard(transcriptId: string): Promise<void> {
    try {
      await this.o.client.intelligence.v2.transcripts(transcriptId).remove();
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  async status(transcriptId: string): Promise<ExternalStatus | 'unknown'> {
    try {
      const t = await this.o.client.intelligence.v2.transcripts(transcriptId).fetch();
      if (t.status === 'completed') return 'ready';
      if (t.status === 'failed' || t.status === 'canceled') return 'failed';
      return 'pending';
    } catch (e) {
      if (isNotFound(e)) return 'failed';
      throw e;
    }
  }
}
