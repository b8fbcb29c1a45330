import { fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import { FirstTakeGuide } from './FirstTakeGuide';
import { GUIDE_DISMISSED_KEY, guideWasDismissed, rememberGuideDismissed, type GuideStorage } from './guide-memory';

function memoryStorage(): GuideStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

const refusingStorage: GuideStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

const toggle = () => screen.getByTestId('clip-guide-toggle');

describe('FirstTakeGuide', () => {
  it('opens on a first visit: three steps, each with a picture and words, and what it holds', () => {
    render(
      <FirstTakeGuide storage={memoryStorage()}>
        <p>practice</p>
      </FirstTakeGuide>,
    );
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    const steps = screen.getAllByTestId('clip-guide-step');
    expect(steps.map((s) => s.querySelector('strong')?.textContent)).toEqual(['Choose what to show', 'Tick the box, press Record', 'Watch it, then Send']);
    for (const s of steps) expect(s.querySelector('svg[aria-hidden="true"]')).toBeTruthy();
    expect(screen.getByText('practice')).toBeTruthy();
    expect(screen.getByRole('region', { name: /How to record/ })).toBeTruthy();
  });

  it('once put away stays folded on this browser, and opens again on request', () => {
    const storage = memoryStorage();
    const first = render(<FirstTakeGuide storage={storage} />);
    fireEvent.click(screen.getByTestId('clip-guide-dismiss'));
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(storage.items.get(GUIDE_DISMISSED_KEY)).toBe('1');
    first.unmount();

    render(<FirstTakeGuide storage={storage} />);
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(screen.getAllByTestId('clip-guide-step')[0].closest('[hidden]')).toBeTruthy(); // out of sight and of the accessibility tree
    expect(screen.queryByTestId('clip-guide-dismiss')?.closest('[hidden]')).toBeTruthy();
    fireEvent.click(toggle());
    expect(screen.getAllByTestId('clip-guide-step')[0].closest('[hidden]')).toBeNull();
    expect(storage.items.has(GUIDE_DISMISSED_KEY)).toBe(false);
  });

  it('works without storage, or with storage that refuses: shown each visit, no error', () => {
    expect(guideWasDismissed(refusingStorage)).toBe(false);
    expect(() => rememberGuideDismissed(refusingStorage, true)).not.toThrow();
    render(<FirstTakeGuide storage={refusingStorage} />);
    fireEvent.click(screen.getByTestId('clip-guide-dismiss'));
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(guideWasDismissed(null)).toBe(false);
  });
});
