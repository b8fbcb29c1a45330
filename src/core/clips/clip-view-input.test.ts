import { clipViewInputSchema } from './clip-view-input';

describe('clip viewer events over HTTP', () => {
  it('takes the player’s end of playback as an event of its own, and still refuses unknown ones', () => {
    expect(clipViewInputSchema.parse({ recordingId: 'RE1', event: 'ended', positionSeconds: '99.4' })).toEqual({ recordingId: 'RE1', event: 'ended', positionSeconds: 99.4 });
    expect(clipViewInputSchema.safeParse({ recordingId: 'RE1', event: 'seen' }).success).toBe(false);
  });
});
