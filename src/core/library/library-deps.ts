import type { Config } from '../../config';
import type { PipelineDeps } from '../pipeline/deps';

/** What the library use cases touch (CoreDeps has it): the cursor key and the library the pipeline keeps. */
export interface LibraryDeps {
  config: Pick<Config, 'LINK_SIGNING_SECRET'>;
  pipeline: Pick<PipelineDeps, 'library' | 'artifacts'>;
}
