import { fakeAccess, FakeVideoClient } from '../test-support/fake-room';
import { fakeMediaStreamTrack } from '../../client/test-support/fake-media-stream-track';
import { clipConnector } from './clip-connect';

describe('clipConnector', () => {
  it('publishes camera and voice, then the picked screen without asking the browser again', async () => {
    const client = new FakeVideoClient();
    const [audio, camera, screen] = [fakeMediaStreamTrack('audio', { id: 'mic' }), fakeMediaStreamTrack('video', { id: 'cam' }), fakeMediaStreamTrack('video', { id: 'screen' })];
    const room = await clipConnector(() => client)(fakeAccess({ roomName: 'clip-c1-1' }), { audio, camera, screen });
    expect(room.name).toBe('clip-c1-1');
    expect(client.connects[0].local).toEqual({ audio, video: camera });
    expect(client.rooms[0].localParticipant.calls).toEqual(['screen:start:screen']);
  });

  it('publishes no screen for a camera clip', async () => {
    const client = new FakeVideoClient();
    await clipConnector(() => client)(fakeAccess(), { audio: fakeMediaStreamTrack('audio'), camera: fakeMediaStreamTrack('video') });
    expect(client.rooms[0].localParticipant.calls).toEqual([]);
  });

  it('leaves the room again when the screen cannot be published', async () => {
    const client = new FakeVideoClient();
    const connect = clipConnector(() => ({
      connect: async (access, local) => {
        const room = await client.connect(access, local);
        (room as unknown as { localParticipant: { screenShareError: Error } }).localParticipant.screenShareError = new Error('Your screen could not be shared.');
        return room;
      },
    }));
    await expect(connect(fakeAccess(), { screen: fakeMediaStreamTrack('video') })).rejects.toThrow('Your screen could not be shared.');
    expect(client.rooms[0].disconnectCalls).toBe(1);
  });
});
