import { MessageTicks } from './message-ticks';

describe('MessageTicks', () => {
  it('counts per conversation and tells subscribers which one moved, until they stop', () => {
    const ticks = new MessageTicks();
    const seen: string[] = [];
    const stop = ticks.subscribe((sid) => seen.push(`${sid}:${ticks.count(sid)}`));
    ticks.bump('CH1');
    ticks.bump('CH1');
    ticks.bump('CH2');
    expect([ticks.count('CH1'), ticks.count('CH2'), ticks.count('CH3')]).toEqual([2, 1, 0]);
    expect(seen).toEqual(['CH1:1', 'CH1:2', 'CH2:1']);
    stop();
    ticks.bump('CH1');
    expect(seen).toHaveLength(3);
    expect(ticks.count('CH1')).toBe(3);
  });
});
