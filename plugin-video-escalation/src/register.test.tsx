import '../../src/ui/test-support/media-env';
import * as Flex from '@twilio/flex-ui';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { fakeMedia } from '../../src/ui/test-support/fake-media';
import { fakeAccess, FakeVideoClient } from '../../src/ui/test-support/fake-room';
import { registerVideoEscalation } from './register';

// The mock's test controls (see __mocks__/@twilio/flex-ui.tsx).
const mock = Flex as unknown as {
  __flex: {
    reset(): void;
    user: { token: string };
    configuration: Record<string, unknown>;
    state: { flex: { chat: { conversations: Record<string, { messages: unknown[] }> } } };
    conversationsClient: { emit(event: string, m: unknown): void };
  };
  Notifications: { shown: { id: string; context?: Record<string, unknown> }[] };
  Actions: { invoked: string[] };
};
type Store = { Content: { render(props: Record<string, unknown>): React.ReactElement[]; fragments: unknown[] } };
const content = (name: 'TaskCanvasHeader' | 'TaskCanvasTabs' | 'MessageBubble') => (Flex as unknown as Record<string, Store>)[name].Content;

const FUNCTIONS = 'https://video-escalation-1234-dev.twil.io';

/** The recording-media Function's answers: the video as a short-lived URL, captions and transcript as content. */
const recordingMediaAnswer = (file: string) =>
  file === 'video'
    ? { url: 'https://media.twiliocdn.example/RE1.mp4?Expires=1' }
    : file === 'captions'
      ? { content: 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Alex>Hi there\n' }
      : { content: JSON.stringify({ segments: [{ speaker: 'Alex', role: 'agent', start: 0, end: 2, text: 'Hi there' }] }) };

/** The Functions at the HTTP boundary: every request, exactly as sent, and Twilio-shaped answers. */
function functions() {
  const requests: { url: string; body: Record<string, unknown> }[] = [];
  const fetchImpl = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    requests.push({ url: String(url), body });
    const answer = String(url).endsWith('/escalate')
      ? {
          escalationId: 'e1',
          roomName: 'esc-e1',
          customerLink: `${FUNCTIONS}/join.html#t=abc`,
          linkExpiresAt: new Date(Date.now() + 3600_000).toISOString(),
          recording: true,
          reused: false,
          access: fakeAccess({ provider: 'twilio', role: 'agent', identity: 'agent:alex', roomName: 'esc-e1' }),
        }
      : String(url).endsWith('/clip')
        ? { clip: { clipId: '', status: 'offered', authorRole: 'agent', agentName: 'Alex', take: 0, recordedSeconds: 0, maxSeconds: 180, warnAtSeconds: 150, notice: { version: 'v1', text: 'Your clip is recorded.' } } }
        : String(url).endsWith('/offer-clip')
        ? { clipId: 'k1', url: `${FUNCTIONS}/record.html#t=abc`, expiresAt: new Date(Date.now() + 3600_000).toISOString() }
        : String(url).endsWith('/recording-media')
        ? recordingMediaAnswer(String(body.file))
        : { escalationId: body.escalationId, status: 'ended' };
    return { ok: true, status: 200, json: async () => answer } as unknown as Response;
  });
  return { requests, fetchImpl };
}

function chatTask(over: Record<string, unknown> = {}) {
  const task = {
    sid: 'WR1',
    taskSid: 'WT1',
    taskStatus: 'assigned',
    status: 'accepted',
    attributes: { conversationSid: 'CH1', customerName: 'Jordan Lee', conversations: { media: [{ conversation_sid: 'CH1' }] } } as Record<string, unknown>,
    setAttributes: jest.fn(async (a: Record<string, unknown>) => {
      task.attributes = a;
    }),
    ...over,
  };
  return task;
}

function setup(feature: Record<string, unknown> = { enabled: true, functions_base_url: FUNCTIONS }) {
  mock.__flex.reset();
  mock.__flex.configuration = { custom_data: { features: { video_escalation: feature } } };
  const http = functions();
  const client = new FakeVideoClient();
  const ctx = registerVideoEscalation(Flex, Flex.Manager.getInstance(), { clientFor: () => client, media: fakeMedia(), fetchImpl: http.fetchImpl });
  return { ctx, client, ...http };
}

