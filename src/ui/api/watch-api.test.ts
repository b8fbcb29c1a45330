import type { WatchRecording } from '../../api/watch-contract';
import { customerRecordingMedia, httpWatchApi, watchTokenOf } from './watch-api';

const json = (status: number, body: unknown) => ({ ok: status < 400, status, json: async () => body }) as unknown as Response;
const opened: WatchRecording = {
  recordingId: 'RE1',
  kind: 'call',
  title: 'Video call recording',
  durationSeconds: 42,
  recordedAt: '2026-11-21T10:05:00.000Z',
  expiresAt: '2026-12-21T10:05:00.000Z',
  access: 'video',
  video: { state: 'ready', url: '/media/recordings/RE1/video.mp4?grant=g' },
  transcript: { state: 'ready', segments: [{ speaker: 'Agent', role: 'agent', start: 1, end: 2, text: 'hello' }], captions: 'WEBVTT\n' },
};
const watchUrl = 'http://127.0.0.1:3000/watch.html#t=aaa.bbb.ccc';
const refs = { mediaUrl: '/media/recordings/RE1/video.mp4', captionsUrl: '/c.vtt', transcriptUrl: '/t.json', hasTranscript: true, watchUrl };

beforeAll(() => {
  URL.createObjectURL = jest.fn(() => 'blob:captions');
  URL.revokeObjectURL = jest.fn();
});

describe('the watch Function from a page', () => {
  it('sends the link token in the POST body, never in the URL', async () => {
    const fetchImpl = jest.fn(async () => json(200, opened));
    await httpWatchApi('aaa.bbb.ccc', '', fetchImpl as unknown as typeof fetch).open();
    expect(fetchImpl).toHaveBeenCalledWith('/watch', expect.objectContaining({ method: 'POST', body: JSON.stringify({ action: 'open', linkToken: 'aaa.bbb.ccc' }) }));
    expect(watchTokenOf(watchUrl)).toBe('aaa.bbb.ccc');
    expect(watchTokenOf('not a url at all #')).toBeNull();
  });

  it("opens a customer's card through the watch link: the video where the card asked for it, captions as a blob, the lines", async () => {
    const fetchImpl = jest.fn(async () => json(200, opened));
    const media = customerRecordingMedia({ fetchImpl: fetchImpl as unknown as typeof fetch });
    const withVideo = await media.open(refs);
    expect(withVideo).toMatchObject({ videoUrl: opened.video.state === 'ready' && opened.video.url, captionsUrl: 'blob:captions', segments: [{ speaker: 'Agent', text: 'hello' }] });
    const transcriptOnly = await media.open({ ...refs, mediaUrl: undefined });
    expect(transcriptOnly.videoUrl).toBeUndefined();
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('plays a message without a watch link (older ones) with the chat credential, as before', async () => {
    const fetchImpl = jest.fn(async () => json(200, { segments: [] }));
    const media = customerRecordingMedia({ fetchImpl: fetchImpl as unknown as typeof fetch });
    const opened = await media.open({ ...refs, watchUrl: undefined });
    expect(opened.videoUrl).toBe(refs.mediaUrl);
    expect(fetchImpl).toHaveBeenCalledWith('/t.json', { credentials: 'same-origin' });
  });
});
