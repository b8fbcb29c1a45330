/**
 * What a customer may have of the recording of their own call (setting
 * CUSTOMER_RECORDING_ACCESS): the video with captions and transcript, the transcript alone, or
 * nothing. Staff access is decided by role elsewhere.
 */
export const CUSTOMER_RECORDING_ACCESS = ['video', 'transcript', 'none'] as const;
export type CustomerRecordingAccess = (typeof CUSTOMER_RECORDING_ACCESS)[number];
