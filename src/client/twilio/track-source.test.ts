import { isTrackOf, newTrackNameSuffix, sourceOfTrack, trackNamePattern, trackNamesFor } from './track-source';

test('our own track names map back to their source', () => {
  const names = trackNamesFor('a1b2');
  expect(names).toEqual({ camera: 'camera-a1b2', microphone: 'microphone-a1b2', screen: 'screen-a1b2' });
  expect(sourceOfTrack(names.camera, 'video')).toEqual({ kind: 'video', source: 'camera' });
  expect(sourceOfTrack(names.microphone, 'audio')).toEqual({ kind: 'audio', source: 'microphone' });
  expect(sourceOfTrack(names.screen, 'video')).toEqual({ kind: 'video', source: 'screen' });
});

test('two participants never share a track name; a pattern still selects every participant of one source', () => {
  const suffixes = new Set(Array.from({ length: 200 }, () => newTrackNameSuffix()));
  expect(suffixes.size).toBe(200);
  expect([...suffixes].every((s) => /^[0-9a-f]{12}$/.test(s))).toBe(true);
  const [a, b] = [trackNamesFor(newTrackNameSuffix()), trackNamesFor(newTrackNameSuffix())];
  expect(new Set([...Object.values(a), ...Object.values(b)]).size).toBe(6);
  expect(trackNamePattern('screen')).toBe('screen*');
  expect([a.screen, b.screen, 'screen'].every((n) => isTrackOf('screen', n))).toBe(true);
  expect(isTrackOf('camera', a.screen)).toBe(false);
  expect(isTrackOf('screen', a.camera)).toBe(false);
});

test("other clients' names: screen-ish video is a screen, other video a camera, data is not media", () => {
  expect(sourceOfTrack('screen', 'video')?.source).toBe('screen');
  expect(sourceOfTrack('screen-1712', 'video')?.source).toBe('screen');
  expect(sourceOfTrack('camera-1712', 'video')?.source).toBe('camera');
  expect(sourceOfTrack('7f3a-uuid', 'video')?.source).toBe('camera');
  expect(sourceOfTrack('screen', 'audio')?.source).toBe('microphone');
  expect(sourceOfTrack('chat', 'data')).toBeNull();
});
