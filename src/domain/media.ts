/** Media vocabulary shared by the browser client, the ports and the recording pipeline. */
export type TrackKind = 'audio' | 'video';
export type TrackSource = 'camera' | 'microphone' | 'screen';

/**
 * A recorded track that a composition leaves out, and why: a track that never received a packet
 * (a supervisor who barged in with audio only leaves a header-only video file), a file cut at
 * its first packet, or one the media tools cannot read. One such track must never cost the
 * whole recording: the video and transcripts are made from the rest, and the job keeps the note.
 */
export interface LeftOutTrack {
  participantIdentity: string;
  kind: TrackKind;
  source?: TrackSource;
  reason: string;
}
