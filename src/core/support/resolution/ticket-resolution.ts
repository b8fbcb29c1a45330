import type { SurveyAnswers } from '../../../api/support-contract';
import type { SupportEventRecord, SupportSide } from '../../../domain/support-events';

type Resolved = SupportEventRecord & { event: { kind: 'resolved' } };

const isResolved = (r: SupportEventRecord): r is Resolved => r.event.kind === 'resolved';

/**
 * The resolution that still stands, or null when the ticket is open: never resolved, or reopened
 * since its last resolution by a customer message after it (as the metrics count a reopening) or
 * by the customer answering "no, this did not solve my problem". Events come oldest first.
 */
export function standingResolution(events: readonly SupportEventRecord[]): Resolved | null {
  let standing: Resolved | null = null;
  for (const r of events) {
    if (isResolved(r)) standing = r;
    else if (standing && r.event.kind === 'message' && r.event.side === 'customer' && r.at > standing.at) standing = null;
    else if (standing && r.event.kind === 'confirmed' && !r.event.solved) standing = null;
  }
  return standing;
}

/** Which resolution of the ticket a `resolved` event is: 1 for the first. */
export const resolutionNumber = (events: readonly SupportEventRecord[], resolved: SupportEventRecord): number =>
  events.filter(isResolved).findIndex((r) => r.id === resolved.id) + 1;

/** The survey's answers the ticket holds (each kept once per ticket). */
export function answersOf(events: readonly SupportEventRecord[]): SurveyAnswers {
  const answers: SurveyAnswers = { solved: null, score: null };
  for (const { event } of events) {
    if (event.kind === 'confirmed') answers.solved ??= event.solved;
    else if (event.kind === 'csat') answers.score ??= event.score;
  }
  return answers;
}

/** The record of an answer kind, for its time. */
export const answerRecordOf = (events: readonly SupportEventRecord[], kind: 'confirmed' | 'csat'): SupportEventRecord | undefined =>
  events.find((r) => r.event.kind === kind);

/** The side's latest recorded time zone, or null. */
export function lastTimeZone(events: readonly SupportEventRecord[], side: SupportSide): string | null {
  let zone: string | null = null;
  for (const { event } of events) if (event.kind === 'time_zone' && event.side === side) zone = event.zone;
  return zone;
}
