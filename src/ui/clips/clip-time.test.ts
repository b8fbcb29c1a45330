import { announcementBetween, formatClock, limitText } from './clip-time';

const limits = { warnAtSeconds: 150, maxSeconds: 180 };

describe('clip time', () => {
  it('shows mm:ss', () => {
    expect([0, 5.9, 61, 150, 600].map(formatClock)).toEqual(['00:00', '00:05', '01:01', '02:30', '10:00']);
    expect(formatClock(-3)).toBe('00:00');
  });

  it('names the cap', () => {
    expect(limitText(180)).toBe('3-minute');
    expect(limitText(60)).toBe('1-minute');
    expect(limitText(150)).toBe('2:30');
  });

  it('announces each full minute and the warning, and nothing in between', () => {
    const heard: string[] = [];
    for (let t = 0.25; t <= 180; t += 0.25) {
      const text = announcementBetween(t - 0.25, t, limits);
      if (text) heard.push(`${t}: ${text}`);
    }
    expect(heard).toEqual(['60: 1 minute recorded', '120: 2 minutes recorded', '150: 30 seconds left']);
  });

  it('a big step (a slow tick) still says the minute once', () => {
    expect(announcementBetween(59, 61.5, limits)).toBe('1 minute recorded');
    expect(announcementBetween(61.5, 62, limits)).toBeNull();
  });
});
