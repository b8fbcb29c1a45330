import type { ClipAction } from '../../api/contract';
import type { ClipMode } from '../../domain/clip';
import type { ClipResponse, ClipTakeApi, RecorderClip } from '../api/clip-api';
import { fakeAccess } from './fake-room';

export const CLIP_NOTICE = { version: 'n1', text: 'This clip is recorded and transcribed, and added to your support conversation.' };

export function clipView(overrides: Partial<RecorderClip> = {}): RecorderClip {
  return {
    clipId: 'clip-1',
    status: 'offered',
    authorRole: 'customer',
    agentName: 'Alex',
    take: 0,
    recordedSeconds: 0,
    maxSeconds: 180,
    warnAtSeconds: 150,
    notice: CLIP_NOTICE,
    ...overrides,
  };
}

/**
 * The `/clip` Function's part for recorder tests: moves the clip through its statuses as the
 * server would, records every call, and fails a step when told to (once).
 */
export class FakeClipApi implements ClipTakeApi {
  readonly calls: string[] = [];
  readonly failures: Partial<Record<ClipAction, Error>> = {};
  /** Set what the next step answers beyond the usual status change (e.g. a stopCause). */
  nextPatch: Partial<RecorderClip> = {};

  constructor(public view: RecorderClip = clipView()) {}

  check = () => this.step('check', {});
  pause = () => this.step('pause', { status: 'paused' });
  resume = () => this.step('resume', { status: 'recording' });
  stop = () => this.step('stop', { status: 'stopped', stopCause: this.view.stopCause ?? 'author', recordedSeconds: 42 });
  retake = () => this.step('retake', { status: 'offered', recordedSeconds: 0 });
  send = () => this.step('send', { status: 'sent' });
  discard = () => this.step('discard', { status: 'discarded', recordedSeconds: 0 });

  async start(mode: ClipMode, noticeVersion: string): Promise<ClipResponse> {
    const take = this.view.take + 1;
    const clip = await this.step('start', { status: 'recording', mode, take, stopCause: undefined }, `start:${mode}:${noticeVersion}`);
    return { clip, access: fakeAccess({ roomName: `clip-${clip.clipId}-${take}` }) };
  }

  private async step(action: ClipAction, patch: Partial<RecorderClip>, label: string = action): Promise<RecorderClip> {
    this.calls.push(label);
    await Promise.resolve();
    const failure = this.failures[action];
    if (failure) {
      delete this.failures[action];
      throw failure;
    }
    this.view = { ...this.view, ...patch, ...this.nextPatch };
    this.nextPatch = {};
    return this.view;
  }
}
