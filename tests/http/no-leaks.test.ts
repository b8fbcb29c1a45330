import { isLoopback, listeningSockets, processAlive } from '../support/sockets';
import { startTestStack } from '../support/test-stack';

jest.setTimeout(60_000);

describe('the local stack', () => {
  it('listens on 127.0.0.1 only, and leaves no process behind when stopped', async () => {
    const stack = await startTestStack();
    let stopped = false;
    try {
      // A room with a participant grant makes Janus open its media sockets too.
      const token = await stack.signIn();
      const res = await stack.post('/escalate', { Token: token, conversationId: stack.demo.conversationId });
      expect(res.status).toBe(200);

      const ours = new Set([process.pid, stack.pids.janus, stack.pids.functions]);
      const sockets = listeningSockets().filter((s) => ours.has(s.pid));
      expect(sockets.map((s) => s.pid)).toEqual(expect.arrayContaining([stack.pids.functions, process.pid]));
      expect(sockets.filter((s) => !isLoopback(s.address))).toEqual([]);
      // Janus's API is a Unix socket only: browsers reach it through the stack's /janus proxy.
      expect(sockets.filter((s) => s.pid === stack.pids.janus && s.protocol === 'tcp')).toEqual([]);

      await stack.close();
      stopped = true;
      expect(processAlive(stack.pids.janus)).toBe(false);
      expect(processAlive(stack.pids.functions)).toBe(false);
    } finally {
      if (!stopped) await stack.close();
    }
  });
});
