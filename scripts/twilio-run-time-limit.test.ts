import { EventEmitter } from 'node:events';
import express from 'express';
import type { AddressInfo } from 'node:net';

// The preload patches twilio-run's route module when loaded; the test uses its wrapper directly,
// on a real Express app (twilio-run's own server), with a Function that answers too late.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withTimeLimit } = require('./twilio-run-time-limit.cjs') as {
  withTimeLimit(handler: express.RequestHandler, limitMs: number, log: (line: string) => void): express.RequestHandler;
};

async function serve(handler: express.RequestHandler, limitMs: number) {
  const logged: string[] = [];
  const app = express();
  app.all('/fn', withTimeLimit(handler, limitMs, (l) => logged.push(l)));
  const server = await new Promise<ReturnType<typeof app.listen>>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fn`;
  return { url, logged, close: () => new Promise((r) => server.close(r)) };
}

it('answers 504 (Twilio error 82002) when a Function runs past the limit, and drops what it sends later', async () => {
  const late = new EventEmitter();
  const { url, logged, close } = await serve((_req, res) => {
    setTimeout(() => {
      res.status(200).send('too late');
      late.emit('sent');
    }, 400);
  }, 150);
  const t0 = Date.now();
  const res = await fetch(url, { method: 'POST' });
  const elapsed = Date.now() - t0;
  expect(res.status).toBe(504);
  expect(await res.json()).toMatchObject({ code: 82002, status: 504 });
  expect(elapsed).toBeLessThan(400);
  await new Promise((r) => late.once('sent', r)); // the late send throws nothing and changes nothing
  expect(logged).toEqual([expect.stringContaining('ran past 150 ms and was stopped')]);
  await close();
});

it('leaves a Function that answers in time alone', async () => {
  const { url, logged, close } = await serve((_req, res) => void res.status(201).send('ok'), 150);
  const res = await fetch(url, { method: 'POST' });
  expect([res.status, await res.text()]).toEqual([201, 'ok']);
  await new Promise((r) => setTimeout(r, 250));
  expect(logged).toEqual([]);
  await close();
});
