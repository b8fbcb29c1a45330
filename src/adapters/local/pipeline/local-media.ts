import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ParticipantRole } from '../../../domain/escalation';
import type { LeftOutTrack, TrackKind, TrackSource } from '../../../domain/media';
import type { RoomRef } from '../../../ports/rooms';
import type { MediaKeyRing } from '../crypto/key-ring';
import { readStoredFile, writeSealedFile } from '../crypto/stored-files';
import { recordingDir } from './local-artifacts';

/** One converted track as an ordinary media file (webm/opus/wav…), placed on the call's timeline. */
export interface ParticipantMedia {
  participantIdentity: string;
  role: ParticipantRole | 'unknown';
  kind: TrackKind;
  source: TrackSource;
  path: string;
  /** Seconds from the call's first recorded packet to this track's first packet. */
  startOffsetSeconds: number;
  /** The media server's raw recording it was converted from (Janus `.mjr`), when there is one. */
  recordedFrom?: string;
}

/** A room's recorded tracks as ordinary files, and the tracks that held no usable media. */
export interface PreparedMedia {
  media: ParticipantMedia[];
  leftOut: LeftOutTrack[];
}

/** Where the local composer gets a room's tracks (Janus recordings; a fixed list in tests). */
export interface RecordedMediaSource {
  prepare(room: RoomRef, recordingId: string): Promise<PreparedMedia>;
}

/**
 * The local composer's record of one recording's compositions, kept beside its outputs so the
 * transcriber (maybe in another process, or after a restart) resolves a composition id to a file.
 */
export interface LocalManifest {
  roomName: string;
  videoCompositionId: string;
  media: ParticipantMedia[];
  /** Composition id → the speaker's audio file. */
  speech: Record<string, string>;
  /** Composition id → what was transcribed of it while the call ran (live-transcript.ts), if anything. */
  live?: Record<string, string>;
}

/** Local composition ids carry their recording: `<recordingId>-video`, `<recordingId>-speech-<n>`. */
export const videoCompositionId = (recordingId: string) => `${recordingId}-video`;
export const speechCompositionId = (recordingId: string, n: number) => `${recordingId}-speech-${n}`;

export function recordingIdOf(compositionOrTranscriptId: string): string {
  const m = /^([A-Za-z0-9_]+)-(?:video|speech-\d+)/.exec(compositionOrTranscriptId);
  if (!m) throw new Error(`not a local composition id: ${compositionOrTranscriptId}`);
  return m[1];
}

const manifestPath = (dataDir: string, recordingId: string) => join(recordingDir(dataDir, recordingId), 'work', 'manifest.json');

/** Sealed like the media it describes: it names who took part. */
export async function writeManifest(dataDir: string, recordingId: string, manifest: LocalManifest, keys: MediaKeyRing): Promise<void> {
  const path = manifestPath(dataDir, recordingId);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeSealedFile(path, JSON.stringify(manifest, null, 2), keys);
}

export async function readManifest(dataDir: string, recordingId: string, keys: MediaKeyRing): Promise<LocalManifest | null> {
  try {
    return JSON.parse((await readStoredFile(manifestPath(dataDir, recordingId), keys)).toString('utf8')) as LocalManifest;
  } catch {
    return null;
  }
}
