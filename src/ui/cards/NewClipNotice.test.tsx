import { act, fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import React from 'react';
import type { ConversationMessage } from '../../domain/conversation';
import { NEW_CLIP_NOTICE_MS, NewClipNotice } from './NewClipNotice';

const clip = (id: string, createdAt: string, authorRole = 'customer'): ConversationMessage => ({
  id,
  conversationId: 'CH1',
  author: 'Customer',
  body: 'Video clip from Customer · 0:12 · processing',
  attributes: { type: 'video-recording', kind: 'clip', authorRole, authorName: 'Customer' },
  createdAt,
});

describe('NewClipNotice', () => {
  it('announces a customer clip that arrives while the agent looks, not older ones or the agent’s own', () => {
    const before = new Date(Date.now() - 60_000).toISOString();
    const { rerender } = render(<NewClipNotice messages={[clip('IM1', before)]} />);
    const notice = screen.getByTestId('new-clip-notice');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toBe('');
    rerender(<NewClipNotice messages={[clip('IM1', before), clip('IM2', new Date(Date.now() + 1000).toISOString(), 'agent')]} />);
    expect(notice.textContent).toBe('');
    rerender(<NewClipNotice messages={[clip('IM1', before), clip('IM3', new Date(Date.now() + 1000).toISOString())]} />);
    expect(notice.textContent).toMatch(/^New video clip from Customer/);
  });

  it('tells the customer about the agent’s reply clip', () => {
    const { rerender } = render(<NewClipNotice messages={[]} from="agent" />);
    rerender(<NewClipNotice messages={[clip('IM4', new Date(Date.now() + 1000).toISOString(), 'agent')]} from="agent" />);
    expect(screen.getByTestId('new-clip-notice').textContent).toMatch(/^New video clip from Customer/);
  });

  it('can be dismissed with its close button, which keeps focus on the page; the next clip brings a new notice', () => {
    const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
    const { rerender } = render(<NewClipNotice messages={[]} />);
    rerender(<NewClipNotice messages={[clip('IM5', soon(1000))]} />);
    const close = screen.getByRole('button', { name: 'Dismiss the new clip notice' });
    close.focus();
    expect(document.activeElement).toBe(close);
    fireEvent.click(close);
    expect(screen.getByTestId('new-clip-notice').textContent).toBe('');
    expect(screen.queryByRole('button', { name: 'Dismiss the new clip notice' })).toBeNull();
    expect(document.activeElement).not.toBe(document.body);
    rerender(<NewClipNotice messages={[clip('IM5', soon(1000)), clip('IM6', soon(2000))]} />);
    expect(screen.getByTestId('new-clip-notice').textContent).toMatch(/^New video clip from Customer/);
  });

  it('goes away by itself after its time, and a later clip starts its own time', () => {
    jest.useFakeTimers();
    try {
      const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
      const { rerender } = render(<NewClipNotice messages={[]} />);
      rerender(<NewClipNotice messages={[clip('IM7', soon(1000))]} />);
      const notice = screen.getByTestId('new-clip-notice');
      act(() => void jest.advanceTimersByTime(NEW_CLIP_NOTICE_MS - 1));
      expect(notice.textContent).toMatch(/^New video clip/);
      act(() => void jest.advanceTimersByTime(1));
      expect(notice.textContent).toBe('');
      rerender(<NewClipNotice messages={[clip('IM7', soon(1000)), clip('IM8', soon(2000))]} expireAfterMs={5000} />);
      expect(notice.textContent).toMatch(/^New video clip/);
      act(() => void jest.advanceTimersByTime(5000));
      expect(notice.textContent).toBe('');
    } finally {
      jest.useRealTimers();
    }
  });

  it('sits in the flow above the chat: its styles never position it over the messages', () => {
    const css = readFileSync(join(__dirname, '..', 'ui.css'), 'utf8');
    const rules = css.match(/\.vx-notice[^{]*\{[^}]*\}/g) ?? [];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule).not.toMatch(/position\s*:\s*(fixed|absolute|sticky)/);
  });
});
