import type { Composer } from '../../ports/composer';
import type { PipelineJob } from '../../ports/pipeline-store';
import type { RoomEndedEvent } from '../../ports/recording-jobs';
import type { ParticipantMedia, RecordingMediaSource } from '../../ports/recording-media';
import type { TranscribedSegment, Transcriber } from '../../ports/transcriber';
import { enqueueRoomEnded } from './room-ended';
import { backoffDelay, runJob, type PipelineDeps } from './run-job';
import { MemoryArtifacts, MemoryConversations, MemoryPipelineStore } from './testing/in-memory';

const media: ParticipantMedia[] = [
  { participantIdentity: 'agent:alex', role: 'agent', kind: 'audio', source: 'microphone', path: '/a.opus', startOffsetSeconds: 0 },
  { participantIdentity: 'agent:alex', role: 'agent', kind: 'video', source: 'camera', path: '/a.webm', startOffsetSeconds: 0 },
  { participantIdentity: 'customer:c1', role: 'customer', kind: 'audio', source: 'microphone', path: '/c.opus', startOffsetSeconds: 2 },
];

const event: RoomEndedEvent = {
  roomName: 'esc-1',
  roomSid: '1234',
  conversationId: 'CH1',
  escalationId: 'e1',
  recording: true,
  endedAt: '2024-01-01T00:03:12.000Z',
};

function setup(transcribe?: (path: string) => Promise<TranscribedSegment[]>) {
  const store = new MemoryPipelineStore();
  const conversations = new MemoryConversations();
  conversations.add('CH1', { videoEscalation: { status: 'ended' }, other: 1 });
  const artifacts = new MemoryArtifacts();
  const calls = { prepare: 0, compose: 0, transcribe: 0, sleeps: [] as number[] };
  const source: RecordingMediaSource = {
    prepare: async () => {
      calls.prepare++;
      return media;
    },
  };
  const composer: Composer = {
    compose: async () => {
      calls.compose++;
      return { location: '/out/video.mp4', durationSeconds: 192.2 };
    },
    speechAudio: async (_id, track) => `${track.path}.wav`,
  };
  const transcriber: Transcriber = {
    name: 'fake',
    transcribe: async (path) => {
      calls.transcribe++;
      if (transcribe) return transcribe(path);
      return path.startsWith('/a')
        ? [{ start: 0.5, end: 1.5, text: 'hello how can i help', words: [] }]
        : [{ start: 0.2, end: 1.2, text: 'my router is broken', words: [] }];
    },
  };
  const deps: PipelineDeps = {
    store,
    media: source,
    composer,
    transcriber,
    artifacts,
    conversations,
    clock: { now: () => new Date('2024-01-01T00:04:00Z') },
    retry: { maxAttempts: 3, backoffMs: 10 },
    sleep: async (ms) => {
      calls.sleeps.push(ms);
    },
  };
  let n = 0;
  const enqueue = (e: RoomEndedEvent = event) => enqueueRoomEnded(store, e, () => `REC${++n}`, new Date('2024-01-01T00:03:13Z'));
  return { store, conversations, artifacts, calls, deps, enqueue };
}

