import { CAMERA_PROFILE, LEGACY_PROFILE, SCREEN_PROFILE, audioEncoderArgs, encodingProfile, mp4EncoderArgs, videoEncoderArgs } from './encoding-profiles';

const valueOf = (args: string[], flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i < 0 ? undefined : args[i + 1];
};

describe('encoding profiles', () => {
  it('picks the screen profile for screen content and the camera profile for camera content', () => {
    expect(encodingProfile('screen')).toBe(SCREEN_PROFILE);
    expect(encodingProfile('camera')).toBe(CAMERA_PROFILE);
  });

  it('encodes screen content for sharp text: x264 stillimage, CRF 28, 10 fps, a keyframe every 10 s', () => {
    const args = videoEncoderArgs(encodingProfile('screen'));
    expect(valueOf(args, '-c:v')).toBe('libx264');
    expect(valueOf(args, '-preset')).toBe('superfast');
    expect(valueOf(args, '-tune')).toBe('stillimage');
    expect(valueOf(args, '-crf')).toBe('28');
    expect(valueOf(args, '-x264-params')).toBe('mbtree=1:rc-lookahead=10');
    expect(valueOf(args, '-g')).toBe('100');
    expect(valueOf(args, '-pix_fmt')).toBe('yuv420p');
    expect(SCREEN_PROFILE.fps).toBe(10);
  });

  it('encodes camera content without a still-image tune, 12 fps, a keyframe every 10 s', () => {
    const args = videoEncoderArgs(encodingProfile('camera'));
    expect(args).not.toContain('-tune');
    expect(valueOf(args, '-crf')).toBe('28');
    expect(valueOf(args, '-g')).toBe('120');
  });

  it('encodes speech as 48 kb/s mono AAC at 48 kHz, for both kinds', () => {
    for (const kind of ['screen', 'camera'] as const) {
      expect(audioEncoderArgs(encodingProfile(kind))).toEqual(['-c:a', 'aac', '-b:a', '48k', '-ar', '48000', '-ac', '1']);
    }
  });

  it('keeps the settings from before as the legacy baseline: ultrafast CRF 23, AAC 128k, channels untouched', () => {
    expect(mp4EncoderArgs(LEGACY_PROFILE)).toEqual([
      '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '23', '-pix_fmt', 'yuv420p',
      '-c:a', 'aac', '-b:a', '128k', '-ar', '48000',
      '-movflags', '+faststart',
    ]);
    expect(LEGACY_PROFILE.fps).toBe(12);
  });

  it('ends every MP4 with +faststart, so a browser can seek while loading', () => {
    expect(mp4EncoderArgs(SCREEN_PROFILE).slice(-2)).toEqual(['-movflags', '+faststart']);
  });
});
