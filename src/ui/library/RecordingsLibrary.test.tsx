import '../test-support/media-env';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import React from 'react';
import type { SearchHit } from '../../api/library-contract';
import { ApiError } from '../../client/request-json';
import { FakeLibraryApi, FakeRecordingMedia, libraryItem } from '../test-support/fake-library-api';
import { formatWhen, formatWhenExact } from './format';
import { RecordingsLibrary } from './RecordingsLibrary';

const segments = [
  { speaker: 'Alex', role: 'agent', start: 0, end: 4, text: 'Hello, how can I help?' },
  { speaker: 'Jordan Lee', role: 'customer', start: 12, end: 16, text: 'My router blinks red.' },
  { speaker: 'Alex', role: 'agent', start: 16, end: 20, text: 'Let us restart it.' },
];
const items = [
  libraryItem({ recordingId: 'RE3', endedAt: '2025-03-03T09:30:00.000Z', customerName: 'Jordan Lee', durationSeconds: 95 }),
  libraryItem({ recordingId: 'RE2', endedAt: '2025-02-02T09:30:00.000Z', kind: 'clip', agentName: 'Sam', agentIdentity: 'sam', customerName: 'Kim', durationSeconds: 42, state: 'processing', hasTranscript: false }),
  libraryItem({ recordingId: 'RE1', endedAt: '2025-01-01T09:30:00.000Z', customerName: 'Pat', durationSeconds: 3700, state: 'failed', hasTranscript: false }),
];
const hit = (over: Partial<SearchHit> = {}): SearchHit => ({ recording: items[0], start: 12, end: 16, speaker: 'Jordan Lee', text: 'My router blinks red.', highlights: [[3, 9]], ...over });

const scrolled: Element[] = [];
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', {
    configurable: true,
    value(this: Element) {
      scrolled.push(this);
    },
  });
});
beforeEach(() => {
  scrolled.length = 0;
  URL.createObjectURL = jest.fn((b: Blob) => `blob:${(b as Blob).type}`);
  URL.revokeObjectURL = jest.fn();
});

function setup(role: 'agent' | 'supervisor' = 'supervisor', api = new FakeLibraryApi(items), extra: { initialRecordingId?: string } = {}) {
  const media = new FakeRecordingMedia(segments);
  const view = render(<RecordingsLibrary api={api} media={media} viewerRole={role} {...extra} />);
  return { api, media, ...view };
}
const rows = () => screen.getAllByTestId('recording-row');
const cells = (row: HTMLElement) => within(row).getAllByRole((r) => r === 'cell' || r === 'rowheader').map((c) => c.textContent);
const lastList = (api: FakeLibraryApi) => [...api.requests].reverse().find((r) => r.op === 'list')?.request;
const readBlob = (b: Blob) =>
  new Promise<string>((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.readAsText(b);
  });

describe('the recordings list', () => {
  it('is a table with a caption and column headers, rows in the order the server gives (newest first)', async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    const table = screen.getByRole('table', { name: 'Recordings, newest first' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Date', 'Agent', 'Customer', 'Conversation', 'Kind', 'Made by', 'Length', 'State', 'Transcript', 'Actions']);
    expect(cells(rows()[0])).toEqual([formatWhen(items[0].endedAt), 'Alex', 'Jordan Lee', `Conversation ${items[0].conversationId}Copy id`, 'Call', '—', '1:35', 'Ready', 'Yes', 'Open']);
    expect(cells(rows()[1])).toEqual([formatWhen(items[1].endedAt), 'Sam', 'Kim', `Conversation ${items[1].conversationId}Copy id`, 'Clip', 'Kim (customer)', '0:42', 'Processing', 'No', 'Open']);
    expect(screen.getByTestId('library-status').textContent).toBe('Showing 2 recordings; there are more.');
  });

  it('pages by cursor: "Load more" appends the next page and moves focus to its first row', async () => {
    const { api } = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    const more = screen.getByRole('button', { name: 'Load more recordings' });
    more.focus();
    fireEvent.click(more);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(lastList(api)).toEqual({ cursor: '2' });
    expect(cells(rows()[2]).slice(1, 8)).toEqual(['Alex', 'Pat', `Conversation ${items[2].conversationId}Copy id`, 'Call', '—', '1:01:40', 'Failed']);
    expect(document.activeElement).toBe(within(rows()[2]).getByRole('rowheader'));
    expect(screen.queryByTestId('load-more')).toBeNull();
    expect(screen.getByTestId('library-status').textContent).toBe('Showing 3 recordings.');
  });

  it('says it is loading, then that there are no recordings yet', async () => {
    const api = new FakeLibraryApi([]);
    api.hold = true;
    setup('agent', api);
    expect(screen.getByTestId('library-status').textContent).toBe('Loading recordings…');
    await act(async () => api.release());
    expect(screen.getByTestId('library-status').textContent).toMatch(/^No recordings yet\./);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says why the list failed and tries again on request', async () => {
    const api = new FakeLibraryApi(items);
    api.failNext = new ApiError('network', 'Could not reach the server.', 0);
    setup('supervisor', api);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Could not load the recordings: Could not reach the server.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the rows when a further page fails, and "Try again" asks for that page', async () => {
    const { api } = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    api.failNext = new ApiError('server_error', 'The server answered 503.', 503);
    fireEvent.click(screen.getByTestId('load-more'));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not load more recordings: The server answered 503.');
    expect(rows()).toHaveLength(2);
    fireEvent.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(lastList(api)).toEqual({ cursor: '2' });
  });
});

describe('filters', () => {
  it('supervisors filter by agent, dates, kind, length and state; the list starts over with them', async () => {
    const { api } = setup('supervisor');
    await waitFor(() => expect(rows()).toHaveLength(2));
    const form = screen.getByRole('form', { name: 'Filter recordings' });
    const set = (label: string, value: string) => fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    set('Agent', 'sam');
    set('From', '2025-01-01');
    set('To', '2025-02-28');
    set('Kind', 'clip');
    set('Shortest (minutes)', '0.5');
    set('Longest (minutes)', '3');
    set('State', 'processing');
    api.items = [items[1]];
    fireEvent.click(within(form).getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(lastList(api)).toEqual({ agentIdentity: 'sam', from: '2025-01-01', to: '2025-02-28', kind: 'clip', minSeconds: 30, maxSeconds: 180, state: 'processing' });
  });

  it('agents get no agent filter; a filter that matches nothing says so', async () => {
    const { api } = setup('agent');
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.queryByLabelText('Agent')).toBeNull();
    expect(screen.getByTestId('library-scope').textContent).toBe('You see your own calls and clips.');
    api.items = [];
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'clip' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(screen.getByTestId('library-status').textContent).toBe('No recordings match these filters.'));
    expect(lastList(api)).toEqual({ kind: 'clip' });
  });

  it('refuses an impossible range without asking the server', async () => {
    const { api } = setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    const asked = api.requests.length;
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-03-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(screen.getByTestId('filter-error').textContent).toBe('The start date is after the end date.');
    expect(api.requests.length).toBe(asked);
  });
});

