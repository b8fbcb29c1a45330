export type ArtifactName = 'captions.vtt' | 'transcript.json';

/** Where a recording's captions and transcript live. Local: files beside the composed video. */
export interface RecordingArtifacts {
  /** Replaces the artifact atomically, so a crash never leaves half a file. */
  write(recordingId: string, name: ArtifactName, content: string): Promise<void>;
}
