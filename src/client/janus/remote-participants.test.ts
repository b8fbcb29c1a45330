import { encodeDisplay } from './participant-display';
import { Roster } from './remote-participants';

const track = (kind: 'audio' | 'video'): MediaStreamTrack => ({ kind }) as MediaStreamTrack;

test('feeds of one identity make one participant with camera, microphone and screen tracks', () => {
  const log: string[] = [];
  const roster = new Roster({
    participantConnected: (p) => log.push(`+${p.identity}`),
    participantDisconnected: (p) => log.push(`-${p.identity}`),
    trackSubscribed: (t) => log.push(`+${t.sid}`),
    trackUnsubscribed: (t) => log.push(`-${t.sid}`),
  });
  const who = { identity: 'customer:1', displayName: 'C', role: 'customer' as const };
  roster.addFeed(10, encodeDisplay({ ...who, source: 'camera' }));
  roster.addFeed(11, encodeDisplay({ ...who, source: 'screen' }));
  roster.addTrack('0', 10, track('audio'));
  roster.addTrack('1', 10, track('video'));
  roster.addTrack('2', 11, track('video'));
  expect(roster.participants.get('customer:1')?.tracks.map((t) => t.sid)).toEqual(['customer:1:microphone', 'customer:1:camera', 'customer:1:screen']);

  roster.removeFeed(11);
  roster.syncMids(new Map([['0', 10]])); // mid 1 went inactive
  roster.removeFeed(10);
  expect(log).toEqual([
    '+customer:1',
    '+customer:1:microphone',
    '+customer:1:camera',
    '+customer:1:screen',
    '-customer:1:screen',
    '-customer:1:camera',
    '-customer:1:microphone',
    '-customer:1',
  ]);
  expect(roster.participants.size).toBe(0);
});
