import type { PipelineJob } from '../../domain/pipeline-job';
import type { RecordingMediaStore } from '../../ports/recording-media-store';
import { isNotFound } from './rest-errors';
import type { TwilioClient } from './twilio-client';

export interface TwilioRecordingMediaOptions {
  client: TwilioClient;
  /** Deletes the captions and transcript the store keeps for a recording (SqlArtifacts). */
  deleteArtifacts: (recordingId: string) => Promise<number>;
  /**
   * The recording's finished videos at the media worker (#22): `discard` marks them to go (the worker
   * that holds each file deletes it, and nobody is given its URL any more); `count` what is still kept.
   */
  finishedVideos?: { count(job: PipelineJob): Promise<number>; discard(job: PipelineJob): Promise<number> };
}

type Item = { kind: 'recording' | 'composition'; sid: string; size: number };

/**
 * A recording's media on Twilio: the room's track recordings (`/v1/Recordings?GroupingSid=RM…`)
 * and its compositions (`/v1/Compositions?RoomSid=RM…`: every one the pipeline made), each removed with `DELETE /v1/Recordings/{sid}` / `DELETE /v1/Compositions/{sid}`. Twilio
 * keeps a deleted recording's metadata with status `deleted`, so those no longer count; a 404 on
 * delete means already gone. The transcript and captions live in the store, not at Twilio. A
 * finished video (blurred, muted: #22) lives at the media worker: it is discarded here and deleted
 * there by the worker that holds it.
 */
export class TwilioRecordingMedia implements RecordingMediaStore {
  constructor(private readonly o: TwilioRecordingMediaOptions) {}

  private get video() {
    return this.o.client.video.v1;
  }

  async countMedia(job: PipelineJob): Promise<number> {
    return (await this.items(job)).length + ((await this.o.finishedVideos?.count(job)) ?? 0);
  }

  async deleteMedia(job: PipelineJob): Promise<number> {
    // The finished video first: it is what viewers are given.
    let deleted = (await this.o.finishedVideos?.discard(job)) ?? 0;
    // Compositions first: they are what a viewer can still fetch; the recordings are their source.
    const items = (await this.items(job)).sort((a, b) => Number(a.kind === 'recording') - Number(b.kind === 'recording'));
    for (const item of items) {
      try {
        await (item.kind === 'composition' ? this.video.compositions(item.sid).remove() : this.video.recordings(item.sid).remove());
        deleted++;
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
    return deleted;
  }

  deleteTranscriptArtifacts(job: PipelineJob): Promise<number> {
    return this.o.deleteArtifacts(job.recordingId);
  }

  async mediaBytes(job: PipelineJob): Promise<number> {
    return (await this.items(job)).reduce((sum, i) => sum + i.size, 0);
  }

  /** What of the job's room is still stored at Twilio. */
  private async items(job: PipelineJob): Promise<Item[]> {
    if (!job.roomSid) return [];
    const recordings = await this.video.recordings.list({ groupingSid: [job.roomSid] });
    const compositions = await this.video.compositions.list({ roomSid: job.roomSid });
    return [
      ...recordings.filter((r) => r.status !== 'deleted').map((r): Item => ({ kind: 'recording', sid: r.sid, size: Number(r.size ?? 0) })),
      ...compositions.filter((c) => c.status !== 'deleted').map((c): Item => ({ kind: 'composition', sid: c.sid, size: Number(c.size ?? 0) })),
    ];
  }
}