describe('transcript search', () => {
  async function search(q: string) {
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search transcripts' }), { target: { value: q } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
  }

  it('shows each matching line with its words marked, the speaker and the time', async () => {
    const api = new FakeLibraryApi(items, [hit(), hit({ start: 75, end: 80, speaker: 'Alex', text: 'Is the router on?', highlights: [[7, 13]] })]);
    setup('supervisor', api);
    await search('  router ');
    const results = await screen.findAllByTestId('search-hit');
    expect(api.requests.at(-1)).toEqual({ op: 'search', request: { query: 'router', cursor: undefined } });
    expect(results.map((r) => r.tagName)).toEqual(['BUTTON', 'BUTTON']); // Enter and Space open it, natively
    expect(results[0].textContent).toBe(`Call with Jordan Lee, ${formatWhen(items[0].endedAt)}0:12 Jordan Lee My router blinks red.`);
    expect(results[1].textContent).toContain('1:15 Alex Is the router on?');
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['router', 'router']);
    expect(screen.getByTestId('search-status').textContent).toBe('Showing 2 matching lines.');
  });

  it('narrows the search with the applied filters', async () => {
    const api = new FakeLibraryApi(items, [hit()]);
    setup('supervisor', api);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'call' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await search('router');
    await screen.findByTestId('search-hit');
    expect(api.requests.filter((r) => r.op === 'search').at(-1)?.request).toEqual({ kind: 'call', query: 'router', cursor: undefined });
  });

  it('asks for a word when the box is empty, and says when nothing matches', async () => {
    const api = new FakeLibraryApi(items, []);
    setup('supervisor', api);
    await search('   ');
    expect(screen.getByRole('alert').textContent).toBe('Type a word or phrase to search for.');
    expect(api.requests.some((r) => r.op === 'search')).toBe(false);
    await search('zebra');
    await waitFor(() => expect(screen.getByTestId('search-status').textContent).toBe('No transcript line matches “zebra”.'));
  });

  it('says why a search failed', async () => {
    const api = new FakeLibraryApi(items, [hit()]);
    setup('supervisor', api);
    await waitFor(() => expect(rows()).toHaveLength(2));
    api.failNext = new ApiError('invalid_request', 'The request is malformed.', 400);
    await search('router');
    expect((await screen.findByTestId('search-error')).textContent).toContain('The search failed: The request is malformed.');
  });

  it('opens the player at the line and plays from there, the line marked current', async () => {
    const play = jest.spyOn(HTMLMediaElement.prototype, 'play');
    const api = new FakeLibraryApi(items, [hit()]);
    const { media } = setup('supervisor', api);
    await search('router');
    fireEvent.click(await screen.findByTestId('search-hit'));
    const video = (await screen.findByTestId('recording-video')) as HTMLVideoElement;
    expect(media.opened).toEqual(['RE3']);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: /^Call with Jordan Lee/ }));
    expect(play).not.toHaveBeenCalled(); // not before the browser knows the media
    fireEvent.loadedMetadata(video);
    expect(video.currentTime).toBe(12);
    expect(play).toHaveBeenCalledTimes(1);
    const lines = screen.getAllByTestId('transcript-line');
    expect(lines[1].getAttribute('aria-current')).toBe('true');
    play.mockRestore();
  });
});

