import type { ClipAnnotation } from '../../domain/clip-annotations';
import { finishArgs, finishAudioFilter, finishVideoGraph } from './finish-filters';

const a = (kind: ClipAnnotation['kind'], over: Partial<ClipAnnotation> = {}): ClipAnnotation => ({
  kind,
  x: 0.1,
  y: 0.2,
  width: 0.3,
  height: 0.4,
  startSeconds: 2,
  endSeconds: 6,
  ...over,
});

describe('finishing filters', () => {
  it('blurs a region only between its times, then draws marks over it', () => {
    const graph = finishVideoGraph({ annotations: [a('box'), a('blur')], muteSpans: [] }) as string;
    expect(graph).toContain('[0:v]split[fb0][fr0]');
    expect(graph).toContain('crop=w=max(2\\,iw*0.3):h=max(2\\,ih*0.4):x=iw*0.1:y=ih*0.2,gblur=sigma=30');
    expect(graph).toContain("overlay=x=W*0.1:y=H*0.2:enable='between(t,2,6)'[f0]");
    // The box comes after the blur, so a highlight over a blurred region stays sharp.
    expect(graph.indexOf('drawbox')).toBeGreaterThan(graph.indexOf('overlay'));
    expect(graph.endsWith('format=yuv420p[vout]')).toBe(true);
  });

  it('draws an arrow as dots along its shaft and head, all within its times', () => {
    const graph = finishVideoGraph({ annotations: [a('arrow', { width: 0.5, height: 0 })], muteSpans: [] }) as string;
    const dots = graph.match(/drawbox=[^,\]]*t=fill/g) ?? [];
    expect(dots.length).toBeGreaterThan(40);
    expect(graph.match(/between\(t,2,6\)/g)?.length).toBe(dots.length);
  });

  it('silences each span and leaves the picture alone when only muting', () => {
    const pass = { annotations: [], muteSpans: [{ startSeconds: 1.5, endSeconds: 3.25 }, { startSeconds: 8, endSeconds: 9 }] };
    expect(finishAudioFilter(pass)).toBe("volume=volume=0:enable='between(t,1.5,3.25)',volume=volume=0:enable='between(t,8,9)'");
    const args = finishArgs('in.mp4', 'out.mp4', pass, true);
    expect(args).toEqual(expect.arrayContaining(['-c:v', 'copy', '-c:a', 'aac']));
    expect(args).not.toContain('-filter_complex');
  });

  it('copies the audio when nothing is muted, and maps none when there is none', () => {
    const pass = { annotations: [a('blur')], muteSpans: [] };
    expect(finishArgs('in.mp4', 'out.mp4', pass, true)).toEqual(expect.arrayContaining(['-c:a', 'copy', '-map', '0:a:0']));
    expect(finishArgs('in.mp4', 'out.mp4', pass, false)).not.toContain('0:a:0');
  });
});
