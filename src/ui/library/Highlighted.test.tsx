import { render } from '@testing-library/react';
import React from 'react';
import { Highlighted, highlightParts } from './Highlighted';

describe('highlightParts', () => {
  it('splits a line at the matched ranges', () => {
    expect(highlightParts('my router blinks red', [[3, 9], [17, 20]])).toEqual([
      { text: 'my ', match: false },
      { text: 'router', match: true },
      { text: ' blinks ', match: false },
      { text: 'red', match: true },
    ]);
  });

  it('survives unsorted, overlapping, empty and out-of-bounds ranges', () => {
    expect(highlightParts('abcdef', [[4, 99], [1, 3], [2, 5], [0, 0], [-5, -1]])).toEqual([
      { text: 'a', match: false },
      { text: 'bc', match: true },
      { text: 'de', match: true },
      { text: 'f', match: true },
    ]);
    expect(highlightParts('plain', [])).toEqual([{ text: 'plain', match: false }]);
  });
});

it('marks the matched words with <mark>', () => {
  const { container } = render(<Highlighted text="the router is off" ranges={[[4, 10]]} />);
  expect(container.textContent).toBe('the router is off');
  expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['router']);
});
