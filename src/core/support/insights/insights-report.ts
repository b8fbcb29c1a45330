import type { Config } from '../../../config';
import type { StaffIdentity } from '../../../domain/identity';
import type { InsightsFilter, InsightsReport } from '../../../domain/insights';
import type { SupportEventStore } from '../../../ports/support-event-store';
import { requireInsightsSupervisor } from './insights-access';
import { checkedInsightsFilter } from './insights-filter';
import { roiAssumptions } from './roi-assumptions';

export interface InsightsReportDeps {
  supportEvents: Pick<SupportEventStore, 'report'>;
  config: Pick<Config, 'AGENT_MINUTES_PER_MESSAGE' | 'AGENT_COST_PER_MINUTE'>;
}

/**
 * The supervisors' dashboard (#20): every metric of the tickets opened in the range, of one agent
 * or team if asked, beside its target, with the monthly volumes and the agents and teams to filter on.
 */
export async function insightsReport(deps: InsightsReportDeps, staff: StaffIdentity, filter: InsightsFilter): Promise<InsightsReport> {
  requireInsightsSupervisor(staff);
  return deps.supportEvents.report(checkedInsightsFilter(filter), roiAssumptions(deps.config));
}
