import type { TicketVideoFacts } from '../../src/api/support-ticket-contract';
import { recordVideoInsights, videoFactsOfTicket, withVideoInsights } from './insights';

const slots = {
  videoUsedAttribute: 8,
  recordingAttribute: 9,
  durationMeasure: 8,
  callsMeasure: 9,
  callSecondsMeasure: 10,
  customerClipsMeasure: 7,
  agentClipsMeasure: 6,
  clipSecondsMeasure: 5,
  csatMeasure: 4,
};

const ticket = (over: Partial<TicketVideoFacts> = {}): TicketVideoFacts => ({
  videoUsed: true,
  calls: 2,
  callSeconds: 301.4,
  customerClips: 1,
  agentClips: 0,
  clipSeconds: 42.6,
  customerMessages: 9,
  agentMessages: 7,
  csat: 4,
  resolved: true,
  ...over,
});

describe('withVideoInsights', () => {
  it('sets the video facts under conversations, keeping every other attribute', () => {
    const before = { customerName: 'Jordan', conversations: { content: 'router', media: [{ conversation_sid: 'CH1' }] } };
    const after = withVideoInsights(before, { videoUsed: true, durationSeconds: 61.6 }, slots);
    expect(after).toEqual({
      customerName: 'Jordan',
      conversations: { content: 'router', media: [{ conversation_sid: 'CH1' }], conversation_attribute_8: 'Yes', conversation_measure_8: 62 },
    });
    expect(before.conversations).not.toHaveProperty('conversation_attribute_8'); // not mutated
  });

  it('appends the recording to the media links once, never replacing Flex’s own', () => {
    const once = withVideoInsights({ conversations: { media: [{ conversation_sid: 'CH1' }] } }, { recordingUrl: 'https://r' }, slots);
    const twice = withVideoInsights(once, { recordingUrl: 'https://r' }, slots);
    expect(twice.conversations).toEqual({
      conversation_attribute_9: 'Yes',
      media: [{ conversation_sid: 'CH1' }, { type: 'Referenced', url: 'https://r', title: 'Video call recording' }],
    });
    expect(withVideoInsights({}, { recordingUrl: 'https://r' }, slots).conversations).toMatchObject({ media: [{ type: 'Referenced' }] });
  });

  it('writes the ticket’s totals in their measure slots, rounded, keeping the task’s other attributes', () => {
    const before = { customerName: 'Jordan', conversations: { outcome: 'Fixed', conversation_measure_1: 12, media: [{ conversation_sid: 'CH1' }] } };
    expect(withVideoInsights(before, videoFactsOfTicket(ticket()), slots)).toEqual({
      customerName: 'Jordan',
      conversations: {
        outcome: 'Fixed',
        conversation_measure_1: 12,
        media: [{ conversation_sid: 'CH1' }],
        conversation_attribute_8: 'Yes',
        conversation_measure_9: 2,
        conversation_measure_10: 301,
        conversation_measure_7: 1,
        conversation_measure_6: 0,
        conversation_measure_5: 43,
        conversation_measure_4: 4,
      },
    });
  });

  it('leaves CSAT out while the survey is unanswered, and says nothing of video not used', () => {
    const conversations = withVideoInsights({}, videoFactsOfTicket(ticket({ csat: null, videoUsed: false, calls: 0 })), slots).conversations as Record<string, unknown>;
    expect(conversations).not.toHaveProperty('conversation_measure_4');
    expect(conversations).not.toHaveProperty('conversation_attribute_8');
    expect(conversations.conversation_measure_9).toBe(0);
  });

  it('writes no measure from a fact that is not a number', () => {
    const odd = { calls: Number.NaN, callSeconds: '12' as unknown as number };
    expect(withVideoInsights({}, odd, slots)).toEqual({ conversations: {} });
  });

  it('hands TaskRouter the whole attributes, ours added', async () => {
    const task = { attributes: { customerName: 'Jordan' } as Record<string, unknown>, setAttributes: jest.fn(async () => undefined) };
    await recordVideoInsights(task, { calls: 1 }, slots);
    expect(task.setAttributes).toHaveBeenCalledWith({ customerName: 'Jordan', conversations: { conversation_measure_9: 1 } });
  });
});
