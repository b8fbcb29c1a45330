import '../test-support/media-env';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import React from 'react';
import type { ConversationMessage } from '../../domain/conversation';
import { linkStates, nextExpiryIn } from './link-state';
import { LinkCard } from './LinkCard';
import { isCardMessage, MessageCard } from './MessageCard';

const now = new Date('2026-01-01T10:00:00Z');
const later = '2026-01-01T12:00:00Z';
const msg = (id: string, attributes: Record<string, unknown>): ConversationMessage => ({
  id,
  conversationId: 'CH1',
  author: 'Alex',
  body: `body ${id}`,
  attributes,
  createdAt: now.toISOString(),
});
const link = (id: string, escalationId: string, expiresAt = later) =>
  msg(id, { type: 'video-escalation-link', escalationId, url: `http://127.0.0.1:3000/join.html#t=${id}`, expiresAt, recording: true });
const recording = (access?: string) =>
  msg('r', {
    type: 'video-recording',
    escalationId: 'e1',
    mediaUrl: '/media/r.mp4',
    captionsUrl: '/media/r.vtt',
    durationSeconds: 75,
    transcript: { segments: [{ speaker: 'Alex', role: 'agent', start: 0, end: 2, text: 'Hi there' }] },
    ...(access ? { customerAccess: access } : {}),
  });

describe('linkStates', () => {
  it('reads each invitation’s state from the chat: live, ended, replaced, expired', () => {
    const messages = [
      link('a', 'e1'),
      msg('end', { type: 'video-escalation-ended', escalationId: 'e1' }),
      link('b', 'e2'),
      link('c', 'e3'),
      link('d', 'e4', '2026-01-01T09:59:00Z'),
      link('e', 'e5'),
    ];
    expect(Object.fromEntries(linkStates(messages, now))).toEqual({ a: 'ended', b: 'replaced', c: 'replaced', d: 'replaced', e: 'live' });
    expect(Object.fromEntries(linkStates([link('d', 'e4', '2026-01-01T09:59:00Z')], now))).toEqual({ d: 'expired' });
    // A fresh link for the same call (the first expired) replaces the old one; a recording also means that call is over.
    expect(Object.fromEntries(linkStates([link('a', 'e1'), link('a2', 'e1')], now))).toEqual({ a: 'replaced', a2: 'live' });
    expect(Object.fromEntries(linkStates([link('a', 'e1'), link('a2', 'e1'), recording()], now))).toEqual({ a: 'ended', a2: 'ended' });
    expect(Object.fromEntries(linkStates([link('a', 'e1'), msg('x', { type: 'video-recording' })], now))).toEqual({ a: 'live' });
  });

  it('reads each clip request’s state: fulfilled by the clip it asked for, replaced by a newer request, expired', () => {
    const request = (id: string, clipId: string, expiresAt = later) =>
      msg(id, { type: 'video-clip-request', clipId, url: `http://127.0.0.1:3000/record.html#t=${id}`, expiresAt });
    const clip = (clipId: string) => msg(`clip-${clipId}`, { type: 'video-recording', kind: 'clip', clipId });
    const messages = [request('q1', 'k1'), clip('k1'), request('q2', 'k2'), request('q3', 'k3', '2026-01-01T09:59:00Z')];
    expect(Object.fromEntries(linkStates(messages, now))).toEqual({ q1: 'fulfilled', q2: 'replaced', q3: 'expired' });
    // A clip sent under another request (the agent's reply) fulfils nothing here.
    expect(Object.fromEntries(linkStates([request('q1', 'k1'), clip('reply')], now))).toEqual({ q1: 'live' });
  });

  it('shows a clip request’s state and offers the recorder only while it is live', () => {
    const request = msg('q1', { type: 'video-clip-request', clipId: 'k1', url: 'http://127.0.0.1:3000/record.html#t=q1', expiresAt: later });
    const { rerender } = render(<MessageCard message={request} viewer="customer" linkState="live" />);
    expect(screen.getByTestId('record-link').getAttribute('href')).toBe('http://127.0.0.1:3000/record.html#t=q1');
    rerender(<MessageCard message={request} viewer="customer" linkState="fulfilled" />);
    expect(screen.queryByTestId('record-link')).toBeNull();
    expect(screen.getByTestId('clip-request-card').textContent).toMatch(/Video sent, thank you/);
    rerender(<MessageCard message={request} viewer="customer" linkState="replaced" />);
    expect(screen.queryByTestId('record-link')).toBeNull();
    expect(screen.getByTestId('clip-request-card').textContent).toMatch(/newer request replaced this one/);
    rerender(<MessageCard message={request} viewer="agent" linkState="fulfilled" />);
    expect(screen.getByTestId('clip-request-card').textContent).toMatch(/Video clip received from the customer/);
  });

  it('says when the next live invitation expires, so the card can turn on time', () => {
    const messages = [link('a', 'e1', '2026-01-01T10:05:00Z')];
    expect(nextExpiryIn(messages, linkStates(messages, now), now)).toBe(5 * 60_000);
    expect(nextExpiryIn([], new Map(), now)).toBeNull();
  });
});

