/**
 * Voice quality for transcripts: Chrome sends mono Opus at ~32 kbps unless the answer allows
 * more, and at 32 kbps pocketsphinx's word error rate rises sharply (measured: 0.36 → 0.64 on a
 * LibriVox clip) while at 64 kbps it matches the original file. Raising `maxaveragebitrate` on the
 * Opus line of the media server's answer makes the browser publish voice at that rate.
 */
export const VOICE_BITRATE_BPS = 64_000;

export function withOpusBitrate(sdp: string, bitrate = VOICE_BITRATE_BPS): string {
  const payloadTypes = [...sdp.matchAll(/^a=rtpmap:(\d+) opus\/48000/gim)].map((m) => m[1]);
  let out = sdp;
  for (const pt of payloadTypes) {
    const fmtp = new RegExp(`^a=fmtp:${pt} (.*)$`, 'm');
    const match = fmtp.exec(out);
    if (match) {
      const params = match[1].split(';').map((p) => p.trim()).filter((p) => p && !/^maxaveragebitrate=/i.test(p));
      out = out.replace(fmtp, `a=fmtp:${pt} ${[...params, `maxaveragebitrate=${bitrate}`].join(';')}`);
    } else {
      out = out.replace(new RegExp(`^(a=rtpmap:${pt} opus/48000.*)$`, 'm'), `$1\r\na=fmtp:${pt} maxaveragebitrate=${bitrate}`);
    }
  }
  return out;
}
