import { DomainError } from '../../domain/errors';
import type { PipelineJob } from '../../domain/pipeline-job';
import { compositionFailed, compositionReady } from './compose/composition-events';
import type { PipelineDeps } from './deps';
import type { RoomEndedEvent } from './events';
import { backoffDelay } from './job-update';
import { resumeJob } from './resume';
import { roomEnded } from './room-ended';
import { RecordingComposer, RecordingTranscriber } from './test-support/fake-engines';
import { MemoryArtifacts, MemoryConversations, MemoryPipelineStore } from './test-support/in-memory';
import { transcriptFailed, transcriptReady } from './text/transcript-events';

const event: RoomEndedEvent = {
  roomName: 'esc-1',
  roomSid: 'RM1',
  conversationId: 'CH1',
  escalationId: 'e1',
  recording: true,
  endedAt: '2024-01-01T00:03:12.000Z',
};

function setup(composer = new RecordingComposer()) {
  const store = new MemoryPipelineStore();
  const conversations = new MemoryConversations();
  conversations.add('CH1', { videoEscalation: { status: 'ended' }, other: 1 });
  const artifacts = new MemoryArtifacts();
  const transcriber = new RecordingTranscriber();
  transcriber.results.set('REC1-speech-0', [{ start: 0.5, end: 1.5, text: 'hello how can i help', words: [] }]);
  transcriber.results.set('REC1-speech-1', [{ start: 0.2, end: 1.2, text: 'my router is broken', words: [] }]);
  let n = 0;
  const deps: PipelineDeps = {
    store,
    composer,
    transcriber,
    artifacts,
    conversations,
    clock: { now: () => new Date('2024-01-01T00:04:00Z') },
    retry: { maxAttempts: 3, backoffMs: 10 },
    newRecordingId: () => `REC${++n}`,
  };
  const job = async () => (await store.get('esc-1')) as PipelineJob;
  /** What Twilio (or a local engine) would send once each piece of work is done. */
  const video = (durationSeconds = 192.2) => compositionReady(deps, { roomName: 'esc-1', compositionId: 'REC1-video', durationSeconds });
  const speech = (i: number) => compositionReady(deps, { roomName: 'esc-1', compositionId: `REC1-speech-${i}` });
  const transcript = (i: number) =>
    transcriptReady(deps, { roomName: 'esc-1', compositionId: `REC1-speech-${i}`, transcriptId: transcriber.idFor(`REC1-speech-${i}`) });
  return { store, conversations, artifacts, transcriber, composer, deps, job, video, speech, transcript };
}

