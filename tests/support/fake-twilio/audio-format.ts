/**
 * What Voice Intelligence finds when it reads a media file's first bytes: the container by its
 * magic number, and (for the formats it takes) the channel count. Voice Intelligence takes WAV,
 * MP3 and FLAC only (error 95104, https://www.twilio.com/docs/api/errors/95104); anything else
 * (an mp4 or webm composition, a text error page) is `null`.
 */
export interface SniffedAudio {
  format: 'wav' | 'mp3' | 'flac';
  channels: number;
  /** Seconds, where the header says (WAV, FLAC); undefined for MP3. */
  durationSeconds?: number;
}

const ascii = (b: Buffer, at: number, text: string) => b.length >= at + text.length && b.toString('latin1', at, at + text.length) === text;

function wav(b: Buffer): SniffedAudio | null {
  if (!ascii(b, 0, 'RIFF') || !ascii(b, 8, 'WAVE')) return null;
  let channels = 0;
  let byteRate = 0;
  let dataBytes: number | undefined;
  for (let at = 12; at + 8 <= b.length; ) {
    const id = b.toString('latin1', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    if (id === 'fmt ' && at + 20 <= b.length) {
      channels = b.readUInt16LE(at + 10);
      byteRate = b.readUInt32LE(at + 16);
    }
    if (id === 'data') dataBytes = size;
    at += 8 + size + (size % 2);
  }
  if (channels < 1) return null;
  return { format: 'wav', channels, ...(dataBytes !== undefined && byteRate > 0 ? { durationSeconds: dataBytes / byteRate } : {}) };
}

/** `fLaC`, then the STREAMINFO block: 20 bits sample rate, 3 bits channels − 1, 5 bits depth, 36 bits samples. */
function flac(b: Buffer): SniffedAudio | null {
  if (!ascii(b, 0, 'fLaC') || b.length < 8 + 18 || (b[4] & 0x7f) !== 0) return null;
  const d = b.subarray(8);
  const rate = (d[10] << 12) | (d[11] << 4) | (d[12] >> 4);
  const channels = ((d[12] >> 1) & 0x07) + 1;
  const samples = (d[13] & 0x0f) * 2 ** 32 + d.readUInt32BE(14);
  return { format: 'flac', channels, ...(rate > 0 && samples > 0 ? { durationSeconds: samples / rate } : {}) };
}

/** An ID3v2 tag (skipped by its syncsafe size), then an MPEG audio frame: 11 sync bits. */
function mp3(b: Buffer): SniffedAudio | null {
  let at = 0;
  if (ascii(b, 0, 'ID3') && b.length >= 10) at = 10 + (((b[6] & 0x7f) << 21) | ((b[7] & 0x7f) << 14) | ((b[8] & 0x7f) << 7) | (b[9] & 0x7f));
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1] & 0xe0) !== 0xe0) return null;
  // Layer bits 00 are reserved; channel mode 11 is mono.
  if ((b[at + 1] & 0x06) === 0) return null;
  return { format: 'mp3', channels: b[at + 3] >> 6 === 3 ? 1 : 2 };
}

export function sniffAudio(bytes: Buffer): SniffedAudio | null {
  return wav(bytes) ?? flac(bytes) ?? mp3(bytes);
}

/** A name for what was refused, for the error message (mp4 and webm are what Compositions make). */
export function describeMedia(bytes: Buffer): string {
  if (ascii(bytes, 4, 'ftyp')) return 'an MP4/ISO media file';
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) return 'a WebM/Matroska file';
  if (ascii(bytes, 0, 'OggS')) return 'an Ogg file';
  return bytes.length === 0 ? 'an empty body' : 'an unrecognised format';
}
