import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import type { RecordingViewer } from '../../../src/core/pipeline/playback/authorize';
import { openRecording } from '../../../src/core/pipeline/playback/playback';
import { DomainError } from '../../../src/domain/errors';
import { jsonFunction } from '../lib/json-function';
import { idSchema } from '../lib/schemas';

/**
 * A recording for an authorized viewer: staff by Flex token (owner agent, supervisors), the
 * customer by their link. The video comes back as a short-lived URL for the player, captions
 * and transcript as content (the Flex plugin turns captions into a blob URL for <track>).
 */
export const handler = jsonFunction(
  {
    name: 'recording-media',
    auth: 'staff-optional',
    // The artifact URLs (SqlArtifacts.urls) name the recording in the query: players GET them.
    methods: ['GET', 'POST'],
    schema: z.object({
      recordingId: idSchema,
      file: z.enum(['video.mp4', 'captions.vtt', 'transcript.json']),
      linkToken: z.string().min(1).max(4096).optional(),
    }) satisfies z.ZodType<FunctionsContract['/recording-media']['request']>,
  },
  async ({ body, backend, maybeStaff }): Promise<FunctionsContract['/recording-media']['response']> => {
    let viewer: RecordingViewer;
    if (maybeStaff) viewer = { kind: 'staff', staff: maybeStaff };
    else if (body.linkToken) viewer = { kind: 'customer', link: await backend.deps.links.verify(body.linkToken, backend.deps.clock.now()) };
    else throw new DomainError('unauthorized', 'token_missing', 'Sign in, or open the recording from your call link.');
    return openRecording(backend.deps, viewer, body.recordingId, body.file);
  },
);
