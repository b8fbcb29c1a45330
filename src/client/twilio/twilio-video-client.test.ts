import { DEFAULT_BANDWIDTH_PROFILE } from './connect-options';
import { twilioAccess } from './test-support/fixtures';
import { fakeMediaStreamTrack } from '../test-support/fake-media-stream-track';
import { createTwilioVideoMock, LocalAudioTrack, LocalVideoTrack, twilioError } from './test-support/twilio-video';
import { TwilioConnectError } from './twilio-errors';
import { TwilioVideoClient } from './twilio-video-client';

const setup = () => {
  const mock = createTwilioVideoMock();
  return { mock, client: new TwilioVideoClient({ video: mock.video, devices: () => ({ getUserMedia: jest.fn(), getDisplayMedia: jest.fn() }) }) };
};

describe('TwilioVideoClient.connect', () => {
  it('connects with the access token to the granted room, with the bandwidth profile and quality reports', async () => {
    const { mock, client } = setup();
    const room = await client.connect(twilioAccess({ token: 'jwt-1', roomName: 'esc-7' }), {});
    expect(mock.connects).toHaveLength(1);
    const { token, options } = mock.connects[0];
    expect(token).toBe('jwt-1');
    expect(options).toMatchObject({
      name: 'esc-7',
      dominantSpeaker: true,
      networkQuality: { local: 1, remote: 1 },
      preferredVideoCodecs: 'auto',
      bandwidthProfile: DEFAULT_BANDWIDTH_PROFILE,
    });
    expect(options.bandwidthProfile?.video).toMatchObject({ mode: 'collaboration', clientTrackSwitchOffControl: 'manual', contentPreferencesMode: 'manual' });
    expect(room.name).toBe('esc-7');
    expect(room.state).toBe('connected');
  });

  it('publishes the tracks the page already opened, named so the source is recoverable', async () => {
    const { mock, client } = setup();
    const audio = fakeMediaStreamTrack('audio');
    const video = fakeMediaStreamTrack('video');
    const room = await client.connect(twilioAccess(), { audio, video });
    const tracks = mock.connects[0].options.tracks as unknown[];
    expect(tracks).toHaveLength(2);
    expect(tracks[0]).toBeInstanceOf(LocalAudioTrack);
    expect(tracks[1]).toBeInstanceOf(LocalVideoTrack);
    const [mic, cam] = tracks.map((t) => (t as LocalAudioTrack).name);
    expect(mic).toMatch(/^microphone-[0-9a-f]{12}$/);
    expect(cam).toBe(`camera-${mic.slice('microphone-'.length)}`); // one suffix per participant
    expect(tracks.map((t) => (t as LocalAudioTrack).mediaStreamTrack)).toEqual([audio, video]);
    expect(room.localParticipant).toMatchObject({ identity: 'agent:alex', displayName: 'Alex', audioEnabled: true, videoEnabled: true, screenSharing: false });
    expect(room.localParticipant.videoTrack).toBe(video);
  });

  it('gives every participant track names of its own, so a composition never selects another participant by name', async () => {
    const names: string[] = [];
    for (const identity of ['agent:alex', 'customer:c1', 'supervisor:sue']) {
      const { mock, client } = setup();
      await client.connect(twilioAccess({ identity }), { audio: fakeMediaStreamTrack('audio'), video: fakeMediaStreamTrack('video') });
      names.push(...(mock.connects[0].options.tracks as LocalAudioTrack[]).map((t) => t.name));
    }
    expect(new Set(names).size).toBe(6);
    expect(names.filter((n) => n.startsWith('microphone-'))).toHaveLength(3);
  });

  it('passes an empty track list (never lets twilio-video open devices) for a silent participant', async () => {
    const { mock, client } = setup();
    const room = await client.connect(twilioAccess({ role: 'supervisor', identity: 'supervisor:sam' }), {});
    expect(mock.connects[0].options).toMatchObject({ tracks: [], audio: false, video: false });
    expect(room.localParticipant).toMatchObject({ audioEnabled: false, videoEnabled: false, videoTrack: null });
  });

  it('applies option overrides', async () => {
    const mock = createTwilioVideoMock();
    const client = new TwilioVideoClient({ video: mock.video, connectOptions: { region: 'de1', preferredVideoCodecs: [{ codec: 'VP8', simulcast: true }] } });
    await client.connect(twilioAccess(), {});
    expect(mock.connects[0].options).toMatchObject({ region: 'de1', preferredVideoCodecs: [{ codec: 'VP8', simulcast: true }], dominantSpeaker: true });
  });

  it('refuses a grant for another provider without calling twilio-video', async () => {
    const { mock, client } = setup();
    await expect(client.connect(twilioAccess({ provider: 'janus' }), {})).rejects.toThrow('This access grant is not for Twilio Video.');
    expect(mock.connects).toHaveLength(0);
  });

  it.each([
    [20104, 'Your access to the call has expired.'],
    [53118, 'The call has already ended.'],
    [53000, 'Could not reach the video service.'],
  ])('a refusal with TwilioError %i rejects with a readable TwilioConnectError', async (code, message) => {
    const { mock, client } = setup();
    mock.connectError = twilioError(code);
    const audio = fakeMediaStreamTrack('audio');
    const err = await client.connect(twilioAccess(), { audio }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TwilioConnectError);
    expect(err).toMatchObject({ message, code });
    expect(audio.readyState).toBe('live'); // the caller's tracks are the caller's to stop
  });
});
