import type { Escalation } from '../../../domain/escalation';
import type { CustomerRecordingAccess } from '../../../domain/recording-policy';
import { hasRole, type StaffIdentity } from '../../../domain/identity';
import type { PipelineJob } from '../../../domain/pipeline-job';
import type { CustomerLinkClaims } from '../../customer-link';

/** Who asks to watch: a verified staff member, or a customer holding a verified link. */
export type RecordingViewer =
  | { kind: 'staff'; staff: StaffIdentity }
  | { kind: 'customer'; link: CustomerLinkClaims }
  /** The customer in their own chat (verified chat credential): the policy decides. */
  | { kind: 'chat'; conversationId: string };

/** The facts the decision needs, from the pipeline job and its escalation. */
export interface ViewableRecording {
  recordingId: string;
  conversationId: string;
  escalationId: string;
  roomName: string;
  agentIdentity: string;
  /** The only customer link of the escalation that is still honoured (a re-issued link revokes the old). */
  currentLinkId: string;
  /** What the customer may have (CUSTOMER_RECORDING_ACCESS) and whether their chat is still open. */
  customerAccess?: CustomerRecordingAccess;
  conversationOpen?: boolean;
}

export const viewableRecording = (job: PipelineJob, escalation: Pick<Escalation, 'id' | 'agentIdentity' | 'linkId'>): ViewableRecording => ({
  recordingId: job.recordingId,
  conversationId: job.conversationId,
  escalationId: escalation.id,
  roomName: job.roomName,
  agentIdentity: escalation.agentIdentity,
  currentLinkId: escalation.linkId,
});

/**
 * Supervisors and admins see every recording; an agent sees the calls they ran; a customer sees
 * the call their link was issued for, while that link is current and unexpired, and, from their
 * own chat, their own calls while the chat is open if the policy gives customers the video. The caller has
 * already verified the credential (Flex/local token, link signature).
 */
export function canViewRecording(viewer: RecordingViewer, recording: ViewableRecording, now: Date = new Date()): boolean {
  if (viewer.kind === 'staff') {
    if (hasRole(viewer.staff, 'supervisor', 'admin')) return true;
    return hasRole(viewer.staff, 'agent') && viewer.staff.identity === recording.agentIdentity;
  }
  if (viewer.kind === 'chat') {
    return (
      (recording.customerAccess ?? 'video') === 'video' &&
      recording.conversationOpen !== false &&
      viewer.conversationId === recording.conversationId
    );
  }
  const link = viewer.link;
  return (
    link.escalationId === recording.escalationId &&
    link.conversationId === recording.conversationId &&
    link.roomName === recording.roomName &&
    link.linkId === recording.currentLinkId &&
    link.expiresAt.getTime() > now.getTime()
  );
}
