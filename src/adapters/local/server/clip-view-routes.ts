import type { IncomingMessage, ServerResponse } from 'node:http';
import { clipViewInputSchema } from '../../../core/clips/clip-view-input';
import { recordClipView } from '../../../core/clips/record-clip-view';
import { DomainError } from '../../../domain/errors';
import { methodNotAllowed, readJson, sendJson } from './http-helpers';
import type { RouteHandler } from './http-helpers';
import { mediaViewerOf, type MediaViewerDeps } from './recording-media-routes';

export const CLIP_VIEWS_PATH = '/media/clip-views';

/**
 * Clip viewer events from whoever may play the clip, known exactly as the player knows them
 * (mediaViewerOf). This is the customer's door: their chat credential is the chat media cookie,
 * which is scoped to /media and lives in this process, so the `clip-view` Function (under
 * twilio-run, another path) never sees it. Staff may use it too; the Function is theirs elsewhere.
 */
export function clipViewRoutes(o: MediaViewerDeps): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (path !== CLIP_VIEWS_PATH) return false;
    if (req.method !== 'POST') throw methodNotAllowed(['POST']);
    const viewer = await mediaViewerOf(o, req);
    const parsed = clipViewInputSchema.safeParse(await readJson(req));
    if (!parsed.success) {
      throw new DomainError('invalid_request', 'invalid_request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    }
    sendJson(res, 200, await recordClipView(o.deps, viewer, parsed.data));
    return true;
  };
}
