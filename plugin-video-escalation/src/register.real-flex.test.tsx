import * as Flex from '@twilio/flex-ui';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import React from 'react';
import { fakeMedia } from '../../src/ui/test-support/fake-media';
import { fakeAccess, FakeVideoClient } from '../../src/ui/test-support/fake-room';
import { fakeManager, FlexContent, flexRecord, FlexViews, resetFlex, type FakeManager } from '../test-support/offline-flex';
import { registerVideoEscalation } from './register';

// The real @twilio/flex-ui 2.17.1: its Actions, content stores, DynamicComponent, Notifications,
// TaskHelper, Tab, SideLink and ViewCollection. Only the Manager (user, token, configuration,
// Conversations client) is a stand-in (test-support/offline-flex.tsx).
afterEach(cleanup);

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

const AGENT = { identity: 'alex', token: 'flex-token-1', roles: ['agent'] };
let manager: FakeManager;

function setup(feature: Record<string, unknown> = { enabled: true, functions_base_url: FUNCTIONS }) {
  resetFlex();
  manager = fakeManager(AGENT, { custom_data: { features: { video_escalation: feature } } });
  const http = functions();
  const client = new FakeVideoClient();
  const ctx = registerVideoEscalation(Flex, manager as FakeManager & Flex.Manager, { clientFor: () => client, media: fakeMedia(), fetchImpl: http.fetchImpl });
  return { ctx, client, ...http };
}

/** A Flex component's content as Flex renders it for these props. */
const renderContent = (name: 'TaskCanvasHeader' | 'TaskCanvasTabs' | 'MessageBubble' | 'SideNav', props: Record<string, unknown>, defaults?: React.ReactElement[]) =>
  render(<FlexContent manager={manager} name={name} props={props} defaults={defaults} />);
const renderHeader = (task: unknown) => renderContent('TaskCanvasHeader', { task });
const shownIds = () => flexRecord.shown.map((n) => n.id);

