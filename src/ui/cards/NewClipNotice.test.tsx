import { render, screen } from '@testing-library/react';
import React from 'react';
import type { ConversationMessage } from '../../domain/conversation';
import { NewClipNotice } from './NewClipNotice';

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
});
