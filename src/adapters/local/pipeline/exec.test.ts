import { execTool } from './exec';

describe('execTool', () => {
  // `nice` with no arguments prints the niceness it runs at; the short sleep lets the priority land first.
  const niceness = async (options?: { niceness?: number }) => Number((await execTool('sh', ['-c', 'sleep 0.2; nice'], options)).stdout.trim());

  it('runs a tool at the given lower CPU priority, and at the normal one otherwise', async () => {
    const normal = await niceness();
    expect(normal).toBeLessThan(10);
    expect(await niceness({ niceness: 10 })).toBe(10);
    expect(await niceness({})).toBe(normal);
  });

  it('rejects with the tail of stderr when the tool fails', async () => {
    await expect(execTool('sh', ['-c', 'echo broken >&2; exit 3'])).rejects.toThrow(/sh failed \(exit 3\): broken/);
  });
});
