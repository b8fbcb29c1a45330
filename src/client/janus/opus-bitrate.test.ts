import { withOpusBitrate } from './opus-bitrate';

const answer = [
  'v=0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'a=rtpmap:111 opus/48000/2',
  'a=fmtp:111 minptime=10;useinbandfec=1;maxaveragebitrate=32000',
  'm=video 9 UDP/TLS/RTP/SAVPF 96',
  'a=rtpmap:96 VP8/90000',
  '',
].join('\r\n');

describe('withOpusBitrate', () => {
  it('replaces the Opus bitrate and keeps the other parameters and lines', () => {
    const out = withOpusBitrate(answer, 64000);
    expect(out).toContain('a=fmtp:111 minptime=10;useinbandfec=1;maxaveragebitrate=64000\r\n');
    expect(out).not.toContain('32000');
    expect(out).toContain('a=rtpmap:96 VP8/90000');
  });

  it('adds an fmtp line when the answer has none', () => {
    const bare = answer.replace('a=fmtp:111 minptime=10;useinbandfec=1;maxaveragebitrate=32000\r\n', '');
    expect(withOpusBitrate(bare, 48000)).toContain('a=rtpmap:111 opus/48000/2\r\na=fmtp:111 maxaveragebitrate=48000\r\n');
  });

  it('leaves an answer without Opus unchanged', () => {
    const video = 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n';
    expect(withOpusBitrate(video)).toBe(video);
  });
});
