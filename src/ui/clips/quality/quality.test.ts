import { audioWindow, isClipping, isMostlySilent } from './audio-quality';
import { isScreenTooSmall, screenTargetFor } from './screen-quality';
import { emptyQualitySamples, takeAdvice, type TakeQualitySamples } from './take-quality';
import { CLIPPED_SAMPLE_SHARE, DARK_FRAME_LUMA, MIN_AUDIO_WINDOWS, SILENCE_RMS_FLOOR } from './thresholds';
import { isTooDark, meanLuma } from './video-quality';

const times = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);
const speech = times(50, 0.05);

describe('audio', () => {
  it('reduces a window to its RMS and its share of full-scale samples', () => {
    expect(audioWindow([0.5, -0.5, 0.5, -0.5])).toEqual({ rms: 0.5, clippedShare: 0 });
    expect(audioWindow([1, -1, 0, 0])).toEqual({ rms: Math.sqrt(0.5), clippedShare: 0.5 });
    expect(audioWindow([])).toEqual({ rms: 0, clippedShare: 0 });
  });

  it('calls a take silent when most of it is below the floor, not when it pauses between words', () => {
    expect(isMostlySilent(times(50, 0))).toBe(true);
    expect(isMostlySilent([...times(45, SILENCE_RMS_FLOOR / 2), ...times(5, 0.05)])).toBe(true);
    expect(isMostlySilent([...times(30, 0), ...times(20, 0.05)])).toBe(false);
    expect(isMostlySilent(speech)).toBe(false);
    expect(isMostlySilent(times(MIN_AUDIO_WINDOWS - 1, 0))).toBe(false); // too short to judge
  });

  it('calls the sound distorted when many samples sit at full scale', () => {
    expect(isClipping(times(50, CLIPPED_SAMPLE_SHARE * 3))).toBe(true);
    expect(isClipping([...times(49, 0), 0.2])).toBe(false); // one loud knock
    expect(isClipping(times(50, 0))).toBe(false);
  });
});

describe('camera', () => {
  it('measures mean luma with Rec. 601 weights', () => {
    expect(meanLuma([255, 255, 255, 255, 0, 0, 0, 255])).toBeCloseTo(127.5);
    expect(meanLuma([255, 0, 0, 255])).toBeCloseTo(76.245);
    expect(meanLuma([])).toBe(0);
  });

  it('calls the camera too dark when most frames are dark', () => {
    expect(isTooDark(times(10, DARK_FRAME_LUMA - 10))).toBe(true);
    expect(isTooDark([...times(5, 10), ...times(5, 120)])).toBe(false);
    expect(isTooDark([10])).toBe(false); // too few frames
  });
});

describe('screen', () => {
  it('wants 720p for customers and 1080p for agents, either way round', () => {
    expect(isScreenTooSmall({ width: 1024, height: 768 }, screenTargetFor('customer'))).toBe(true);
    expect(isScreenTooSmall({ width: 1280, height: 720 }, screenTargetFor('customer'))).toBe(false);
    expect(isScreenTooSmall({ width: 720, height: 1280 }, screenTargetFor('customer'))).toBe(false);
    expect(isScreenTooSmall({ width: 1280, height: 720 }, screenTargetFor('agent'))).toBe(true);
    expect(isScreenTooSmall({ width: 1920, height: 1080 }, screenTargetFor('agent'))).toBe(false);
    expect(isScreenTooSmall(null, screenTargetFor('agent'))).toBe(false);
  });
});

describe('takeAdvice', () => {
  const good: TakeQualitySamples = { audioRms: speech, audioClippedShare: times(50, 0), cameraLuma: times(5, 120), screen: { width: 1920, height: 1080 } };

  it('says nothing about a good take, or one it could not measure', () => {
    expect(takeAdvice(good, 'agent')).toEqual([]);
    expect(takeAdvice(emptyQualitySamples(), 'customer')).toEqual([]);
  });

  it('gives plain advice for each problem found', () => {
    const bad: TakeQualitySamples = { audioRms: times(50, 0), audioClippedShare: times(50, 0), cameraLuma: times(5, 5), screen: { width: 800, height: 600 } };
    expect(takeAdvice(bad, 'customer').map((a) => a.kind)).toEqual(['screen-small', 'silent', 'dark']);
    expect(takeAdvice(bad, 'customer')[0].text).toBe('Text may be hard to read: zoom in or share a single window.');
    expect(takeAdvice({ ...good, screen: { width: 1280, height: 720 } }, 'agent')[0].text).toMatch(/1080p/);
    expect(takeAdvice({ ...good, audioClippedShare: times(50, 0.05) }, 'customer').map((a) => a.kind)).toEqual(['clipping']);
  });
});
