import React, { useCallback, useEffect, useState } from 'react';
import type { StorageUsageResponse } from '../../api/privacy-contract';
import type { PrivacyApi } from '../api/privacy-api';
import { SEED_VOLUME, seedVolumeMonthlyCost } from '../../core/privacy/storage-usage';
import { formatBytes, formatPrice, formatUsd } from './format';
import { useBusy } from './useAsync';

const monthName = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
};

/** The estimated monthly cost against the policy's target, said in words (not by colour alone). */
function BudgetLine({ cost, budget }: { cost: number; budget: number }) {
  if (typeof budget !== 'number') return null;
  const over = cost > budget;
  return (
    <p data-testid="storage-budget" className={over ? 'vx-error' : undefined}>
      Estimated {formatUsd(cost)} per month for everything stored:{' '}
      {over ? `over the ${formatUsd(budget)} per month target by ${formatUsd(cost - budget)}.` : `within the ${formatUsd(budget)} per month target.`}
    </p>
  );
}

/** What the workflow's example volume would cost at this price (clip size measured by bench:clip), beside the same target. */
function SeedVolumeLine({ price, budget }: { price: number; budget: number }) {
  const { ticketsPerMonth, clipsPerTicket, clipMinutes } = SEED_VOLUME;
  return (
    <p data-testid="storage-seed-volume">
      At the workflow&apos;s example volume ({ticketsPerMonth} video tickets a month, {clipsPerTicket} clips of {clipMinutes} min each, kept 90 days
      after close): {formatUsd(seedVolumeMonthlyCost(price))} a month, target {formatUsd(budget)}.
    </p>
  );
}

/** Bytes stored per month of recording and the estimated monthly cost, at the configured price per GB. */
export function StorageUsageTable({ api }: { api: Pick<PrivacyApi, 'storageUsage'> }) {
  const [usage, setUsage] = useState<StorageUsageResponse | null>(null);
  const { busy, run, error } = useBusy();
  const load = useCallback(
    () =>
      void run(async () => {
        const u = await api.storageUsage();
        // An answer without figures (an old or foreign server) is an error, not a crash.
        if (!Array.isArray(u?.months) || typeof u.pricePerGbMonthUsd !== 'number') throw new Error('The server answered without storage figures.');
        return u;
      }).then((u) => u && setUsage(u)),
    [api, run],
  );
  useEffect(load, [load]);

  return (
    <div className="vx-privacy__storage" data-testid="storage-usage">
      <button type="button" className="vx-button" onClick={load} disabled={busy}>
        Refresh
      </button>
      {busy && !usage && <p role="status">Loading storage usage…</p>}
      {error && (
        <p role="alert" className="vx-error">
          {error}
        </p>
      )}
      {usage && (
        <table className="vx-privacy__table">
          <caption>
            Recordings stored, per month of recording, at {formatPrice(usage.pricePerGbMonthUsd)} per GB per month
          </caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Recordings</th>
              <th scope="col">Stored</th>
              <th scope="col">Estimated cost per month</th>
            </tr>
          </thead>
          <tbody>
            {usage.months.length === 0 && (
              <tr>
                <td colSpan={4}>No recordings yet.</td>
              </tr>
            )}
            {usage.months.map((m) => (
              <tr key={m.month} data-testid="storage-month" data-month={m.month}>
                <th scope="row">{monthName(m.month)}</th>
                <td>{m.recordings}</td>
                <td>{formatBytes(m.bytes)}</td>
                <td>{formatUsd(m.estimatedMonthlyCostUsd)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="storage-total">
              <th scope="row">Total</th>
              <td>{usage.months.reduce((n, m) => n + m.recordings, 0)}</td>
              <td>{formatBytes(usage.totalBytes)}</td>
              <td>{formatUsd(usage.totalEstimatedMonthlyCostUsd)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      {usage && <BudgetLine cost={usage.totalEstimatedMonthlyCostUsd} budget={usage.budgetUsdMonth} />}
      {usage && <SeedVolumeLine price={usage.pricePerGbMonthUsd} budget={usage.budgetUsdMonth} />}
    </div>
  );
}
