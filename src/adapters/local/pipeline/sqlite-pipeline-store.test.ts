import type { PipelineJob } from '../../../ports/pipeline-store';
import { openDb } from '../db';
import { createLocalRecordingJobs } from './local-recording-jobs';
import { SqlitePipelineStore } from './sqlite-pipeline-store';

describe('SQLite pipeline store and recording jobs', () => {
  it('inserts one job per room however often the room ends, and lists unfinished ones', async () => {
    const db = openDb(':memory:');
    let kicks = 0;
    const jobs = createLocalRecordingJobs(db, () => kicks++);
    const event = { roomName: 'esc-1', roomSid: '1', conversationId: 'CH1', escalationId: 'e1', recording: true, endedAt: 'x' };
    await jobs.roomEnded(event);
    await jobs.roomEnded(event);
    const store = new SqlitePipelineStore(db);
    const job = (await store.get('esc-1')) as PipelineJob;
    expect(kicks).toBe(1);
    expect(job).toMatchObject({ state: 'recorded', transcribeAttempts: 0, conversationId: 'CH1' });
    expect(job.recordingId).toMatch(/^RE[0-9a-f]{32}$/);
    expect(await store.getByRecordingId(job.recordingId)).toEqual(job);
    expect(await store.listUnfinished()).toHaveLength(1);
    await store.save({ ...job, state: 'attached' });
    expect(await store.listUnfinished()).toHaveLength(0);
    expect((await store.listByConversation('CH1')).map((j) => j.state)).toEqual(['attached']);
    await expect(store.save({ ...job, roomName: 'nope' })).rejects.toThrow();
    db.close();
  });
});
