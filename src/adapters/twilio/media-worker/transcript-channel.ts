import type { SpeakerStep } from '../../../domain/pipeline-job';

const ROLE: Record<SpeakerStep['role'], string> = { agent: 'Agent', customer: 'Customer', supervisor: 'Supervisor', unknown: 'Participant' };

/**
 * The `Channel` of a Voice Intelligence transcript for one speaker's mono FLAC: the media URL,
 * and the one participant on channel 1 (Transcript resource, `channel.participants`:
 * https://www.twilio.com/docs/conversational-intelligence/api/transcript-resource). One file per
 * speaker (DESIGN-NOTE.md), so every sentence is that speaker's; the pipeline labels it
 * ("Agent", "Customer 2") exactly as it does locally.
 */
export function transcriptChannel(mediaUrl: string, speaker: Pick<SpeakerStep, 'participantIdentity' | 'role'>) {
  return {
    media_properties: { media_url: mediaUrl },
    participants: [{ channel_participant: 1, user_id: speaker.participantIdentity, role: ROLE[speaker.role] }],
  };
}
