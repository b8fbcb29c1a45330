import type { WatchViewResponse } from '../../api/watch-contract';
import type { ClipViewEvent } from '../../domain/clip-views';
import { CUSTOMER_VIEWER } from '../../domain/clip-views';
import { DomainError } from '../../domain/errors';
import { recordView } from '../clips/record-clip-view';
import type { CoreDeps } from '../deps';
import { recordingOfWatchLink } from './watch-access';

/**
 * The customer's viewing from the watch page (opened, the furthest point, ended), through the
 * clip views' own rules (record-clip-view.ts): an agent's clip shows it on its message for the
 * agent, and a call is kept the same way, keyed by its escalation. Only a viewer of the video
 * records a view.
 */
export async function recordWatchView(
  deps: CoreDeps,
  linkToken: string,
  input: { event: ClipViewEvent; positionSeconds?: number },
): Promise<WatchViewResponse> {
  const position = input.positionSeconds ?? 0;
  if (!Number.isFinite(position) || position < 0) {
    throw new DomainError('invalid_request', 'invalid_position', 'positionSeconds must be a number of seconds from the start.');
  }
  const { job, access } = await recordingOfWatchLink(deps, linkToken);
  if (access !== 'video') return { recorded: false };
  return recordView(deps, job, { key: CUSTOMER_VIEWER, durationSeconds: job.video?.durationSeconds ?? 0 }, { event: input.event, positionSeconds: position });
}
