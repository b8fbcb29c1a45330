import { seedVolumeMonthlyCost } from '../../src/core/privacy/storage-usage';
import type { ClipEncodings } from './clip-encodings';

/** `figure: NAME VALUE UNIT` for sizes, SSIM and money (figures.ts formats ms and ratios). */
export const valueFigureLine = (name: string, value: number, unit: 'MB/min' | 'ssim' | 'USD/month', digits = 3): string => `figure: ${name} ${value.toFixed(digits)} ${unit}`;

/**
 * The size figures of one clip (`suffix` `_30s`, …, or none for the headline), old settings beside
 * new; with a price, also the storage cost at the workflow's example volume, from the screen +
 * camera clip's size (the clip kind the workflow sends most), in the steady state at the default
 * retention (media kept 90 days after close).
 */
export function clipSizeFigures(e: ClipEncodings, suffix: string, pricePerGbMonth?: number): string[] {
  const lines = [
    valueFigureLine(`clip_mb_per_min_screen${suffix}`, e.screen.current.mbPerMinute, 'MB/min'),
    valueFigureLine(`clip_mb_per_min_screen_legacy${suffix}`, e.screen.legacy.mbPerMinute, 'MB/min'),
    valueFigureLine(`clip_mb_per_min_camera${suffix}`, e.camera.current.mbPerMinute, 'MB/min'),
    valueFigureLine(`clip_mb_per_min_camera_legacy${suffix}`, e.camera.legacy.mbPerMinute, 'MB/min'),
    valueFigureLine(`clip_screen_ssim_new${suffix}`, e.screen.current.ssimFrame ?? NaN, 'ssim', 4),
    valueFigureLine(`clip_screen_ssim_old${suffix}`, e.screen.legacy.ssimFrame ?? NaN, 'ssim', 4),
  ];
  if (pricePerGbMonth !== undefined) {
    lines.push(valueFigureLine('storage_usd_month_at_seed_volume', seedVolumeMonthlyCost(pricePerGbMonth, e.screen.current.mbPerMinute), 'USD/month', 2));
    lines.push(valueFigureLine('storage_usd_month_at_seed_volume_legacy', seedVolumeMonthlyCost(pricePerGbMonth, e.screen.legacy.mbPerMinute), 'USD/month', 2));
  }
  return lines;
}
