import type { RemoteParticipant } from '../../client/video-client';

export interface Stage {
  /** Who is shown: the first remote participant (calls are one-to-one; a supervisor may listen). */
  remote: RemoteParticipant | null;
  camera: MediaStreamTrack | null;
  screen: MediaStreamTrack | null;
  /** Every remote microphone plays, whoever is on screen. */
  audio: { sid: string; track: MediaStreamTrack }[];
}

/** Picks what goes where: a screen share takes the big area and the camera moves to an inset. */
export function pickStage(participants: ReadonlyArray<RemoteParticipant>): Stage {
  const withVideo = participants.find((p) => p.tracks.some((t) => t.kind === 'video'));
  const remote = withVideo ?? participants[0] ?? null;
  const find = (source: string) => remote?.tracks.find((t) => t.source === source)?.mediaStreamTrack ?? null;
  return {
    remote,
    camera: find('camera'),
    screen: find('screen'),
    audio: participants.flatMap((p) =>
      p.tracks.filter((t) => t.kind === 'audio').map((t) => ({ sid: t.sid, track: t.mediaStreamTrack })),
    ),
  };
}
