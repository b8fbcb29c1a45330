import * as Flex from '@twilio/flex-ui';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import React from 'react';
import type { VideoSuggestion } from '../../src/api/support-ticket-contract';
import { fakeMedia } from '../../src/ui/test-support/fake-media';
import { fakeAccess, FakeVideoClient } from '../../src/ui/test-support/fake-room';
import { fakeManager, FlexContent, flexRecord, resetFlex, type FakeManager } from '../test-support/offline-flex';
import { SUGGESTION_SETTLE_MS } from './flex-hooks/events/ConversationMessages';
import { registerVideoEscalation } from './register';

// Closing the support loop (#20) on the real @twilio/flex-ui 2.17.1; only the Manager is a
// stand-in (test-support/offline-flex.tsx). Flex's own AcceptTask talks to TaskRouter: like
// CompleteTask there, its body is replaced by one that does nothing, so its listeners run.
Flex.Actions.replaceAction('AcceptTask', async () => undefined);
afterEach(() => {
  cleanup();
  jest.useRealTimers();
});

const FUNCTIONS = 'https://video-escalation-1234-dev.twil.io';
const TOKEN = 'flex-token-1';
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

const suggestion = (at: string): VideoSuggestion => ({
  at,
  reasons: ['hard_to_explain'],
  explanation: ['The customer finds it hard to put into words.'],
  messages: { clip: 'Jordan, could you record a short video?', call: 'Jordan, shall we switch to a video call?' },
});

const FACTS = { videoUsed: true, calls: 1, callSeconds: 95.2, customerClips: 2, agentClips: 1, clipSeconds: 61, customerMessages: 8, agentMessages: 6, csat: 5, resolved: false };

interface Request {
  url: string;
  body: Record<string, unknown>;
}

/** The Functions at the HTTP boundary: every request as sent; the suggestion and failures are the test's to set. */
function functions() {
  const state = { suggestion: null as VideoSuggestion | null, facts: FACTS as Record<string, unknown>, failing: false };
  const requests: Request[] = [];
  const fetchImpl = jest.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    requests.push({ url: String(url), body });
    const path = String(url).slice(FUNCTIONS.length);
    const answer =
      path === '/support-ticket'
        ? body.action === 'facts'
          ? { action: 'facts', facts: state.facts }
          : body.action === 'dismiss'
            ? { action: 'dismiss', dismissed: true }
            : { action: body.action, suggestion: state.suggestion }
        : path === '/resolve-ticket'
          ? { conversationId: body.conversationId, resolvedAt: '2026-11-21T10:00:00.000Z', resolution: 1, alreadyResolved: false, survey: 'posted' }
          : path === '/escalate'
            ? {
                escalationId: 'e1',
                roomName: 'esc-e1',
                customerLink: `${FUNCTIONS}/join.html#t=abc`,
                linkExpiresAt: new Date(Date.now() + 3600_000).toISOString(),
                recording: true,
                reused: false,
                access: fakeAccess({ provider: 'twilio', role: 'agent', identity: 'agent:alex', roomName: 'esc-e1' }),
              }
            : path === '/offer-clip'
              ? { clipId: 'k1', url: `${FUNCTIONS}/record.html#t=abc`, expiresAt: new Date(Date.now() + 3600_000).toISOString() }
              : { conversationId: body.conversationId, closedAt: '2026-11-21T10:00:00.000Z', source: 'task_completed', onHold: false };
    return { ok: !state.failing, status: state.failing ? 503 : 200, json: async () => (state.failing ? { error: { code: 'unavailable', message: 'Unavailable' } } : answer) } as unknown as Response;
  });
  return { state, requests, fetchImpl };
}

function chatTask(attributes: Record<string, unknown> = {}) {
  const task = {
    sid: 'WR1',
    taskSid: 'WT1',
    taskStatus: 'assigned',
    status: 'accepted',
    attributes: { conversationSid: 'CH1', customerName: 'Jordan Lee', conversations: { media: [{ conversation_sid: 'CH1' }] }, ...attributes } as Record<string, unknown>,
    setAttributes: jest.fn(async (a: Record<string, unknown>) => {
      task.attributes = a;
    }),
  };
  return task;
}

