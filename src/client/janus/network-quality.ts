import type { NetworkQualityLevel } from '../video-client';

/** Loss and round-trip time measured over the last interval. */
export interface LinkSample {
  /** 0..1 */
  lossRatio: number;
  /** Seconds; null when unknown. */
  rttSeconds: number | null;
}

/**
 * Maps loss and RTT to twilio-video's 0-5 scale (5 = excellent), using the usual rule-of-thumb
 * thresholds for interactive audio/video: under 2 % loss and 150 ms is excellent, over 20 % or
 * 1 s is unusable.
 */
export function qualityLevel(s: LinkSample): NetworkQualityLevel {
  const rtt = s.rttSeconds ?? 0;
  const byLoss = s.lossRatio < 0.02 ? 5 : s.lossRatio < 0.05 ? 4 : s.lossRatio < 0.1 ? 3 : s.lossRatio < 0.2 ? 2 : 1;
  const byRtt = rtt < 0.15 ? 5 : rtt < 0.3 ? 4 : rtt < 0.5 ? 3 : rtt < 1 ? 2 : 1;
  return Math.min(byLoss, byRtt) as NetworkQualityLevel;
}

interface Counters {
  received: number;
  lost: number;
}

/**
 * Turns RTCStatsReports into loss/RTT samples: inbound-rtp counters (delta since the previous
 * report) for what we receive, remote-inbound-rtp (the far end's view) for what we send.
 */
export class LinkSampler {
  private previous = new Map<string, Counters>();

  sample(reports: RTCStatsReport[]): LinkSample {
    let received = 0;
    let lost = 0;
    let rtt: number | null = null;
    let remoteLoss = 0;
    const next = new Map<string, Counters>();
    for (const report of reports) {
      report.forEach((stat: Record<string, unknown> & { id: string; type: string }) => {
        if (stat.type === 'inbound-rtp') {
          const now = { received: Number(stat.packetsReceived ?? 0), lost: Math.max(0, Number(stat.packetsLost ?? 0)) };
          const before = this.previous.get(stat.id) ?? { received: 0, lost: 0 };
          received += Math.max(0, now.received - before.received);
          lost += Math.max(0, now.lost - before.lost);
          next.set(stat.id, now);
        } else if (stat.type === 'remote-inbound-rtp') {
          if (typeof stat.roundTripTime === 'number') rtt = Math.max(rtt ?? 0, stat.roundTripTime);
          if (typeof stat.fractionLost === 'number') remoteLoss = Math.max(remoteLoss, stat.fractionLost);
        } else if (stat.type === 'candidate-pair' && stat.nominated && typeof stat.currentRoundTripTime === 'number') {
          rtt = Math.max(rtt ?? 0, stat.currentRoundTripTime);
        }
      });
    }
    this.previous = next;
    const localLoss = received + lost > 0 ? lost / (received + lost) : 0;
    return { lossRatio: Math.max(localLoss, remoteLoss), rttSeconds: rtt };
  }
}
