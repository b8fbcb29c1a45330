import type { ErasureCounts } from '../../api/privacy-contract';

/** Decimal units, as storage is billed: "1.5 GB", "820 kB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** "$12.30"; a positive amount under a cent reads "< $0.01", not "$0.00". */
export function formatUsd(amount: number): string {
  if (amount > 0 && amount < 0.005) return '< $0.01';
  return `$${amount.toFixed(2)}`;
}

/** A unit price as configured, not rounded to cents: "$0.023". */
export const formatPrice = (usd: number): string => `$${Number(usd.toFixed(4))}`;

/** What the erasure counts mean, in the order they are shown. Conversations and recordings are scope, not items. */
export const COUNT_LABELS: [keyof ErasureCounts, string][] = [
  ['conversations', 'Conversations'],
  ['recordings', 'Recordings'],
  ['mediaFiles', 'Media files'],
  ['transcripts', 'Transcripts and captions'],
  ['messages', 'Chat messages rewritten'],
  ['linkTokens', 'Customer links revoked'],
  ['clipViews', 'Clip viewing records'],
];

/** The items an erasure removes or rewrites (what "Erase N items" counts). */
export const itemsOf = (c: ErasureCounts): number => c.mediaFiles + c.transcripts + c.messages + c.linkTokens + c.clipViews;

/** A moment for people: "Nov 21, 2026, 10:00 AM" in the viewer's locale and zone. */
export const formatWhen = (iso: string): string => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/** A day for people: "Nov 21, 2026". */
export const formatDay = (iso: string): string => new Date(iso).toLocaleDateString([], { dateStyle: 'medium' });
