import type { Kysely } from 'kysely';
import type { PipelineJob } from '../../domain/pipeline-job';
import type { ArtifactName, RecordingArtifacts, RecordingUrls } from '../../ports/recording-artifacts';
import type { StoreTables } from './schema';

/**
 * Captions and transcript kept in the store, for back ends without a shared disk (Twilio). Each
 * write replaces the artifact in one statement; viewers reach them through `recordingMediaUrl`.
 */
export class SqlArtifacts implements RecordingArtifacts {
  constructor(
    private readonly db: Kysely<StoreTables>,
    /** `recording-media` Function URL: it checks the viewer, then answers the artifact or the video's URL. */
    private readonly mediaEndpoint: string,
    /** Where the composed video is (Twilio: a fresh signed URL of the grid composition). */
    private readonly locateVideo: (job: PipelineJob) => Promise<string>,
  ) {}

  videoUrl(job: PipelineJob): Promise<string> {
    return this.locateVideo(job);
  }

  async write(recordingId: string, name: ArtifactName, content: string): Promise<void> {
    await this.db
      .insertInto('ve_recording_artifacts')
      .values({ recording_id: recordingId, name, content })
      .onConflict((oc) => oc.columns(['recording_id', 'name']).doUpdateSet({ content }))
      .execute();
  }

  async read(recordingId: string, name: ArtifactName): Promise<string | null> {
    const row = await this.db
      .selectFrom('ve_recording_artifacts')
      .select('content')
      .where('recording_id', '=', recordingId)
      .where('name', '=', name)
      .executeTakeFirst();
    return row?.content ?? null;
  }

  /** Deletes the recording's captions and transcript (retention, erasure); returns how many went. */
  async deleteAll(recordingId: string): Promise<number> {
    const r = await this.db.deleteFrom('ve_recording_artifacts').where('recording_id', '=', recordingId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  urls(recordingId: string): RecordingUrls {
    const at = (file: string) => {
      const url = new URL(this.mediaEndpoint);
      url.searchParams.set('recordingId', recordingId);
      url.searchParams.set('file', file);
      return url.toString();
    };
    return { mediaUrl: at('video.mp4'), captionsUrl: at('captions.vtt'), transcriptUrl: at('transcript.json') };
  }
}
