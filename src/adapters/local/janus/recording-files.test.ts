import { parseRecordingFileName } from './recording-files';

test('parses Janus 1.1 multistream recording names', () => {
  expect(parseRecordingFileName('videoroom-1234-user-98765-1732170000123456-video-1.mjr')).toEqual({
    roomId: '1234',
    publisherId: 98765,
    startedAtMicros: 1732170000123456,
    kind: 'video',
    mindex: 1,
  });
  expect(parseRecordingFileName('videoroom-1-user-2-3-audio-0.mjr')?.kind).toBe('audio');
});

test('ignores files in progress and foreign files', () => {
  expect(parseRecordingFileName('videoroom-1-user-2-3-audio-0.mjr.tmp')).toBeNull();
  expect(parseRecordingFileName('notes.txt')).toBeNull();
});
