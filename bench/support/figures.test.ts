import { figureLine, median } from './figures';

describe('bench figures', () => {
  it('takes the median of odd and even sample counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('prints the line the harness reads', () => {
    expect(figureLine('join_ratio', 1.47612, 'ratio')).toBe('figure: join_ratio 1.476 ratio');
    expect(figureLine('agent_connected_ms', 63.46, 'ms')).toBe('figure: agent_connected_ms 63.5 ms');
  });
});
