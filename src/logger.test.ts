import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

describe('logger', () => {
  it('drops what it cannot write (stdout on a full disk) instead of crashing the process', () => {
    const full = openSync('/dev/full', 'w'); // every write fails with ENOSPC
    try {
      // A process that logs a lot to a full stdout, then must still be running to say so.
      const script = `
        const { logger } = require('./src/logger');
        let i = 0;
        const timer = setInterval(() => {
          for (let j = 0; j < 200; j++) logger.info({ i: i++, pad: 'x'.repeat(200) }, 'line');
          if (i >= 4000) { clearInterval(timer); setTimeout(() => { process.stderr.write('still alive ' + i); }, 100); }
        }, 1);`;
      const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
        cwd: ROOT,
        stdio: ['ignore', full, 'pipe'],
        env: { ...process.env, LOG_LEVEL: 'info' },
        timeout: 30_000,
      });
      expect({ status: run.status, signal: run.signal, stderr: run.stderr.toString() }).toEqual({ status: 0, signal: null, stderr: 'still alive 4000' });
    } finally {
      closeSync(full);
    }
  });
});
