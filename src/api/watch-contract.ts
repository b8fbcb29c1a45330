/**
 * The watch page's one Function (`/watch`, #18 part 5). The customer's watch link token rides in
 * the body, never in a URL. `open` says what the page may show; `video` mints a fresh short-lived
 * video URL (410 once retention deleted the video); `view` records how far the customer watched.
 * Staff `resend` a newer link for a recording (the older one stops working).
 */
export type WatchRequest =
  | { action: 'open'; linkToken: string }
  | { action: 'video'; linkToken: string }
  | { action: 'view'; linkToken: string; event: 'opened' | 'progress' | 'ended'; positionSeconds?: number }
  | { action: 'resend'; recordingId: string };

/** One transcript line, as the page shows and seeks it. */
export interface WatchTranscriptLine {
  speaker: string;
  role: string;
  start: number;
  end: number;
  text: string;
}

/**
 * The video, as the page may show it: a URL to play (short-lived on Twilio), or why there is none:
 * still being made, withheld by the policy (`CUSTOMER_RECORDING_ACCESS=transcript`), deleted under
 * the retention policy, or never made.
 */
export type WatchVideo =
  | { state: 'ready'; url: string }
  | { state: 'processing' | 'withheld' | 'deleted' | 'unavailable'; message: string };

/** The transcript and its captions (WebVTT, for the player's track), or why there is none. */
export type WatchTranscript =
  | { state: 'ready'; segments: WatchTranscriptLine[]; captions: string | null }
  | { state: 'pending' | 'unavailable' | 'deleted'; message: string };

export interface WatchRecording {
  recordingId: string;
  kind: 'call' | 'clip';
  /** "Video call recording", "Alex replied with a video". */
  title: string;
  durationSeconds: number;
  recordedAt: string;
  /** When the link stops working. */
  expiresAt: string;
  /** What the policy gives the customer: the video with its transcript, or the transcript alone. */
  access: 'video' | 'transcript';
  video: WatchVideo;
  transcript: WatchTranscript;
}

export interface WatchVideoResponse {
  url: string;
}

/** `view`: whether the event was recorded, and the view so far. */
export interface WatchViewResponse {
  recorded: boolean;
  view?: { furthestSeconds: number; completed: boolean };
}

/** `resend`: the new link, as posted into the conversation. */
export interface WatchResendResponse {
  url: string;
  expiresAt: string;
}

export type WatchResponse = WatchRecording | WatchVideoResponse | WatchViewResponse | WatchResendResponse;
