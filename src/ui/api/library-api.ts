import type { FunctionsContract } from '../../api/contract';
import type {
  LibraryItem,
  ListRecordingsRequest,
  ListRecordingsResponse,
  SearchTranscriptsRequest,
  SearchTranscriptsResponse,
} from '../../api/library-contract';
import { requestJson } from '../../client/request-json';

/** What the recordings library asks of the Functions; the Flex view and the local page share it. */
export interface LibraryApi {
  /** One page of recordings, newest first (the server filters by the caller's role). */
  list(request: ListRecordingsRequest): Promise<ListRecordingsResponse>;
  /** One recording, e.g. opened from a link (403 when it is another agent's). */
  get(recordingId: string): Promise<LibraryItem>;
  /** Transcript lines matching a full-text query. */
  search(request: SearchTranscriptsRequest): Promise<SearchTranscriptsResponse>;
}

export interface LibraryApiOptions {
  /** Where the Functions are: '' for the same origin (local stack), the Functions domain in Flex. */
  baseUrl: string;
  /** The staff token at the moment of the call (Flex refreshes it: read it each time). */
  token(): string | null;
  fetchImpl?: typeof fetch;
}

/** The library Functions over HTTP, with the staff token sent the Flex way (`Token` in the body). */
export function httpLibraryApi({ baseUrl, token, fetchImpl }: LibraryApiOptions): LibraryApi {
  const call = <P extends keyof FunctionsContract>(path: P, body: FunctionsContract[P]['request']) =>
    requestJson<FunctionsContract[P]['response']>(
      `${baseUrl.replace(/\/$/, '')}${path}`,
      { method: 'POST', body: { ...withoutEmpty(body), Token: token() ?? '' } },
      fetchImpl,
    );
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
  };
}

/** Unset filters are left out, not sent as "" (an empty filter is a malformed one to the server). */
function withoutEmpty(body: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== ''));
}
