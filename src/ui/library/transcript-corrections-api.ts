import type {
  CorrectLineRequest,
  CorrectLineResponse,
  ReviewResponse,
} from '../../api/transcript-corrections-contract';
import { staffFunctionCall, type StaffFunctionsOptions } from '../api/staff-functions';

/** What the library's player asks of `/transcript-corrections`: correct a line, mark reviewed, require review. */
export interface TranscriptCorrectionsApi {
  correct(request: Omit<CorrectLineRequest, 'action'>): Promise<CorrectLineResponse>;
  markReviewed(recordingId: string): Promise<ReviewResponse>;
  /** Supervisors only (403 otherwise). */
  requireReview(recordingId: string, required: boolean): Promise<ReviewResponse>;
}

/** The Function over HTTP, with the staff token sent the Flex way; Flex and the local console alike. */
export function httpTranscriptCorrectionsApi(options: StaffFunctionsOptions): TranscriptCorrectionsApi {
  const send = staffFunctionCall(options);
  return {
    correct: (request) => send<'/transcript-corrections', CorrectLineResponse>('/transcript-corrections', { action: 'correct', ...request }),
    markReviewed: (recordingId) => send<'/transcript-corrections', ReviewResponse>('/transcript-corrections', { action: 'mark_reviewed', recordingId }),
    requireReview: (recordingId, required) =>
      send<'/transcript-corrections', ReviewResponse>('/transcript-corrections', { action: 'require_review', recordingId, required }),
  };
}