let manager: FakeManager;

function setup() {
  resetFlex();
  manager = fakeManager({ identity: 'alex', token: TOKEN, roles: ['agent'] }, { custom_data: { features: { video_escalation: { enabled: true, functions_base_url: FUNCTIONS } } } });
  // The TaskRouter worker, as Flex's Manager exposes it: its team is what the ticket log keeps.
  Object.assign(manager, { workerClient: { attributes: { team_name: 'Returns' } } });
  const http = functions();
  const client = new FakeVideoClient();
  const ctx = registerVideoEscalation(Flex, manager as FakeManager & Flex.Manager, { clientFor: () => client, media: fakeMedia(), fetchImpl: http.fetchImpl });
  return { ctx: ctx!, client, ...http };
}

const to = (path: string) => (r: Request) => r.url === `${FUNCTIONS}${path}`;
const suggestedNotices = () => flexRecord.shown.filter((n) => n.id === 'VideoEscalation_VideoSuggested').map((n) => n.context?.message);
const NOTICE = 'Video may help with Jordan Lee: The customer finds it hard to put into words. Open the Video tab to send the invitation.';

describe('accepting a chat task', () => {
  it('tells /support-ticket the agent joined, with the browser’s time zone, the worker’s team and the Flex token', async () => {
    const { requests } = setup();
    await Flex.Actions.invokeAction('AcceptTask', { task: chatTask() });
    expect(requests).toEqual([{ url: `${FUNCTIONS}/support-ticket`, body: { action: 'joined', conversationId: 'CH1', timeZone: ZONE, team: 'Returns', Token: TOKEN } }]);
    expect(suggestedNotices()).toEqual([]);
  });

  it('announces a suggestion already waiting, once', async () => {
    const { state } = setup();
    state.suggestion = suggestion('2026-11-21T09:00:00.000Z');
    await Flex.Actions.invokeAction('AcceptTask', { task: chatTask() });
    await Flex.Actions.invokeAction('AcceptTask', { task: chatTask() });
    expect(suggestedNotices()).toEqual([NOTICE]);
    expect(Flex.Notifications.registeredNotifications.get('VideoEscalation_VideoSuggested')?.type).toBe(Flex.NotificationType.information);
  });

  it('asks nothing for a task without a conversation (a voice call)', async () => {
    const { requests } = setup();
    await Flex.Actions.invokeAction('AcceptTask', { task: { ...chatTask(), attributes: { call_sid: 'CA1' } } });
    expect(requests).toEqual([]);
  });
});

