import type { Clock } from '../../ports/clock';
import type { PrivacyStore } from '../../ports/privacy-store';
import type { RecordingLibrary } from '../../ports/recording-library';
import type { PipelineDeps } from '../pipeline/deps';

/** What correcting and reviewing recordings touch (CoreDeps has it): the pipeline's job, files, library and chat, and the audit log. */
export interface CorrectionDeps {
  pipeline: PipelineDeps;
  privacy: Pick<PrivacyStore, 'appendAudit'>;
  clock: Clock;
  newId: () => string;
}

/** The library the pipeline keeps; a back end without one cannot answer (a 5xx: our fault, not the caller's). */
export function libraryFor(deps: CorrectionDeps): RecordingLibrary {
  if (!deps.pipeline.library) throw new Error('this back end keeps no recordings library');
  return deps.pipeline.library;
}