describe('runJob', () => {
  it('takes a recorded room to one message with the exact attributes the UI renders', async () => {
    const { deps, conversations, artifacts, enqueue } = setup();
    await enqueue();
    const job = await runJob(deps, 'esc-1');
    expect(job.state).toBe('attached');
    expect(conversations.messages).toHaveLength(1);
    const [msg] = conversations.messages;
    expect(msg.body).toBe(
      'Video call recording · 3:12 · transcript\n\n[0:00] Agent: hello how can i help\n[0:02] Customer: my router is broken',
    );
    expect(msg.attributes).toEqual({
      type: 'video-recording',
      recordingId: 'REC1',
      roomName: 'esc-1',
      escalationId: 'e1',
      durationSeconds: 192.2,
      mediaUrl: '/media/recordings/REC1/video.mp4',
      captionsUrl: '/media/recordings/REC1/captions.vtt',
      transcriptUrl: '/media/recordings/REC1/transcript.json',
      transcript: {
        segments: [
          { speaker: 'Agent', role: 'agent', start: 0.5, end: 1.5, text: 'hello how can i help' },
          { speaker: 'Customer', role: 'customer', start: 2.2, end: 3.2, text: 'my router is broken' },
        ],
      },
      idempotencyKey: 'esc-1',
    });
    const attrs = (await conversations.get('CH1'))?.attributes as Record<string, unknown>;
    expect(attrs.other).toBe(1);
    expect(attrs.videoEscalation).toEqual({ status: 'ended' });
    expect(attrs.videoRecordings).toEqual({
      REC1: expect.objectContaining({ recordingId: 'REC1', messageId: msg.id, mediaUrl: '/media/recordings/REC1/video.mp4' }),
    });
    expect(artifacts.files.get('REC1/captions.vtt')).toContain('<v Customer>my router is broken');
    expect(JSON.parse(artifacts.files.get('REC1/transcript.json') as string).segments).toHaveLength(2);
  });

  it('shows each step in the conversation attributes while it runs, ending at attached', async () => {
    const { deps, conversations, enqueue } = setup();
    const seen: string[] = [];
    deps.onPersisted = async (job) => {
      const attributes = (await conversations.get('CH1'))?.attributes as { videoRecordings?: Record<string, { state: string }> };
      seen.push(attributes.videoRecordings?.[job.recordingId]?.state ?? 'none');
    };
    await enqueue();
    await runJob(deps, 'esc-1');
    expect(seen).toEqual(['composing', 'composed', 'transcribing', 'transcribed', 'attached']);
    const attributes = (await conversations.get('CH1'))?.attributes as Record<string, unknown>;
    expect(attributes).toMatchObject({ other: 1, videoEscalation: { status: 'ended' }, videoRecordings: { REC1: { state: 'attached', messageId: expect.any(String) } } });
  });

  it('keeps a second recording of the same conversation beside the first', async () => {
    const { deps, conversations, enqueue } = setup();
    await enqueue();
    await enqueue({ ...event, roomName: 'esc-2', escalationId: 'e2' });
    await runJob(deps, 'esc-1');
    await runJob(deps, 'esc-2');
    const attrs = (await conversations.get('CH1'))?.attributes as { videoRecordings: Record<string, unknown> };
    expect(Object.keys(attrs.videoRecordings).sort()).toEqual(['REC1', 'REC2']);
    expect(conversations.messages).toHaveLength(2);
  });

  it('treats a second "room ended" as a no-op: one job, one recording id', async () => {
    const { deps, store, conversations, calls, enqueue } = setup();
    expect(await enqueue()).toBe(true);
    expect(await enqueue()).toBe(false);
    await runJob(deps, 'esc-1');
    await runJob(deps, 'esc-1');
    expect(store.jobs.size).toBe(1);
    expect(calls.compose).toBe(1);
    expect(conversations.messages).toHaveLength(1);
  });

  it('resumes after a crash right after `composed` without composing again', async () => {
    const { deps, calls, conversations, enqueue } = setup();
    await enqueue();
    const crashing: PipelineDeps = {
      ...deps,
      onPersisted: (j: PipelineJob) => {
        if (j.state === 'composed') throw new Error('simulated crash');
      },
    };
    await expect(runJob(crashing, 'esc-1')).rejects.toThrow('simulated crash');
    expect((await deps.store.get('esc-1'))?.state).toBe('composed');
    const job = await runJob(deps, 'esc-1');
    expect(job.state).toBe('attached');
    expect(calls.compose).toBe(1);
    expect(conversations.messages).toHaveLength(1);
  });

  it('finds its own message after a crash between posting and persisting `attached`', async () => {
    const { deps, conversations, enqueue } = setup();
    await enqueue();
    const crashing: PipelineDeps = {
      ...deps,
      onPersisted: (j: PipelineJob) => {
        if (j.state === 'attached') throw new Error('crash after post');
      },
    };
    await expect(runJob(crashing, 'esc-1')).rejects.toThrow('crash after post');
    // The save happened before the hook; roll it back to model a crash before the save.
    const saved = (await deps.store.get('esc-1')) as PipelineJob;
    await deps.store.save({ ...saved, state: 'transcribed', messageId: undefined });
    const job = await runJob(deps, 'esc-1');
    expect(job.state).toBe('attached');
    expect(conversations.messages).toHaveLength(1);
    expect(job.messageId).toBe(conversations.messages[0].id);
  });

  it('retries a failing transcriber with growing backoff, then succeeds', async () => {
    let failures = 0;
    const { deps, calls, conversations, store, enqueue } = setup(async () => {
      if (failures < 2) {
        failures++;
        throw new Error('engine busy');
      }
      return [{ start: 0, end: 1, text: 'ok', words: [] }];
    });
    const states: string[] = [];
    deps.onPersisted = (j) => {
      states.push(`${j.state}:${j.transcribeAttempts}`);
    };
    await enqueue();
    const job = await runJob(deps, 'esc-1');
    expect(job.state).toBe('attached');
    expect(calls.sleeps).toEqual([10, 20]);
    expect(states).toContain('transcribing:2');
    expect(conversations.messages).toHaveLength(1);
    expect(store.jobs.get('esc-1')?.reason).toBeUndefined();
  });

  it('fails with the reason after the last attempt, and posts nothing', async () => {
    const { deps, calls, conversations, enqueue } = setup(async () => {
      throw new Error('model missing');
    });
    await enqueue();
    const job = await runJob(deps, 'esc-1');
    expect(job.state).toBe('failed');
    expect(job.transcribeAttempts).toBe(3);
    expect(job.reason).toBe('transcribe: gave up after 3 attempts: model missing');
    expect(calls.sleeps).toEqual([10, 20]);
    // The chat is told once, without the technical reason (the customer reads the chat too).
    await runJob(deps, 'esc-1');
    expect(conversations.messages).toHaveLength(1);
    expect(conversations.messages[0].attributes).toMatchObject({ type: 'video-recording-failed', recordingId: job.recordingId });
    expect(conversations.messages[0].body).not.toMatch(/model missing/);
  });

  it('records a compose failure as `failed` with its reason', async () => {
    const { deps, enqueue } = setup();
    deps.media = { prepare: async () => [] };
    await enqueue();
    const job = await runJob(deps, 'esc-1');
    expect(job).toMatchObject({ state: 'failed', reason: 'compose: no_tracks_recorded' });
  });

  it('skips a call recorded with recording off, saying so once in the chat', async () => {
    const { deps, calls, conversations, enqueue } = setup();
    await enqueue({ ...event, recording: false });
    const job = await runJob(deps, 'esc-1');
    await runJob(deps, 'esc-1');
    expect(job).toMatchObject({ state: 'skipped', reason: 'recording_off' });
    expect(calls.prepare).toBe(0);
    expect(conversations.messages).toHaveLength(1);
    expect(conversations.messages[0].attributes).toMatchObject({ type: 'video-recording-skipped', reason: 'recording_off' });
  });
});

describe('backoffDelay', () => {
  it('doubles and is capped', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 500))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelay(20, 500, 30_000)).toBe(30_000);
  });
});
