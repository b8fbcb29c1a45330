import { sourceOfTrack, TRACK_NAMES } from './track-source';

test('our own track names map back to their source', () => {
  expect(sourceOfTrack(TRACK_NAMES.camera, 'video')).toEqual({ kind: 'video', source: 'camera' });
  expect(sourceOfTrack(TRACK_NAMES.microphone, 'audio')).toEqual({ kind: 'audio', source: 'microphone' });
  expect(sourceOfTrack(TRACK_NAMES.screen, 'video')).toEqual({ kind: 'video', source: 'screen' });
});

test("other clients' names: screen-ish video is a screen, other video a camera, data is not media", () => {
  expect(sourceOfTrack('screen-1712', 'video')?.source).toBe('screen');
  expect(sourceOfTrack('camera-1712', 'video')?.source).toBe('camera');
  expect(sourceOfTrack('7f3a-uuid', 'video')?.source).toBe('camera');
  expect(sourceOfTrack('screen', 'audio')?.source).toBe('microphone');
  expect(sourceOfTrack('chat', 'data')).toBeNull();
});
