import type { MediaAccess } from '../domain/escalation';
import type { RecordingNotice } from '../domain/consent';
import type { ClipAuthorRole, ClipMode, ClipStatus, ClipStopCause } from '../domain/clip';
import type { PipelineState } from '../domain/pipeline-job';
import type {
  ListRecordingsResponse,
  LiveCallsResponse,
  MonitorCall,
  MonitorResponse,
  RecordingMediaRequest,
  RecordingMediaResponse,
  RecordingsRequest,
  SearchTranscriptsRequest,
  SearchTranscriptsResponse,
  StopMonitorResponse,
} from './library-contract';
import type {
  AuditLogRequest,
  AuditLogResponse,
  CloseConversationRequest,
  CloseConversationResponse,
  EraseCustomerRequest,
  EraseCustomerResponse,
  FindConversationsRequest,
  FindConversationsResponse,
  LegalHoldRequest,
  LegalHoldResponse,
  RetentionSweepResponse,
  StorageUsageResponse,
} from './privacy-contract';
import type { WatchRequest, WatchResponse } from './watch-contract';
import type { SupportTicketRequest, SupportTicketResponse } from './support-ticket-contract';
import type { OutboundDeliverResponse, OutboundDeliveriesRequest, OutboundDeliveriesResponse, OutboundEndpointsRequest, OutboundEndpointsResponse } from './outbound-contract';
import type { ResolveTicketRequest, ResolveTicketResponse, SurveyRequest, SurveyResponse } from './support-contract';
import type { InsightsRequest, InsightsResponse } from './insights-contract';
import type { ClipAnnotation } from '../domain/clip-annotations';
import type { TranscriptCorrectionsRequest, TranscriptCorrectionsResponse } from './transcript-corrections-contract';

/**
 * The Functions' requests and answers, defined once: the Functions return these shapes and every
 * page (Flex plugin, local console, customer page) reads them through src/ui/api. Staff calls
 * carry the agent's token, the Flex way (`Token` in the body).
 */

export interface EscalateRequest {
  conversationId: string;
  /** The agent accepted a video suggestion (#20): counted as such. */
  viaSuggestion?: boolean;
  /** The agent's words before the link (the suggestion's template, edited); default: the plain invitation. */
  message?: string;
}

export interface EscalateResponse {
  escalationId: string;
  roomName: string;
  customerLink: string;
  linkExpiresAt: string;
  recording: boolean;
  /** The conversation was already on video: nothing new was posted. */
  reused: boolean;
  access: MediaAccess;
}

export interface EndCallRequest {
  escalationId: string;
}

export interface EndCallResponse {
  escalationId: string;
  status: string;
  endedAt?: string;
}

/** What the join page may know before joining: enough for pre-join and the consent step. */
export interface LinkCheck {
  agentName: string;
  recording: boolean;
  /** Recorded calls: the notice to show, whose version the join request sends back with consent. */
  notice?: RecordingNotice;
  expiresAt: string;
  /** Someone is already in the call with this link (another tab or device). */
  inUse: boolean;
}

export interface JoinResult extends LinkCheck {
  access: MediaAccess;
}

export interface CustomerTokenRequest {
  linkToken: string;
  /** Default `join`. */
  action?: 'check' | 'join';
  /** Default false. */
  takeOver?: boolean;
  /** Joining a recorded call: the customer ticked the consent box for this notice version (default false). */
  consent?: boolean;
  noticeVersion?: string;
}

/** An agent offers the customer a clip: a signed recording link is posted into the chat. */
export interface OfferClipRequest {
  conversationId: string;
  /** The agent accepted a video suggestion (#20): counted as such. */
  viaSuggestion?: boolean;
  /** The agent's words before the link (the suggestion's template, edited); default: "… asked you for a short video". */
  message?: string;
}

export interface OfferClipResponse {
  clipId: string;
  /** The customer's recording page (the signed token rides in the fragment). */
  url: string;
  expiresAt: string;
}

