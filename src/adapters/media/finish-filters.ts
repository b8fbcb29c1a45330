import type { ClipAnnotation } from '../../domain/clip-annotations';

/** What the pass needs to know (the core's FinishPlan, restated so this module imports no core). */
export interface FinishPass {
  annotations: readonly ClipAnnotation[];
  muteSpans: readonly { startSeconds: number; endSeconds: number }[];
}

/** Highlight colour: a saturated yellow reads on screens and faces alike. */
const MARK_COLOR = '0xFFD400';
const n = (v: number): string => (Math.round(v * 10000) / 10000).toString();
const during = (a: { startSeconds: number; endSeconds: number }): string => `enable='between(t,${n(a.startSeconds)},${n(a.endSeconds)})'`;

/**
 * A blurred rectangle: the region is cut out, blurred hard (gblur, so no radius limit against a
 * small region) and laid back over the frame only between its times. Sizes are fractions of the
 * frame (iw/ih, W/H), so the graph does not depend on the resolution.
 */
function blur(a: ClipAnnotation, i: number, input: string): { chain: string; output: string } {
  const base = `fb${i}`;
  const region = `fr${i}`;
  const output = `f${i}`;
  const w = `max(2\\,iw*${n(a.width)})`;
  const h = `max(2\\,ih*${n(a.height)})`;
  const chain =
    `[${input}]split[${base}][${region}];` +
    `[${region}]crop=w=${w}:h=${h}:x=iw*${n(a.x)}:y=ih*${n(a.y)},gblur=sigma=30:steps=3[${region}b];` +
    `[${base}][${region}b]overlay=x=W*${n(a.x)}:y=H*${n(a.y)}:${during(a)}[${output}]`;
  return { chain, output };
}

/** A highlight box: a thick outline (1% of the frame's width). */
const box = (a: ClipAnnotation): string =>
  `drawbox=x=iw*${n(a.x)}:y=ih*${n(a.y)}:w=iw*${n(a.width)}:h=ih*${n(a.height)}:color=${MARK_COLOR}:t='max(3,iw/100)':${during(a)}`;

/** A filled square centred on (cx, cy), in fractions of the frame. */
const dot = (cx: number, cy: number, a: ClipAnnotation): string =>
  `drawbox=x=iw*${n(cx)}-iw/160:y=ih*${n(cy)}-iw/160:w=iw/80:h=iw/80:color=${MARK_COLOR}:t=fill:${during(a)}`;

/**
 * An arrow from (x, y) to (x + width, y + height). ffmpeg has no line filter, so the arrow is drawn
 * as a row of filled squares along the shaft and two short rows for the head (±28° off the
 * shaft, 6% of the frame long): plain drawbox, in the same single pass, no image to generate.
 */
function arrow(a: ClipAnnotation): string[] {
  const x2 = a.x + a.width;
  const y2 = a.y + a.height;
  const length = Math.hypot(a.width, a.height);
  const steps = Math.max(2, Math.ceil(length / 0.012));
  const dots: string[] = [];
  for (let k = 0; k <= steps; k++) dots.push(dot(a.x + (a.width * k) / steps, a.y + (a.height * k) / steps, a));
  const angle = Math.atan2(a.height, a.width);
  for (const side of [-1, 1]) {
    const back = angle + Math.PI - side * ((28 * Math.PI) / 180);
    for (let k = 1; k <= 5; k++) dots.push(dot(x2 + Math.cos(back) * 0.012 * k, y2 + Math.sin(back) * 0.012 * k, a));
  }
  return dots;
}

/**
 * The video filter graph of one finishing pass (input `[0:v]`, output `[vout]`), or null when the
 * pass leaves the picture alone (muting only: the video stream is copied, not re-encoded).
 * Blurs come first, so a highlight drawn over a blurred region stays sharp.
 */
export function finishVideoGraph(pass: FinishPass): string | null {
  if (pass.annotations.length === 0) return null;
  const chains: string[] = [];
  let current = '0:v';
  pass.annotations
    .filter((a) => a.kind === 'blur')
    .forEach((a, i) => {
      const step = blur(a, i, current);
      chains.push(step.chain);
      current = step.output;
    });
  const marks = pass.annotations.flatMap((a) => (a.kind === 'box' ? [box(a)] : a.kind === 'arrow' ? arrow(a) : []));
  chains.push(`[${current}]${[...marks, 'format=yuv420p'].join(',')}[vout]`);
  return chains.join(';');
}

/** The audio filter of one pass: each span silenced (volume 0 between its times), or null when nothing is muted. */
export function finishAudioFilter(pass: FinishPass): string | null {
  if (pass.muteSpans.length === 0) return null;
  return pass.muteSpans.map((s) => `volume=volume=0:${during(s)}`).join(',');
}

/** ffmpeg's arguments for the pass: one input, one output, everything else copied where it can be. */
export function finishArgs(input: string, output: string, pass: FinishPass, hasAudio: boolean, o: { preset?: string; crf?: number } = {}): string[] {
  const graph = finishVideoGraph(pass);
  const audio = hasAudio ? finishAudioFilter(pass) : null;
  const args = ['-nostdin', '-y', '-loglevel', 'error', '-i', input];
  if (graph) args.push('-filter_complex', graph, '-map', '[vout]');
  else args.push('-map', '0:v:0');
  if (hasAudio) args.push('-map', '0:a:0');
  if (graph) args.push('-c:v', 'libx264', '-preset', o.preset ?? 'veryfast', '-crf', String(o.crf ?? 23), '-pix_fmt', 'yuv420p');
  else args.push('-c:v', 'copy');
  if (audio) args.push('-af', audio, '-c:a', 'aac', '-b:a', '128k');
  else if (hasAudio) args.push('-c:a', 'copy');
  args.push('-movflags', '+faststart', '-f', 'mp4', output);
  return args;
}