describe('completing a chat task', () => {
  it('writes the ticket’s video facts to the task for Insights, then resolves the ticket with the wrap-up’s outcome', async () => {
    const { requests } = setup();
    const task = chatTask({ conversations: { outcome: 'Fixed', media: [{ conversation_sid: 'CH1' }] } });
    await Flex.Actions.invokeAction('CompleteTask', { task });
    expect(flexRecord.ran).toEqual(['CompleteTask']);
    expect(requests.filter((r) => !to('/close-conversation')(r))).toEqual([
      { url: `${FUNCTIONS}/support-ticket`, body: { action: 'facts', conversationId: 'CH1', Token: TOKEN } },
      { url: `${FUNCTIONS}/resolve-ticket`, body: { conversationId: 'CH1', source: 'task_completed', disposition: 'Fixed', Token: TOKEN } },
    ]);
    expect(task.setAttributes).toHaveBeenCalledTimes(1);
    expect(task.attributes).toEqual({
      conversationSid: 'CH1',
      customerName: 'Jordan Lee',
      conversations: {
        outcome: 'Fixed',
        media: [{ conversation_sid: 'CH1' }],
        conversation_attribute_8: 'Yes',
        conversation_measure_9: 1,
        conversation_measure_10: 95,
        conversation_measure_7: 2,
        conversation_measure_6: 1,
        conversation_measure_5: 61,
        conversation_measure_4: 5,
      },
    });
  });

  it('resolves without a disposition when wrap-up gave no outcome, and writes no CSAT before the survey is answered', async () => {
    const { requests, state } = setup();
    state.facts = { ...FACTS, csat: null };
    const task = chatTask();
    await Flex.Actions.invokeAction('CompleteTask', { task });
    expect(requests.filter(to('/resolve-ticket')).map((r) => r.body)).toEqual([{ conversationId: 'CH1', source: 'task_completed', Token: TOKEN }]);
    expect(task.attributes.conversations).not.toHaveProperty('conversation_measure_4');
    expect(task.attributes.conversations).toHaveProperty('conversation_measure_9', 1);
  });

  it('writes nothing while the agent is still in the call (the completion is cancelled), and resolves nothing', async () => {
    const { requests } = setup();
    const task = chatTask();
    await Flex.Actions.invokeAction('EscalateToVideo', { task });
    task.setAttributes.mockClear();
    await expect(Flex.Actions.invokeAction('CompleteTask', { task })).rejects.toThrow('cancelled by before event');
    expect(requests.map((r) => r.url)).toEqual([`${FUNCTIONS}/escalate`]);
    expect(task.setAttributes).not.toHaveBeenCalled();
  });

  it('never fails the agent’s accept or completion when the Functions fail: it logs why', async () => {
    const { requests, state } = setup();
    state.failing = true;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const task = chatTask({ conversations: { outcome: 'Fixed' } });
    await expect(Flex.Actions.invokeAction('AcceptTask', { task })).resolves.toBeUndefined();
    await expect(Flex.Actions.invokeAction('CompleteTask', { task })).resolves.toBeUndefined();
    expect(flexRecord.ran).toEqual(['CompleteTask']);
    expect(requests.map((r) => [r.url.slice(FUNCTIONS.length), r.body.action ?? r.body.source])).toEqual([
      ['/support-ticket', 'joined'],
      ['/support-ticket', 'facts'],
      // Resolved before closed: the survey goes into a conversation still open.
      ['/resolve-ticket', 'task_completed'],
      ['/close-conversation', 'task_completed'],
    ]);
    expect(task.setAttributes).not.toHaveBeenCalled();
    expect(warn.mock.calls.map((c) => c[0])).toEqual(
      expect.arrayContaining([
        'video-escalation: could not note that the agent joined the ticket',
        'video-escalation: could not record the ticket’s video facts for Insights',
        'video-escalation: could not resolve the ticket',
      ]),
    );
    warn.mockRestore();
  });
});

describe('suggestions while the agent chats', () => {
  const say = (sid: string, attributes: Record<string, unknown> = {}) => manager.conversationsClient.emit('messageAdded', { conversation: { sid }, attributes });

  it('asks /support-ticket after a customer’s message in one of the agent’s conversations, and announces each new suggestion once', async () => {
    const { ctx, requests, state } = setup();
    await Flex.Actions.invokeAction('AcceptTask', { task: chatTask() });
    requests.length = 0;
    jest.useFakeTimers();
    say('CH1');
    say('CH1'); // a burst is asked about once
    say('CH-not-mine');
    expect(requests).toEqual([]); // the webhook is given time to read the message first
    state.suggestion = suggestion('2026-11-21T09:00:00.000Z');
    await act(() => jest.advanceTimersByTimeAsync(SUGGESTION_SETTLE_MS));
    expect(requests).toEqual([{ url: `${FUNCTIONS}/support-ticket`, body: { action: 'suggestion', conversationId: 'CH1', Token: TOKEN } }]);
    expect(suggestedNotices()).toEqual([NOTICE]);
    expect([ctx.ticks.count('CH1'), ctx.ticks.count('CH-not-mine')]).toEqual([1, 0]);

    say('CH1'); // the same suggestion still waiting: not announced again
    await act(() => jest.advanceTimersByTimeAsync(SUGGESTION_SETTLE_MS));
    expect(suggestedNotices()).toHaveLength(1);
    state.suggestion = suggestion('2026-11-21T09:05:00.000Z');
    say('CH1');
    await act(() => jest.advanceTimersByTimeAsync(SUGGESTION_SETTLE_MS));
    expect(suggestedNotices()).toEqual([NOTICE, NOTICE]);
  });

  it('moves the tick on the product’s own messages without asking for a suggestion, unless a chat message came with them', async () => {
    const { ctx, requests } = setup();
    await Flex.Actions.invokeAction('AcceptTask', { task: chatTask() });
    requests.length = 0;
    jest.useFakeTimers();
    say('CH1', { type: 'video-escalation-link' });
    await act(() => jest.advanceTimersByTimeAsync(SUGGESTION_SETTLE_MS));
    expect(ctx.ticks.count('CH1')).toBe(1);
    expect(requests).toEqual([]);
    // A chat message in the same burst as one of the product’s own is still asked about.
    say('CH1', { type: 'video-recording', kind: 'clip', authorRole: 'agent' });
    say('CH1');
    await act(() => jest.advanceTimersByTimeAsync(SUGGESTION_SETTLE_MS));
    expect(ctx.ticks.count('CH1')).toBe(2);
    expect(requests.map((r) => r.body.action)).toEqual(['suggestion']);
  });
});

