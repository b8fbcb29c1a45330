import type { ParticipantMedia } from './local-media';
import { composeFilterGraph, gridTiles } from './grid-layout';

describe('gridTiles', () => {
  it('lays out 1–4 participants inside the frame without overlap', () => {
    expect(gridTiles(1, 1280, 720)).toEqual([{ x: 0, y: 0, w: 1280, h: 720 }]);
    expect(gridTiles(2, 1280, 720)).toEqual([
      { x: 0, y: 180, w: 640, h: 360 },
      { x: 640, y: 180, w: 640, h: 360 },
    ]);
    expect(gridTiles(3, 1280, 720)[2]).toEqual({ x: 320, y: 360, w: 640, h: 360 });
    expect(gridTiles(4, 1280, 720)[3]).toEqual({ x: 640, y: 360, w: 640, h: 360 });
    expect(() => gridTiles(5, 1280, 720)).toThrow();
  });
});

describe('composeFilterGraph', () => {
  const m = (id: string, kind: 'audio' | 'video', offset: number): ParticipantMedia => ({
    participantIdentity: id,
    role: 'agent',
    kind,
    source: kind === 'audio' ? 'microphone' : 'camera',
    path: `/${id}.${kind}`,
    startOffsetSeconds: offset,
  });

  it('places each video on its tile from its offset and mixes delayed audio', () => {
    const { graph, hasAudio } = composeFilterGraph([m('a', 'video', 0), m('a', 'audio', 0.02), m('b', 'video', 1.5), m('b', 'audio', 1.5)], {
      width: 1280,
      height: 720,
      fps: 25,
      durationSeconds: 9.5,
    });
    expect(hasAudio).toBe(true);
    expect(graph).toContain('color=c=0x202020:s=1280x720:r=25:d=9.5');
    expect(graph).toContain('[2:v]setpts=PTS-STARTPTS+1.5/TB');
    expect(graph).toContain('overlay=640:180:eof_action=pass');
    expect(graph).toContain('[1:a]aresample=48000,asetpts=PTS-STARTPTS,adelay=delays=20:all=1');
    expect(graph).toContain('amix=inputs=2:duration=longest:normalize=0[aout]');
  });

  it('has no audio chain when nobody sent audio', () => {
    const { graph, hasAudio } = composeFilterGraph([m('a', 'video', 0)], { width: 640, height: 360, fps: 25, durationSeconds: 2 });
    expect(hasAudio).toBe(false);
    expect(graph).not.toContain('[aout]');
  });

  it('gives an audio-only participant (a barge-in) no tile, and still mixes their voice', () => {
    const { graph } = composeFilterGraph([m('a', 'video', 0), m('a', 'audio', 0), m('b', 'video', 0), m('b', 'audio', 0), m('sup', 'audio', 3)], {
      width: 1280,
      height: 720,
      fps: 12,
      durationSeconds: 10,
    });
    // Two tiles side by side (not a 2×2 grid with an empty third box), three voices mixed.
    expect(graph).toContain('overlay=0:180:eof_action=pass');
    expect(graph).toContain('overlay=640:180:eof_action=pass');
    expect(graph.match(/drawbox=/g)).toHaveLength(2);
    expect(graph).toContain('[4:a]aresample=48000,asetpts=PTS-STARTPTS,adelay=delays=3000:all=1');
    expect(graph).toContain('amix=inputs=3');
  });
});
