import type { InsightsFilter, InsightsReport } from '../../../api/insights-contract';
import type { InsightsApi } from '../../api/insights-api';

/** A month of tickets: what the fake answers unless told otherwise. */
export const sampleReport = (filter: InsightsFilter): InsightsReport => ({
  filter,
  metrics: [
    { key: 'tickets', label: 'Tickets', unit: 'count', value: 120 },
    { key: 'adoption_rate', label: 'Video adoption', unit: 'ratio', value: 0.25, target: { direction: 'min', value: 0.1 } },
    { key: 'resolution_rate', label: 'Resolution rate', unit: 'ratio', value: 0.85, video: 0.92, text: 0.8267, target: { direction: 'min', value: 0.88 } },
    { key: 'messages_per_ticket', label: 'Messages per ticket', unit: 'messages', value: 9.5, video: 6.2, text: 10.6 },
    { key: 'time_to_resolution_hours', label: 'Time to resolution', unit: 'hours', value: 5.25, video: 3.5, text: 5.83 },
    { key: 'csat', label: 'Customer satisfaction (CSAT)', unit: 'score', value: 4.7, video: 4.9, text: null, target: { direction: 'min', value: 4.8 } },
    { key: 'agent_cost_saved_usd', label: 'Agent cost saved', unit: 'usd', value: 1234.5 },
  ],
  monthly: [
    { month: '2026-10', customerClips: 12, agentClips: 30, calls: 8, tickets: 70, videoTickets: 18 },
    { month: '2026-11', customerClips: 9, agentClips: 21, calls: 5, tickets: 50, videoTickets: 12 },
  ],
  agents: ['alex', 'sam'],
  teams: ['Billing', 'Support'],
});

/** The insights Functions as a test drives them: each request kept; answers and failures set per call. */
export class FakeInsightsApi implements InsightsApi {
  readonly requests: InsightsFilter[] = [];
  readonly exports: InsightsFilter[] = [];
  /** Answers in turn; past the end, sampleReport. An Error is thrown instead. */
  answers: (InsightsReport | Error | ((f: InsightsFilter) => InsightsReport))[] = [];
  /** Hold answers until `release` (to see the loading state). */
  private held: (() => void)[] = [];
  hold = false;

  async report(filter: InsightsFilter): Promise<InsightsReport> {
    this.requests.push(filter);
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    const next = this.answers.shift() ?? sampleReport;
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(filter) : next;
  }

  release(): void {
    this.hold = false;
    for (const r of this.held.splice(0)) r();
  }

  async exportCsv(filter: InsightsFilter): Promise<Blob> {
    this.exports.push(filter);
    return new Blob(['conversation_id\r\n'], { type: 'text/csv' });
  }
}