/** Where a clip and its current take stand, as the recorder needs it (named apart from the viewing analytics, ClipViewRecord). */
export interface RecorderClip {
  clipId: string;
  status: ClipStatus;
  authorRole: ClipAuthorRole;
  /** Who asked for the clip (customer clips) or recorded it (agent clips). */
  agentName: string;
  mode?: ClipMode;
  take: number;
  /** Seconds recorded in the current take so far (pauses excluded). */
  recordedSeconds: number;
  /** The server's cap: a take is ended here even if the browser keeps publishing. */
  maxSeconds: number;
  /** When the recorder warns that the end is near. */
  warnAtSeconds: number;
  stopCause?: ClipStopCause;
  /** The recording notice to agree to before the first take (its version goes back with `start`). */
  notice: RecordingNotice;
  /** Customer clips: when the recording link stops working. */
  expiresAt?: string;
}

export type ClipAction = 'check' | 'start' | 'pause' | 'resume' | 'stop' | 'retake' | 'send' | 'discard' | 'prefer';

/**
 * One endpoint for every step of a take. The customer is authenticated by the recording link
 * (`linkToken`); an agent by their token, naming their clip (`clipId`), or a conversation to
 * start a new clip in (`conversationId` with `start`).
 */
export interface ClipRequest {
  action: ClipAction;
  linkToken?: string;
  clipId?: string;
  conversationId?: string;
  /** `start`: what to record. */
  mode?: ClipMode;
  /** `start`: the author agreed to the recording notice of this version (default false). */
  consent?: boolean;
  noticeVersion?: string;
  /** `start`, agent clips (#22): the reply template recorded with. */
  template?: string;
  /** `send` (#22): rectangles to blur and highlights to burn in, each over a time range. */
  annotations?: ClipAnnotation[];
  /** `send` (#22): the sender's text description for screen readers. */
  description?: string;
  /** `prefer` (#22): what the customer would rather do than record: type, or a live call. */
  preference?: 'type' | 'call';
}

export interface ClipResponse {
  clip: RecorderClip;
  /** `start`: the grant to publish into the take's room. */
  access?: MediaAccess;
}

/**
 * A viewer event of a clip (throttled by the player: opened, then progress at most every 5 s and
 * on pause, and ended when it played to its end: the whole clip, watched). Staff send their token;
 * the customer in their chat is known by the chat credential (locally: the chat media cookie, so
 * the local origin answers `/media/clip-views`).
 */
export interface ClipViewEventRequest {
  recordingId: string;
  event: 'opened' | 'progress' | 'ended';
  /** Where the player is, in seconds from the start. */
  positionSeconds?: number;
}

export interface ClipViewEventResponse {
  /** False when the viewer is the clip's author: nobody records views of their own clip. */
  recorded: boolean;
  view?: { furthestSeconds: number; completed: boolean };
}

/** A Function that takes no fields (staff calls still carry `Token`, which the wrapper takes off). */
export type EmptyRequest = Record<string, never>;

/** The schedulers' calls on Twilio (no timer lives in a Function), authenticated by a shared secret. */
export interface SchedulerRequest {
  secret: string;
}

/** POST /clip-limits: the clips whose take was ended at the length cap. */
export interface ClipLimitsResponse {
  stopped: string[];
}

/** POST /resume-recordings (supervisors): where each unfinished recording stands after the push. */
export interface ResumeRecordingsResponse {
  jobs: { roomName: string; state: PipelineState | 'error' }[];
}

/**
 * Every JSON Function (serverless/src/functions, built with `jsonFunction`) by path, with what
 * each takes and answers: the one wire vocabulary. Each Function's schema `satisfies` its
 * `request` and its handler returns its `response`; the pages call them through src/ui/api.
 */
