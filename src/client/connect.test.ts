// The Janus client is replaced: this test is about choosing the client, not about Janus.
jest.mock('./janus/janus-video-client', () => ({ JanusVideoClient: class FakeJanusVideoClient {} }), { virtual: true });

import type { MediaAccess } from '../domain/escalation';
import { videoClientFor } from './connect';

const access = (provider: string): MediaAccess =>
  ({ provider, roomName: 'esc-1', roomSid: '1', identity: 'a', displayName: 'A', role: 'agent', token: 't', expiresAt: '' }) as MediaAccess;

describe('videoClientFor', () => {
  it('gives the Janus client for janus access', () => {
    expect(videoClientFor(access('janus')).constructor.name).toBe('FakeJanusVideoClient');
  });

  it('refuses twilio clearly until that client exists', () => {
    expect(() => videoClientFor(access('twilio'))).toThrow(/Twilio Video is not available/);
  });

  it('refuses unknown providers', () => {
    expect(() => videoClientFor(access('zoom'))).toThrow('Unknown video provider: zoom');
  });
});
