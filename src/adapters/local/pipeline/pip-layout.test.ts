import type { TrackSource } from '../../../domain/media';
import type { ParticipantMedia } from './local-media';
import { pipCameraGeometry, pipFilterGraph, pipFrameSource } from './pip-layout';

const m = (source: TrackSource, offset: number, n = 0): ParticipantMedia => ({
  participantIdentity: 'customer:c1',
  role: 'customer',
  kind: source === 'microphone' ? 'audio' : 'video',
  source,
  path: `/${source}-${n}`,
  startOffsetSeconds: offset,
});

describe('pipCameraGeometry', () => {
  it('gives the camera a quarter of the width, even, with a small even margin', () => {
    expect(pipCameraGeometry({ width: 1280, height: 720 })).toEqual({ width: 320, margin: 20 });
    expect(pipCameraGeometry({ width: 1918, height: 1078 })).toEqual({ width: 480, margin: 30 });
  });
});

describe('pipFrameSource', () => {
  it('takes the screen when there is one, else the camera', () => {
    expect(pipFrameSource([m('camera', 0), m('microphone', 0), m('screen', 0.1)])?.source).toBe('screen');
    expect(pipFrameSource([m('microphone', 0), m('camera', 0)])?.source).toBe('camera');
    expect(pipFrameSource([m('microphone', 0)])).toBeUndefined();
  });
});

describe('pipFilterGraph', () => {
  it('screen fills the frame, camera in the bottom-right corner above it, audio delayed and mixed', () => {
    // Inputs: camera, mic, screen (run 1); screen, camera, mic (run 2, after the trimmed pause).
    const media = [m('camera', 0), m('microphone', 0.02), m('screen', 0.1), m('screen', 4.1, 1), m('camera', 4, 1), m('microphone', 4.05, 1)];
    const { graph, hasAudio, frame } = pipFilterGraph(media, { frame: { width: 1279, height: 721 }, fps: 12, durationSeconds: 8.5 });
    expect(frame).toEqual({ width: 1278, height: 720 });
    expect(hasAudio).toBe(true);
    expect(graph).toContain('color=c=black:s=1278x720:r=12:d=8.5,format=yuv420p[bg]');
    const fill = 'scale=1278:720:force_original_aspect_ratio=decrease,pad=1278:720:(ow-iw)/2:(oh-ih)/2,setsar=1';
    expect(graph).toContain(`[2:v]setpts=PTS-STARTPTS+0.1/TB,${fill}[v0];[bg][v0]overlay=0:0:eof_action=pass:repeatlast=0[o0]`);
    expect(graph).toContain(`[3:v]setpts=PTS-STARTPTS+4.1/TB,${fill}[v1];[o0][v1]overlay=0:0`);
    expect(graph).toContain('[0:v]setpts=PTS-STARTPTS+0/TB,scale=320:-2,setsar=1[v2];[o1][v2]overlay=W-w-20:H-h-20:eof_action=pass');
    expect(graph).toContain('[4:v]setpts=PTS-STARTPTS+4/TB,scale=320:-2,setsar=1[v3];[o2][v3]overlay=W-w-20:H-h-20');
    expect(graph).toContain('[o3]null[vout]');
    expect(graph).toContain('[1:a]aresample=48000,asetpts=PTS-STARTPTS,adelay=delays=20:all=1[a0]');
    expect(graph).toContain('[5:a]aresample=48000,asetpts=PTS-STARTPTS,adelay=delays=4050:all=1[a1]');
    expect(graph).toContain('[a0][a1]amix=inputs=2:duration=longest:normalize=0,aformat=channel_layouts=mono[aout]');
  });

  it('camera alone fills the frame at its own size', () => {
    const { graph, frame } = pipFilterGraph([m('camera', 0), m('microphone', 0)], { frame: { width: 640, height: 480 }, fps: 12, durationSeconds: 3 });
    expect(frame).toEqual({ width: 640, height: 480 });
    expect(graph).toContain('[0:v]setpts=PTS-STARTPTS+0/TB,scale=640:480:force_original_aspect_ratio=decrease');
    expect(graph).toContain('overlay=0:0');
    expect(graph).not.toContain('W-w-');
    expect(graph).toContain('[a0]aformat=channel_layouts=mono[aout]');
  });

  it('has no audio chain when nothing was heard', () => {
    const { graph, hasAudio } = pipFilterGraph([m('screen', 0)], { frame: { width: 800, height: 600 }, fps: 12, durationSeconds: 2 });
    expect(hasAudio).toBe(false);
    expect(graph).not.toContain('[aout]');
  });
});
