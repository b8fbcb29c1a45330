import type { ParticipantMedia } from './local-media';

export interface Tile {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Grid for 1–4 participants: one full frame, two side by side, or 2×2 (a third centred below). */
export function gridTiles(count: number, width: number, height: number): Tile[] {
  if (count < 1 || count > 4) throw new Error(`grid layout supports 1–4 participants, got ${count}`);
  if (count === 1) return [{ x: 0, y: 0, w: width, h: height }];
  const w = Math.floor(width / 4) * 2;
  const h = Math.floor(height / 4) * 2;
  if (count === 2) return [0, 1].map((i) => ({ x: i * w, y: Math.floor(height / 4), w, h }));
  const tiles = [0, 1, 2, 3].map((i) => ({ x: (i % 2) * w, y: Math.floor(i / 2) * h, w, h }));
  if (count === 3) tiles[2] = { ...tiles[2], x: Math.floor(width / 4) };
  return tiles.slice(0, count);
}

export interface ComposeGraphOptions {
  width: number;
  height: number;
  fps: number;
  durationSeconds: number;
}

const num = (n: number) => Number(n.toFixed(3)).toString();

/**
 * ffmpeg filter graph for a call: a dark canvas with one tile per participant with video (up to 4,
 * in order of first appearance), each video track overlaid on its participant's tile from its start offset
 * (overlay passes the canvas through before a track starts and after it ends), and every audio
 * track delayed to its offset and mixed. Input i of ffmpeg is `media[i]`.
 */
export function composeFilterGraph(media: readonly ParticipantMedia[], o: ComposeGraphOptions): { graph: string; hasAudio: boolean } {
  // Tiles go to people with a picture: a supervisor who barged in with audio only, or someone
  // whose camera stayed off, is heard in the mix and takes no empty tile.
  const people: string[] = [];
  for (const m of [...media].sort((a, b) => a.startOffsetSeconds - b.startOffsetSeconds)) {
    if (m.kind === 'video' && !people.includes(m.participantIdentity) && people.length < 4) people.push(m.participantIdentity);
  }
  const tiles = gridTiles(Math.max(1, people.length), o.width, o.height);
  const parts: string[] = [];
  const boxes = tiles.map((t) => `drawbox=x=${t.x}:y=${t.y}:w=${t.w}:h=${t.h}:color=0x3a3a3a:t=fill`).join(',');
  parts.push(`color=c=0x202020:s=${o.width}x${o.height}:r=${o.fps}:d=${num(o.durationSeconds)},${boxes}[bg]`);
  let last = 'bg';
  let v = 0;
  const audio: string[] = [];
  media.forEach((m, i) => {
    if (m.kind === 'video') {
      const tile = tiles[people.indexOf(m.participantIdentity)];
      if (!tile) return; // a fifth person has no tile; their audio is still mixed
      parts.push(
        `[${i}:v]setpts=PTS-STARTPTS+${num(m.startOffsetSeconds)}/TB,` +
          `scale=${tile.w}:${tile.h}:force_original_aspect_ratio=decrease,` +
          `pad=${tile.w}:${tile.h}:(ow-iw)/2:(oh-ih)/2[v${v}]`,
      );
      parts.push(`[${last}][v${v}]overlay=${tile.x}:${tile.y}:eof_action=pass:repeatlast=0[o${v}]`);
      last = `o${v}`;
      v++;
    } else {
      const ms = Math.round(m.startOffsetSeconds * 1000);
      parts.push(`[${i}:a]aresample=48000,asetpts=PTS-STARTPTS,adelay=delays=${ms}:all=1[a${audio.length}]`);
      audio.push(`[a${audio.length}]`);
    }
  });
  parts.push(`[${last}]null[vout]`);
  if (audio.length === 1) parts.push(`${audio[0]}anull[aout]`);
  if (audio.length > 1) parts.push(`${audio.join('')}amix=inputs=${audio.length}:duration=longest:normalize=0[aout]`);
  return { graph: parts.join(';'), hasAudio: audio.length > 0 };
}
