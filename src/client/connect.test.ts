// Both clients are replaced: this test is about choosing the client, not about Janus or Twilio.
jest.mock('./janus/janus-video-client', () => ({ JanusVideoClient: class FakeJanusVideoClient {} }));
const mockTwilioConnect = jest.fn(async () => 'twilio room');
jest.mock('./twilio/create-twilio-video-client', () => ({ createTwilioVideoClient: () => ({ connect: mockTwilioConnect }) }));

import type { MediaAccess } from '../domain/escalation';
import { videoClientFor } from './connect';

const access = (provider: string): MediaAccess =>
  ({ provider, roomName: 'esc-1', roomSid: '1', identity: 'a', displayName: 'A', role: 'agent', token: 't', expiresAt: '' }) as MediaAccess;

describe('videoClientFor', () => {
  beforeEach(() => mockTwilioConnect.mockClear());

  it('gives the Janus client for janus access', () => {
    expect(videoClientFor(access('janus')).constructor.name).toBe('FakeJanusVideoClient');
  });

  it('gives the Twilio Video client for twilio access (loaded when it connects)', async () => {
    const grant = access('twilio');
    const client = videoClientFor(grant);
    expect(client.constructor.name).not.toBe('FakeJanusVideoClient');
    const local = { audio: {} as MediaStreamTrack };
    await expect(client.connect(grant, local)).resolves.toBe('twilio room');
    expect(mockTwilioConnect).toHaveBeenCalledWith(grant, local);
  });

  it('refuses unknown providers', () => {
    expect(() => videoClientFor(access('zoom'))).toThrow('Unknown video provider: zoom');
  });

  // Last: it resets the module registry.
  it('says so plainly when twilio-video cannot be loaded', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.resetModules();
    jest.doMock('./twilio/create-twilio-video-client', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const fresh: typeof import('./connect') = await import('./connect');
    await expect(fresh.videoClientFor(access('twilio')).connect(access('twilio'), {})).rejects.toThrow('The video software did not load.');
    expect(error).toHaveBeenCalledWith('video: could not load twilio-video', expect.any(TypeError));
    error.mockRestore();
  });
});
