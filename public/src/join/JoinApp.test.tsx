import { attachedTrackIds } from '../../../src/ui/test-support/media-env';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { fakeAccess, FakeVideoClient } from '../../../src/ui/test-support/fake-room';
import { fakeMedia } from '../../../src/ui/test-support/fake-media';
import { ApiError, type CustomerApi, type LinkCheck } from '../../../src/ui/api/customer-api';
import type { BrowserHistory } from './BackToChat';
import { JoinApp } from './JoinApp';

const NOTICE = { version: 'v7', text: 'This call is recorded and transcribed, and may be monitored for quality.' };
const soon = () => new Date(Date.now() + 3600_000).toISOString();

function fakeApi(check: Partial<LinkCheck> | ApiError = {}, joinError?: ApiError) {
  const calls: string[] = [];
  const api: CustomerApi = {
    async check(token) {
      calls.push(`check:${token}`);
      if (check instanceof ApiError) throw check;
      return { agentName: 'Alex', recording: true, notice: NOTICE, expiresAt: soon(), inUse: false, ...check };
    },
    async join(token, takeOver, noticeVersion) {
      calls.push(`join:${token}:${takeOver}:${noticeVersion ?? 'no-consent'}`);
      if (joinError) throw joinError;
      return { agentName: 'Alex', recording: true, expiresAt: soon(), inUse: false, access: fakeAccess() };
    },
  };
  return { api, calls };
}

function setup(opts: { api?: CustomerApi; media?: ReturnType<typeof fakeMedia>; token?: string | null; history?: BrowserHistory } = {}) {
  const client = new FakeVideoClient();
  const api = opts.api ?? fakeApi().api;
  render(
    <JoinApp
      linkToken={opts.token === undefined ? 'tok' : opts.token}
      api={api}
      media={opts.media ?? fakeMedia()}
      videoClientFor={() => client}
      history={opts.history}
    />,
  );
  return client;
}

