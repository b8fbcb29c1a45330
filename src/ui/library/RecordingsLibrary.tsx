import React, { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryFilter, LibraryItem } from '../../api/library-contract';
import type { LibraryApi } from '../api/library-api';
import type { RecordingMedia } from '../api/recording-media';
import type { LibraryViewerRole } from './format';
import { LibraryFilters } from './LibraryFilters';
import { LibraryPlayer } from './LibraryPlayer';
import { RecordingsTable } from './RecordingsTable';
import { TranscriptSearch } from './TranscriptSearch';
import { useCursorPages } from './useCursorPages';

export interface RecordingsLibraryProps {
  api: LibraryApi;
  /** How this surface plays a recording (local: URLs with the media cookie; Flex: through the Function). */
  media: RecordingMedia;
  /** The UI follows the role; the server enforces it (agents only ever get their own recordings). */
  viewerRole: LibraryViewerRole;
  /** Open this recording at once (a link to one recording). */
  initialRecordingId?: string;
}

interface Open {
  /** Each opening is a fresh player (the same hit twice seeks again). */
  seq: number;
  item: LibraryItem;
  startAt?: number;
  /** Where focus goes back to when the player closes. */
  returnTo: HTMLElement | null;
}

/**
 * The recordings library, the same in the local console and in Flex: transcript search, the
 * filtered list, and the player for the one opened (from a row, a search hit or a link).
 */
export function RecordingsLibrary({ api, media, viewerRole, initialRecordingId }: RecordingsLibraryProps) {
  const [filter, setFilter] = useState<LibraryFilter>({});
  const [open, setOpen] = useState<Open | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const listPage = useCallback((cursor: string | undefined) => api.list({ ...filter, cursor }), [api, filter]);
  const pages = useCursorPages<LibraryItem>(JSON.stringify(filter), listPage);
  const search = useCallback((request: Parameters<LibraryApi['search']>[0]) => api.search(request), [api]);

  const show = (item: LibraryItem, startAt?: number) => {
    setOpenError(null);
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen((o) => ({ seq: (o?.seq ?? 0) + 1, item, startAt, returnTo }));
  };
  const close = () => {
    const back = open?.returnTo;
    setOpen(null);
    // The row or hit that opened it may be gone (the list was refiltered): then the list's heading.
    setTimeout(() => (back?.isConnected ? back : listHeading.current)?.focus(), 0);
  };

  useEffect(() => {
    if (!initialRecordingId) return undefined;
    let live = true;
    api.get(initialRecordingId).then(
      (item) => live && setOpen({ seq: 0, item, returnTo: null }),
      (e: unknown) => live && setOpenError(`Could not open the recording ${initialRecordingId}: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [api, initialRecordingId]);

  return (
    <div className="vx-library" data-testid="recordings-library" data-viewer-role={viewerRole}>
      <p className="vx-library__scope" data-testid="library-scope">
        {viewerRole === 'supervisor' ? 'You see every agent’s recordings.' : 'You see your own calls and clips.'}
      </p>
      {openError && (
        <p className="vx-error" role="alert">
          {openError}
        </p>
      )}
      {open && (
        <LibraryPlayer key={open.seq} item={open.item} media={media} viewerRole={viewerRole} startAt={open.startAt} corrections={api.corrections} onClose={close} />
      )}
      <section className="vx-library__section" aria-labelledby="vx-library-search">
        <h2 id="vx-library-search">Find what was said</h2>
        <TranscriptSearch search={search} filter={filter} onOpen={(hit) => show(hit.recording, hit.start)} />
      </section>
      <section className="vx-library__section" aria-labelledby="vx-library-list">
        <h2 id="vx-library-list" ref={listHeading} tabIndex={-1}>
          {viewerRole === 'supervisor' ? 'All recordings' : 'Your recordings'}
        </h2>
        <LibraryFilters viewerRole={viewerRole} onApply={setFilter} />
        <RecordingsTable pages={pages} filtered={Object.keys(filter).length > 0} onOpen={(item) => show(item)} />
      </section>
    </div>
  );
}
