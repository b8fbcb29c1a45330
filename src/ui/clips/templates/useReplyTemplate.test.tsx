import { fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import type { ClipRequest } from '../../../api/contract';
import type { ClipEndpoint } from '../../api/clip-api';
import { useReplyTemplate } from './useReplyTemplate';

describe('useReplyTemplate', () => {
  it('shows the checklist only once a template is chosen, and sends the choice with start', async () => {
    const sent: ClipRequest[] = [];
    const endpoint: ClipEndpoint = async (body) => {
      sent.push(body as ClipRequest);
      return { clip: {} } as Awaited<ReturnType<ClipEndpoint>>;
    };
    let start: ClipEndpoint = endpoint;
    function Host() {
      const reply = useReplyTemplate('Jordan');
      start = reply.withTemplate(endpoint);
      return (
        <>
          {reply.picker}
          <div data-testid="beside-recording">{reply.checklist(20)}</div>
        </>
      );
    }
    render(<Host />);
    expect(screen.queryByTestId('template-checklist')).toBeNull();
    fireEvent.click(screen.getByTestId('template-option-troubleshooting'));
    expect(screen.getByTestId('template-checklist').getAttribute('data-template')).toBe('troubleshooting');
    expect(screen.getByTestId('template-opening-line').textContent).toMatch(/^Hi Jordan, /);
    await start({ action: 'start', conversationId: 'CH1', mode: 'screen', consent: true, noticeVersion: 'v1' });
    expect(sent[0].template).toBe('troubleshooting');
  });
});
