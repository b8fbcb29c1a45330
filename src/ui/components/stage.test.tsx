import { FakeRemoteParticipant } from '../test-support/fake-room';
import { fakeMediaStreamTrack } from '../../client/test-support/fake-media-stream-track';
import { pickStage } from './stage';

function participant(id: string, sources: ('camera' | 'screen' | 'microphone')[]): FakeRemoteParticipant {
  const p = new FakeRemoteParticipant(id, id);
  p.tracks = sources.map((source) => {
    const kind = source === 'microphone' ? 'audio' : 'video';
    return { sid: `${id}:${source}`, kind, source, mediaStreamTrack: fakeMediaStreamTrack(kind, { id: `${id}-${source}` }) };
  });
  return p;
}

describe('pickStage', () => {
  it('is empty with nobody there', () => {
    expect(pickStage([])).toEqual({ remote: null, camera: null, screen: null, audio: [] });
  });

  it('puts the camera on stage and plays the microphone', () => {
    const s = pickStage([participant('customer:1', ['camera', 'microphone'])]);
    expect(s.camera?.id).toBe('customer:1-camera');
    expect(s.screen).toBeNull();
    expect(s.audio.map((a) => a.track.id)).toEqual(['customer:1-microphone']);
  });

  it('separates screen and camera so the screen can be shown large', () => {
    const s = pickStage([participant('customer:1', ['camera', 'screen'])]);
    expect(s.screen?.id).toBe('customer:1-screen');
    expect(s.camera?.id).toBe('customer:1-camera');
  });

  it('prefers a participant with video and still plays everyone’s audio', () => {
    const s = pickStage([participant('supervisor:s', ['microphone']), participant('customer:1', ['camera', 'microphone'])]);
    expect(s.remote?.identity).toBe('customer:1');
    expect(s.audio).toHaveLength(2);
  });
});