const renderHeader = (task: unknown) => render(<>{content('TaskCanvasHeader').render({ task })}</>);

describe('the Flex plugin', () => {
  it('adds nothing to Flex when its feature flag is off', async () => {
    expect(setup({ enabled: false, functions_base_url: FUNCTIONS }).ctx).toBeNull();
    expect(content('TaskCanvasHeader').fragments).toHaveLength(0);
    await expect(Flex.Actions.invokeAction('EscalateToVideo', { task: chatTask() })).rejects.toThrow(/does not exist/);
  });

  it('shows Escalate to video on assigned chat tasks only', () => {
    setup();
    renderHeader(chatTask());
    expect(screen.getByTestId('escalate-button').textContent).toBe('Escalate to video');
    for (const task of [
      chatTask({ taskStatus: 'reserved' }),
      chatTask({ taskStatus: 'wrapping' }),
      chatTask({ attributes: { call_sid: 'CA1' } }), // a voice task
    ]) {
      const { container } = render(<>{content('TaskCanvasHeader').render({ task })}</>);
      expect(container.querySelector('[data-testid="escalate-button"]')).toBeNull();
    }
  });

  it('escalates through the Functions with the Flex token, shows the sent link and joins the call', async () => {
    const { requests, client } = setup();
    const task = chatTask();
    renderHeader(task);
    fireEvent.click(screen.getByTestId('escalate-button'));
    await screen.findByTestId('link-sent');
    expect(requests).toEqual([{ url: `${FUNCTIONS}/escalate`, body: { conversationId: 'CH1', Token: 'flex-token-1' } }]);
    expect(screen.getByTestId('sent-link').getAttribute('href')).toBe(`${FUNCTIONS}/join.html#t=abc`);
    expect(client.connects[0].access.identity).toBe('agent:alex');
    await waitFor(() => expect(screen.getByTestId('escalate-button').textContent).toBe('On video'));
    expect(mock.Notifications.shown.map((n) => n.id)).toEqual(['VideoEscalation_LinkSent']);
    // Insights: video used, and Flex's own media entry kept.
    expect(task.attributes).toMatchObject({ customerName: 'Jordan Lee', conversations: { conversation_attribute_8: 'Yes', media: [{ conversation_sid: 'CH1' }] } });
  });

  it('runs before and after listeners, and a before listener can cancel it', async () => {
    const { requests } = setup();
    const seen: string[] = [];
    Flex.Actions.addListener('afterEscalateToVideo', (p: { task: { sid: string } }) => seen.push(`after:${p.task.sid}`));
    Flex.Actions.addListener('beforeEscalateToVideo', (_p: unknown, abort: () => void) => {
      seen.push('before');
      abort();
    });
    renderHeader(chatTask());
    fireEvent.click(screen.getByTestId('escalate-button'));
    expect((await screen.findByTestId('escalate-error')).textContent).toBe('The video call was not started.');
    expect(requests).toEqual([]);
    expect(seen).toEqual(['before']);
  });

  it('mounts the video panel in the task’s Video tab, naming the customer', async () => {
    setup();
    const task = chatTask();
    render(<>{content('TaskCanvasTabs').render({ task })}</>);
    expect(screen.getByRole('tabpanel', { name: 'Video' })).toBeTruthy();
    expect(screen.getByTestId('video-tab-empty')).toBeTruthy();
    await act(async () => void (await Flex.Actions.invokeAction('EscalateToVideo', { task })));
    expect(screen.getByTestId('video-panel')).toBeTruthy();
    expect(screen.getByTestId('agent-call-status').textContent).toBe('Waiting for Jordan Lee to join…');
    expect(screen.getByTestId('recording-indicator')).toBeTruthy();
    expect(content('TaskCanvasTabs').render({ task: chatTask({ attributes: { call_sid: 'CA1' } }) })).toHaveLength(0);
  });

  it('blocks completing the task while the agent is connected, and wrap-up ends the call for everyone', async () => {
    const { requests, client } = setup();
    const task = chatTask();
    await Flex.Actions.invokeAction('EscalateToVideo', { task });

    await expect(Flex.Actions.invokeAction('CompleteTask', { task })).rejects.toThrow('Action CompleteTask cancelled by before event');
    expect(mock.Notifications.shown.map((n) => n.id)).toContain('VideoEscalation_StillConnected');
    expect(mock.Actions.invoked).not.toContain('CompleteTask');

    const wrapping = Flex.Actions.invokeAction('WrapupTask', { task });
    await waitFor(() => expect(requests.map((r) => r.url)).toContain(`${FUNCTIONS}/end-call`));
    client.rooms[0].end('ended'); // the media server closes the room for everyone
    await wrapping;
    expect(requests[1]).toEqual({ url: `${FUNCTIONS}/end-call`, body: { escalationId: 'e1', Token: 'flex-token-1' } });
    expect(typeof (task.attributes.conversations as Record<string, unknown>).conversation_measure_8).toBe('number');

    await Flex.Actions.invokeAction('CompleteTask', { task });
    expect(mock.Actions.invoked).toEqual(['EscalateToVideo', 'WrapupTask', 'CompleteTask']);
  });

  it('renders the recording card in Flex’s message list, playing through the recording-media Function with the Flex token', async () => {
    const { requests } = setup();
    const file = (name: string) => `${FUNCTIONS}/recording-media?recordingId=RE1&file=${name}`;
    const recording = {
      source: {
        sid: 'IM2',
        author: 'Video',
        body: 'Video call recording · 1:15 · transcript',
        dateCreated: new Date(),
        // What a recording message carries since #18: URLs and states, never the transcript itself.
        attributes: {
          type: 'video-recording',
          recordingId: 'RE1',
          escalationId: 'e1',
          mediaUrl: file('video'),
          captionsUrl: file('captions'),
          transcriptUrl: file('transcript'),
          transcriptStatus: 'ready',
          durationSeconds: 75,
        },
      },
    };
    mock.__flex.state.flex.chat.conversations.CH1 = { messages: [recording] };
    render(<>{content('MessageBubble').render({ message: recording, conversationSid: 'CH1' })}</>);
    await waitFor(() => expect(screen.getByTestId('recording-player')).toBeTruthy());
    expect(screen.getByText('Video call recording (1:15)')).toBeTruthy();
    expect(screen.getByTestId('transcript-line').textContent).toContain('Hi there');
    expect((screen.getByTestId('recording-video') as HTMLVideoElement).getAttribute('src')).toBe('https://media.twiliocdn.example/RE1.mp4?Expires=1');
    // Each file asked of the Function once, with the agent's token in the body (a player cannot send it).
    const media = requests.filter((r) => r.url === `${FUNCTIONS}/recording-media`).map((r) => [r.body.file, r.body.recordingId, r.body.Token]);
    expect(media.sort()).toEqual([
      ['captions', 'RE1', mock.__flex.user.token],
      ['transcript', 'RE1', mock.__flex.user.token],
      ['video', 'RE1', mock.__flex.user.token],
    ]);
    const plain = { source: { sid: 'IM3', body: 'hello', attributes: {} } };
    expect(content('MessageBubble').render({ message: plain, conversationSid: 'CH1' })).toHaveLength(0);
  });

  it('shows an invitation card in its current state, from the rest of the chat', () => {
    setup();
    const link = { source: { sid: 'IM1', author: 'Alex', body: 'Join', attributes: { type: 'video-escalation-link', escalationId: 'e1', url: 'https://x/join.html#t=1', expiresAt: new Date(Date.now() + 60_000).toISOString() } } };
    const ended = { source: { sid: 'IM2', author: 'Alex', body: 'The video call has ended.', attributes: { type: 'video-escalation-ended', escalationId: 'e1' } } };
    mock.__flex.state.flex.chat.conversations.CH1 = { messages: [link, ended] };
    render(<>{content('MessageBubble').render({ message: link, conversationSid: 'CH1' })}</>);
    expect(screen.getByTestId('link-card').getAttribute('data-state')).toBe('ended');
    expect(screen.queryByTestId('copy-link-button')).toBeNull();
  });

  it('tells the agent when the recording and transcript are attached, and records it for Insights', async () => {
    setup();
    const task = chatTask();
    await Flex.Actions.invokeAction('EscalateToVideo', { task });
    mock.__flex.conversationsClient.emit('messageAdded', { conversation: { sid: 'CH-other' }, attributes: { type: 'video-recording', mediaUrl: 'https://x/other' } });
    mock.__flex.conversationsClient.emit('messageAdded', { conversation: { sid: 'CH1' }, attributes: { type: 'video-recording', mediaUrl: 'https://x/rec' } });
    await waitFor(() => expect((task.attributes.conversations as Record<string, unknown>).conversation_attribute_9).toBe('Yes'));
    expect(mock.Notifications.shown.filter((n) => n.id === 'VideoEscalation_RecordingAttached')).toHaveLength(1);
    expect((task.attributes.conversations as { media: unknown[] }).media).toEqual([
      { conversation_sid: 'CH1' },
      { type: 'Referenced', url: 'https://x/rec', title: 'Video call recording' },
    ]);
  });

  it('asks the customer for a clip through the Functions, then announces the clip when it arrives', async () => {
    const { requests } = setup();
    const task = chatTask();
    renderHeader(task);
    fireEvent.click(screen.getByTestId('offer-clip-button'));
    await waitFor(() => expect(requests).toEqual([{ url: `${FUNCTIONS}/offer-clip`, body: { conversationId: 'CH1', Token: 'flex-token-1' } }]));
    await waitFor(() => expect(mock.Notifications.shown.map((n) => n.id)).toContain('VideoEscalation_LinkSent'));
    mock.__flex.conversationsClient.emit('messageAdded', {
      conversation: { sid: 'CH1' },
      attributes: { type: 'video-recording', kind: 'clip', authorRole: 'customer', videoStatus: 'processing' },
    });
    expect(mock.Notifications.shown.filter((n) => n.id === 'VideoEscalation_ClipReceived')).toHaveLength(1);
    // The agent's own reply clip is not announced to them.
    mock.__flex.conversationsClient.emit('messageAdded', { conversation: { sid: 'CH1' }, attributes: { type: 'video-recording', kind: 'clip', authorRole: 'agent' } });
    expect(mock.Notifications.shown.filter((n) => n.id === 'VideoEscalation_ClipReceived')).toHaveLength(1);
  });

  it('mounts the clip recorder in the task’s Video clip tab, asking the Functions with the Flex token', async () => {
    const { requests } = setup();
    render(<>{content('TaskCanvasTabs').render({ task: chatTask() })}</>);
    expect(screen.getByRole('tabpanel', { name: 'Video clip' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('clip-setup')).toBeTruthy());
    expect(requests).toContainEqual({ url: `${FUNCTIONS}/clip`, body: { action: 'check', conversationId: 'CH1', Token: 'flex-token-1' } });
  });
});

describe('the recordings library in Flex', () => {
  const recording = {
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
    mediaUrl: `${FUNCTIONS}/recording-media?recordingId=RE1&file=video.mp4`,
    captionsUrl: `${FUNCTIONS}/recording-media?recordingId=RE1&file=captions.vtt`,
    transcriptUrl: `${FUNCTIONS}/recording-media?recordingId=RE1&file=transcript.json`,
  };
  const segment = { speaker: 'Jordan Lee', role: 'customer', start: 2, end: 5, text: 'My router blinks red.' };

  /** The library Functions at the HTTP boundary, as Twilio answers them. */
  function libraryFunctions() {
    const requests: { url: string; body: Record<string, unknown> }[] = [];
    const fetchImpl = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
      requests.push({ url: String(url), body });
      const answer = String(url).endsWith('/live-calls')
        ? { calls: [{ escalationId: 'e9', conversationId: 'CH9', agentName: 'Alex', customerName: 'Jordan Lee', startedAt: new Date().toISOString(), recording: true }] }
        : String(url).endsWith('/recordings')
        ? { items: [recording] }
        : body.file === 'video.mp4'
          ? { url: 'https://media.example/RE1.mp4?sig=1' }
          : body.file === 'captions.vtt'
            ? { content: 'WEBVTT\n', contentType: 'text/vtt' }
            : { content: JSON.stringify({ segments: [segment] }), contentType: 'application/json' };
      return { ok: true, status: 200, json: async () => answer } as unknown as Response;
    });
    return { requests, fetchImpl };
  }

  function setupAs(roles: string[]) {
    mock.__flex.reset();
    (mock.__flex as unknown as { user: unknown }).user = { identity: 'sam', token: 'flex-token-1', roles };
    mock.__flex.configuration = { custom_data: { features: { video_escalation: { enabled: true, functions_base_url: FUNCTIONS } } } };
    const http = libraryFunctions();
    registerVideoEscalation(Flex, Flex.Manager.getInstance(), { clientFor: () => new FakeVideoClient(), media: fakeMedia(), fetchImpl: http.fetchImpl });
    return http;
  }
  const sideNav = () => (Flex as unknown as Record<string, Store>).SideNav.Content;
  const views = () => (Flex as unknown as Record<string, Store>).ViewCollection.Content;

  it('adds neither a side-nav entry nor a view for agents', () => {
    setupAs(['agent']);
    expect(sideNav().fragments).toHaveLength(0);
    expect(views().fragments).toHaveLength(0);
  });

  it('gives supervisors and admins a "Recordings" side-nav entry that navigates to the library view', async () => {
    for (const roles of [['supervisor'], ['agent', 'admin']]) {
      setupAs(roles);
      const navigated: unknown[] = [];
      Flex.Actions.addListener('beforeNavigateToView', (payload: unknown) => void navigated.push(payload));
      const { unmount } = render(<>{sideNav().render({ activeView: 'agent-desktop' })}</>);
      const link = screen.getByRole('button', { name: 'Recordings' });
      expect(link.getAttribute('aria-current')).toBeNull();
      fireEvent.click(link);
      await waitFor(() => expect(navigated).toEqual([{ viewName: 'video-escalation-recordings' }]));
      unmount();
      render(<>{sideNav().render({ activeView: 'video-escalation-recordings' })}</>);
      expect(screen.getByRole('button', { name: 'Recordings' }).getAttribute('aria-current')).toBe('page');
      cleanup();
    }
  });

  it('gives supervisors a "Live calls" view listing the calls through the Functions with the Flex token', async () => {
    const { requests } = setupAs(['supervisor']);
    render(<>{sideNav().render({ activeView: 'agent-desktop' })}</>);
    expect(screen.getByRole('button', { name: 'Live calls' })).toBeTruthy();
    cleanup();
    const { container } = render(<>{views().render({})}</>);
    expect(container.querySelector('[data-flex-view="video-escalation-live-calls"]')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Live calls' })).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Jordan Lee')).toBeTruthy());
    expect(requests.find((r) => r.url.endsWith('/live-calls'))?.body).toMatchObject({ Token: 'flex-token-1' });
  });

  it('mounts the shared library in the view, asking the Functions with the Flex token and playing through recording-media', async () => {
    URL.createObjectURL = jest.fn(() => 'blob:captions');
    URL.revokeObjectURL = jest.fn();
    const { requests } = setupAs(['supervisor']);
    const { container } = render(<>{views().render({})}</>);
    expect(container.querySelector('[data-flex-view="video-escalation-recordings"]')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Recordings library' })).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('recording-row')).toHaveLength(1));
    expect(requests.find((r) => r.url.endsWith('/recordings'))).toEqual({ url: `${FUNCTIONS}/recordings`, body: { Token: 'flex-token-1' } });
    expect(screen.getByLabelText('Agent')).toBeTruthy(); // the supervisor's filter
    fireEvent.click(screen.getByRole('button', { name: /^Open call by .* with Jordan Lee/ }));
    const video = await screen.findByTestId('recording-video');
    expect(video.getAttribute('src')).toBe('https://media.example/RE1.mp4?sig=1');
    expect(container.querySelector('track')?.getAttribute('src')).toBe('blob:captions');
    expect(screen.getAllByTestId('transcript-line').map((l) => l.textContent)).toEqual(['0:02 Jordan Lee My router blinks red.']);
    expect(requests.filter((r) => r.url === `${FUNCTIONS}/recording-media`).map((r) => r.body)).toEqual(
      expect.arrayContaining([
        { recordingId: 'RE1', file: 'video.mp4', Token: 'flex-token-1' },
        { recordingId: 'RE1', file: 'transcript.json', Token: 'flex-token-1' },
      ]),
    );
    expect(screen.getByRole('link', { name: 'Download the video' })).toBeTruthy();
  });
});
