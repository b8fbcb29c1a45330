import type { PipelineJob } from '../domain/pipeline-job';

export type ArtifactName = 'captions.vtt' | 'transcript.json';

/** Where a recording's viewers find its video, captions and transcript. */
export interface RecordingUrls {
  mediaUrl: string;
  captionsUrl: string;
  transcriptUrl: string;
}

/**
 * A recording's captions and transcript: written by the pipeline, and the answer to "where is
 * this recording's media" for messages and playback. Local: files beside the composed video,
 * served by the local media routes. Twilio: rows in the store, served by a Function.
 */
export interface RecordingArtifacts {
  /** Replaces the artifact atomically, so a crash never leaves half a file. */
  write(recordingId: string, name: ArtifactName, content: string): Promise<void>;
  /** The URLs viewers load (they still pass the playback check before anything is served). */
  urls(recordingId: string): RecordingUrls;
  /** An artifact's content, or null when it was never written. */
  read(recordingId: string, name: ArtifactName): Promise<string | null>;
  /** Where an authorized viewer's player loads the composed video now (Twilio: a short-lived signed URL). */
  videoUrl(job: PipelineJob): Promise<string>;
}