describe('the event-driven recording pipeline', () => {
  it('takes a room from ended to one message with the exact attributes the UI renders', async () => {
    const t = setup();
    expect((await roomEnded(t.deps, event)).state).toBe('processing');
    expect(t.composer.starts).toEqual([{ name: 'esc-1', sid: 'RM1' }]);
    await t.speech(0);
    await t.speech(1);
    expect(t.transcriber.requests.map((r) => r.compositionId)).toEqual(['REC1-speech-0', 'REC1-speech-1']);
    await t.transcript(0);
    await t.transcript(1);
    expect((await t.job()).state).toBe('processing'); // still waiting for the video
    expect(t.conversations.messages).toHaveLength(0);
    const done = await t.video();
    expect(done.state).toBe('attached');
    expect(t.conversations.messages).toHaveLength(1);
    const [msg] = t.conversations.messages;
    expect(msg.body).toBe(
      'Video call recording · 3:12 · transcript\n\n[0:00] Agent: hello how can i help\n[0:02] Customer: my router is broken',
    );
    expect(msg.attributes).toEqual({
      type: 'video-recording',
      kind: 'call',
      videoStatus: 'ready',
      recordingId: 'REC1',
      roomName: 'esc-1',
      escalationId: 'e1',
      durationSeconds: 192.2,
      mediaUrl: '/media/recordings/REC1/video.mp4',
      captionsUrl: '/media/recordings/REC1/captions.vtt',
      transcriptUrl: '/media/recordings/REC1/transcript.json',
      transcriptStatus: 'ready',
      customerAccess: 'video',
      idempotencyKey: 'esc-1',
    });
    const attrs = (await t.conversations.get('CH1'))?.attributes as Record<string, unknown>;
    expect(attrs).toMatchObject({ other: 1, videoEscalation: { status: 'ended' } });
    // The finished recording left the conversation's attributes: they stay bounded however many recordings it holds.
    expect(attrs.videoRecordings).toEqual({});
    expect(t.artifacts.files.get('REC1/captions.vtt')).toContain('<v Customer>my router is broken');
    expect(JSON.parse(t.artifacts.files.get('REC1/transcript.json') as string).segments).toHaveLength(2);
  });

  it('transcribes each speaker as soon as their audio is ready, without waiting for the video', async () => {
    const t = setup();
    await roomEnded(t.deps, event);
    await t.speech(1);
    expect(t.transcriber.requests.map((r) => r.compositionId)).toEqual(['REC1-speech-1']);
    expect((await t.job()).video?.status).toBe('pending');
  });

  it('starts transcription at once for speech the composer already had (the local back end)', async () => {
    const t = setup(new RecordingComposer(undefined, 'ready'));
    await roomEnded(t.deps, event);
    expect(t.transcriber.requests.map((r) => r.compositionId).sort()).toEqual(['REC1-speech-0', 'REC1-speech-1']);
  });

  it('ends with exactly one message whatever the order and however often events arrive', async () => {
    const t = setup();
    await roomEnded(t.deps, event);
    await roomEnded(t.deps, event); // room-ended webhook after endCall
    await t.speech(1);
    await t.speech(1);
    await t.transcript(1);
    await t.video();
    await t.speech(0);
    await t.transcript(1);
    await t.video();
    await t.transcript(0);
    await t.transcript(0);
    await t.video();
    expect(t.composer.starts).toHaveLength(1);
    expect(t.transcriber.requests).toHaveLength(2);
    expect(t.conversations.messages).toHaveLength(1);
    expect((await t.job()).state).toBe('attached');
    expect(t.store.jobs.size).toBe(1);
  });

  it('lets exactly one of many concurrent deliveries advance each step', async () => {
    const t = setup();
    await roomEnded(t.deps, event);
    await Promise.all([t.speech(0), t.speech(0), t.speech(1), t.speech(1), t.speech(0)]);
    expect(t.transcriber.requests).toHaveLength(2);
    await Promise.all([t.transcript(0), t.transcript(1), t.video(), t.video(), t.transcript(0), t.transcript(1)]);
    expect(t.conversations.messages).toHaveLength(1);
    expect((await t.job()).state).toBe('attached');
  });

  it('refuses an event for an unknown room with a 4xx, and ignores a stranger composition', async () => {
    const t = setup();
    const unknown = compositionReady(t.deps, { roomName: 'esc-nope', compositionId: 'CJ1' });
    await expect(unknown).rejects.toMatchObject({ kind: 'not_found', code: 'recording_job_not_found' });
    await roomEnded(t.deps, event);
    const before = await t.job();
    await compositionReady(t.deps, { roomName: 'esc-1', compositionId: 'CJ-not-ours' });
    expect(await t.job()).toEqual(before);
  });

  it('asks the sender to retry an event that arrives before its step was recorded', async () => {
    const t = setup();
    await t.store.insertIfAbsent({ ...event, recordingId: 'REC1', state: 'composing', version: 1, createdAt: '', updatedAt: '' });
    const early = compositionReady(t.deps, { roomName: 'esc-1', compositionId: 'REC1-video' });
    await expect(early).rejects.toBeInstanceOf(DomainError);
    await expect(early).rejects.toMatchObject({ kind: 'conflict', code: 'job_not_ready' });
  });

  it('retries a failed transcript with growing backoff, then succeeds', async () => {
    const t = setup();
    await roomEnded(t.deps, event);
    await t.speech(0);
    const failOnce = () =>
      transcriptFailed(t.deps, { roomName: 'esc-1', compositionId: 'REC1-speech-0', transcriptId: t.transcriber.idFor('REC1-speech-0'), reason: 'engine busy' });
    await failOnce();
    await failOnce();
    expect(t.transcriber.requests.filter((r) => r.compositionId === 'REC1-speech-0').map((r) => r.delayMs)).toEqual([0, 10, 20]);
    expect((await t.job()).reason).toBe('transcribe attempt 2: engine busy');
    await t.transcript(0);
    await t.speech(1);
    await t.transcript(1);
    const done = await t.video();
    expect(done).toMatchObject({ state: 'attached', reason: undefined });
    expect(done.speakers?.[0].transcribeAttempts).toBe(2);
  });

  it('posts the video as soon as it is ready, then adds the transcript to that same message', async () => {
    const t = setup();
    await roomEnded(t.deps, event);
    await t.speech(0);
    await t.speech(1);
    await t.transcript(0);
    await t.video(); // speaker 1 still transcribing: the video does not wait
    expect(t.conversations.messages).toHaveLength(1);
    const [early] = t.conversations.messages;
    expect(early.body).toBe('Video call recording · 3:12 · transcript to follow');
    expect(early.attributes).toEqual({
      type: 'video-recording',
      kind: 'call',
      videoStatus: 'ready',
      recordingId: 'REC1',
      roomName: 'esc-1',
      escalationId: 'e1',
      durationSeconds: 192.2,
      mediaUrl: '/media/recordings/REC1/video.mp4',
      transcriptStatus: 'pending',
      customerAccess: 'video',
      idempotencyKey: 'esc-1',
    });
    expect(await t.job()).toMatchObject({ state: 'processing', messageId: early.id });
    expect(t.artifacts.files.has('REC1/captions.vtt')).toBe(false);
    await t.video(); // a duplicate changes nothing
    expect(t.conversations.messages).toHaveLength(1);

    const done = await t.transcript(1);
    expect(done).toMatchObject({ state: 'attached', messageId: early.id });
    expect(t.conversations.messages).toHaveLength(1);
    const [complete] = t.conversations.messages;
    expect(complete.id).toBe(early.id);
    expect(complete.body).toMatch(/^Video call recording · 3:12 · transcript\n\n\[0:00\] Agent: hello how can i help/);
    expect(complete.attributes).toMatchObject({
      transcriptStatus: 'ready',
      captionsUrl: '/media/recordings/REC1/captions.vtt',
      transcriptUrl: '/media/recordings/REC1/transcript.json',
    });
    expect(t.artifacts.files.get('REC1/captions.vtt')).toContain('<v Customer>my router is broken');
  });

  it('a transcriber that never recovers: the video message stays, and says the transcript could not be made', async () => {
    const t = setup();
    await roomEnded(t.deps, event);
    await t.speech(0);
    await t.speech(1);
    await t.transcript(1);
    await t.video();
    expect(t.conversations.messages.map((m) => m.attributes.transcriptStatus)).toEqual(['pending']);
    for (let i = 0; i < 3; i++) {
      const transcriptId = t.transcriber.idFor('REC1-speech-0');
      await transcriptFailed(t.deps, { roomName: 'esc-1', compositionId: 'REC1-speech-0', transcriptId, reason: 'model missing' });
      await transcriptFailed(t.deps, { roomName: 'esc-1', compositionId: 'REC1-speech-0', transcriptId, reason: 'model missing' }); // duplicate
    }
    const job = await t.job();
    expect(job).toMatchObject({ state: 'attached', reason: 'transcribe: gave up after 3 attempts: model missing' });
    expect(job.speakers?.[0]).toMatchObject({ transcriptStatus: 'failed', transcribeAttempts: 3 });
    expect(t.transcriber.requests.filter((r) => r.compositionId === 'REC1-speech-0')).toHaveLength(3);
    expect(t.conversations.messages).toHaveLength(1);
    const [msg] = t.conversations.messages;
    expect(msg.id).toBe(job.messageId);
    expect(msg.body).toBe('Video call recording · 3:12 · the transcript could not be made');
    expect(msg.attributes).toMatchObject({ type: 'video-recording', mediaUrl: '/media/recordings/REC1/video.mp4', transcriptStatus: 'unavailable' });
    expect(msg.attributes.captionsUrl).toBeUndefined();
    expect(msg.body).not.toMatch(/model missing/);
  });

  it('a transcript given up before the video: the one message carries the video and says so', async () => {
    const t = setup();
    t.deps.retry = { maxAttempts: 1, backoffMs: 10 };
    await roomEnded(t.deps, event);
    await t.speech(0);
    await t.speech(1);
    await t.transcript(1);
    await transcriptFailed(t.deps, { roomName: 'esc-1', compositionId: 'REC1-speech-0', transcriptId: t.transcriber.idFor('REC1-speech-0'), reason: 'x' });
    expect(t.conversations.messages).toHaveLength(0);
    expect((await t.video()).state).toBe('attached');
    expect(t.conversations.messages.map((m) => m.attributes.transcriptStatus)).toEqual(['unavailable']);
  });

  it('retries a failed attach (conversation service down) with backoff instead of failing at once', async () => {
    const t = setup();
    const wakes: string[] = [];
    t.deps.wakeAt = (_room, at) => void wakes.push(at.toISOString());
    let down = 2;
    const post = t.conversations.postMessage.bind(t.conversations);
    t.conversations.postMessage = async (id, m) => {
      if (down-- > 0) throw new Error('503 service unavailable');
      return post(id, m);
    };
    await roomEnded(t.deps, event);
    await t.speech(0);
    await t.speech(1);
    await t.transcript(0);
    await t.transcript(1);
    await t.video();
    expect(await t.job()).toMatchObject({
      state: 'processing',
      attachAttempts: 1,
      nextAttemptAt: '2024-01-01T00:04:00.010Z',
      reason: 'attach attempt 1: attach: 503 service unavailable',
    });
    expect(wakes).toEqual(['2024-01-01T00:04:00.010Z']);
    await resumeJob(t.deps, 'esc-1'); // before its time (a restart): only re-armed
    expect(t.conversations.messages).toHaveLength(0);
    expect(wakes).toHaveLength(2);
    t.deps.clock = { now: () => new Date('2024-01-01T00:04:01Z') };
    await resumeJob(t.deps, 'esc-1');
    expect((await t.job()).attachAttempts).toBe(2);
    t.deps.clock = { now: () => new Date('2024-01-01T00:04:02Z') };
    const done = await resumeJob(t.deps, 'esc-1');
    expect(done).toMatchObject({ state: 'attached', attachAttempts: 2, reason: undefined, nextAttemptAt: undefined });
    expect(t.conversations.messages).toHaveLength(1);
    expect(t.conversations.messages[0].attributes.transcriptStatus).toBe('ready');
  });

  it('a message step that keeps failing is not re-run forever: failed once, chat told once, the video message kept', async () => {
    const t = setup();
    await roomEnded(t.deps, event);
    await t.speech(0);
    await t.speech(1);
    await t.transcript(0);
    await t.video(); // the video message goes out
    const updates: string[] = [];
    t.conversations.updateMessage = async (_c, id) => {
      updates.push(id);
      throw new Error('503 service unavailable');
    };
    // No scheduler: each failed attempt is retried at once, up to the cap.
    const job = await t.transcript(1);
    expect(job).toMatchObject({ state: 'failed', attachAttempts: 3, reason: 'attach: gave up after 3 attempts: attach: 503 service unavailable' });
    expect(updates).toHaveLength(4); // three attempts, then the best-effort "transcript unavailable"
    expect(t.conversations.messages.map((m) => m.attributes.type)).toEqual(['video-recording']);
    expect(await resumeJob(t.deps, 'esc-1')).toEqual(job);

    // With nothing in the chat yet, giving up tells the chat once.
    const u = setup();
    u.conversations.postMessage = async () => Promise.reject(new Error('down'));
    await roomEnded(u.deps, event);
    await u.video();
    expect(await u.job()).toMatchObject({ state: 'failed', attachAttempts: 3 });
    const w = setup();
    await roomEnded(w.deps, event);
    let calls = 0;
    const post = w.conversations.postMessage.bind(w.conversations);
    w.conversations.postMessage = async (id, m) => (++calls <= 3 ? Promise.reject(new Error('down')) : post(id, m));
    await w.video();
    expect(w.conversations.messages.map((m) => m.attributes.type)).toEqual(['video-recording-failed']);
  });

  it('resumes a video-first post a crash interrupted, without a second message', async () => {
    const t = setup();
    await roomEnded(t.deps, event);
    await t.speech(0);
    t.deps.onPersisted = (j) => {
      if (j.messageId) throw new Error('crash after post');
    };
    await expect(t.video()).rejects.toThrow('crash after post');
    t.deps.onPersisted = undefined;
    // As if the process died between posting and recording the post: the claim is still set.
    const saved = await t.job();
    await t.store.saveIfUnchanged({ ...saved, postingMessage: true, messageId: undefined, version: saved.version + 1 });
    const resumed = await resumeJob(t.deps, 'esc-1');
    expect(t.conversations.messages).toHaveLength(1);
    expect(resumed).toMatchObject({ state: 'processing', messageId: t.conversations.messages[0].id });
    expect(resumed.postingMessage).toBeUndefined();
  });

  it('room ended: only the job\'s advancer goes on (another worker holds its lease)', async () => {
    const t = setup();
    const held: string[] = [];
    t.deps.exclusive = async (room) => {
      held.push(room);
      return null;
    };
    expect(await roomEnded(t.deps, event)).toMatchObject({ state: 'recorded' });
    expect(held).toEqual(['esc-1']);
    expect(t.composer.starts).toHaveLength(0);
    t.deps.exclusive = (_room, work) => work();
    expect((await roomEnded(t.deps, event)).state).toBe('processing');
    expect(t.composer.starts).toHaveLength(1);
  });

  it('retries a failed video composition at the persisted time, then fails once when the attempts are spent', async () => {
    const t = setup();
    const wakes: [string, string][] = [];
    t.deps.wakeAt = (room, at) => void wakes.push([room, at.toISOString()]);
    await roomEnded(t.deps, event);
    await compositionFailed(t.deps, { roomName: 'esc-1', compositionId: 'REC1-video', reason: 'composition-failed' });
    await compositionFailed(t.deps, { roomName: 'esc-1', compositionId: 'REC1-video', reason: 'composition-failed' }); // duplicate
    expect(await t.job()).toMatchObject({
      state: 'processing',
      video: { status: 'failed' },
      composeAttempts: 1,
      nextAttemptAt: '2024-01-01T00:04:00.010Z',
      reason: 'compose attempt 1: REC1-video: composition-failed',
    });
    expect(wakes).toEqual([['esc-1', '2024-01-01T00:04:00.010Z']]);
    // Resumed before its time (a restart): the retry is only re-armed.
    await resumeJob(t.deps, 'esc-1');
    expect(t.composer.starts).toHaveLength(1);
    expect(wakes).toHaveLength(2);
    // Its time has come: composed again, only the video taken anew.
    t.deps.clock = { now: () => new Date('2024-01-01T00:04:01Z') };
    await resumeJob(t.deps, 'esc-1');
    expect(t.composer.starts).toHaveLength(2);
    expect((await t.job()).video).toMatchObject({ compositionId: 'REC1-video', status: 'pending' });
    await compositionFailed(t.deps, { roomName: 'esc-1', compositionId: 'REC1-video', reason: 'again' });
    t.deps.clock = { now: () => new Date('2024-01-01T00:04:02Z') };
    await resumeJob(t.deps, 'esc-1');
    expect(t.composer.starts).toHaveLength(3);
    await compositionFailed(t.deps, { roomName: 'esc-1', compositionId: 'REC1-video', reason: 'for good' });
    expect(await t.job()).toMatchObject({ state: 'failed', composeAttempts: 3, reason: 'compose: gave up after 3 attempts: REC1-video: for good' });
    expect(t.conversations.messages).toHaveLength(1);
    expect(t.conversations.messages[0].attributes.type).toBe('video-recording-failed');

    const empty = setup();
    empty.deps.composer = { start: async () => ({ video: null, speech: [] }), status: async () => ({ status: 'unknown' }) };
    expect(await roomEnded(empty.deps, event)).toMatchObject({ state: 'failed', reason: 'compose: no_tracks_recorded' });
  });

  it('skips a call with recording off, saying so once in the chat', async () => {
    const t = setup();
    const job = await roomEnded(t.deps, { ...event, recording: false });
    await roomEnded(t.deps, { ...event, recording: false });
    expect(job).toMatchObject({ state: 'skipped', reason: 'recording_off' });
    expect(t.composer.starts).toHaveLength(0);
    expect(t.conversations.messages).toHaveLength(1);
    expect(t.conversations.messages[0].attributes).toMatchObject({ type: 'video-recording-skipped', reason: 'recording_off' });
  });

  it('shows progress in the conversation attributes while the halves run side by side', async () => {
    const t = setup();
    const seen: unknown[] = [];
    t.deps.onPersisted = async () => {
      const a = (await t.conversations.get('CH1'))?.attributes as { videoRecordings?: Record<string, Record<string, unknown>> };
      const entry = a.videoRecordings?.REC1;
      const { state, videoReady, speakersTranscribed } = entry ?? {};
      seen.push(!entry ? 'gone' : state === 'processing' ? `${state}:${videoReady}:${speakersTranscribed}` : state);
    };
    await roomEnded(t.deps, event);
    await t.speech(0);
    await t.transcript(0);
    await t.video();
    await t.speech(1);
    await t.transcript(1);
    expect([...new Set(seen)]).toEqual(['composing', 'processing:false:0', 'processing:false:1', 'processing:true:1', 'processing:true:2', 'attaching', 'gone']);
  });

  it('resumes after a crash at any step: asks each provider where its part stands', async () => {
    const t = setup();
    // Crash right after claiming the compositions: nothing recorded, so the claim is taken again.
    t.deps.onPersisted = (j) => {
      if (j.state === 'composing') throw new Error('crash');
    };
    await expect(roomEnded(t.deps, event)).rejects.toThrow('crash');
    t.deps.onPersisted = undefined;
    expect((await resumeJob(t.deps, 'esc-1')).state).toBe('processing');
    expect(t.composer.starts).toHaveLength(1);

    // Lost events: the providers say the work is done; resume delivers what the events would have.
    await t.speech(0);
    t.composer.statuses.set('REC1-video', { status: 'ready', durationSeconds: 10 });
    t.composer.statuses.set('REC1-speech-1', { status: 'ready' });
    t.transcriber.statuses.set(t.transcriber.idFor('REC1-speech-0'), 'unknown'); // the engine lost it
    await resumeJob(t.deps, 'esc-1');
    expect(t.transcriber.requests.map((r) => r.compositionId)).toEqual(['REC1-speech-0', 'REC1-speech-1', 'REC1-speech-0']);
    for (const r of t.transcriber.requests) t.transcriber.statuses.set(r.transcriptId, 'ready');
    const done = await resumeJob(t.deps, 'esc-1');
    expect(done.state).toBe('attached');
    expect(t.conversations.messages).toHaveLength(1);
    expect(await resumeJob(t.deps, 'esc-1')).toEqual(done);
  });

  it('finds its own message after a crash between posting and recording `attached`', async () => {
    const t = setup();
    await roomEnded(t.deps, event);
    await t.speech(0);
    await t.speech(1);
    await t.transcript(0);
    await t.transcript(1);
    t.deps.onPersisted = (j) => {
      if (j.state === 'attached') throw new Error('crash after post');
    };
    await expect(t.video()).rejects.toThrow('crash after post');
    const saved = await t.job();
    await t.store.saveIfUnchanged({ ...saved, state: 'attaching', messageId: undefined, version: saved.version + 1 });
    t.deps.onPersisted = undefined;
    const job = await resumeJob(t.deps, 'esc-1');
    expect(job.state).toBe('attached');
    expect(t.conversations.messages).toHaveLength(1);
    expect(job.messageId).toBe(t.conversations.messages[0].id);
  });

  it('keeps a second recording of the same conversation beside the first, and each leaves the attributes when done', async () => {
    const t = setup(new RecordingComposer([{ participantIdentity: 'agent:alex', role: 'agent', startOffsetSeconds: 0 }], 'ready'));
    t.transcriber.results.set('REC2-speech-0', []);
    const rooms = [['esc-1', 'REC1'], ['esc-2', 'REC2']] as const;
    for (const [room] of rooms) await roomEnded(t.deps, { ...event, roomName: room });
    const entries = async () => Object.keys(((await t.conversations.get('CH1'))?.attributes.videoRecordings ?? {}) as object).sort();
    expect(await entries()).toEqual(['REC1', 'REC2']);
    for (const [room, rec] of rooms) {
      await transcriptReady(t.deps, { roomName: room, compositionId: `${rec}-speech-0`, transcriptId: t.transcriber.idFor(`${rec}-speech-0`) });
      await compositionReady(t.deps, { roomName: room, compositionId: `${rec}-video`, durationSeconds: 5 });
    }
    // Both attached: one message each, and no entry left (the attributes stay bounded).
    expect(await entries()).toEqual([]);
    expect(t.conversations.messages).toHaveLength(2);
  });
});

describe('backoffDelay', () => {
  it('doubles and is capped', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 500))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelay(20, 500, 30_000)).toBe(30_000);
  });
});