describe('LinkCard', () => {
  it('gives the customer the way in, and the agent a copy of the link, only while live', () => {
    const { rerender } = render(<LinkCard message={link('a', 'e1')} viewer="customer" state="live" />);
    expect(screen.getByTestId('join-link').getAttribute('href')).toBe('http://127.0.0.1:3000/join.html#t=a');
    expect(screen.getByText(/Link valid until/)).toBeTruthy();
    rerender(<LinkCard message={link('a', 'e1')} viewer="agent" state="live" />);
    expect(screen.getByTestId('copy-link-button')).toBeTruthy();
    expect(screen.queryByTestId('join-link')).toBeNull();
  });

  it.each([
    ['ended', /has ended/],
    ['expired', /expired/],
    ['replaced', /newer invitation replaced/],
  ] as const)('shows an %s invitation as such, with no way in', (state, text) => {
    render(<LinkCard message={link('a', 'e1')} viewer="customer" state={state} />);
    expect(screen.queryByTestId('join-link')).toBeNull();
    expect(screen.queryByText(/valid until/)).toBeNull();
    expect(screen.getByTestId('link-state').textContent).toMatch(text);
    expect(screen.getByTestId('link-card').getAttribute('data-state')).toBe(state);
  });

  it('offers the agent a fresh link once the old one expired, and says when sending fails', async () => {
    const onResend = jest.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(undefined);
    render(<LinkCard message={link('a', 'e1')} viewer="agent" state="expired" onResend={onResend} />);
    fireEvent.click(screen.getByTestId('resend-link-button'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not send a new link/);
    fireEvent.click(screen.getByTestId('resend-link-button'));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(onResend).toHaveBeenCalledTimes(2);
  });

  it('takes Copy link away from the agent once the link is revoked', () => {
    render(<LinkCard message={link('a', 'e1')} viewer="agent" state="ended" />);
    expect(screen.queryByTestId('copy-link-button')).toBeNull();
    expect(screen.getByTestId('link-state').textContent).toBe('This video call has ended.');
  });
});

describe('RecordingCard', () => {
  it('plays for the agent whatever the customer policy', () => {
    render(<MessageCard message={recording('none')} viewer="agent" linkState="live" />);
    expect(screen.getByTestId('recording-video').getAttribute('src')).toBe('/media/r.mp4');
    expect(screen.getByText('Video call recording (1:15)')).toBeTruthy();
  });

  it('plays for the customer when the policy gives them the video (the default)', () => {
    render(<MessageCard message={recording()} viewer="customer" linkState="live" />);
    expect(screen.getByTestId('recording-video')).toBeTruthy();
    expect(screen.getByTestId('recording-card').getAttribute('data-access')).toBe('video');
  });

  it('never shows the customer a player that cannot play: the transcript, or a note', () => {
    const { rerender } = render(<MessageCard message={recording('transcript')} viewer="customer" linkState="live" />);
    expect(screen.queryByTestId('recording-video')).toBeNull();
    expect(screen.getByTestId('transcript-line').textContent).toContain('Hi there');
    rerender(<MessageCard message={recording('none')} viewer="customer" linkState="live" />);
    expect(screen.queryByTestId('recording-video')).toBeNull();
    expect(screen.queryByTestId('transcript')).toBeNull();
    expect(screen.getByTestId('recording-policy-note').textContent).toMatch(/stay with the support team/);
  });

  it('shows the video while the transcript is on its way, then the transcript when the same message is updated', () => {
    const pending = msg('r', {
      type: 'video-recording',
      escalationId: 'e1',
      mediaUrl: '/media/r.mp4',
      durationSeconds: 75,
      transcriptStatus: 'pending',
    });
    const { container, rerender } = render(<MessageCard message={pending} viewer="agent" linkState="live" />);
    expect(screen.getByTestId('recording-video').getAttribute('src')).toBe('/media/r.mp4');
    expect(screen.getByTestId('transcript-status').textContent).toBe('The transcript is on its way.');
    expect(container.querySelector('track')).toBeNull(); // no captions yet: no empty track
    expect(screen.queryByText('No transcript for this recording.')).toBeNull();

    rerender(<MessageCard message={{ ...recording(), attributes: { ...recording().attributes, transcriptStatus: 'ready' } }} viewer="agent" linkState="live" />);
    expect(screen.queryByTestId('transcript-status')).toBeNull();
    expect(screen.getByTestId('transcript-line').textContent).toContain('Hi there');
    expect(container.querySelector('track')?.getAttribute('src')).toBe('/media/r.vtt');
  });

  it('keeps the video and says so when the transcript could not be made, for the agent and the transcript-only customer', () => {
    const unavailable = (customerAccess: string) =>
      msg('r', { type: 'video-recording', escalationId: 'e1', mediaUrl: '/media/r.mp4', durationSeconds: 75, transcriptStatus: 'unavailable', customerAccess });
    const { rerender } = render(<MessageCard message={unavailable('none')} viewer="agent" linkState="live" />);
    expect(screen.getByTestId('recording-video')).toBeTruthy();
    expect(screen.getByTestId('transcript-status').getAttribute('data-status')).toBe('unavailable');
    expect(screen.getByTestId('transcript-status').textContent).toBe('The transcript could not be made for this recording.');
    rerender(<MessageCard message={unavailable('transcript')} viewer="customer" linkState="live" />);
    expect(screen.queryByTestId('recording-video')).toBeNull();
    expect(screen.getByTestId('transcript-status').textContent).toMatch(/could not be made/);
    expect(screen.queryByText('No speech was transcribed.')).toBeNull();
  });

  it('knows which messages are cards', () => {
    expect(isCardMessage(recording().attributes)).toBe(true);
    expect(isCardMessage(link('a', 'e1').attributes)).toBe(true);
    expect(isCardMessage({ type: 'video-escalation-ended' })).toBe(false);
    expect(isCardMessage(undefined)).toBe(false);
  });
});
