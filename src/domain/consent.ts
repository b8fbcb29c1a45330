import type { ParticipantRole } from './escalation';

/** The notice a participant agrees to before joining a recorded call. Versioned: records name the version they saw. */
export interface RecordingNotice {
  version: string;
  text: string;
}

/** Change the text only together with the version: stored consents refer to a version. */
export const RECORDING_NOTICE: RecordingNotice = {
  version: '2026-11-23',
  text:
    'This call is recorded and transcribed, and may be monitored for quality. ' +
    'The recording and its transcript are added to your support conversation.',
};

/** The notice before recording a clip: its own text and version, stored with the consent like a call's. */
export const CLIP_RECORDING_NOTICE: RecordingNotice = {
  version: 'clip-2026-11-23',
  text:
    'Your clip is recorded and transcribed, and may be reviewed for quality. ' +
    'The video and its transcript are added to your support conversation.',
};

/** Proof that one participant agreed to one recording: who, when, to what, from which browser. No content. */
export interface ConsentRecord {
  id: string;
  escalationId: string;
  roomName: string;
  participantIdentity: string;
  role: ParticipantRole;
  noticeVersion: string;
  noticeText: string;
  userAgent: string;
  consentedAt: string;
}

/** Said on the join page of a call that is not recorded (a recorded call's notice says it too): supervisors may listen in. */
export const MONITORING_NOTICE = 'This call may be monitored for quality.';

/** Shown before every clip take: what a screen recording must not show. */
export const CLIP_PRIVACY_NOTICE = "Don't show passwords, card numbers or other personal data.";
