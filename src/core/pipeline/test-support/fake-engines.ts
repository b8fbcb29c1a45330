import type { ComposeOptions, Composer, CompositionStatus, SpeechComposition, StartedComposition } from '../../../ports/composer';
import type { ExternalStatus } from '../../../domain/pipeline-job';
import type { RoomRef } from '../../../ports/rooms';
import type { Transcriber, TranscriptRequest } from '../../../ports/transcriber';
import type { TranscribedSegment } from '../../../domain/pipeline-job';

/**
 * A composer that only records what it was asked, like a cloud that answers later: tests then
 * deliver the composition events themselves, in any order, as often as they like.
 */
export class RecordingComposer implements Composer {
  readonly starts: RoomRef[] = [];
  /** The layout each start asked for, in order. */
  readonly layouts: string[] = [];
  statuses = new Map<string, CompositionStatus>();
  /** Speakers of every room; `ready` makes their audio available at once (as the local composer does). */
  constructor(
    private readonly speakers: Omit<SpeechComposition, 'compositionId' | 'status'>[] = [
      { participantIdentity: 'agent:alex', role: 'agent', startOffsetSeconds: 0 },
      { participantIdentity: 'customer:c1', role: 'customer', startOffsetSeconds: 2 },
    ],
    private readonly speechStatus: ExternalStatus = 'pending',
  ) {}
  failNext?: Error;

  async start(room: RoomRef, recordingId: string, options?: ComposeOptions) {
    this.starts.push(room);
    this.layouts.push(options?.layout ?? 'grid');
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = undefined;
      throw e;
    }
    const video: StartedComposition = { compositionId: `${recordingId}-video`, status: 'pending' };
    const speech = this.speakers.map((s, i) => ({ ...s, compositionId: `${recordingId}-speech-${i}`, status: this.speechStatus }));
    return { video, speech };
  }

  async status(compositionId: string): Promise<CompositionStatus> {
    return this.statuses.get(compositionId) ?? { status: 'pending' };
  }
}

/** A transcriber whose results tests set per composition; it records every request. */
export class RecordingTranscriber implements Transcriber {
  readonly name = 'fake';
  readonly requests: (TranscriptRequest & { transcriptId: string })[] = [];
  readonly results = new Map<string, TranscribedSegment[]>();
  statuses = new Map<string, ExternalStatus | 'unknown'>();
  private seq = 0;

  async start(request: TranscriptRequest): Promise<string> {
    const transcriptId = `GT${++this.seq}`;
    this.requests.push({ ...request, transcriptId });
    return transcriptId;
  }

  /** The latest transcript asked for one composition. */
  idFor(compositionId: string): string {
    const r = [...this.requests].reverse().find((x) => x.compositionId === compositionId);
    if (!r) throw new Error(`no transcript requested for ${compositionId}`);
    return r.transcriptId;
  }

  async result(transcriptId: string): Promise<TranscribedSegment[]> {
    const request = this.requests.find((r) => r.transcriptId === transcriptId);
    const segments = request && this.results.get(request.compositionId);
    if (!segments) throw new Error(`no result for ${transcriptId}`);
    return segments;
  }

  async status(transcriptId: string) {
    return this.statuses.get(transcriptId) ?? 'pending';
  }

  /** Every transcript the core let go of, in order; `failDiscard` makes each discard throw. */
  readonly discards: string[] = [];
  failDiscard?: Error;
  async discard(transcriptId: string): Promise<void> {
    this.discards.push(transcriptId);
    if (this.failDiscard) throw this.failDiscard;
  }
}