describe('the Flex plugin', () => {
  it('adds nothing to Flex when its feature flag is off', () => {
    expect(setup({ enabled: false, functions_base_url: FUNCTIONS }).ctx).toBeNull();
    expect(Flex.RootContainer.Content.getAllWrappers()).toEqual([]);
    expect(flexRecord.registered).toEqual([]);
    expect(Object.values(flexRecord.added).flat()).toEqual([]);
    expect(Flex.Notifications.registeredNotifications.has('VideoEscalation_LinkSent')).toBe(false);
  });

  it('registers its actions and notifications with Flex, and Flex refuses an action nobody registered', async () => {
    setup();
    expect(flexRecord.registered).toEqual(['EscalateToVideo', 'OfferVideoClip']);
    const registered = Flex.Notifications.registeredNotifications;
    expect(registered.get('VideoEscalation_LinkSent')?.type).toBe(Flex.NotificationType.success);
    expect(registered.get('VideoEscalation_Failed')).toMatchObject({ type: Flex.NotificationType.error, timeout: 0 });
    await expect(Flex.Actions.invokeAction('EscalateToVideoTypo', { task: chatTask() })).rejects.toThrow('Action does not exist');
  });

  it('puts its header buttons after Flex’s own header content, in its sortOrder', () => {
    setup();
    renderContent('TaskCanvasHeader', { task: chatTask() }, [<span key="flex-title">Flex’s task title</span>]);
    const header = screen.getByTestId('flex-TaskCanvasHeader');
    const [title, escalate, offer] = [within(header).getByText('Flex’s task title'), screen.getByTestId('escalate-button'), screen.getByTestId('offer-clip-button')];
    expect(title.compareDocumentPosition(escalate) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(escalate.compareDocumentPosition(offer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
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
      const { container } = renderHeader(task);
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
    expect(shownIds()).toEqual(['VideoEscalation_LinkSent']);
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

  it('gives after listeners the payload once the link is sent, and Flex refuses the same escalation while it is pending', async () => {
    const { requests } = setup();
    const after: unknown[] = [];
    Flex.Actions.addListener('afterEscalateToVideo', (payload: { task: unknown }) => void after.push(payload.task));
    const task = chatTask();
    const first = Flex.Actions.invokeAction('EscalateToVideo', { task });
    await expect(Flex.Actions.invokeAction('EscalateToVideo', { task })).rejects.toThrow('Action is pending');
    await expect(first).resolves.toMatchObject({ escalationId: 'e1', reused: false });
    expect(after).toEqual([task]);
    expect(requests.map((r) => r.url)).toEqual([`${FUNCTIONS}/escalate`]);
  });

  it('runs no after listener when the Functions refuse, and shows why', async () => {
    const { fetchImpl } = setup();
    fetchImpl.mockImplementationOnce(async () => ({ ok: false, status: 409, json: async () => ({ error: 'This conversation is closed.', code: 'conversation_closed' }) }) as unknown as Response);
    const after = jest.fn();
    Flex.Actions.addListener('afterEscalateToVideo', after);
    await expect(Flex.Actions.invokeAction('EscalateToVideo', { task: chatTask() })).rejects.toThrow();
    expect(after).not.toHaveBeenCalled();
    expect(flexRecord.shown).toEqual([{ id: 'VideoEscalation_Failed', context: { message: expect.stringContaining('Could not start the video call') } }]);
  });

  it('holds wrap-up while the call cannot be ended: its before listener cancels Flex’s WrapupTask and says why', async () => {
    const { fetchImpl } = setup();
    const task = chatTask();
    await Flex.Actions.invokeAction('EscalateToVideo', { task });
    fetchImpl.mockImplementationOnce(async () => ({ ok: false, status: 503, json: async () => ({ error: 'Unavailable' }) }) as unknown as Response);
    await expect(Flex.Actions.invokeAction('WrapupTask', { task })).rejects.toThrow('Action WrapupTask cancelled by before event');
    expect(flexRecord.ran).toEqual([]);
    expect(flexRecord.shown.map((n) => [n.id, n.context?.message])).toContainEqual(['VideoEscalation_Failed', expect.stringContaining('Could not end the video call')]);
  });

  it('mounts the video panel in the task’s Video tab, naming the customer', async () => {
    setup();
    const task = chatTask();
    renderContent('TaskCanvasTabs', { task });
    // Flex's own Tab, labelled, around the panel (the tab strip itself is Flex's Tabs, not mounted here).
    const tabs = Flex.TaskCanvasTabs.Content.fragments.map((f) => (f.props.children as React.ReactElement<{ label: string; uniqueName: string }>));
    expect(tabs.map((t) => [t.type, t.props.label, t.props.uniqueName])).toEqual([
      [Flex.Tab, 'Video', 'video-escalation'],
      [Flex.Tab, 'Video clip', 'video-clip'],
    ]);
    expect(screen.getByTestId('video-tab-empty')).toBeTruthy();
    await act(async () => void (await Flex.Actions.invokeAction('EscalateToVideo', { task })));
    expect(screen.getByTestId('video-panel')).toBeTruthy();
    expect(screen.getByTestId('agent-call-status').textContent).toBe('Waiting for Jordan Lee to join…');
    expect(screen.getByTestId('recording-indicator')).toBeTruthy();
    cleanup();
    renderContent('TaskCanvasTabs', { task: chatTask({ attributes: { call_sid: 'CA1' } }) });
    expect(screen.getByTestId('flex-TaskCanvasTabs').textContent).toBe('');
  });

  it('blocks completing the task while the agent is connected, and wrap-up ends the call for everyone', async () => {
    const { requests, client } = setup();
    const task = chatTask();
    await Flex.Actions.invokeAction('EscalateToVideo', { task });

    await expect(Flex.Actions.invokeAction('CompleteTask', { task })).rejects.toThrow('Action CompleteTask cancelled by before event');
    expect(shownIds()).toContain('VideoEscalation_StillConnected');
    expect(flexRecord.ran).not.toContain('CompleteTask');

    const wrapping = Flex.Actions.invokeAction('WrapupTask', { task });
    await waitFor(() => expect(requests.map((r) => r.url)).toContain(`${FUNCTIONS}/end-call`));
    client.rooms[0].end('ended'); // the media server closes the room for everyone
    await wrapping;
    expect(requests[1]).toEqual({ url: `${FUNCTIONS}/end-call`, body: { escalationId: 'e1', Token: 'flex-token-1' } });
    expect(typeof (task.attributes.conversations as Record<string, unknown>).conversation_measure_8).toBe('number');

    await Flex.Actions.invokeAction('CompleteTask', { task });
    expect(flexRecord.ran).toEqual(['WrapupTask', 'CompleteTask']);
  });

  it('renders the recording card in Flex’s message list, playing through the recording-media Function with the Flex token', async () => {
    const { requests } = setup();
    const plain = { source: { sid: 'IM3', body: 'hello', attributes: {} } };
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
    manager.setChat({ CH1: { messages: [recording] } });
    // Flex's own bubble body (key "body") stands beside the plugin's card: the plugin removes it for its cards.
    const flexBody = (m: typeof recording | typeof plain) => [<p key="body">{m.source.body}</p>];
    renderContent('MessageBubble', { message: recording, conversationSid: 'CH1' }, flexBody(recording));
    await waitFor(() => expect(screen.getByTestId('recording-player')).toBeTruthy());
    expect(screen.getByText('Video call recording (1:15)')).toBeTruthy();
    expect(screen.getByTestId('transcript-line').textContent).toContain('Hi there');
    expect((screen.getByTestId('recording-video') as HTMLVideoElement).getAttribute('src')).toBe('https://media.twiliocdn.example/RE1.mp4?Expires=1');
    // Each file asked of the Function once, with the agent's token in the body (a player cannot send it).
    const media = requests.filter((r) => r.url === `${FUNCTIONS}/recording-media`).map((r) => [r.body.file, r.body.recordingId, r.body.Token]);
    expect(media.sort()).toEqual([
      ['captions', 'RE1', manager.user.token],
      ['transcript', 'RE1', manager.user.token],
      ['video', 'RE1', manager.user.token],
    ]);
    expect(screen.queryByText(recording.source.body)).toBeNull();
    cleanup();
    renderContent('MessageBubble', { message: plain, conversationSid: 'CH1' }, flexBody(plain));
    expect(screen.getByTestId('flex-MessageBubble').textContent).toBe('hello');
  });

  it('shows an invitation card in its current state, from the rest of the chat', () => {
    setup();
    const link = { source: { sid: 'IM1', author: 'Alex', body: 'Join', attributes: { type: 'video-escalation-link', escalationId: 'e1', url: 'https://x/join.html#t=1', expiresAt: new Date(Date.now() + 60_000).toISOString() } } };
    const ended = { source: { sid: 'IM2', author: 'Alex', body: 'The video call has ended.', attributes: { type: 'video-escalation-ended', escalationId: 'e1' } } };
    manager.setChat({ CH1: { messages: [link, ended] } });
    renderContent('MessageBubble', { message: link, conversationSid: 'CH1' });
    expect(screen.getByTestId('link-card').getAttribute('data-state')).toBe('ended');
    expect(screen.queryByTestId('copy-link-button')).toBeNull();
  });

  it('tells the agent when the recording and transcript are attached, and records it for Insights', async () => {
    setup();
    const task = chatTask();
    await Flex.Actions.invokeAction('EscalateToVideo', { task });
    manager.conversationsClient.emit('messageAdded', { conversation: { sid: 'CH-other' }, attributes: { type: 'video-recording', mediaUrl: 'https://x/other' } });
    manager.conversationsClient.emit('messageAdded', { conversation: { sid: 'CH1' }, attributes: { type: 'video-recording', mediaUrl: 'https://x/rec' } });
    await waitFor(() => expect((task.attributes.conversations as Record<string, unknown>).conversation_attribute_9).toBe('Yes'));
    expect(flexRecord.shown.filter((n) => n.id === 'VideoEscalation_RecordingAttached')).toHaveLength(1);
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
    await waitFor(() => expect(shownIds()).toContain('VideoEscalation_LinkSent'));
    manager.conversationsClient.emit('messageAdded', {
      conversation: { sid: 'CH1' },
      attributes: { type: 'video-recording', kind: 'clip', authorRole: 'customer', videoStatus: 'processing' },
    });
    expect(flexRecord.shown.filter((n) => n.id === 'VideoEscalation_ClipReceived')).toHaveLength(1);
    // The agent's own reply clip is not announced to them.
    manager.conversationsClient.emit('messageAdded', { conversation: { sid: 'CH1' }, attributes: { type: 'video-recording', kind: 'clip', authorRole: 'agent' } });
    expect(flexRecord.shown.filter((n) => n.id === 'VideoEscalation_ClipReceived')).toHaveLength(1);
  });

  it('mounts the clip recorder in the task’s Video clip tab, asking the Functions with the Flex token', async () => {
    const { requests } = setup();
    renderContent('TaskCanvasTabs', { task: chatTask() });
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
    resetFlex();
    manager = fakeManager({ identity: 'sam', token: 'flex-token-1', roles }, { custom_data: { features: { video_escalation: { enabled: true, functions_base_url: FUNCTIONS } } } });
    const http = libraryFunctions();
    registerVideoEscalation(Flex, manager as FakeManager & Flex.Manager, { clientFor: () => new FakeVideoClient(), media: fakeMedia(), fetchImpl: http.fetchImpl });
    return http;
  }
  /** Flex's NavigateToView, then its ViewCollection at the URL it went to. */
  async function openView(viewName: string) {
    await Flex.Actions.invokeAction('NavigateToView', { viewName });
    return render(<FlexViews manager={manager} path={window.location.pathname} />);
  }

  it('hands Flex the Paste provider it wraps its root in, so the views take Flex’s theme and the account’s tokens', async () => {
    setupAs(['supervisor']);
    const [withPaste] = Flex.RootContainer.Content.getAllWrappers();
    expect(Flex.RootContainer.Content.getAllWrappers()).toHaveLength(1);
    // The library view exactly as registered, under Flex's root with the provider the plugin gave it.
    const library = (Flex.ViewCollection.Content.fragments[0].props.children as React.ReactElement<{ children: React.ReactElement }>).props.children;
    const FlexRoot = withPaste(() => library);
    const tokens = { backgroundColors: { colorBackgroundBody: 'rgb(1, 2, 3)' } };
    render(<FlexRoot theme={{ isLight: true, tokens } as never} config={{} as never} />);
    const frame = screen.getByTestId('flex-view-frame');
    expect(getComputedStyle(frame).backgroundColor).toBe('rgb(1, 2, 3)');
    expect(getComputedStyle(frame).padding).toBe('1.25rem'); // Paste's space60
    expect(screen.getByRole('heading', { level: 1, name: 'Recordings library' }).getAttribute('data-paste-element')).toBe('HEADING');
    await waitFor(() => expect(screen.getAllByTestId('recording-row')).toHaveLength(1));
  });

  it('adds neither a side-nav entry nor a view for agents', () => {
    setupAs(['agent']);
    expect(flexRecord.added.SideNav).toEqual([]);
    expect(flexRecord.added.ViewCollection).toEqual([]);
  });

  it('gives supervisors and admins a "Recordings" side-nav entry that navigates to the library view', async () => {
    for (const roles of [['supervisor'], ['agent', 'admin']]) {
      setupAs(roles);
      const navigated: unknown[] = [];
      Flex.Actions.addListener('afterNavigateToView', (payload: unknown) => void navigated.push(payload));
      // Flex's own SideLink: a button with the link role, marked current when its view is active;
      // named even while the nav is collapsed and Flex hides its label.
      const { unmount } = renderContent('SideNav', { activeView: 'agent-desktop', showLabel: false });
      const link = screen.getByRole('link', { name: 'Recordings' });
      expect(link.getAttribute('aria-current')).toBe('false');
      fireEvent.click(link);
      await waitFor(() => expect(navigated).toEqual([{ viewName: 'video-escalation-recordings' }]));
      expect(window.location.pathname).toBe('/video-escalation-recordings/');
      unmount();
      renderContent('SideNav', { activeView: 'video-escalation-recordings', showLabel: true });
      expect(screen.getByRole('link', { name: 'Recordings' }).getAttribute('aria-current')).toBe('true');
      expect(screen.getByText('Recordings')).toBeTruthy(); // the label, shown while the nav is expanded
      cleanup();
    }
  });

  it('gives supervisors a "Live calls" view listing the calls through the Functions with the Flex token', async () => {
    const { requests } = setupAs(['supervisor']);
    renderContent('SideNav', { activeView: 'agent-desktop' });
    expect(screen.getAllByRole('link').map((l) => l.getAttribute('aria-label'))).toEqual(['Recordings', 'Live calls', 'Privacy', 'Video insights']);
    cleanup();
    await openView('video-escalation-live-calls');
    expect(screen.getByRole('heading', { level: 1, name: 'Live calls' })).toBeTruthy();
    // Flex shows the active view only.
    expect(screen.queryByRole('heading', { level: 1, name: 'Recordings library' })).toBeNull();
    await waitFor(() => expect(screen.getByText('Jordan Lee')).toBeTruthy());
    expect(requests.find((r) => r.url.endsWith('/live-calls'))?.body).toMatchObject({ Token: 'flex-token-1' });
    expect(requests.some((r) => r.url.endsWith('/recordings'))).toBe(false);
  });

  it('mounts the shared library in the view, asking the Functions with the Flex token and playing through recording-media', async () => {
    URL.createObjectURL = jest.fn(() => 'blob:captions');
    URL.revokeObjectURL = jest.fn();
    const { requests } = setupAs(['supervisor']);
    const { container } = await openView('video-escalation-recordings');
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
