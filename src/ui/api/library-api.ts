import type { FunctionsContract } from '../../api/contract';
import type {
  LibraryItem,
  ListRecordingsRequest,
  ListRecordingsResponse,
  SearchTranscriptsRequest,
  SearchTranscriptsResponse,
} from '../../api/library-contract';
import { staffFunctionCall, type StaffFunctionsOptions } from './staff-functions';
import { httpTranscriptCorrectionsApi, type TranscriptCorrectionsApi } from '../library/transcript-corrections-api';

/** What the recordings library asks of the Functions; the Flex view and the local page share it. */
export interface LibraryApi {
  /** One page of recordings, newest first (the server filters by the caller's role). */
  list(request: ListRecordingsRequest): Promise<ListRecordingsResponse>;
  /** One recording, e.g. opened from a link (403 when it is another agent's). */
  get(recordingId: string): Promise<LibraryItem>;
  /** Transcript lines matching a full-text query. */
  search(request: SearchTranscriptsRequest): Promise<SearchTranscriptsResponse>;
  /** Corrected transcripts and review (#22); absent: the player is read only. */
  corrections?: TranscriptCorrectionsApi;
}

export type LibraryApiOptions = StaffFunctionsOptions;

/** The library Functions over HTTP, with the staff token sent the Flex way (`Token` in the body). */
export function httpLibraryApi(options: LibraryApiOptions): LibraryApi {
  const send = staffFunctionCall(options);
  // Empty filter fields are left out, so the server's defaults apply.
  const call = <P extends '/recordings' | '/search-transcripts'>(path: P, body: FunctionsContract[P]['request']) => send(path, withoutEmpty(body) as FunctionsContract[P]['request']);
  return {
    list: (request) => call('/recordings', request),
    // `/recordings` with a `recordingId` answers that one recording, as a one-item page.
    get: async (recordingId) => {
      const page = await call('/recordings', { recordingId });
      const item = page.items?.[0];
      if (!item) throw new Error('The server answered without the recording.');
      return item;
    },
    search: (request) => call('/search-transcripts', request),
    corrections: httpTranscriptCorrectionsApi(options),
  };
}

/** Unset filters are left out, not sent as "" (an empty filter is a malformed one to the server). */
function withoutEmpty(body: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== ''));
}
