import { DomainError } from '../../domain/errors';
import type { PipelineJob } from '../../domain/pipeline-job';
import { agent, makeTestDeps, supervisor } from '../test-support/local-deps';
import { MEASURED_CLIP_MB_PER_MINUTE, SEED_VOLUME, STORAGE_PAGE, seedVolumeMonthlyCost, storageUsage } from './storage-usage';

async function withRecordings(endedAt: string[], env: Record<string, string> = {}) {
  const t = await makeTestDeps(env);
  t.pipelineDeps.library = t.store.library;
  for (const [i, at] of endedAt.entries()) {
    const job = { roomName: `room-${i}`, recordingId: `RE${i}`, conversationId: 'CH1', escalationId: 'e', recording: true, endedAt: at, state: 'attached', version: 1, createdAt: at, updatedAt: at } as PipelineJob;
    await t.pipelineDeps.store.insertIfAbsent(job);
    await t.store.library.upsert({ recordingId: job.recordingId, conversationId: 'CH1', kind: 'call', agentIdentity: 'alex', agentName: 'Alex', customerName: 'C', endedAt: at, durationSeconds: 10, state: 'ready', hasTranscript: false });
    t.recordingMedia.seed(job.recordingId, [1_000_000_000, 500_000_000]);
  }
  return t;
}

describe('storage usage', () => {
  it('bytes stored now and the estimated monthly cost per month of recording, newest first, with totals', async () => {
    const t = await withRecordings(['2026-10-03T10:00:00.000Z', '2026-11-01T00:00:00.000Z', '2026-11-30T23:59:59.000Z'], { STORAGE_PRICE_PER_GB_MONTH: '0.02' });
    // A deleted recording still counts as a recording, with 0 bytes.
    t.recordingMedia.media.set('RE0', []);
    const usage = await storageUsage(t.deps, supervisor);
    expect(usage.pricePerGbMonthUsd).toBe(0.02);
    expect(usage.months.map(({ month, recordings, bytes }) => ({ month, recordings, bytes }))).toEqual([
      { month: '2026-11', recordings: 2, bytes: 3_000_000_000 },
      { month: '2026-10', recordings: 1, bytes: 0 },
    ]);
    expect(usage.months[0].estimatedMonthlyCostUsd).toBeCloseTo(0.06, 10);
    expect(usage.totalBytes).toBe(3_000_000_000);
    expect(usage.totalEstimatedMonthlyCostUsd).toBeCloseTo(0.06, 10);
    expect(usage.budgetUsdMonth).toBe(100);
  });

  it('pages through every recording, however many', async () => {
    const n = STORAGE_PAGE * 2 + 3;
    const t = await withRecordings(Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()));
    const usage = await storageUsage(t.deps, supervisor);
    expect(usage.months).toEqual([expect.objectContaining({ month: '2026-01', recordings: n, bytes: n * 1_500_000_000 })]);
  });

  it('is for supervisors', async () => {
    const t = await withRecordings([]);
    await expect(storageUsage(t.deps, agent)).rejects.toEqual(expect.objectContaining({ code: 'supervisor_required' }));
    await expect(storageUsage(t.deps, agent)).rejects.toBeInstanceOf(DomainError);
  });
});

describe('storage cost at the workflow example volume', () => {
  it('100 tickets × 2 clips × 2.5 min at the measured MB per minute, kept 90 days after close (4 months stored)', () => {
    // 500 min × 2 MB = 1 GB a month; 4 GB stored at $0.025 = $0.10.
    expect(seedVolumeMonthlyCost(0.025, 2)).toBeCloseTo(0.1, 10);
    expect(seedVolumeMonthlyCost(0.025, 2, 0)).toBeCloseTo(0.025, 10);
    expect(SEED_VOLUME).toEqual({ ticketsPerMonth: 100, clipsPerTicket: 2, clipMinutes: 2.5 });
  });

  it('is far below the $100 target at the default price and the measured clip size', () => {
    expect(seedVolumeMonthlyCost(0.023)).toBeCloseTo(500 * MEASURED_CLIP_MB_PER_MINUTE * 4 * 0.023 / 1000, 10);
    expect(seedVolumeMonthlyCost(0.023)).toBeLessThan(100);
  });
});