describe('JoinApp', () => {
  it('joins with Enter once consent is given, and says how to consent by keyboard', async () => {
    const { api, calls } = fakeApi();
    setup({ api });
    const form = await screen.findByTestId('prejoin-form');
    await waitFor(() => expect((screen.getByTestId('join-button') as HTMLButtonElement).disabled).toBe(true));
    expect(screen.getByTestId('consent-hint').textContent).toMatch(/press Space .* then press Enter/);
    fireEvent.submit(form); // Enter before consenting does nothing
    expect(calls).toEqual(['check:tok']);
    fireEvent.click(screen.getByTestId('consent-checkbox'));
    await waitFor(() => expect((screen.getByTestId('join-button') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('consent-hint')).toBeNull();
    fireEvent.submit(form); // Enter in the consent box submits the form
    await screen.findByTestId('leave-button');
    expect(calls).toEqual(['check:tok', 'join:tok:false:v7']);
  });

  it('requires recording consent before joining, then joins with camera and microphone', async () => {
    const { api, calls } = fakeApi();
    const client = setup({ api });
    const join = (await screen.findByTestId('join-button')) as HTMLButtonElement;
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Video call with Alex');
    await waitFor(() => expect(attachedTrackIds(screen.getByTestId('preview-video'))).toEqual(['cam-1']));
    expect(join.disabled).toBe(true);
    // The server's notice, word for word; the join sends back the version agreed to.
    expect(screen.getByText(/recorded and transcribed, and may be monitored for quality/)).toBeTruthy();

    fireEvent.click(screen.getByTestId('consent-checkbox'));
    expect(join.disabled).toBe(false);
    fireEvent.click(join);

    await screen.findByTestId('leave-button');
    expect(calls).toEqual(['check:tok', 'join:tok:false:v7']);
    expect(client.connects[0].local.audio?.id).toBe('mic-1');
    expect(client.connects[0].local.video?.id).toBe('cam-1');
    expect(attachedTrackIds(screen.getByTestId('local-video'))).toEqual(['cam-1']);
    expect(screen.getByTestId('call-status').textContent).toBe('Waiting for Alex to join…');

    const room = client.rooms[0];
    act(() => {
      const agent = room.addParticipant('agent:alex', 'Alex', 'agent');
      room.publish(agent, 'camera');
    });
    expect(attachedTrackIds(screen.getByTestId('remote-video'))).toEqual(['agent:alex-camera']);
    fireEvent.click(screen.getByTestId('mute-button'));
    expect(room.localParticipant.audioEnabled).toBe(false);
  });

  it('joins without a consent step when the call is not recorded', async () => {
    const { api, calls } = fakeApi({ recording: false, notice: undefined });
    setup({ api });
    await waitFor(() => expect((screen.getByTestId('join-button') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('consent-checkbox')).toBeNull();
    // Not recorded, but a supervisor may still listen in: the page says so.
    expect(screen.getByTestId('monitoring-notice').textContent).toBe('This call may be monitored for quality.');
    fireEvent.click(screen.getByTestId('join-button'));
    await screen.findByTestId('leave-button');
    expect(calls).toEqual(['check:tok', 'join:tok:false:no-consent']);
  });

  it.each([
    ['link_expired', 'This link has expired', /Ask the agent in the chat for a new link/],
    ['call_ended', 'This video call has ended', /keep chatting/],
    ['link_revoked', 'This link was replaced', /latest link/],
    ['link_invalid', 'This link is not valid', /Open it again/],
  ])('explains %s on a page of its own', async (code, title, detail) => {
    setup({ api: fakeApi(new ApiError(code, 'x', 410)).api });
    expect((await screen.findByTestId('error-title')).textContent).toBe(title);
    expect(screen.getByText(detail)).toBeTruthy();
    expect(screen.queryByTestId('join-button')).toBeNull();
  });

  it('explains a missing token and an unsupported browser', async () => {
    setup({ token: null });
    expect((await screen.findByTestId('error-title')).textContent).toBe('This link is incomplete');
  });

  it('explains blocked camera and microphone, and retries', async () => {
    setup({ media: fakeMedia({ denied: true }) });
    expect((await screen.findByTestId('error-title')).textContent).toBe('Camera and microphone are blocked');
    expect(screen.getByTestId('retry-button')).toBeTruthy();
  });

  it('says when the browser cannot do video', async () => {
    setup({ media: fakeMedia({ supported: false }) });
    expect((await screen.findByTestId('error-title')).textContent).toBe('This browser cannot make video calls');
  });

  it('joins microphone-only without a camera', async () => {
    const client = new FakeVideoClient();
    render(<JoinApp linkToken="tok" api={fakeApi({ recording: false }).api} media={fakeMedia({ camera: false })} videoClientFor={() => client} />);
    expect(await screen.findByText(/join with your microphone only/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('join-button'));
    await screen.findByTestId('leave-button');
    expect(client.connects[0].local.video).toBeUndefined();
    expect(client.connects[0].local.audio).toBeDefined();
  });

  it('offers to move a call open elsewhere here, with takeOver', async () => {
    const { api, calls } = fakeApi({ inUse: true, recording: false, notice: undefined });
    setup({ api });
    const move = await screen.findByTestId('move-here-button');
    expect(screen.getByText(/already open in another tab/)).toBeTruthy();
    await waitFor(() => expect((move as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(move);
    await screen.findByTestId('leave-button');
    expect(calls).toContain('join:tok:true:no-consent');
  });

  it('switches to the move-here offer when join finds the link in use', async () => {
    setup({ api: fakeApi({ recording: false }, new ApiError('link_in_use', 'in use', 409)).api });
    await waitFor(() => expect((screen.getByTestId('join-button') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('join-button'));
    expect(await screen.findByTestId('move-here-button')).toBeTruthy();
  });

  it.each([
    ['ended', 'The agent ended the call', false],
    ['replaced', 'You joined from another tab or device', true],
    ['network', 'The connection was lost', true],
  ] as const)('tells why the call ended: %s', async (reason, title, rejoin) => {
    const client = setup({ api: fakeApi({ recording: false }).api });
    await waitFor(() => expect((screen.getByTestId('join-button') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('join-button'));
    await screen.findByTestId('leave-button');
    act(() => client.rooms[0].end(reason));
    expect(screen.getByTestId('call-status').textContent).toBe(title);
    expect(!!screen.queryByTestId('rejoin-button')).toBe(rejoin);
  });

  it('leaves, then rejoins while the link is valid', async () => {
    const { api, calls } = fakeApi({ recording: false });
    const client = setup({ api });
    await waitFor(() => expect((screen.getByTestId('join-button') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('join-button'));
    fireEvent.click(await screen.findByTestId('leave-button'));
    expect(client.rooms[0].disconnectCalls).toBe(1);
    expect(screen.getByTestId('call-status').textContent).toBe('You left the call');
    fireEvent.click(screen.getByTestId('rejoin-button'));
    expect(await screen.findByTestId('join-button')).toBeTruthy();
    expect(calls.filter((c) => c.startsWith('check'))).toHaveLength(2);
  });

  it('leads back to the chat after the call: back in this tab, else closing it, else saying where the chat is', async () => {
    const moves: string[] = [];
    const history = (canGoBack: boolean, closes: boolean): BrowserHistory => ({
      canGoBack: () => canGoBack,
      back: () => void moves.push('back'),
      close: () => (moves.push('close'), closes),
    });
    const ended = new ApiError('call_ended', 'ended', 410);
    setup({ api: fakeApi(ended).api, history: history(true, false) });
    fireEvent.click(await screen.findByTestId('back-to-chat'));
    expect(moves).toEqual(['back']);
  });

  it('says where the chat is when this tab can neither go back nor close', async () => {
    const moves: string[] = [];
    const history: BrowserHistory = { canGoBack: () => false, back: () => void moves.push('back'), close: () => (moves.push('close'), false) };
    setup({ api: fakeApi(new ApiError('call_ended', 'ended', 410)).api, history });
    fireEvent.click(await screen.findByTestId('back-to-chat'));
    expect(moves).toEqual(['close']);
    expect((await screen.findByRole('status')).textContent).toMatch(/switch back to it/);
  });
});
