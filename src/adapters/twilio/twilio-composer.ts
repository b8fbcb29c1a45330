import { roleOfIdentity } from '../../domain/escalation';
import type { LeftOutTrack } from '../../domain/media';
import type { ComposeOptions, Composer, CompositionStatus, SpeechComposition, StartedCompositions } from '../../ports/composer';
import type { RecordingInstance } from 'twilio/lib/rest/video/v1/recording';
import type { RoomRef } from '../../ports/rooms';
import { GRID_LAYOUT, PIP_RESOLUTION, pictureInPictureLayout } from './composition-layouts';
import { isNotFound } from './rest-errors';
import type { TwilioClient } from './twilio-client';

export interface TwilioComposerOptions {
  client: TwilioClient;
  /** Absolute URL of the composition-status webhook; the room name rides in its (signed) query. */
  statusCallbackUrl: string;
  /** Grid video size (Twilio's default is 640x480). */
  resolution?: string;
}

/** `composition-status?roomName=…`: Twilio signs the whole URL, so the room name cannot be forged. */
export const compositionCallbackUrl = (base: string, roomName: string): string => {
  const url = new URL(base);
  url.searchParams.set('roomName', roomName);
  return url.toString();
};

/**
 * Twilio Compositions: one video of the whole room (a grid for a call, a picture-in-picture for a
 * clip), and one audio-only composition per participant for Voice Intelligence. Each reports by
 * status callback.
 * - A call: `trim: false` keeps every composition on the room's own timeline, so each speaker's
 *   transcript needs no offset.
 * - A clip: `trim: true` (Twilio's default) cuts "the intervals where there is no active media"
 *   (Compositions `Trim`, twilio-oai spec/json/twilio_video_v1.json), which is what a pause is: the
 *   recording rules excluded every track. The clip's one speaker is trimmed the same way, so the
 *   transcript stays on the trimmed video's timeline.
 */
export class TwilioComposer implements Composer {
  constructor(private readonly o: TwilioComposerOptions) {}

  private get video() {
    return this.o.client.video.v1;
  }

  async start(room: RoomRef, _recordingId: string, options: ComposeOptions = { layout: 'grid' }): Promise<StartedCompositions> {
    const all = await this.video.recordings.list({ groupingSid: [room.sid] });
    const participants = await this.video.rooms(room.sid).participants.list();
    const identityOf = new Map(participants.map((p) => [p.sid, p.identity]));
    const participantOf = (r: RecordingInstance) => String((r.groupingSids as Record<string, unknown>)?.participant_sid ?? '');
    // A track with no media (failed, deleted, or nothing captured) is left out and noted; the rest
    // of the room is still composed (one silent track must never cost the recording).
    const leftOut: LeftOutTrack[] = [];
    const recordings = all.filter((r) => {
      const reason = unusableRecording(r);
      if (reason && (r.type === 'audio' || r.type === 'video')) {
        leftOut.push({ participantIdentity: identityOf.get(participantOf(r)) ?? participantOf(r), kind: r.type, reason });
      }
      return !reason;
    });
    if (recordings.length === 0) return { video: null, speech: [], leftOut };
    // The participants who spoke, in the order they first recorded audio (Twilio lists newest first).
    const oldestFirst = [...recordings].sort((a, b) => +new Date(a.dateCreated) - +new Date(b.dateCreated) || recordings.indexOf(b) - recordings.indexOf(a));
    const speakers = [...new Set(oldestFirst.filter((r) => r.type === 'audio').map(participantOf))];
    const clip = options.layout === 'pip';
    const common = {
      roomSid: room.sid,
      format: 'mp4' as const,
      trim: clip,
      statusCallback: compositionCallbackUrl(this.o.statusCallbackUrl, room.name),
      statusCallbackMethod: 'POST',
    };
    const videoTracks = [...new Set(recordings.filter((r) => r.type === 'video').map((r) => r.trackName))];
    const video = await this.video.compositions.create({
      ...common,
      audioSources: ['*'],
      videoLayout: clip ? pictureInPictureLayout(videoTracks) : GRID_LAYOUT,
      resolution: clip ? `${PIP_RESOLUTION.width}x${PIP_RESOLUTION.height}` : (this.o.resolution ?? '1280x720'),
    });
    const speech: SpeechComposition[] = [];
    for (const participantSid of speakers) {
      // By participant SID, as Twilio's Conversational Intelligence guide selects a speaker's audio
      // (twilio.com/docs/conversational-intelligence/customize, "Create an audio recording from
      // Twilio Video"). Our browser client's names are unique per participant (`microphone-<suffix>`),
      // but another client's may not be: a shared name would select every participant who used it.
      const c = await this.video.compositions.create({ ...common, audioSources: [participantSid] });
      const identity = identityOf.get(participantSid) ?? participantSid;
      speech.push({ compositionId: c.sid, status: 'pending', participantIdentity: identity, role: roleOfIdentity(identity), startOffsetSeconds: 0 });
    }
    return { video: { compositionId: video.sid, status: 'pending' as const }, speech, leftOut };
  }

  async status(compositionId: string): Promise<CompositionStatus> {
    try {
      const c = await this.video.compositions(compositionId).fetch();
      if (c.status === 'completed') return { status: 'ready', durationSeconds: c.duration };
      if (c.status === 'failed') return { status: 'failed' };
      return { status: 'pending' };
    } catch (e) {
      // Twilio does not lose compositions: one that is gone was deleted, and asking again would not bring it back.
      if (isNotFound(e)) return { status: 'failed' };
      throw e;
    }
  }
}

/**
 * Why a track recording cannot go into a composition, if it cannot: `failed` or `deleted` (its
 * media is gone), or completed with no bytes (a track that never sent a packet). Twilio rounds a
 * sub-second track up to 1 s of `duration` (Recordings resource), so 0 means nothing was captured.
 */
export function unusableRecording(r: Pick<RecordingInstance, 'status' | 'size' | 'duration'>): string | null {
  if (r.status === 'failed' || r.status === 'deleted') return `recording ${r.status}`;
  if (r.status === 'completed' && (!r.size || !r.duration)) return 'no media in the recording';
  return null;
}
