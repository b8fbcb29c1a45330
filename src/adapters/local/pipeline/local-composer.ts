import { access } from 'node:fs/promises';
import type { ComposeOptions, Composer, CompositionStatus, SpeechComposition, StartedCompositions, VideoLayout } from '../../../ports/composer';
import type { RoomRef } from '../../../ports/rooms';
import { errorText } from '../../../core/pipeline/job-update';
import type { FfmpegComposer } from './ffmpeg-composer';
import { readManifest, speechCompositionId, videoCompositionId, writeManifest, recordingIdOf, type ParticipantMedia, type RecordedMediaSource } from './local-media';
import type { LocalPipelineEvents } from './local-events';
import type { MediaKeyRing } from '../crypto/key-ring';
import { storedMediaDuration } from './stored-media-duration';
import { livePathOf } from './live-transcript';
import { logger } from '../../../logger';

/**
 * Local compositions. The Janus tracks are converted at once (janus-pp-rec takes ~0.2 s), so each
 * speaker's audio is ready immediately and goes to the transcriber while ffmpeg composes the video
 * (grid for a call, picture-in-picture for a clip) in the background; the video reports back through the core's `compositionReady`.
 * Ids are derived from the recording, so asking again after a crash keeps the job's records valid.
 */
export class LocalComposer implements Composer {
  private readonly running = new Set<string>();

  constructor(
    private readonly o: {
      dataDir: string;
      mediaKeys: MediaKeyRing;
      source: RecordedMediaSource;
      grid: FfmpegComposer;
      events: LocalPipelineEvents;
    },
  ) {}

  async start(room: RoomRef, recordingId: string, options?: ComposeOptions): Promise<StartedCompositions> {
    const t0 = performance.now();
    const layout = options?.layout ?? 'grid';
    const { media: recorded, leftOut } = await this.o.source.prepare(room, recordingId);
    logger.info({ recordingId, tracks: recorded.length, seconds: ((performance.now() - t0) / 1000).toFixed(2) }, 'recorded tracks converted');
    if (leftOut.length) logger.warn({ recordingId, leftOut }, 'recorded tracks without media left out of the recording');
    if (recorded.length === 0) return { video: null, speech: [], leftOut };
    // A clip's pauses are cut from the video, so its speech offsets move with it (captions stay in sync).
    const media = layout === 'pip' ? (await this.o.grid.onClipTimeline(recorded)).media : recorded;
    const videoId = videoCompositionId(recordingId);
    const speech: SpeechComposition[] = [];
    const files: Record<string, string> = {};
    const live: Record<string, string> = {};
    for (const m of media.filter((x) => x.kind === 'audio')) {
      const compositionId = speechCompositionId(recordingId, speech.length);
      files[compositionId] = m.path;
      if (m.recordedFrom) live[compositionId] = livePathOf(m.recordedFrom);
      speech.push({ compositionId, status: 'ready', participantIdentity: m.participantIdentity, role: m.role, startOffsetSeconds: m.startOffsetSeconds });
    }
    await writeManifest(this.o.dataDir, recordingId, { roomName: room.name, videoCompositionId: videoId, media, speech: files, live }, this.o.mediaKeys);

    const done = await this.finishedVideo(recordingId);
    if (done) return { video: { compositionId: videoId, status: 'ready' as const, durationSeconds: done }, speech, leftOut };
    if (!this.running.has(videoId)) this.composeInBackground(room.name, recordingId, media, layout);
    return { video: { compositionId: videoId, status: 'pending' as const }, speech, leftOut };
  }

  private composeInBackground(roomName: string, recordingId: string, media: ParticipantMedia[], layout: VideoLayout): void {
    const compositionId = videoCompositionId(recordingId);
    this.running.add(compositionId);
    const t0 = performance.now();
    const work = this.o.grid
      .compose(recordingId, media, layout)
      .then((c) => {
        logger.info({ recordingId, layout, seconds: ((performance.now() - t0) / 1000).toFixed(2), durationSeconds: c.durationSeconds }, 'video composed');
        return this.o.events.compositionReady({ roomName, compositionId, durationSeconds: c.durationSeconds });
      })
      .catch((e) => this.o.events.compositionFailed({ roomName, compositionId, reason: errorText(e) }))
      .finally(() => this.running.delete(compositionId));
    this.o.events.track(work, roomName);
  }

  /** The composed video's duration when it is already on disk (ffmpeg renames it into place when whole). */
  private async finishedVideo(recordingId: string): Promise<number | null> {
    const path = this.o.grid.videoPath(recordingId);
    try {
      await access(path);
    } catch {
      return null;
    }
    return Math.round((await storedMediaDuration(path, this.o.mediaKeys)) * 1000) / 1000;
  }

  async status(compositionId: string): Promise<CompositionStatus> {
    const recordingId = recordingIdOf(compositionId);
    if (this.running.has(compositionId)) return { status: 'pending' };
    const manifest = await readManifest(this.o.dataDir, recordingId, this.o.mediaKeys);
    if (!manifest) return { status: 'unknown' };
    if (compositionId in manifest.speech) return { status: 'ready' };
    const duration = await this.finishedVideo(recordingId);
    return duration === null ? { status: 'unknown' } : { status: 'ready', durationSeconds: duration };
  }
}
