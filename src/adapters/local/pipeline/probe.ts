import { execTool } from './exec';

/**
 * Media duration in seconds. ffprobe reads the container; files whose container has no duration
 * (some live-written WebM) are decoded to the null muxer and the last timestamp is taken.
 */
export async function mediaDuration(path: string, ffprobe = 'ffprobe', ffmpeg = 'ffmpeg'): Promise<number> {
  const { stdout } = await execTool(ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path]);
  const d = Number.parseFloat(stdout.trim());
  if (Number.isFinite(d) && d > 0) return d;
  const { stderr } = await execTool(ffmpeg, ['-nostdin', '-i', path, '-f', 'null', '-']);
  const times = [...stderr.matchAll(/time=(\d+):(\d+):(\d+(?:\.\d+)?)/g)];
  const t = times[times.length - 1];
  if (!t) throw new Error(`cannot tell the duration of ${path}`);
  return Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3]);
}
