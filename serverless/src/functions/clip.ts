import { z } from 'zod';
import type { FunctionsContract } from '../../../src/api/contract';
import { CLIP_MODES } from '../../../src/domain/clip';
import { DomainError } from '../../../src/domain/errors';
import { runClipAction, type ClipActor } from '../../../src/core/clips/clip-actions';
import { CLIP_PREFERENCES } from '../../../src/core/clips/clip-preference';
import { jsonFunction } from '../lib/json-function';
import { idSchema, looseBoolean } from '../lib/schemas';
import { clipAnnotationsSchema, clipDescriptionSchema } from '../../../src/core/pipeline/finish/clip-annotation-schema';

/**
 * Every step of a clip take (check, start, pause, resume, stop, retake, send, discard), and
 * `prefer` (the customer would rather type, or have a live call: the agent is told). The
 * customer is authenticated by the recording link; an agent by their token, on their own clip.
 */
export const handler = jsonFunction(
  {
    name: 'clip',
    auth: 'staff-optional',
    schema: z.object({
      action: z.enum(['check', 'start', 'pause', 'resume', 'stop', 'retake', 'send', 'discard', 'prefer']),
      linkToken: z.string().min(1).max(4096).optional(),
      clipId: idSchema.optional(),
      conversationId: idSchema.optional(),
      mode: z.enum(CLIP_MODES).optional(),
      consent: looseBoolean.default(false),
      noticeVersion: z.string().max(64).optional(),
      template: z.string().max(64).optional(),
      preference: z.enum(CLIP_PREFERENCES).optional(),
      annotations: clipAnnotationsSchema.optional(),
      description: clipDescriptionSchema.optional(),
    }) satisfies z.ZodType<FunctionsContract['/clip']['request']>,
  },
  async ({ body, backend, maybeStaff, userAgent }): Promise<FunctionsContract['/clip']['response']> => {
    let actor: ClipActor;
    if (body.linkToken) actor = { kind: 'customer', linkToken: body.linkToken };
    else if (maybeStaff) actor = { kind: 'agent', staff: maybeStaff, clipId: body.clipId, conversationId: body.conversationId };
    else throw new DomainError('unauthorized', 'token_missing', 'Open the recording link again, or sign in.');
    return runClipAction(backend.deps, actor, {
      action: body.action,
      mode: body.mode,
      consent: body.consent,
      noticeVersion: body.noticeVersion,
      userAgent,
      preference: body.preference,
      template: body.template,
      annotations: body.annotations,
      description: body.description,
    });
  },
);
