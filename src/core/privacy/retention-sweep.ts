import type { MediaDeletionReason } from '../../domain/privacy';
import { logger } from '../../logger';
import { TERMINAL_STATES, type PipelineJob } from '../../domain/pipeline-job';
import { RETENTION_ACTOR, type RetentionDeps } from './retention-deps';
import { deleteRecordingMedia } from './retention-media';
import { conversationSettled, jobSettled } from './retention-settled';
import { mediaDue, transcriptDue } from './retention-policy';
import { deleteRecordingTranscript } from './retention-transcript';
import type { RetentionSweepResponse } from '../../api/privacy-contract';

/** What one sweep did: the scheduler's answer (src/api/privacy-contract.ts), defined once there. */
export type SweepReport = RetentionSweepResponse;

export interface SweepOptions {
  /** Only this conversation (the sweep right after its close). */
  conversationId?: string;
  /** Pause between recordings (RETENTION_SWEEP_PACE_MS), so deletions never starve live calls of disk IO. */
  paceMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Starts no new recording after this many milliseconds (a Twilio Function is stopped at 10 s):
   * the rest is left for the next call, which `more` announces. Stopping between recordings is
   * safe, since each deletion is resumable on its own.
   */
  budgetMs?: number;
  /** Milliseconds since the sweep started (tests pass their own). */
  elapsedMs?: () => number;
}

const PAGE = 200;
const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

type Work = { job: PipelineJob; media: MediaDeletionReason | null; transcript: boolean };

/**
 * The retention sweep at `now` (passed in: tests and operators choose the time). Closed
 * conversations not on legal hold have their recordings' media deleted once due (the policy's
 * days after close, or at close for recordings with PII), and their transcripts when
 * RETENTION_TRANSCRIPT_DAYS says so. Recordings whose deletion an earlier run started go first.
 * Idempotent and resumable: see deleteRecordingMedia.
 */
export async function sweepRetention(deps: RetentionDeps, now: Date, options: SweepOptions = {}): Promise<SweepReport> {
  const report: SweepReport = { conversations: 0, held: 0, mediaDeleted: 0, resumed: 0, mediaItems: 0, transcriptsDeleted: 0, notFinished: 0, failed: 0, settled: 0 };
  const work: Work[] = [];
  // Conversations this sweep may leave with nothing to do; checked afresh once the work is done.
  const settling: string[] = [];
  for await (const closure of closures(deps, now, options.conversationId)) {
    report.conversations++;
    if (await deps.privacy.getHold(closure.conversationId)) {
      report.held++;
      continue;
    }
    let mayFinish = true;
    for (const job of await deps.pipeline.store.listByConversation(closure.conversationId)) {
      const w = dueWork(deps, job, closure.closedAt, now);
      if (w && TERMINAL_STATES.includes(job.state)) work.push(w);
      else if (w) report.notFinished++;
      if (!TERMINAL_STATES.includes(job.state) || !jobSettled(deps.config, job, w)) mayFinish = false;
    }
    if (mayFinish) settling.push(closure.conversationId);
  }
  // Half-done deletions first: nothing stays half-deleted longer than it must.
  work.sort((a, b) => Number(b.job.mediaDeletion?.state === 'deleting') - Number(a.job.mediaDeletion?.state === 'deleting'));
  const sleep = options.sleep ?? sleepFor;
  const startedAt = Date.now();
  const elapsed = options.elapsedMs ?? (() => Date.now() - startedAt);
  for (const [i, w] of work.entries()) {
    if (options.budgetMs !== undefined && elapsed() >= options.budgetMs) {
      report.more = true;
      break;
    }
    if (i > 0 && options.paceMs) await sleep(options.paceMs);
    await sweepOne(deps, w, now, report);
  }
  for (const conversationId of settling) {
    if (await conversationSettled(deps, conversationId, now)) {
      await deps.privacy.markSettled(conversationId, now.toISOString());
      report.settled++;
    }
  }
  if (report.mediaDeleted + report.transcriptsDeleted + report.failed + report.settled > 0) logger.info({ report, actor: RETENTION_ACTOR }, 'retention sweep');
  return report;
}

async function sweepOne(deps: RetentionDeps, w: Work, now: Date, report: SweepReport): Promise<void> {
  try {
    // A hold set since the listing wins.
    if (await deps.privacy.getHold(w.job.conversationId)) return;
    if (w.media) {
      if (w.job.mediaDeletion?.state === 'deleting') report.resumed++;
      report.mediaItems += await deleteRecordingMedia(deps, w.job.roomName, w.media, now);
      report.mediaDeleted++;
    }
    if (w.transcript && (await deleteRecordingTranscript(deps, w.job, now))) report.transcriptsDeleted++;
  } catch (err) {
    report.failed++;
    logger.error({ err, recordingId: w.job.recordingId }, 'retention: could not delete a recording; the next sweep resumes it');
  }
}

/** What is due of one recording, or null. An intent already on record is always due: it must finish. */
function dueWork(deps: RetentionDeps, job: PipelineJob, closedAt: string, now: Date): Work | null {
  if (job.state === 'skipped') return null;
  const pii = (job.pii?.length ?? 0) > 0;
  let media: MediaDeletionReason | null = null;
  if (job.mediaDeletion?.state === 'deleting') media = job.mediaDeletion.reason;
  else if (!job.mediaDeletion && mediaDue(closedAt, pii, now, deps.config)) {
    media = pii && deps.config.DELETE_PII_MEDIA_AT_CLOSE && !mediaDue(closedAt, false, now, deps.config) ? 'pii' : 'retention';
  }
  const transcript = !job.transcriptDeletedAt && transcriptDue(closedAt, now, deps.config);
  return media || transcript ? { job, media, transcript } : null;
}

/** Every unsettled closure at or before `now`, oldest first, page by page (or the one conversation asked for). */
async function* closures(deps: RetentionDeps, now: Date, only?: string) {
  if (only) {
    const c = await deps.privacy.getClosure(only);
    if (c && Date.parse(c.closedAt) <= now.getTime()) yield c;
    return;
  }
  let after: { closedAt: string; conversationId: string } | undefined;
  for (;;) {
    const page = await deps.privacy.listUnsettled(now.toISOString(), PAGE, after);
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1];
  }
}
