import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PipelineJob } from '../../../domain/pipeline-job';
import type { ArtifactName, RecordingArtifacts, RecordingUrls } from '../../../ports/recording-artifacts';
import { MediaKeyError, type MediaKeyRing } from '../crypto/key-ring';
import { SealedFileError } from '../crypto/sealed-format';
import { readStoredFile, writeSealedFile } from '../crypto/stored-files';
import { MEDIA_GRANT_PARAM, type MediaGrants } from '../media-grants';

/**
 * Every output of one recording lives in `<dataDir>/compositions/<recordingId>/` (Janus keeps its
 * raw `.mjr` files apart, under `<dataDir>/recordings/`).
 */
export const recordingDir = (dataDir: string, recordingId: string): string => {
  if (!/^[A-Za-z0-9_-]+$/.test(recordingId)) throw new Error(`unsafe recording id: ${recordingId}`);
  return join(dataDir, 'compositions', recordingId);
};

export type RecordingFileName = 'video.mp4' | 'captions.vtt' | 'transcript.json';

/** Absolute-or-relative path of a served file, for the media route (`/media/recordings/:id/:name`). */
export const recordingFilePath = (dataDir: string, recordingId: string, name: RecordingFileName): string =>
  join(recordingDir(dataDir, recordingId), name);

export const RECORDING_FILE_TYPES: Record<RecordingFileName, string> = {
  'video.mp4': 'video/mp4',
  'captions.vtt': 'text/vtt; charset=utf-8',
  'transcript.json': 'application/json; charset=utf-8',
};

/** Writes to a temporary name then renames: readers and restarts only ever see whole files. */
export async function writeFileAtomic(path: string, content: string | Buffer): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, content, { mode: 0o600 });
  await rename(tmp, path);
}

/** Captions and transcript, sealed at rest (AES-256-GCM, crypto/); the media route decrypts what it serves. */
export class LocalRecordingArtifacts implements RecordingArtifacts {
  constructor(
    private readonly dataDir: string,
    private readonly mediaKeys: MediaKeyRing,
    /** Signs the video URLs handed to authorized viewers; without it they need a media cookie. */
    private readonly grants?: MediaGrants,
  ) {}

  async write(recordingId: string, name: ArtifactName, content: string): Promise<void> {
    const dir = recordingDir(this.dataDir, recordingId);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeSealedFile(join(dir, name), content, this.mediaKeys);
  }

  /** Served by the local media routes, which check the viewer first. */
  urls(recordingId: string): RecordingUrls {
    const base = `/media/recordings/${encodeURIComponent(recordingId)}`;
    return { mediaUrl: `${base}/video.mp4`, captionsUrl: `${base}/captions.vtt`, transcriptUrl: `${base}/transcript.json` };
  }

  async read(recordingId: string, name: ArtifactName): Promise<string | null> {
    try {
      return (await readStoredFile(join(recordingDir(this.dataDir, recordingId), name), this.mediaKeys)).toString('utf8');
    } catch (e) {
      // A file that will not open (damaged, key gone) must not pass for "never written".
      if (e instanceof SealedFileError || e instanceof MediaKeyError) throw e;
      return null;
    }
  }

  /**
   * The local media route serves the file itself (with range requests). The viewer was checked
   * before this is asked: the URL carries a short-lived grant, as Twilio's pre-signed URL does, so
   * a page without a media cookie (the watch page) can play it.
   */
  async videoUrl(job: PipelineJob): Promise<string> {
    const url = this.urls(job.recordingId).mediaUrl;
    if (!this.grants) return url;
    return `${url}?${MEDIA_GRANT_PARAM}=${encodeURIComponent(await this.grants.issue(job.recordingId, 'video.mp4'))}`;
  }
}
