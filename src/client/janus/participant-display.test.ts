import { decodeDisplay, encodeDisplay } from './participant-display';

test('round-trips identity, name, role and source', () => {
  const d = { identity: 'customer:42', displayName: 'Ana "A" Ruiz', role: 'customer' as const, source: 'screen' as const };
  expect(decodeDisplay(encodeDisplay(d), 7)).toEqual(d);
});

test('foreign or broken display falls back to an unknown camera feed', () => {
  expect(decodeDisplay('Bob', 9)).toEqual({ identity: 'feed:9', displayName: 'Bob', role: 'unknown', source: 'camera' });
  expect(decodeDisplay(undefined, 9).displayName).toBe('Participant 9');
  expect(decodeDisplay('{"i":"agent:a","r":"root"}', 1)).toMatchObject({ identity: 'agent:a', displayName: 'agent:a', role: 'unknown' });
});
