import type { FakeTwilioState, Resource } from './state';
import { isParticipantSid, type VideoLayout } from './video-composition-rules';

/**
 * Which track recordings a composition takes, the way Twilio documents the selection:
 * - `AudioSources` / `AudioSourcesExcluded` are track names in which `*` "matches zero or more
 *   characters" (`student*` takes `student` and `studentTeam`), and participant SIDs, which take
 *   every audio track of that participant (Compositions resource, POST parameters; the participant
 *   form is how twilio.com/docs/conversational-intelligence/customize, "Create an audio recording
 *   from Twilio Video", selects one speaker).
 * - Each VideoLayout region takes the video tracks its `video_sources` name, less its
 *   `video_sources_excluded`, by track name with the same wildcard. The reference speaks of track
 *   names only, so participant SIDs select no video here (the stricter reading).
 * Names match case-sensitively (the docs are silent; stricter reading).
 */
export interface CompositionSources {
  /** Track recording sids (RT…) of the audio it mixes, oldest first. */
  audio: string[];
  /** Track recording sids of the video it lays out. */
  video: string[];
  /** Participant SIDs whose recordings it took, in the order first matched. */
  participants: string[];
}

/** `*` is the only wildcard; every other character stands for itself. */
export function wildcardMatches(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
  return re.test(name);
}

const participantOf = (r: Resource): string => String(r.grouping_sids?.participant_sid ?? '');

/** A source list entry selects this recording: by its track name, or by its participant's SID. */
function selects(sources: readonly string[], r: Resource, bySid: boolean): boolean {
  return sources.some((s) => (bySid && isParticipantSid(s) ? participantOf(r) === s : wildcardMatches(s, String(r.track_name))));
}

/** A recording whose media is gone cannot be composed: Twilio keeps a deleted one's metadata only. */
const hasMedia = (r: Resource) => r.status !== 'deleted' && r.status !== 'failed';

export interface SourceSelection {
  roomSid: string;
  audioSources: readonly string[];
  audioSourcesExcluded: readonly string[];
  videoLayout: VideoLayout | null;
}

/** The room's recordings a composition with this selection takes (only those that still hold media). */
export function selectSources(state: FakeTwilioState, sel: SourceSelection): CompositionSources & { gone: string[] } {
  const inRoom = [...state.recordings.values()].filter((r) => r.grouping_sids?.room_sid === sel.roomSid);
  const audioMatch = inRoom.filter((r) => r.type === 'audio' && selects(sel.audioSources, r, true) && !selects(sel.audioSourcesExcluded, r, true));
  const regions = Object.values(sel.videoLayout ?? {});
  const videoMatch = inRoom.filter(
    (r) =>
      r.type === 'video' &&
      regions.some((g) => selects(g.video_sources as string[], r, false) && !selects((g.video_sources_excluded as string[] | undefined) ?? [], r, false)),
  );
  const audio = audioMatch.filter(hasMedia);
  const video = videoMatch.filter(hasMedia);
  const participants = [...new Set([...audio, ...video].map(participantOf))];
  const gone = [...audioMatch, ...videoMatch].filter((r) => !hasMedia(r)).map((r) => String(r.sid));
  return { audio: audio.map((r) => String(r.sid)), video: video.map((r) => String(r.sid)), participants, gone };
}

/** What each composition took, frozen when it completed (a completed composition's sources no longer change). */
const frozen = new WeakMap<Resource, CompositionSources>();

export const freezeSources = (composition: Resource, sources: CompositionSources): void => void frozen.set(composition, sources);

/** The selection a composition resource was created with. */
export const selectionOf = (c: Resource): SourceSelection => ({
  roomSid: String(c.room_sid),
  audioSources: c.audio_sources as string[],
  audioSourcesExcluded: c.audio_sources_excluded as string[],
  videoLayout: c.video_layout && Object.keys(c.video_layout as object).length ? (c.video_layout as VideoLayout) : null,
});

/**
 * The recordings a composition took (so tests can assert, say, "exactly one participant"): as
 * frozen at completion, or as the room's recordings select them now.
 */
export function compositionSources(state: FakeTwilioState, compositionSid: string): CompositionSources {
  const c = state.compositions.get(compositionSid);
  if (!c) throw new Error(`fake Twilio has no composition ${compositionSid}`);
  const known = frozen.get(c);
  if (known) return known;
  const { audio, video, participants } = selectSources(state, selectionOf(c));
  return { audio, video, participants };
}
