import { LinkSampler, qualityLevel } from './network-quality';

const report = (stats: Array<Record<string, unknown>>): RTCStatsReport => new Map(stats.map((s) => [s.id as string, s])) as unknown as RTCStatsReport;

test('levels follow loss and RTT, the worse of the two wins', () => {
  expect(qualityLevel({ lossRatio: 0, rttSeconds: 0.01 })).toBe(5);
  expect(qualityLevel({ lossRatio: 0.03, rttSeconds: 0.01 })).toBe(4);
  expect(qualityLevel({ lossRatio: 0, rttSeconds: 0.6 })).toBe(2);
  expect(qualityLevel({ lossRatio: 0.5, rttSeconds: null })).toBe(1);
});

test('sampler uses deltas of inbound counters between reports', () => {
  const s = new LinkSampler();
  s.sample([report([{ id: 'a', type: 'inbound-rtp', packetsReceived: 1000, packetsLost: 500 }])]);
  const second = s.sample([report([{ id: 'a', type: 'inbound-rtp', packetsReceived: 1090, packetsLost: 510 }])]);
  expect(second.lossRatio).toBeCloseTo(0.1);
  const third = s.sample([report([{ id: 'b', type: 'remote-inbound-rtp', roundTripTime: 0.2, fractionLost: 0.01 }])]);
  expect(third).toEqual({ lossRatio: 0.01, rttSeconds: 0.2 });
});
