import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import React from 'react';
import type { CorrectLineRequest, CorrectLineResponse } from '../../api/transcript-corrections-contract';
import { ApiError } from '../../client/request-json';
import type { TranscriptCorrectionsApi } from './transcript-corrections-api';
import { editLineName, speakerOptions, TranscriptLineEditor } from './TranscriptLineEditor';

const segment = { speaker: 'Customer', role: 'customer', start: 12.4, end: 14, text: 'my rooter is broken' };

function setup(correct: (r: Omit<CorrectLineRequest, 'action'>) => Promise<CorrectLineResponse>) {
  const api: TranscriptCorrectionsApi = { correct: jest.fn(correct), markReviewed: jest.fn(), requireReview: jest.fn() };
  const onSaved = jest.fn();
  render(<TranscriptLineEditor api={api} recordingId="RE1" index={3} segment={segment} speakers={['Agent', 'Customer']} onSaved={onSaved} />);
  return { api, onSaved };
}

describe('TranscriptLineEditor', () => {
  it('names the line, edits text and speaker inline, and sends what the editor saw', async () => {
    const { api, onSaved } = setup(async (r) => ({ line: { line: 3, start: 12.4, end: 14, speaker: r.speaker, role: 'agent', text: r.text }, changed: true, redacted: false }));
    fireEvent.click(screen.getByRole('button', { name: 'Edit line at 0:12 by Customer' }));
    const text = screen.getByLabelText('What was said');
    expect(document.activeElement).toBe(text);
    fireEvent.change(text, { target: { value: 'my router is broken' } });
    fireEvent.change(screen.getByLabelText('Speaker'), { target: { value: 'Agent' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ speaker: 'Agent', text: 'my router is broken' })));
    expect(api.correct).toHaveBeenCalledWith({ recordingId: 'RE1', line: 3, expected: { start: 12.4, speaker: 'Customer', text: 'my rooter is broken' }, text: 'my router is broken', speaker: 'Agent' });
  });

  it('explains a stale edit in words and keeps the text typed', async () => {
    setup(async () => {
      throw new ApiError('line_changed', 'changed', 409);
    });
    fireEvent.click(screen.getByRole('button', { name: editLineName(segment) }));
    fireEvent.change(screen.getByLabelText('What was said'), { target: { value: 'my router' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else saved a change to this line');
    expect((screen.getByLabelText('What was said') as HTMLTextAreaElement).value).toBe('my router');
  });

  it('Escape cancels and gives focus back to the Edit button; an empty line is not sent', async () => {
    const { api } = setup(async () => {
      throw new Error('not called');
    });
    fireEvent.click(screen.getByRole('button', { name: editLineName(segment) }));
    fireEvent.change(screen.getByLabelText('What was said'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Write what was said on this line.');
    expect(api.correct).not.toHaveBeenCalled();
    fireEvent.keyDown(screen.getByLabelText('What was said'), { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: editLineName(segment) })));
  });

  it('offers every speaker of the transcript, then Agent and Customer', () => {
    expect(speakerOptions([{ speaker: 'Customer 2' }, { speaker: 'Agent' }])).toEqual(['Customer 2', 'Agent', 'Customer']);
  });
});