describe('the player', () => {
  async function openFirst(role: 'agent' | 'supervisor' = 'supervisor') {
    const view = setup(role);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const open = within(rows()[0]).getByRole('button', { name: `Open call by Alex (agent) with Jordan Lee, ${formatWhenExact(items[0].endedAt)}, 1:35` });
    open.focus();
    fireEvent.click(open);
    const video = (await screen.findByTestId('recording-video')) as HTMLVideoElement;
    return { ...view, open, video };
  }

  it('plays with captions on and the speaker-labelled transcript beside it; the transcript follows playback', async () => {
    const { video, container } = await openFirst();
    expect(video.getAttribute('src')).toBe('/media/recordings/RE3/video.mp4');
    const track = container.querySelector('track')!;
    expect([track.getAttribute('kind'), track.getAttribute('src'), track.hasAttribute('default')]).toEqual(['captions', '/media/recordings/RE3/captions.vtt', true]);
    const lines = screen.getAllByTestId('transcript-line');
    expect(lines.map((l) => l.textContent)).toEqual(['0:00 Alex Hello, how can I help?', '0:12 Jordan Lee My router blinks red.', '0:16 Alex Let us restart it.']);
    video.currentTime = 17;
    fireEvent.timeUpdate(video);
    expect(lines.map((l) => l.getAttribute('aria-current'))).toEqual([null, null, 'true']);
    expect(scrolled.at(-1)).toBe(lines[2]);
    fireEvent.click(lines[1]);
    expect(video.currentTime).toBe(12);
    expect(lines[1].getAttribute('aria-current')).toBe('true');
  });

  it('offers the transcript as text and WebVTT, and the video to supervisors', async () => {
    await openFirst('supervisor');
    const text = screen.getByRole('link', { name: 'Download the transcript (text)' });
    expect(text.getAttribute('download')).toBe('recording-RE3.txt');
    const blob = (URL.createObjectURL as jest.Mock).mock.calls.map(([b]) => b as Blob).find((b) => b.type === 'text/plain')!;
    expect(await readBlob(blob)).toBe('[0:00] Alex: Hello, how can I help?\n[0:12] Jordan Lee: My router blinks red.\n[0:16] Alex: Let us restart it.\n');
    expect(screen.getByRole('link', { name: 'Download the captions (WebVTT)' }).getAttribute('href')).toBe('/media/recordings/RE3/captions.vtt');
    const mp4 = screen.getByRole('link', { name: 'Download the video' });
    expect([mp4.getAttribute('href'), mp4.getAttribute('download')]).toEqual(['/media/recordings/RE3/video.mp4', 'recording-RE3.mp4']);
  });

  it('gives agents no video download', async () => {
    await openFirst('agent');
    expect(screen.getByRole('link', { name: 'Download the transcript (text)' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Download the video' })).toBeNull();
  });

  it('closes back to the button that opened it, and frees what it opened', async () => {
    const { open, media } = await openFirst();
    fireEvent.click(screen.getByTestId('close-player'));
    expect(screen.queryByTestId('library-player')).toBeNull();
    expect(media.closed).toEqual(['RE3']);
    await waitFor(() => expect(document.activeElement).toBe(open));
  });

  it('says what stands in the way of a recording that cannot play', async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(within(rows()[1]).getByRole('button', { name: /^Open video clip by Kim \(customer\) with Kim/ }));
    expect(screen.getByTestId('player-not-playable').textContent).toBe('This recording is still being processed. Try again in a few minutes.');
    expect(screen.queryByTestId('recording-video')).toBeNull();
  });

  it('says why a recording did not open, and tries again', async () => {
    const { media } = setup();
    media.failWith = new ApiError('not_allowed', 'You are not allowed to watch this recording.', 403);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(within(rows()[0]).getByRole('button', { name: /^Open call/ }));
    expect((await screen.findByTestId('player-error')).textContent).toBe('Could not open the recording: You are not allowed to watch this recording.');
    media.failWith = null;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('recording-video');
    expect(media.opened).toEqual(['RE3', 'RE3']);
  });

  it('opens a recording named by a link, or says why it cannot', async () => {
    const first = setup('supervisor', new FakeLibraryApi(items), { initialRecordingId: 'RE3' });
    await screen.findByTestId('recording-video');
    expect(first.api.requests).toContainEqual({ op: 'get', request: { recordingId: 'RE3' } });
    first.unmount();
    setup('supervisor', new FakeLibraryApi(items), { initialRecordingId: 'RE404' });
    expect((await screen.findByText(/^Could not open the recording RE404/)).textContent).toBe('Could not open the recording RE404: No such recording.');
  });
});
