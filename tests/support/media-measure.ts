import { execTool } from '../../src/adapters/media/exec';

/**
 * Sharpness of a region of one frame: the mean absolute difference between horizontally
 * neighbouring grey pixels. A blurred region scores a fraction of what the same region scores sharp.
 * Region in fractions of the frame.
 */
export async function regionSharpness(file: string, atSeconds: number, r: { x: number; y: number; width: number; height: number }): Promise<number> {
  const crop = `crop=iw*${r.width}:ih*${r.height}:iw*${r.x}:ih*${r.y},scale=160:90:flags=neighbor,format=gray`;
  const { stdout } = await execRaw('ffmpeg', ['-nostdin', '-loglevel', 'error', '-ss', String(atSeconds), '-i', file, '-frames:v', '1', '-vf', crop, '-f', 'rawvideo', '-']);
  let sum = 0;
  let count = 0;
  for (let y = 0; y < 90; y++) {
    for (let x = 1; x < 160; x++) {
      sum += Math.abs(stdout[y * 160 + x] - stdout[y * 160 + x - 1]);
      count++;
    }
  }
  return sum / count;
}

/** The RMS level (dBFS) of the audio between two times; about -91 or lower for digital silence. */
export async function audioLevelDb(file: string, fromSeconds: number, toSeconds: number): Promise<number> {
  const { stderr } = await execTool('ffmpeg', ['-nostdin', '-ss', String(fromSeconds), '-t', String(toSeconds - fromSeconds), '-i', file, '-vn', '-af', 'volumedetect', '-f', 'null', '-']);
  const m = /mean_volume:\s*(-?[\d.]+|-inf) dB/.exec(stderr);
  if (!m) throw new Error(`no level measured in ${file}`);
  return m[1] === '-inf' ? -Infinity : Number(m[1]);
}

/** Raw stdout as bytes (execTool gives text). */
async function execRaw(cmd: string, args: string[]): Promise<{ stdout: Buffer }> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ stdout: Buffer.concat(out) }) : reject(new Error(Buffer.concat(err).toString()))));
  });
}

/** An 8-second test video: a detailed moving pattern and a steady tone, like a screen and a voice. */
export async function makeTestVideo(path: string, seconds = 8): Promise<void> {
  await execTool('ffmpeg', [
    '-nostdin', '-y', '-loglevel', 'error',
    '-f', 'lavfi', '-i', `testsrc2=size=640x360:rate=15:duration=${seconds},noise=alls=30:allf=t`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', path,
  ]);
}