describe('the Video tab’s suggestion', () => {
  const renderTab = (task: unknown) => render(<FlexContent manager={manager} name="TaskCanvasTabs" props={{ task }} />);

  it('shows the waiting suggestion above the call panel and sends the clip request with the agent’s words', async () => {
    const { requests, state } = setup();
    state.suggestion = suggestion('2026-11-21T09:00:00.000Z');
    renderTab(chatTask());
    await screen.findByTestId('video-suggestion');
    expect(screen.getByTestId('video-tab-empty')).toBeTruthy();
    fireEvent.change(screen.getByTestId('video-suggestion-message'), { target: { value: 'Could you show me the error on video?' } });
    fireEvent.click(screen.getByTestId('video-suggestion-send'));
    await waitFor(() => expect(screen.queryByTestId('video-suggestion')).toBeNull());
    expect(requests.filter(to('/offer-clip'))).toEqual([
      { url: `${FUNCTIONS}/offer-clip`, body: { conversationId: 'CH1', viaSuggestion: true, message: 'Could you show me the error on video?', Token: TOKEN } },
    ]);
  });

  it('starts the call through the suggestion, with the call’s invitation', async () => {
    const { requests, state } = setup();
    state.suggestion = suggestion('2026-11-21T09:00:00.000Z');
    renderTab(chatTask());
    await screen.findByTestId('video-suggestion');
    fireEvent.click(screen.getByLabelText(/A live video call/));
    fireEvent.click(screen.getByTestId('video-suggestion-send'));
    await screen.findByTestId('video-panel');
    expect(screen.queryByTestId('video-suggestion')).toBeNull();
    expect(requests.filter(to('/escalate'))).toEqual([
      { url: `${FUNCTIONS}/escalate`, body: { conversationId: 'CH1', viaSuggestion: true, message: 'Jordan, shall we switch to a video call?', Token: TOKEN } },
    ]);
  });

  it('dismisses it through /support-ticket, and asks again when the conversation moves', async () => {
    const { ctx, requests, state } = setup();
    state.suggestion = suggestion('2026-11-21T09:00:00.000Z');
    renderTab(chatTask());
    await screen.findByTestId('video-suggestion');
    fireEvent.click(screen.getByTestId('video-suggestion-dismiss'));
    await waitFor(() => expect(screen.queryByTestId('video-suggestion')).toBeNull());
    expect(requests.filter(to('/support-ticket')).map((r) => r.body)).toEqual([
      { action: 'joined', conversationId: 'CH1', timeZone: ZONE, Token: TOKEN },
      { action: 'dismiss', conversationId: 'CH1', Token: TOKEN },
    ]);
    state.suggestion = suggestion('2026-11-21T09:10:00.000Z');
    act(() => ctx.ticks.bump('CH1'));
    await screen.findByTestId('video-suggestion');
    expect(requests.filter(to('/support-ticket')).at(-1)?.body).toEqual({ action: 'suggestion', conversationId: 'CH1', Token: TOKEN });
  });
});
