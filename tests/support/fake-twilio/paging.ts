import type { RecordedRequest, Reply } from './types';
import { one } from './types';

const PAGING = new Set(['PageSize', 'Page', 'PageToken']);

/**
 * A list answer the way Twilio's v1/v2 APIs page: `{ <key>: [...], meta: {...} }` with absolute
 * `https://<host>/...` page URLs (twilio-node follows `meta.next_page_url`). Filters stay in the URLs.
 * Page tokens are `PT<offset>`; Twilio's are opaque, so nothing may parse them.
 */
export function pageOf(req: RecordedRequest, key: string, items: unknown[]): Reply {
  const pageSize = Math.min(Math.max(Number(one(req.query, 'PageSize') ?? 50) || 50, 1), 1000);
  const page = Number(one(req.query, 'Page') ?? 0) || 0;
  const token = one(req.query, 'PageToken');
  const offset = token?.startsWith('PT') ? Number(token.slice(2)) || 0 : page * pageSize;
  const filters = Object.entries(req.query).filter(([k]) => !PAGING.has(k));
  const url = (p: number, off: number | null) => {
    const q = new URLSearchParams();
    for (const [k, v] of filters) for (const x of Array.isArray(v) ? v : [v]) q.append(k, x);
    q.set('PageSize', String(pageSize));
    q.set('Page', String(p));
    if (off !== null) q.set('PageToken', `PT${off}`);
    return `https://${req.host}${req.path}?${q.toString()}`;
  };
  const hasNext = offset + pageSize < items.length;
  return {
    status: 200,
    body: {
      [key]: items.slice(offset, offset + pageSize),
      meta: {
        page,
        page_size: pageSize,
        first_page_url: url(0, null),
        previous_page_url: page > 0 ? url(page - 1, Math.max(offset - pageSize, 0)) : null,
        url: url(page, token ? offset : null),
        next_page_url: hasNext ? url(page + 1, offset + pageSize) : null,
        key,
      },
    },
  };
}
