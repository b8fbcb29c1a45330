import { z } from 'zod';
import type { LibraryItem, ListRecordingsRequest, ListRecordingsResponse } from '../../api/library-contract';
import { DomainError } from '../../domain/errors';
import type { StaffIdentity } from '../../domain/identity';
import type { LibraryDeps } from './library-deps';
import { libraryOf, mayOpen, notAllowed, queryFilter } from './library-access';
import { invalidCursor, LibraryCursors } from './library-cursor';
import { libraryItem } from './library-items';

export const DEFAULT_PAGE = 25;

const listPosition = z.object({ endedAt: z.string().max(64), recordingId: z.string().max(64) }).strict();

/** A page of recordings the caller may see, newest first, filtered on the server. */
export async function listRecordings(deps: LibraryDeps, staff: StaffIdentity, request: ListRecordingsRequest): Promise<ListRecordingsResponse> {
  const library = libraryOf(deps);
  const filter = queryFilter(staff, request);
  const limit = request.limit ?? DEFAULT_PAGE;
  const cursors = new LibraryCursors(deps.config.LINK_SIGNING_SECRET);
  const scope = { list: filter, who: staff.identity };
  let after;
  if (request.cursor) {
    const parsed = listPosition.safeParse(cursors.read(scope, request.cursor));
    if (!parsed.success) throw invalidCursor();
    after = parsed.data;
  }
  const rows = await library.list({ filter, after, limit: limit + 1 });
  const items = rows.slice(0, limit).map((r) => libraryItem(r, deps.pipeline.artifacts));
  const last = items[items.length - 1];
  return {
    items,
    ...(rows.length > limit && last ? { nextCursor: cursors.sign(scope, { endedAt: last.endedAt, recordingId: last.recordingId }) } : {}),
  };
}

/** One recording, for the player: 404 when unknown, 403 when it is another agent's. */
export async function getRecording(deps: LibraryDeps, staff: StaffIdentity, recordingId: string): Promise<LibraryItem> {
  const record = await libraryOf(deps).get(recordingId);
  if (!record) throw new DomainError('not_found', 'recording_not_found', 'No such recording.');
  if (!mayOpen(staff, record)) throw notAllowed();
  return libraryItem(record, deps.pipeline.artifacts);
}
