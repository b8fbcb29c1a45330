import type { ConnectOptions } from 'twilio-video';
import { roleOfIdentity, type MediaAccess } from '../../domain/escalation';
import type { LocalMedia, RemoteParticipant, VideoClient } from '../video-client';
import { connectOptions } from './connect-options';
import { TwilioLocalParticipantView, type CaptureDevices } from './local-participant';
import { defaultDisplayName } from './participant-identity';
import { newTrackNameSuffix, trackNamesFor } from './track-source';
import { toConnectError } from './twilio-errors';
import { TwilioVideoRoom } from './twilio-room';
import type { TwilioLocalTrack, TwilioVideoApi } from './twilio-video-api';

export interface TwilioVideoClientOptions {
  /** twilio-video itself in production; the EventEmitter double in tests. */
  video: TwilioVideoApi;
  /** Camera (camera back on) and screen capture; defaults to navigator.mediaDevices. */
  devices?: () => CaptureDevices;
  /** Overrides of the connect options (bandwidth profile, codecs, region...). */
  connectOptions?: Partial<ConnectOptions>;
  /** Label for a remote identity; defaults to its role ("Agent", "Customer", "Supervisor"). */
  displayNameOf?: (identity: string, role: RemoteParticipant['role']) => string;
  /** The suffix that makes this participant's track names unique; random by default. */
  trackNameSuffix?: () => string;
}

const browserDevices = (): CaptureDevices => navigator.mediaDevices;

/**
 * VideoClient for the Twilio back end: `access.token` is a Twilio AccessToken (VideoGrant for
 * `access.roomName`). The tracks the page already opened for the pre-join check are published as
 * they are, named `microphone-<suffix>` / `camera-<suffix>`: the prefix tells every subscriber what
 * it receives, the suffix (one per connection) keeps each participant's names its own.
 */
export class TwilioVideoClient implements VideoClient {
  constructor(private readonly options: TwilioVideoClientOptions) {}

  async connect(access: MediaAccess, local: LocalMedia): Promise<TwilioVideoRoom> {
    if (access.provider !== 'twilio') throw new Error('This access grant is not for Twilio Video.');
    const { video } = this.options;
    const names = trackNamesFor((this.options.trackNameSuffix ?? newTrackNameSuffix)());
    const microphone = local.audio ? new video.LocalAudioTrack(local.audio, { name: names.microphone }) : null;
    const camera = local.video ? new video.LocalVideoTrack(local.video, { name: names.camera }) : null;
    const tracks = [microphone, camera].filter((t): t is TwilioLocalTrack => !!t);
    let room;
    try {
      room = await video.connect(access.token, connectOptions(access.roomName, tracks, this.options.connectOptions));
    } catch (e) {
      throw toConnectError(e);
    }
    let view: TwilioVideoRoom | null = null;
    const localParticipant = new TwilioLocalParticipantView(
      access.identity,
      access.displayName,
      room.localParticipant,
      { microphone, camera },
      names,
      video.LocalVideoTrack,
      this.options.devices ?? browserDevices,
      () => view?.emitLocalChanged(),
    );
    const nameOf = this.options.displayNameOf ?? defaultDisplayName;
    view = new TwilioVideoRoom(room, localParticipant, (identity) => {
      const role = roleOfIdentity(identity);
      return { role, displayName: nameOf(identity, role) };
    });
    return view;
  }
}
