import { DomainError } from '../../domain/errors';
import type { Clip } from '../../domain/clip';
import type { CoreDeps } from '../deps';

/**
 * Saves a change to a clip read just before. Its author's clicks and the server's cap can race:
 * the store's version check lets only one of them win; the loser is told to look again.
 */
export async function saveClip(deps: Pick<CoreDeps, 'clips' | 'clock'>, clip: Clip, patch: Partial<Clip>): Promise<Clip> {
  const next: Clip = { ...clip, ...patch, version: clip.version + 1, updatedAt: deps.clock.now().toISOString() };
  if (!(await deps.clips.saveIfUnchanged(next))) {
    throw new DomainError('conflict', 'clip_changed', 'The clip changed meanwhile (it may have reached its time limit). Look again.');
  }
  return next;
}
