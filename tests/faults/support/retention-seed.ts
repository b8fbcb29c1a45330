import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dbPath, openDb } from '../../../src/adapters/local/db';
import { openSqliteStore } from '../../../src/adapters/sql/database';
import { recordingMessage } from '../../../src/core/pipeline/text/recording-message';
import type { PipelineJob, RecordingTranscript } from '../../../src/domain/pipeline-job';

/** Files of one seeded recording: media (raw tracks, converted tracks, work files, the video) and the kept text. */
export interface SeededRecording {
  job: PipelineJob;
  conversationId: string;
  mediaFiles: string[];
  textFiles: string[];
}

const transcript = (n: number): RecordingTranscript => ({
  engine: 'test',
  segments: [{ speaker: 'Customer', role: 'customer', participantIdentity: 'customer:x', start: 1, end: 3, text: `printer number ${n} jams`, words: [] }],
});

/**
 * A data folder as the pipeline leaves it: `count` attached recordings, each in its own
 * conversation closed `closedDaysAgo` days ago, with its message in the chat and its files on disk.
 */
export async function seedClosedRecordings(dataDir: string, count: number, closedDaysAgo: number): Promise<SeededRecording[]> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = openDb(dbPath(dataDir));
  const store = await openSqliteStore(db);
  const closedAt = new Date(Date.now() - closedDaysAgo * 24 * 3600 * 1000).toISOString();
  const out: SeededRecording[] = [];
  try {
    for (let n = 1; n <= count; n++) {
      const conversation = await store.conversations.createConversation({ friendlyName: `Chat ${n}` });
      const roomName = `esc-fault-${n}`;
      const recordingId = `REfault${n}`;
      const job: PipelineJob = {
        roomName,
        roomSid: String(1000 + n),
        conversationId: conversation.id,
        escalationId: `fault-${n}`,
        recordingId,
        recording: true,
        endedAt: closedAt,
        kind: 'call',
        state: 'attached',
        video: { compositionId: `${recordingId}-video`, status: 'ready', durationSeconds: 12 },
        transcript: transcript(n),
        version: 1,
        createdAt: closedAt,
        updatedAt: closedAt,
      };
      await store.pipeline.insertIfAbsent(job);
      const message = recordingMessage(job, transcript(n), 12, { mediaUrl: `/media/recordings/${recordingId}/video.mp4`, captionsUrl: `/media/recordings/${recordingId}/captions.vtt`, transcriptUrl: `/media/recordings/${recordingId}/transcript.json` });
      await store.conversations.postMessage(conversation.id, { author: 'system', ...message });
      await store.privacy.close({ conversationId: conversation.id, closedAt, closedBy: 'alex', source: 'console' });
      out.push({ job, conversationId: conversation.id, ...writeFiles(dataDir, roomName, recordingId, n) });
    }
  } finally {
    await store.close();
    db.close();
  }
  return out;
}

function writeFiles(dataDir: string, roomName: string, recordingId: string, n: number) {
  const raw = join(dataDir, 'recordings', roomName);
  const out = join(dataDir, 'compositions', recordingId);
  const mediaFiles = [
    join(raw, `videoroom-1-user-1-100-audio-0.mjr`),
    join(raw, `videoroom-1-user-1-100-video-1.mjr`),
    join(raw, `videoroom-1-user-2-100-audio-0.mjr`),
    join(out, 'tracks', 'videoroom-1-user-1-100-video-1.webm'),
    join(out, 'work', 'manifest.json'),
    join(out, 'work', `${recordingId}-speech-0.wav`),
    join(out, 'video.mp4'),
  ];
  const textFiles = [join(out, 'captions.vtt'), join(out, 'transcript.json')];
  for (const f of mediaFiles) {
    mkdirSync(join(f, '..'), { recursive: true, mode: 0o700 });
    writeFileSync(f, Buffer.alloc(64 * 1024, n), { mode: 0o600 });
  }
  writeFileSync(textFiles[0], `WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nprinter number ${n} jams\n`, { mode: 0o600 });
  writeFileSync(textFiles[1], JSON.stringify(transcript(n)), { mode: 0o600 });
  return { mediaFiles, textFiles };
}
