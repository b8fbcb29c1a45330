import React from 'react';
import { render, screen } from '@testing-library/react';
import type { StorageUsageResponse } from '../../api/privacy-contract';
import { MEASURED_CLIP_MB_PER_MINUTE } from '../../core/privacy/storage-usage';
import { StorageUsageTable } from './StorageUsageTable';

const usage = (pricePerGbMonthUsd: number): StorageUsageResponse => ({ pricePerGbMonthUsd, months: [], totalBytes: 0, totalEstimatedMonthlyCostUsd: 0, budgetUsdMonth: 100 });

describe('StorageUsageTable at the workflow example volume', () => {
  it('says what 100 video tickets a month with two 2.5-min clips each would cost, beside the $100 target', async () => {
    // 500 clip minutes a month, 4 months kept (90 days after close), at $10 per GB: 500 × MB/min × 4 × 10 / 1000.
    render(<StorageUsageTable api={{ storageUsage: async () => usage(10) }} />);
    const line = await screen.findByTestId('storage-seed-volume');
    const expected = ((500 * MEASURED_CLIP_MB_PER_MINUTE * 4 * 10) / 1000).toFixed(2);
    expect(line.textContent).toBe(
      `At the workflow's example volume (100 video tickets a month, 2 clips of 2.5 min each, kept 90 days after close): $${expected} a month, target $100.00.`,
    );
  });

  it('follows the configured price per GB', async () => {
    render(<StorageUsageTable api={{ storageUsage: async () => usage(0) }} />);
    expect((await screen.findByTestId('storage-seed-volume')).textContent).toContain(': $0.00 a month, target $100.00.');
  });
});
