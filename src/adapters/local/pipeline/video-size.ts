import { execTool } from './exec';

/** Width and height of a file's first video stream (ffprobe), e.g. a screen track's own resolution. */
export async function videoSize(path: string, ffprobe = 'ffprobe'): Promise<{ width: number; height: number }> {
  const { stdout } = await execTool(ffprobe, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0:s=x', path]);
  const m = /^(\d+)x(\d+)/.exec(stdout.trim());
  if (!m || Number(m[1]) === 0 || Number(m[2]) === 0) throw new Error(`no video size in ${path}`);
  return { width: Number(m[1]), height: Number(m[2]) };
}
