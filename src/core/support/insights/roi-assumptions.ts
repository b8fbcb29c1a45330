import type { Config } from '../../../config';
import type { RoiAssumptions } from '../../../domain/insights';

/** The ROI's assumptions, from configuration (AGENT_MINUTES_PER_MESSAGE, AGENT_COST_PER_MINUTE). */
export const roiAssumptions = (config: Pick<Config, 'AGENT_MINUTES_PER_MESSAGE' | 'AGENT_COST_PER_MINUTE'>): RoiAssumptions => ({
  minutesPerMessage: config.AGENT_MINUTES_PER_MESSAGE,
  costPerMinute: config.AGENT_COST_PER_MINUTE,
});
