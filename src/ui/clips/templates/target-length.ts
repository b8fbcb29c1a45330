import type { AgentTemplate } from '../../../domain/agent-templates';
import { formatDuration } from '../../../core/pipeline/text/format';

const spoken = (s: number): string => (s % 60 === 0 ? `${s / 60} minute${s === 60 ? '' : 's'}` : `${s} seconds`);

/** "1 to 3 minutes", "45 seconds to 2 minutes": a template's target as it reads aloud. */
export function targetLengthText({ minSeconds: min, maxSeconds: max }: Pick<AgentTemplate, 'minSeconds' | 'maxSeconds'>): string {
  return min % 60 === 0 && max % 60 === 0 ? `${min / 60} to ${max / 60} minutes` : `${spoken(min)} to ${spoken(max)}`;
}

/** "1:05": a clock for the timers (whole seconds, counting down or up). */
export const clockText = (seconds: number): string => formatDuration(Math.max(0, Math.floor(seconds)));
