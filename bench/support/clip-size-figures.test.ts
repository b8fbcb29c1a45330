import type { ClipEncodings, EncodingSample } from './clip-encodings';
import { mbPerMinute } from './clip-encodings';
import { clipSizeFigures } from './clip-size-figures';

const s = (profile: string, mb: number, ssim?: number): EncodingSample => ({ profile, bytes: mb * 1e6, seconds: 60, mbPerMinute: mb, encodeMs: 1, ssimFrame: ssim, ssimTopBand: ssim });
const e: ClipEncodings = { screen: { current: s('screen', 1.2, 0.98), legacy: s('legacy', 3.3, 0.99) }, camera: { current: s('camera', 0.5), legacy: s('legacy', 1.5) } };

describe('clip size figures', () => {
  it('MB per minute is decimal megabytes over minutes', () => {
    expect(mbPerMinute(3_000_000, 90)).toBeCloseTo(2, 10);
  });

  it('prints the new and the old settings side by side, with the clip suffix', () => {
    expect(clipSizeFigures(e, '_30s')).toEqual([
      'figure: clip_mb_per_min_screen_30s 1.200 MB/min',
      'figure: clip_mb_per_min_screen_legacy_30s 3.300 MB/min',
      'figure: clip_mb_per_min_camera_30s 0.500 MB/min',
      'figure: clip_mb_per_min_camera_legacy_30s 1.500 MB/min',
      'figure: clip_screen_ssim_new_30s 0.9800 ssim',
      'figure: clip_screen_ssim_old_30s 0.9900 ssim',
    ]);
  });

  it('adds the storage cost at the example volume when given a price: 500 min × MB/min × 4 months kept', () => {
    const lines = clipSizeFigures(e, '', 1);
    expect(lines).toContain('figure: storage_usd_month_at_seed_volume 2.40 USD/month');
    expect(lines).toContain('figure: storage_usd_month_at_seed_volume_legacy 6.60 USD/month');
  });
});
