import type { ClipRequest } from '../../../api/contract';
import type { ClipEndpoint } from '../../api/clip-api';
import { withTemplateOnStart } from './template-endpoint';
import { targetLengthText, clockText } from './target-length';

describe('withTemplateOnStart', () => {
  it('adds the template chosen at the moment of each start, and nothing to other steps or without one', async () => {
    const sent: ClipRequest[] = [];
    const endpoint: ClipEndpoint = async (body) => {
      sent.push(body as ClipRequest);
      return { clip: {} } as Awaited<ReturnType<ClipEndpoint>>;
    };
    let chosen: string | null = 'setup';
    const wrapped = withTemplateOnStart(endpoint, () => chosen);
    await wrapped({ action: 'start', conversationId: 'CH1', mode: 'screen', consent: true, noticeVersion: 'v1' });
    await wrapped({ action: 'send', clipId: 'CL1' });
    chosen = null;
    await wrapped({ action: 'start', clipId: 'CL1', mode: 'screen', consent: true, noticeVersion: 'v1' });
    expect(sent.map((b) => b.template)).toEqual(['setup', undefined, undefined]);
    expect(sent[0]).toMatchObject({ action: 'start', conversationId: 'CH1', mode: 'screen' });
    expect('template' in sent[2]).toBe(false);
  });
});

describe('target length text', () => {
  it('reads aloud well', () => {
    expect(targetLengthText({ minSeconds: 60, maxSeconds: 180 })).toBe('1 to 3 minutes');
    expect(targetLengthText({ minSeconds: 45, maxSeconds: 120 })).toBe('45 seconds to 2 minutes');
    expect(targetLengthText({ minSeconds: 30, maxSeconds: 60 })).toBe('30 seconds to 1 minute');
    expect(clockText(65.9)).toBe('1:05');
    expect(clockText(-2)).toBe('0:00');
  });
});
