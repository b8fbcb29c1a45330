import type { ClipAction, ClipResponse } from '../../api/contract';
import { DomainError } from '../../domain/errors';
import type { Clip, ClipMode } from '../../domain/clip';
import type { StaffIdentity } from '../../domain/identity';
import type { CoreDeps } from '../deps';
import { clipOfAgent, clipOfLink } from './clip-access';
import { discardTake, pauseTake, resumeTake, sendClip, startTake, stopTake } from './clip-takes';
import { clipView } from './clip-view';
import { CLIP_PREFERENCES, preferInstead, type ClipPreference } from './clip-preference';
import { draftAgentClip, newAgentClip } from './offer-clip';
import type { ClipAnnotation } from '../../domain/clip-annotations';

export interface ClipCommand {
  action: ClipAction;
  mode?: ClipMode;
  consent?: boolean;
  noticeVersion?: string;
  userAgent?: string;
  /** `prefer`: what the customer would rather do than record. */
  preference?: ClipPreference;
  /** `start`, agent clips: the reply template. */
  template?: string;
  /** `send`: what to blur or highlight, and the sender's description. */
  annotations?: ClipAnnotation[];
  description?: string;
}

/** Who is acting on which clip: a customer by their recording link, or an agent on their own clip. */
export type ClipActor =
  | { kind: 'customer'; linkToken: string }
  | { kind: 'agent'; staff: StaffIdentity; clipId?: string; conversationId?: string };

async function clipOf(deps: CoreDeps, actor: ClipActor, action: ClipAction): Promise<Clip> {
  if (actor.kind === 'customer') return clipOfLink(deps, actor.linkToken);
  if (actor.clipId) return clipOfAgent(deps, actor.staff, actor.clipId);
  if (actor.conversationId && action === 'start') return newAgentClip(deps, actor.staff, actor.conversationId);
  if (actor.conversationId && action === 'check') return draftAgentClip(deps, actor.staff, actor.conversationId);
  throw new DomainError('invalid_request', 'clip_missing', 'Name the clip (clipId), or a conversation to start one in.');
}

/** The recorder's one entry: every step of a take, for either kind of author. */
export async function runClipAction(deps: CoreDeps, actor: ClipActor, command: ClipCommand): Promise<ClipResponse> {
  const clip = await clipOf(deps, actor, command.action);
  const view = (c: Clip): ClipResponse => ({ clip: clipView(deps, c) });
  switch (command.action) {
    case 'check':
      return view(clip);
    case 'start': {
      if (!command.mode) throw new DomainError('invalid_request', 'mode_required', 'Choose what to record.');
      const started = await startTake(deps, clip, {
        mode: command.mode,
        consent: command.consent ?? false,
        noticeVersion: command.noticeVersion,
        userAgent: command.userAgent,
        template: command.template,
      });
      return { ...view(started.clip), access: started.access };
    }
    case 'pause':
      return view(await pauseTake(deps, clip));
    case 'resume':
      return view(await resumeTake(deps, clip));
    case 'stop':
      return view(await stopTake(deps, clip));
    case 'retake':
    case 'discard':
      return view(await discardTake(deps, clip));
    case 'send':
      return view(await sendClip(deps, clip, { annotations: command.annotations, description: command.description }));
    case 'prefer': {
      if (!command.preference || !CLIP_PREFERENCES.includes(command.preference)) {
        throw new DomainError('invalid_request', 'invalid_request', 'Say what you would rather do: type or call.');
      }
      return view(await preferInstead(deps, clip, command.preference));
    }
  }
}
