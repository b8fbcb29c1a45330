import { execTool } from './exec';
import { finishArgs, type FinishPass } from './finish-filters';

export interface FinishVideoOptions {
  ffmpeg?: string;
  ffprobe?: string;
  timeoutMs?: number;
  preset?: string;
}

/** Does the file carry an audio stream? (A clip recorded without a microphone has none.) */
async function hasAudioStream(path: string, ffprobe: string): Promise<boolean> {
  const { stdout } = await execTool(ffprobe, ['-v', 'error', '-select_streams', 'a', '-show_entries', 'stream=index', '-of', 'csv=p=0', path]);
  return stdout.trim().length > 0;
}

async function durationOf(path: string, ffprobe: string): Promise<number | undefined> {
  const { stdout } = await execTool(ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path]);
  const d = Number.parseFloat(stdout.trim());
  return Number.isFinite(d) && d > 0 ? Math.round(d * 1000) / 1000 : undefined;
}

/**
 * The finishing pass, shared by the local pipeline and the Twilio media worker: blur and mark-up
 * burned into the picture, spoken personal data silenced, in one ffmpeg run from `input` (plain
 * mp4) to `output` (plain mp4). Returns the finished video's duration.
 */
export async function finishVideo(input: string, output: string, pass: FinishPass, o: FinishVideoOptions = {}): Promise<{ durationSeconds?: number }> {
  const ffmpeg = o.ffmpeg ?? 'ffmpeg';
  const ffprobe = o.ffprobe ?? 'ffprobe';
  const audio = await hasAudioStream(input, ffprobe);
  await execTool(ffmpeg, finishArgs(input, output, pass, audio, { preset: o.preset }), { timeoutMs: o.timeoutMs ?? 15 * 60_000 });
  return { durationSeconds: await durationOf(output, ffprobe) };
}
