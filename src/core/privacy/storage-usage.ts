import type { StorageMonth, StorageUsageResponse } from '../../api/privacy-contract';
import type { StaffIdentity } from '../../domain/identity';
import type { ListPosition } from '../../ports/recording-library';
import type { StorageDeps } from './privacy-deps';
import { requirePrivacySupervisor } from './supervisors-only';

/** Recordings read per page: memory stays flat however many there are. */
export const STORAGE_PAGE = 200;

/** The estimated monthly cost of `bytes` at `pricePerGbMonth` (decimal GB, as storage is billed). */
export const monthlyCost = (bytes: number, pricePerGbMonth: number): number => (bytes / 1e9) * pricePerGbMonth;

/** The async-video workflow's example volume: 100 video tickets a month, two clips of 2.5 minutes each. */
export const SEED_VOLUME = { ticketsPerMonth: 100, clipsPerTicket: 2, clipMinutes: 2.5 } as const;

/**
 * MB (decimal) per minute of a screen + camera clip as composed, the kind the workflow sends most
 * (a customer showing the problem on screen, with their face): bench:clip's
 * `clip_mb_per_min_screen` (1.083), 3-minute clip, 2026-12-08 04:33 on the idle VM (bench/README.md, "Smaller files").
 */
export const MEASURED_CLIP_MB_PER_MINUTE = 1.08;

/** Default media retention: deleted 90 days after the ticket closes (RETENTION_MEDIA_DAYS). */
const DEFAULT_MEDIA_DAYS_KEPT = 90;

/**
 * The monthly storage cost at SEED_VOLUME, in the steady state: each month adds the same clips
 * and each is kept until `mediaDaysKept` after close; assuming a ticket closes in the month its
 * clips are made, about 1 + days/30 months of clips are stored at any time (4 at 90 days).
 */
export function seedVolumeMonthlyCost(pricePerGbMonth: number, mbPerMinute = MEASURED_CLIP_MB_PER_MINUTE, mediaDaysKept = DEFAULT_MEDIA_DAYS_KEPT): number {
  const { ticketsPerMonth, clipsPerTicket, clipMinutes } = SEED_VOLUME;
  const newBytesPerMonth = ticketsPerMonth * clipsPerTicket * clipMinutes * mbPerMinute * 1e6;
  return monthlyCost(newBytesPerMonth * (1 + mediaDaysKept / 30), pricePerGbMonth);
}

/**
 * Bytes stored now and their estimated monthly cost, per month of the recordings' end (YYYY-MM,
 * UTC), newest month first, and in total. Pages through the library; sizes come from the media
 * store (what is really stored: 0 once deleted, the encrypted size when encrypted).
 */
export async function storageUsage(deps: StorageDeps, staff: StaffIdentity): Promise<StorageUsageResponse> {
  requirePrivacySupervisor(staff);
  const price = deps.config.STORAGE_PRICE_PER_GB_MONTH;
  const months = new Map<string, { recordings: number; bytes: number }>();
  const library = deps.pipeline.library;
  let after: ListPosition | undefined;
  while (library) {
    const page = await library.list({ filter: {}, after, limit: STORAGE_PAGE });
    for (const record of page) {
      const job = await deps.pipeline.store.getByRecordingId(record.recordingId);
      const bytes = job ? await deps.recordingMedia.mediaBytes(job) : 0;
      const month = record.endedAt.slice(0, 7);
      const m = months.get(month) ?? { recordings: 0, bytes: 0 };
      months.set(month, { recordings: m.recordings + 1, bytes: m.bytes + bytes });
    }
    if (page.length < STORAGE_PAGE) break;
    const last = page[page.length - 1];
    after = { endedAt: last.endedAt, recordingId: last.recordingId };
  }
  const rows: StorageMonth[] = [...months.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([month, m]) => ({ month, recordings: m.recordings, bytes: m.bytes, estimatedMonthlyCostUsd: monthlyCost(m.bytes, price) }));
  const totalBytes = rows.reduce((n, r) => n + r.bytes, 0);
  return {
    pricePerGbMonthUsd: price,
    months: rows,
    totalBytes,
    totalEstimatedMonthlyCostUsd: monthlyCost(totalBytes, price),
    budgetUsdMonth: deps.config.STORAGE_BUDGET_USD_MONTH,
  };
}
