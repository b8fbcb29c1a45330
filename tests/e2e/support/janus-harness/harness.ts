/**
 * Test page for JanusVideoClient (bundled by janus-harness.ts). It joins with the access grant it
 * is given, renders remote tracks, and exposes `window.harness` for the test to drive and inspect.
 */
import type { MediaAccess } from '../../../../src/domain/escalation';
import { JanusVideoClient } from '../../../../src/client/janus/janus-video-client';
import type { RemoteTrack, VideoRoom } from '../../../../src/client/video-client';

// Every PeerConnection the client makes, so the test can read getStats without client hooks.
const peerConnections: RTCPeerConnection[] = [];
const NativePC = window.RTCPeerConnection;
window.RTCPeerConnection = class extends NativePC {
  constructor(config?: RTCConfiguration) {
    super(config);
    peerConnections.push(this);
  }
} as typeof RTCPeerConnection;

export interface HarnessEvent {
  at: number;
  type: string;
  detail?: unknown;
}

export interface MediaSnapshot {
  remoteParticipants: Array<{ identity: string; displayName: string; role: string; tracks: string[] }>;
  /** Per remote video element: size and decoded frames. */
  videos: Array<{ sid: string; videoWidth: number; totalVideoFrames: number }>;
  inboundAudioBytes: number;
  inboundVideoFramesDecoded: number;
  outboundBytes: number;
}

const events: HarnessEvent[] = [];
let room: VideoRoom | null = null;
const elements = new Map<string, HTMLVideoElement | HTMLAudioElement>();

function log(type: string, detail?: unknown): void {
  events.push({ at: Date.now(), type, detail });
}

async function join(access: MediaAccess): Promise<void> {
  const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240 } });
  room = await new JanusVideoClient().connect(access, { audio: media.getAudioTracks()[0], video: media.getVideoTracks()[0] });
  log('connected');
  room.on('participantConnected', (p) => log('participantConnected', p.identity));
  room.on('participantDisconnected', (p) => log('participantDisconnected', p.identity));
  const attach = (t: RemoteTrack): void => {
    log('trackSubscribed', t.sid);
    const el = document.createElement(t.kind === 'video' ? 'video' : 'audio');
    el.autoplay = true;
    el.muted = t.kind === 'audio'; // headless: no audio output needed; RTP still flows
    (el as HTMLVideoElement).playsInline = true;
    el.srcObject = new MediaStream([t.mediaStreamTrack]);
    el.dataset.sid = t.sid;
    document.body.appendChild(el);
    elements.set(t.sid, el);
    void el.play().catch(() => undefined);
  };
  room.on('trackSubscribed', attach);
  // twilio-video style: participants (and any tracks) already there when connect() resolved.
  for (const p of room.participants.values()) p.tracks.forEach(attach);
  room.on('trackUnsubscribed', (t) => {
    log('trackUnsubscribed', t.sid);
    elements.get(t.sid)?.remove();
    elements.delete(t.sid);
  });
  room.on('reconnecting', () => log('reconnecting'));
  room.on('reconnected', () => log('reconnected'));
  room.on('disconnected', (reason) => log('disconnected', reason));
  room.on('networkQualityLevelChanged', (level) => log('networkQuality', level));
  room.on('localChanged', () => log('localChanged'));
}

async function snapshot(): Promise<MediaSnapshot> {
  let inboundAudioBytes = 0;
  let inboundVideoFramesDecoded = 0;
  let outboundBytes = 0;
  for (const pc of peerConnections) {
    if (pc.signalingState === 'closed') continue;
    (await pc.getStats()).forEach((s: Record<string, unknown>) => {
      if (s.type === 'inbound-rtp' && s.kind === 'audio') inboundAudioBytes += Number(s.bytesReceived ?? 0);
      if (s.type === 'inbound-rtp' && s.kind === 'video') inboundVideoFramesDecoded += Number(s.framesDecoded ?? 0);
      if (s.type === 'outbound-rtp') outboundBytes += Number(s.bytesSent ?? 0);
    });
  }
  const videos = [...elements.entries()]
    .filter(([, el]) => el instanceof HTMLVideoElement)
    .map(([sid, el]) => {
      const v = el as HTMLVideoElement;
      return { sid, videoWidth: v.videoWidth, totalVideoFrames: v.getVideoPlaybackQuality().totalVideoFrames };
    });
  const remoteParticipants = [...(room?.participants.values() ?? [])].map((p) => ({
    identity: p.identity,
    displayName: p.displayName,
    role: p.role,
    tracks: p.tracks.map((t) => t.sid),
  }));
  return { remoteParticipants, videos, inboundAudioBytes, inboundVideoFramesDecoded, outboundBytes };
}

const harness = {
  join,
  snapshot,
  events: (): HarnessEvent[] => events,
  state: (): string => room?.state ?? 'none',
  local: () => {
    const lp = room?.localParticipant;
    return lp ? { audioEnabled: lp.audioEnabled, videoEnabled: lp.videoEnabled, screenSharing: lp.screenSharing } : null;
  },
  setMicrophoneEnabled: (on: boolean): void => room?.localParticipant.setMicrophoneEnabled(on),
  setCameraEnabled: (on: boolean): Promise<void> => room?.localParticipant.setCameraEnabled(on) ?? Promise.resolve(),
  startScreenShare: (): Promise<void> => room?.localParticipant.startScreenShare() ?? Promise.resolve(),
  stopScreenShare: (): Promise<void> => room?.localParticipant.stopScreenShare() ?? Promise.resolve(),
  /** Drops the WebSocket as a network fault would. */
  dropSocket: (): void => (room as unknown as { simulateSocketDrop?: () => void })?.simulateSocketDrop?.(),
  leave: (): void => room?.disconnect(),
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
log('ready');
