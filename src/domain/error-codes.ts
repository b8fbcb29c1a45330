/**
 * Every `error.code` the product answers with, on every back end (the local origin, Twilio
 * Functions, the Janus proxy's upgrade refusal, twilio-run's request guards). Pages choose their
 * wording by these strings, so they are typed: DomainError, errorBody and the HTTP layers' own
 * refusals take an ErrorCode, and a page's text table keys by it, so neither side can misspell one.
 * A new refusal adds its code here.
 */
export const ERROR_CODES = [
  // Credentials and who may do what.
  'token_missing',
  'token_invalid',
  'token_in_query',
  'chat_token_invalid',
  'secret_invalid',
  'signature_invalid',
  'not_staff',
  'role_required',
  'supervisor_required',
  'not_allowed',
  'not_your_call',
  'not_your_clip',
  'not_your_conversation',
  'not_your_monitoring',

  // Customer links and calls.
  'link_invalid',
  'link_expired',
  'link_revoked',
  'link_in_use',
  'call_ended',
  'call_in_progress',
  'call_owned_by_another_agent',
  'consent_required',
  'notice_changed',
  'escalation_changed',

  // Clips; `clip_<status>` is a take asked to do what its state forbids (core/clips/clip-takes.ts).
  'clip_not_found',
  'clip_missing',
  'clip_changed',
  'not_a_clip',
  'mode_required',
  'invalid_position',
  'clip_offered',
  'clip_recording',
  'clip_paused',
  'clip_stopped',
  'clip_sent',
  'clip_discarded',

  // Not found.
  'not_found',
  'conversation_not_found',
  'customer_not_found',
  'escalation_not_found',
  'monitoring_not_found',
  'recording_not_found',
  'recording_job_not_found',
  'room_not_found',

  // Recordings, transcripts and privacy.
  'not_ready',
  'video_not_ready',
  'job_not_ready',
  'media_deleted',
  'recording_erased',
  'transcript_not_finished',
  'transcript_not_ours',
  'recording_in_progress',
  'conversation_closed',
  'legal_hold',
  'reason_required',
  'reason_too_long',
  'query_required',
  'query_empty',
  'query_too_long',
  'cursor_invalid',
  'line_changed',
  'line_not_found',
  'no_transcript',

  // The satisfaction survey (#20).
  'answer_required',
  'score_invalid',

  // Malformed requests and the HTTP layers' own refusals.
  'invalid_request',
  'invalid_json',
  'invalid_path',
  'bad_request',
  'method_not_allowed',
  'body_too_large',
  'headers_too_large',
  'unsupported_charset',
  'unsupported_encoding',
  'host_not_allowed',
  'cross_site_refused',
  'upgrade_refused',

  // Something on our side: worth trying again.
  'unavailable',
  'functions_unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
