import { withVideoInsights } from './insights';

const slots = { videoUsedAttribute: 8, recordingAttribute: 9, durationMeasure: 8 };

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
});
