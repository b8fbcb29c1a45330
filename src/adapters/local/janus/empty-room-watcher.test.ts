import { escalate } from '../../../core/escalate';
import { endCall, ENDED_MESSAGE_TYPE } from '../../../core/end-call';
import { agent, makeTestDeps } from '../../../core/test-support/local-deps';
import { EmptyRoomWatcher } from './empty-room-watcher';

/** The watcher's logic on fake rooms and a fake clock; tests/http/empty-room.test.ts runs it on real Janus. */
async function setup() {
  const t = await makeTestDeps();
  const conversationId = (await t.conversations.createConversation({ friendlyName: 'Watcher' })).id;
  const { escalation } = await escalate(t.deps, agent, conversationId);
  let now = 1_000_000;
  const errors: unknown[] = [];
  const watcher = new EmptyRoomWatcher(t.deps, { timeoutMs: 60_000, now: () => now, onError: (e) => errors.push(e) });
  return { ...t, conversationId, escalation, watcher, errors, tickAt: (ms: number) => ((now = 1_000_000 + ms), watcher.tick()) };
}

test('a room empty for the whole timeout is ended in the media server and completed by the core', async () => {
  const t = await setup();
  expect(await t.tickAt(0)).toEqual([]);
  expect(await t.tickAt(59_999)).toEqual([]);
  expect(t.rooms.ended).toEqual([]);
  expect(await t.tickAt(60_000)).toEqual([{ name: t.escalation.roomName, sid: t.escalation.roomSid }]);
  expect(t.rooms.ended).toEqual([t.escalation.roomName]);
  expect((await t.deps.escalations.get(t.escalation.id))?.status).toBe('ended');
  const messages = await t.conversations.listMessages(t.conversationId);
  expect(messages.filter((m) => m.attributes.type === ENDED_MESSAGE_TYPE)).toHaveLength(1);
  expect(t.composed.map((c) => c.name)).toEqual([t.escalation.roomName]); // the recording entered the pipeline
  // Ended calls are no longer watched: nothing happens twice.
  expect(await t.tickAt(200_000)).toEqual([]);
  expect(t.rooms.ended).toEqual([t.escalation.roomName]);
  expect(t.errors).toEqual([]);
});

test('anyone present resets the clock; the timeout counts from the last look that found the room empty after that', async () => {
  const t = await setup();
  await t.tickAt(0);
  t.rooms.connect(t.escalation.roomName, 'agent:alex');
  await t.tickAt(50_000);
  t.rooms.connected.clear(); // the agent closed the tab
  expect(await t.tickAt(70_000)).toEqual([]); // empty since 70 s only
  expect(await t.tickAt(129_999)).toEqual([]);
  expect(t.rooms.ended).toEqual([]);
  expect(await t.tickAt(130_000)).toHaveLength(1);
  expect((await t.deps.escalations.get(t.escalation.id))?.status).toBe('ended');
});

test('a customer left alone does not keep the call open once the agent closed the tab', async () => {
  const t = await setup();
  t.rooms.connect(t.escalation.roomName, 'agent:alex');
  t.rooms.connect(t.escalation.roomName, 'customer:c1');
  await t.tickAt(0);
  t.rooms.connected.get(t.escalation.roomName)?.delete('agent:alex'); // the agent's tab closed
  expect(await t.tickAt(10_000)).toEqual([]);
  expect(await t.tickAt(69_999)).toEqual([]);
  expect(await t.tickAt(70_000)).toHaveLength(1);
  expect((await t.deps.escalations.get(t.escalation.id))?.endedBy).toBe('system');
});

test('a call ended by hand meanwhile is left alone', async () => {
  const t = await setup();
  await t.tickAt(0);
  await endCall(t.deps, agent, t.escalation.id);
  expect(await t.tickAt(60_000)).toEqual([]);
  expect(t.rooms.ended).toEqual([t.escalation.roomName]); // once, by endCall
});

test('a room that cannot be looked at is reported, and ended once it can be (still timed from the first empty look)', async () => {
  const t = await setup();
  await t.tickAt(0);
  const original = t.rooms.connectedIdentities.bind(t.rooms);
  t.rooms.connectedIdentities = async () => {
    throw new Error('media server down');
  };
  expect(await t.tickAt(60_000)).toEqual([]);
  expect(t.errors).toHaveLength(1);
  t.rooms.connectedIdentities = original;
  expect(await t.tickAt(61_000)).toHaveLength(1);
  expect(t.rooms.ended).toEqual([t.escalation.roomName]);
});

test('start() looks at rooms on its own until stop()', async () => {
  const t = await makeTestDeps();
  const conversationId = (await t.conversations.createConversation({ friendlyName: 'Timer' })).id;
  const { escalation } = await escalate(t.deps, agent, conversationId);
  const watcher = new EmptyRoomWatcher(t.deps, { timeoutMs: 60, intervalMs: 20 });
  watcher.start();
  const deadline = Date.now() + 3000;
  while (!t.rooms.ended.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await watcher.stop();
  expect(t.rooms.ended).toEqual([escalation.roomName]);
});

test('a silent monitor is not the agent\'s presence: even if an adapter listed one, a room with only a monitor (and the customer) ends', async () => {
  const t = await setup();
  // Bypass the port's own filtering (FakeRooms, like JanusRooms, leaves hidden monitors out): the
  // watcher must not count a monitor whatever the adapter says.
  t.rooms.connectedIdentities = async () => ['monitor:sue', 'customer:c1'];
  await t.tickAt(0);
  expect(await t.tickAt(60_000)).toHaveLength(1);
  expect((await t.deps.escalations.get(t.escalation.id))?.status).toBe('ended');
});
