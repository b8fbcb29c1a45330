import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audioLevelDb, makeTestVideo, regionSharpness } from '../../../tests/support/media-measure';
import { finishVideo } from './finish-video';

const region = { x: 0.25, y: 0.25, width: 0.4, height: 0.4 };

jest.setTimeout(60_000);

describe('finishVideo (real ffmpeg)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'finish-'));
    await makeTestVideo(join(dir, 'in.mp4'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('blurs the region only in its seconds and silences only the muted span', async () => {
    const out = join(dir, 'out.mp4');
    const { durationSeconds } = await finishVideo(join(dir, 'in.mp4'), out, {
      annotations: [{ kind: 'blur', ...region, startSeconds: 2, endSeconds: 6 }],
      muteSpans: [{ startSeconds: 3, endSeconds: 4.5 }],
    });
    expect(durationSeconds).toBeGreaterThan(7.5);
    const before = await regionSharpness(out, 1, region);
    const during = await regionSharpness(out, 4, region);
    const after = await regionSharpness(out, 7, region);
    expect(during).toBeLessThan(before / 3);
    expect(during).toBeLessThan(after / 3);
    // Outside the rectangle the frame stays sharp while the blur is on.
    const outside = { x: 0, y: 0.7, width: 0.2, height: 0.25 };
    expect(await regionSharpness(out, 4, outside)).toBeGreaterThan((await regionSharpness(out, 1, outside)) / 2);

    const muted = await audioLevelDb(out, 3.2, 4.3);
    expect(muted).toBeLessThan(-80);
    expect(await audioLevelDb(out, 1, 2.5)).toBeGreaterThan(-30);
    expect(await audioLevelDb(out, 5, 6.5)).toBeGreaterThan(-30);
  });

  it('draws a box and an arrow in their seconds only', async () => {
    const out = join(dir, 'marks.mp4');
    const mark = { x: 0.1, y: 0.1, width: 0.3, height: 0.3 };
    await finishVideo(join(dir, 'in.mp4'), out, {
      annotations: [
        { kind: 'box', ...mark, startSeconds: 2, endSeconds: 6 },
        { kind: 'arrow', x: 0.6, y: 0.8, width: 0.3, height: -0.5, startSeconds: 2, endSeconds: 6 },
      ],
      muteSpans: [],
    });
    // The box's top edge: a band of one colour (yellow) while on, the pattern's own detail otherwise.
    const edge = { x: 0.12, y: 0.1, width: 0.26, height: 0.008 };
    expect(await regionSharpness(out, 4, edge)).toBeLessThan((await regionSharpness(out, 1, edge)) / 2);
  });
});