export interface FunctionsContract {
  '/escalate': { request: EscalateRequest; response: EscalateResponse };
  '/end-call': { request: EndCallRequest; response: EndCallResponse };
  '/customer-token': { request: CustomerTokenRequest; response: LinkCheck | JoinResult };
  '/offer-clip': { request: OfferClipRequest; response: OfferClipResponse };
  '/clip': { request: ClipRequest; response: ClipResponse };
  '/clip-view': { request: ClipViewEventRequest; response: ClipViewEventResponse };
  '/clip-limits': { request: SchedulerRequest; response: ClipLimitsResponse };
  '/recordings': { request: RecordingsRequest; response: ListRecordingsResponse };
  '/search-transcripts': { request: SearchTranscriptsRequest; response: SearchTranscriptsResponse };
  '/recording-media': { request: RecordingMediaRequest; response: RecordingMediaResponse };
  '/resume-recordings': { request: EmptyRequest; response: ResumeRecordingsResponse };
  '/live-calls': { request: EmptyRequest; response: LiveCallsResponse };
  '/monitor': { request: MonitorCall; response: MonitorResponse | StopMonitorResponse };
  '/close-conversation': { request: CloseConversationRequest; response: CloseConversationResponse };
  '/legal-hold': { request: LegalHoldRequest; response: LegalHoldResponse };
  '/find-conversations': { request: FindConversationsRequest; response: FindConversationsResponse };
  '/erase-customer': { request: EraseCustomerRequest; response: EraseCustomerResponse };
  '/storage-usage': { request: EmptyRequest; response: StorageUsageResponse };
  '/audit-log': { request: AuditLogRequest; response: AuditLogResponse };
  '/retention-sweep': { request: SchedulerRequest; response: RetentionSweepResponse };
  '/watch': { request: WatchRequest; response: WatchResponse };
  '/support-ticket': { request: SupportTicketRequest; response: SupportTicketResponse };
  '/resolve-ticket': { request: ResolveTicketRequest; response: ResolveTicketResponse };
  '/survey': { request: SurveyRequest; response: SurveyResponse };
  '/insights': { request: InsightsRequest; response: InsightsResponse };
  '/outbound-endpoints': { request: OutboundEndpointsRequest; response: OutboundEndpointsResponse };
  '/outbound-deliveries': { request: OutboundDeliveriesRequest; response: OutboundDeliveriesResponse };
  '/outbound-deliver': { request: SchedulerRequest; response: OutboundDeliverResponse };
  '/transcript-corrections': { request: TranscriptCorrectionsRequest; response: TranscriptCorrectionsResponse };
}

export type JsonFunctionPath = keyof FunctionsContract;

/**
 * The same paths at run time, for serverless/src/functions-contract.test.ts to hold against the
 * Function files. A Record, so a contract entry missing here (or a stray path) fails to compile.
 */
const JSON_FUNCTIONS: Record<JsonFunctionPath, true> = {
  '/escalate': true,
  '/end-call': true,
  '/customer-token': true,
  '/offer-clip': true,
  '/clip': true,
  '/clip-view': true,
  '/clip-limits': true,
  '/recordings': true,
  '/search-transcripts': true,
  '/recording-media': true,
  '/resume-recordings': true,
  '/live-calls': true,
  '/monitor': true,
  '/close-conversation': true,
  '/legal-hold': true,
  '/find-conversations': true,
  '/erase-customer': true,
  '/storage-usage': true,
  '/audit-log': true,
  '/retention-sweep': true,
  '/watch': true,
  '/support-ticket': true,
  '/resolve-ticket': true,
  '/survey': true,
  '/insights': true,
  '/outbound-endpoints': true,
  '/outbound-deliveries': true,
  '/outbound-deliver': true,
  '/transcript-corrections': true,
};
export const JSON_FUNCTION_PATHS = Object.keys(JSON_FUNCTIONS) as JsonFunctionPath[];

/**
 * The Functions Twilio itself calls (`webhookFunction`: signed, form-encoded, Twilio's field
 * names), so not in the contract: no page calls them and their shape is Twilio's to define.
 */
export const WEBHOOK_FUNCTION_PATHS = ['/room-status', '/composition-status', '/transcript-status', '/conversation-state'] as const;

/** Functions that may answer a file (`downloadFunction`: CSV or JSON), for BI tools. */
export const DOWNLOAD_FUNCTION_PATHS = ['/insights-export'] as const;
