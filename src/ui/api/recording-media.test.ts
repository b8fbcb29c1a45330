import type { LibraryItem } from '../../api/library-contract';
import { ApiError } from '../../client/request-json';
import { directRecordingMedia, functionRecordingMedia } from './recording-media';

const base: LibraryItem = {
  recordingId: 'RE1',
  conversationId: 'CH1',
  kind: 'call',
  agentIdentity: 'alex',
  agentName: 'Alex',
  customerName: 'Jordan Lee',
  endedAt: '2025-01-02T10:00:00.000Z',
  durationSeconds: 95,
  state: 'ready',
  hasTranscript: true,
};
const segment = { speaker: 'Jordan', role: 'customer', start: 1, end: 2.5, text: 'My router blinks.', words: [{ w: 'My' }] };
/** jsdom's Blob has no text(). */
const readBlob = (b: Blob) =>
  new Promise<string>((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.readAsText(b);
  });
const json = (status: number, body: unknown) => ({ ok: status < 400, status, json: async () => body }) as unknown as Response;

describe('directRecordingMedia (local stack)', () => {
  const local = { ...base, mediaUrl: '/media/recordings/RE1/video.mp4', captionsUrl: '/media/recordings/RE1/captions.vtt', transcriptUrl: '/media/recordings/RE1/transcript.json' };

  it('plays the URLs as they are and reads the transcript with the media cookie', async () => {
    const fetchImpl = jest.fn(async (_u: RequestInfo | URL, _i?: RequestInit) => json(200, { recordingId: 'RE1', segments: [segment] }));
    const opened = await directRecordingMedia(fetchImpl).open(local);
    expect(fetchImpl).toHaveBeenCalledWith('/media/recordings/RE1/transcript.json', { credentials: 'same-origin' });
    expect(opened.videoUrl).toBe(local.mediaUrl);
    expect(opened.captionsUrl).toBe(local.captionsUrl);
    expect(opened.segments).toEqual([{ speaker: 'Jordan', role: 'customer', start: 1, end: 2.5, text: 'My router blinks.' }]);
  });

  it('asks for no transcript when there is none', async () => {
    const fetchImpl = jest.fn();
    const opened = await directRecordingMedia(fetchImpl).open({ ...local, hasTranscript: false });
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(opened.segments).toEqual([]);
  });

  it('says why the transcript did not load', async () => {
    await expect(directRecordingMedia(async () => json(403, {})).open(local)).rejects.toMatchObject({ status: 403, message: expect.stringContaining('403') });
    await expect(
      directRecordingMedia(async () => {
        throw new TypeError('offline');
      }).open(local),
    ).rejects.toBeInstanceOf(ApiError);
  });
});

describe('functionRecordingMedia (Twilio)', () => {
  const fn = 'https://fn.example/recording-media';
  const twilio = { ...base, mediaUrl: `${fn}?recordingId=RE1&file=video.mp4`, captionsUrl: `${fn}?recordingId=RE1&file=captions.vtt`, transcriptUrl: `${fn}?recordingId=RE1&file=transcript.json` };

  it('asks the Function with the staff token and turns the captions into a blob URL for <track>', async () => {
    const bodies: Record<string, unknown>[] = [];
    const fetchImpl = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      expect(String(url)).toBe(fn);
      const body = JSON.parse(String(init?.body)) as Record<string, string>;
      bodies.push(body);
      if (body.file === 'video.mp4') return json(200, { url: 'https://media.example/signed.mp4' });
      if (body.file === 'captions.vtt') return json(200, { content: 'WEBVTT\n', contentType: 'text/vtt' });
      return json(200, { content: JSON.stringify({ segments: [segment] }), contentType: 'application/json' });
    });
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => (blobs.push(b), 'blob:captions'));
    URL.revokeObjectURL = jest.fn();
    const opened = await functionRecordingMedia({ token: () => 'flex-token', fetchImpl }).open(twilio);
    expect(bodies).toEqual(
      expect.arrayContaining([
        { recordingId: 'RE1', file: 'video.mp4', Token: 'flex-token' },
        { recordingId: 'RE1', file: 'captions.vtt', Token: 'flex-token' },
        { recordingId: 'RE1', file: 'transcript.json', Token: 'flex-token' },
      ]),
    );
    expect(opened.videoUrl).toBe('https://media.example/signed.mp4');
    expect(opened.captionsUrl).toBe('blob:captions');
    expect(await readBlob(blobs[0])).toBe('WEBVTT\n');
    expect(opened.segments[0].text).toBe('My router blinks.');
    opened.close();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:captions');
  });

  it("fails with the Function's refusal", async () => {
    const fetchImpl = jest.fn(async () => json(403, { error: { code: 'not_allowed', message: 'You are not allowed to watch this recording.' } }));
    await expect(functionRecordingMedia({ token: () => 't', fetchImpl }).open(twilio)).rejects.toMatchObject({ code: 'not_allowed', status: 403 });
  });
});
