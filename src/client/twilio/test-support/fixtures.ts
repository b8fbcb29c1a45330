import type { MediaAccess } from '../../../domain/escalation';
import type { LocalMedia } from '../../video-client';
import { TwilioVideoClient } from '../twilio-video-client';
import type { TwilioVideoRoom } from '../twilio-room';
import { fakeMediaStreamTrack } from '../../test-support/fake-media-stream-track';
import { createTwilioVideoMock, FakeCaptureDevices, type TwilioVideoMock } from './twilio-video';

export function twilioAccess(overrides: Partial<MediaAccess> = {}): MediaAccess {
  return {
    provider: 'twilio',
    roomName: 'esc-42',
    roomSid: 'RM0000000000000000000000000000042',
    identity: 'agent:alex',
    displayName: 'Alex',
    role: 'agent',
    token: 'eyJ.twilio.jwt',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    ...overrides,
  };
}

export interface Connected {
  mock: TwilioVideoMock;
  devices: FakeCaptureDevices;
  local: Required<LocalMedia>;
  room: TwilioVideoRoom;
  /** Every event the room emitted, as `name` or `name:detail`. */
  log: string[];
}

/** Connects a TwilioVideoClient to the mock with a camera and a microphone (track names `<source>-p1`), recording every event. */
export async function connectToMock(setup: Partial<Pick<TwilioVideoMock, 'beforeConnect'>> = {}): Promise<Connected> {
  const mock = createTwilioVideoMock('agent:alex');
  mock.beforeConnect = setup.beforeConnect ?? null;
  const devices = new FakeCaptureDevices();
  const local = { audio: fakeMediaStreamTrack('audio'), video: fakeMediaStreamTrack('video', { deviceId: 'cam-1' }) };
  const client = new TwilioVideoClient({ video: mock.video, devices: () => devices, trackNameSuffix: () => 'p1' });
  const room = await client.connect(twilioAccess(), local);
  const log: string[] = [];
  room.on('participantConnected', (p) => log.push(`+${p.identity}`));
  room.on('participantDisconnected', (p) => log.push(`-${p.identity}`));
  room.on('trackSubscribed', (t) => log.push(`+${t.sid}`));
  room.on('trackUnsubscribed', (t) => log.push(`-${t.sid}`));
  room.on('reconnecting', () => log.push('reconnecting'));
  room.on('reconnected', () => log.push('reconnected'));
  room.on('disconnected', (reason) => log.push(`disconnected:${reason}`));
  room.on('networkQualityLevelChanged', (level) => log.push(`quality:${level}`));
  room.on('dominantSpeakerChanged', (p) => log.push(`speaker:${p?.identity ?? 'none'}`));
  room.on('localChanged', () => log.push('localChanged'));
  return { mock, devices, local, room, log };
}

/** Lets the room announce what was known at connect (it does so on the next turn). */
export const nextTurn = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
