import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreDeps } from '../../../core/deps';
import type { RecordingViewer } from '../../../core/pipeline/playback/authorize';
import { assertVideoKept, authorizePlayback } from '../../../core/pipeline/playback/playback';
import { DomainError } from '../../../domain/errors';
import type { IdentityPort } from '../../../ports/identity';
import type { MediaKeyRing } from '../crypto/key-ring';
import { openStoredFile } from '../crypto/stored-files';
import type { LocalChatTokens } from '../local-chat-tokens';
import { MEDIA_GRANT_PARAM, MediaGrants } from '../media-grants';
import { serveFile } from '../pipeline/media-files';
import { RECORDING_FILE_TYPES, recordingFilePath, type RecordingFileName } from '../pipeline/local-artifacts';
import { mediaCookie, readCookie } from './cookies';
import { bearerToken, methodNotAllowed, readJson, sendJson } from './http-helpers';
import type { RouteHandler } from './http-helpers';

export const STAFF_MEDIA_COOKIE = 've_staff_media';
export const LINK_MEDIA_COOKIE = 've_link_media';
export const CHAT_MEDIA_COOKIE = 've_chat_media';
export const CHAT_MEDIA_COOKIE_TTL_SECONDS = 12 * 3600;
const ROUTE = /^\/media\/recordings\/([A-Za-z0-9_-]{1,64})\/(video\.mp4|captions\.vtt|transcript\.json)$/;

export interface MediaViewerDeps {
  deps: CoreDeps;
  identity: IdentityPort;
  chatTokens: LocalChatTokens;
}

/**
 * Who asks, from a media request: staff by token (header or media cookie), the customer in their
 * chat by the chat media cookie, or by their link's media cookie. Clip viewer events use it too.
 */
export async function mediaViewerOf(o: MediaViewerDeps, req: IncomingMessage): Promise<RecordingViewer> {
  const staffToken = bearerToken(req) ?? readCookie(req, STAFF_MEDIA_COOKIE);
  if (staffToken) return { kind: 'staff', staff: await o.identity.verify(staffToken) };
  const chatConversation = await o.chatTokens.verify(readCookie(req, CHAT_MEDIA_COOKIE) ?? '');
  if (chatConversation) return { kind: 'chat', conversationId: chatConversation };
  const linkToken = readCookie(req, LINK_MEDIA_COOKIE);
  if (linkToken) return { kind: 'customer', link: await o.deps.links.verify(linkToken, o.deps.clock.now()) };
  throw new DomainError('unauthorized', 'token_missing', 'Sign in to watch this recording.');
}

/**
 * Recording playback, for authorized viewers only: staff by token (header or media cookie), the
 * customer from their chat (chat media cookie) or by their link (exchanged for a media cookie),
 * or a player holding a short-lived grant for the one file (the watch page). Range requests make seeking work.
 * Files are sealed at rest: each request decrypts only the chunks its range covers.
 */
export function recordingMediaRoutes(o: MediaViewerDeps & { dataDir: string; mediaKeys: MediaKeyRing }): RouteHandler {
  const viewerOf = (req: IncomingMessage) => mediaViewerOf(o, req);
  const grants = new MediaGrants(o.deps.config.LINK_SIGNING_SECRET, o.deps.config.MEDIA_URL_TTL_SECONDS);

  return async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (path === '/api/media/session') {
      if (req.method !== 'POST') throw methodNotAllowed(['POST']);
      await startMediaSession(req, res);
      return true;
    }
    const match = ROUTE.exec(path);
    if (!match) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET', 'HEAD']);
    const [, recordingId, file] = match;
    const name = file as RecordingFileName;
    const job = await grantedJob(req, recordingId, name) ?? (await authorizePlayback(o.deps, await viewerOf(req), recordingId));
    if (name === 'video.mp4') assertVideoKept(job);
    await serveFile(req, res, recordingFilePath(o.dataDir, recordingId, name), RECORDING_FILE_TYPES[name], (p) => openStoredFile(p, o.mediaKeys));
    return true;
  };

  /**
   * A URL the player was handed after its viewer was checked (LocalRecordingArtifacts.videoUrl):
   * the grant opens this one file while it lasts. Null without one; 401 for a bad or lapsed one.
   */
  async function grantedJob(req: IncomingMessage, recordingId: string, name: RecordingFileName) {
    const grant = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get(MEDIA_GRANT_PARAM);
    if (grant === null) return null;
    if (!(await grants.allows(grant, recordingId, name))) {
      throw new DomainError('unauthorized', 'token_invalid', 'This video link has lapsed. Reload the page to play it again.');
    }
    const job = await o.deps.pipeline.store.getByRecordingId(recordingId);
    if (!job) throw new DomainError('not_found', 'recording_not_found', 'No such recording.');
    return job;
  }

  /** Exchanges a credential for an HttpOnly media cookie, so <video> and <track> can load. */
  async function startMediaSession(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const staffToken = bearerToken(req);
    if (staffToken) {
      await o.identity.verify(staffToken);
      res.setHeader('Set-Cookie', mediaCookie(STAFF_MEDIA_COOKIE, staffToken, 12 * 3600));
    } else if (typeof body.linkToken === 'string') {
      const claims = await o.deps.links.verify(body.linkToken, o.deps.clock.now());
      const ttl = (claims.expiresAt.getTime() - o.deps.clock.now().getTime()) / 1000;
      res.setHeader('Set-Cookie', mediaCookie(LINK_MEDIA_COOKIE, body.linkToken, ttl));
    } else {
      throw new DomainError('unauthorized', 'token_missing', 'Send a staff token or a customer link.');
    }
    sendJson(res, 200, { ok: true });
  }
}
