import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParticipantMedia } from './local-media';
import { execTool } from './exec';
import type { VideoLayout } from '../../../ports/composer';
import { clipTimeline } from './clip-timeline';
import { composeFilterGraph } from './grid-layout';
import { pipFilterGraph, pipFrameSource } from './pip-layout';
import { videoSize } from './video-size';
import type { MediaKeyRing } from '../crypto/key-ring';
import { sealFile } from '../crypto/seal';
import { recordingDir } from './local-artifacts';
import { mediaDuration } from './probe';
import { encodingProfile, mp4EncoderArgs, type ContentKind, type EncodingProfile } from '../../media/encoding-profiles';

export interface FfmpegComposerOptions {
  dataDir: string;
  /** The composed video is sealed with the current key before it takes its name. */
  mediaKeys: MediaKeyRing;
  ffmpeg?: string;
  ffprobe?: string;
  width?: number;
  height?: number;
  /**
   * x264/AAC settings per content (media/encoding-profiles.ts): a clip with a screen is encoded
   * as screen content, a camera-only clip and a call's grid as camera content.
   */
  profiles?: (kind: ContentKind) => EncodingProfile;
}

export interface Composition {
  location: string;
  durationSeconds: number;
}

/**
 * Local composition (grid for calls, picture-in-picture for clips): ffmpeg → `video.mp4` (H.264/AAC,
 * +faststart for seeking while loading), sealed at rest (crypto/): only the sealed file ever has that name.
 */
export class FfmpegComposer {
  private readonly ffmpeg: string;
  private readonly ffprobe: string;
  private readonly profile: (kind: ContentKind) => EncodingProfile;

  constructor(private readonly o: FfmpegComposerOptions) {
    this.ffmpeg = o.ffmpeg ?? 'ffmpeg';
    this.ffprobe = o.ffprobe ?? 'ffprobe';
    this.profile = o.profiles ?? encodingProfile;
  }

  videoPath(recordingId: string): string {
    return join(recordingDir(this.o.dataDir, recordingId), 'video.mp4');
  }

  /**
   * Lays a clip's files end to end with its pauses cut (clip-timeline.ts): every file's offset
   * moved onto the trimmed timeline. The pip video and the speaker inputs both use it, so captions
   * stay on the video. Idempotent.
   */
  async onClipTimeline(media: readonly ParticipantMedia[]): Promise<{ media: ParticipantMedia[]; durationSeconds: number }> {
    const spans = await Promise.all(
      media.map(async (m) => ({ start: m.startOffsetSeconds, end: m.startOffsetSeconds + (await mediaDuration(m.path, this.ffprobe, this.ffmpeg)) })),
    );
    const timeline = clipTimeline(spans);
    return { media: media.map((m, i) => ({ ...m, startOffsetSeconds: timeline.starts[i] })), durationSeconds: timeline.durationSeconds };
  }

  async compose(recordingId: string, media: ParticipantMedia[], layout: VideoLayout = 'grid'): Promise<Composition> {
    if (media.length === 0) throw new Error('nothing to compose');
    if (layout === 'pip') return this.composePip(recordingId, media);
    const ends = await Promise.all(media.map(async (m) => m.startOffsetSeconds + (await mediaDuration(m.path, this.ffprobe, this.ffmpeg))));
    const durationSeconds = Math.max(...ends);
    const profile = this.profile('camera');
    const { graph, hasAudio } = composeFilterGraph(media, {
      width: this.o.width ?? 1280,
      height: this.o.height ?? 720,
      fps: profile.fps,
      durationSeconds,
    });
    return this.encode(recordingId, media, graph, hasAudio, durationSeconds, profile);
  }

  /** A clip: the screen's own resolution (or the camera's), camera in a corner, pauses cut. */
  private async composePip(recordingId: string, recorded: ParticipantMedia[]): Promise<Composition> {
    const { media, durationSeconds } = await this.onClipTimeline(recorded);
    const framed = pipFrameSource(media);
    const frame = framed ? await videoSize(framed.path, this.ffprobe) : { width: this.o.width ?? 1280, height: this.o.height ?? 720 };
    const profile = this.profile(framed?.source === 'screen' ? 'screen' : 'camera');
    const { graph, hasAudio } = pipFilterGraph(media, { frame, fps: profile.fps, durationSeconds });
    return this.encode(recordingId, media, graph, hasAudio, durationSeconds, profile);
  }

  private async encode(
    recordingId: string,
    media: readonly ParticipantMedia[],
    graph: string,
    hasAudio: boolean,
    durationSeconds: number,
    profile: EncodingProfile,
  ): Promise<Composition> {
    const out = this.videoPath(recordingId);
    await mkdir(join(out, '..'), { recursive: true, mode: 0o700 });
    // ffmpeg writes a plaintext temporary file, sealed into place on success: a crash leaves no
    // half video, and the plaintext lasts only as long as the encode.
    const tmp = `${out}.partial.mp4`;
    const args = ['-nostdin', '-y', '-loglevel', 'error'];
    for (const m of media) args.push('-i', m.path);
    if (!hasAudio) args.push('-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono');
    args.push('-filter_complex', graph, '-map', '[vout]', '-map', hasAudio ? '[aout]' : `${media.length}:a`);
    args.push(...mp4EncoderArgs(profile), '-t', durationSeconds.toFixed(3), tmp);
    try {
      await execTool(this.ffmpeg, args);
      await sealFile(tmp, out, this.o.mediaKeys);
    } finally {
      await rm(tmp, { force: true });
    }
    return { location: out, durationSeconds: Math.round(durationSeconds * 1000) / 1000 };
  }
}
