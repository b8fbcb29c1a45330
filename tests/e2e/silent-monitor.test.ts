import type { Page } from 'playwright-core';
import type { TestStack } from '../support/test-stack';
import { expectNoViolations } from './support/axe';
import { launchParticipantBrowser, type ParticipantBrowser } from './support/browser-participant';
import { startCallFixture, type CallFixture } from './support/call-fixture';
import { makeFakeMedia } from './support/janus-fake-media';
import { inboundAudioBytes, recordPeerConnections, videoFrames, waitForFrames } from './support/media-probes';
import { librivoxClips, writeFakeMicWav } from './support/speech-clips';
import { waitUntil } from './support/wait-until';
import { MESSAGE_TYPES } from '../../src/domain/message-types';
import type { PipelineJob } from '../../src/domain/pipeline-job';
import { readStoredJson, stackMediaKeys } from '../support/read-stored-media';
import { join } from 'node:path';

/**
 * Silent monitoring on the real local stack: an agent and a customer in a live call (two Chromium
 * processes with fake devices), and a supervisor in a third who opens the monitor page, monitors
 * the call, and receives both videos and the audio while publishing nothing. Neither participant's
 * page shows the supervisor, Janus-side presence does not count them, and the session is stored
 * with its end after Stop.
 */
jest.setTimeout(180_000);

let call: CallFixture;
let stack: TestStack;
let supervisor: ParticipantBrowser;

beforeAll(async () => {
  call = await startCallFixture();
  stack = call.stack;
  // The supervisor speaks (human speech, which the recogniser can read) when they barge in.
  const voice = join(call.work, 'supervisor-voice.wav');
  await writeFakeMicWav([librivoxClips()[0]], voice, 0.5);
  supervisor = await launchParticipantBrowser({ videoFile: makeFakeMedia(call.work, { name: 'supervisor', pattern: 'testsrc' }).videoFile, audioFile: voice });
  for (const page of [call.agent.page, call.customer.page, supervisor.page]) await recordPeerConnections(page);
});

afterAll(async () => {
  await supervisor?.close();
  await call?.close();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** Bytes this page has sent on any peer connection (a silent monitor sends none). */
const outboundMediaBytes = (page: Page): Promise<number> =>
  page.evaluate(async () => {
    let total = 0;
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs ?? []) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s) => {
        if (s.type === 'outbound-rtp') total += s.bytesSent ?? 0;
      });
    }
    return total;
  });

/** What a participant's page shows of who else is in the call. */
const peopleShown = (page: Page) =>
  page.evaluate(() => ({
    videos: document.querySelectorAll('video[aria-label]').length,
    remoteAudio: document.querySelectorAll('[data-testid="remote-audio"]').length,
    text: document.body.innerText,
  }));

it('a supervisor silently monitors a live call: frames and audio arrive, nobody sees them, the session is stored', async () => {
  const { agent, customer } = call;
  // The live call.
  await agent.page.goto(stack.demo.agentUrl);
  await byTestId(agent.page, 'conversation-item').first().click();
  await byTestId(agent.page, 'escalate-button').click();
  await byTestId(agent.page, 'agent-call-status').and(agent.page.locator('[data-state="connected"]')).waitFor({ timeout: 20_000 });
  await customer.page.goto(stack.demo.customerChatUrl);
  await byTestId(customer.page, 'join-link').last().click();
  await byTestId(customer.page, 'consent-checkbox').check();
  await byTestId(customer.page, 'join-button').click();
  await waitForFrames(customer.page, 'remote-video');
  await waitForFrames(agent.page, 'agent-remote-video');
  const before = { agent: await peopleShown(agent.page), customer: await peopleShown(customer.page) };

  // The supervisor's live-calls list, checked for accessibility, then Monitor.
  await supervisor.page.goto(`${stack.url}/monitor.html`);
  const row = byTestId(supervisor.page, 'live-call');
  await row.waitFor({ timeout: 15_000 });
  expect(await row.count()).toBe(1);
  const escalationId = (await row.getAttribute('data-escalation-id')) ?? '';
  const escalation = await stack.backend.deps.escalations.get(escalationId);
  expect(escalation?.status).toBe('active');
  expect(await row.textContent()).toContain('On'); // recording
  await expectNoViolations(supervisor.page, 'live calls');
  const started = Date.now();
  await row.getByRole('button', { name: /^Monitor / }).click();
  await byTestId(supervisor.page, 'monitor-stage').waitFor({ timeout: 15_000 });

  // Both videos arrive, and audio flows in; nothing flows out.
  await waitForFrames(supervisor.page, 'monitor-video-agent');
  await waitForFrames(supervisor.page, 'monitor-video-customer');
  const firstFramesMs = Date.now() - started;
  const a0 = { agent: await videoFrames(supervisor.page, 'monitor-video-agent'), customer: await videoFrames(supervisor.page, 'monitor-video-customer'), audio: await inboundAudioBytes(supervisor.page) };
  await supervisor.page.waitForTimeout(1500);
  const a1 = { agent: await videoFrames(supervisor.page, 'monitor-video-agent'), customer: await videoFrames(supervisor.page, 'monitor-video-customer'), audio: await inboundAudioBytes(supervisor.page) };
  expect(a1.agent.frames).toBeGreaterThan(a0.agent.frames);
  expect(a1.customer.frames).toBeGreaterThan(a0.customer.frames);
  expect(a1.audio).toBeGreaterThan(a0.audio);
  expect(await byTestId(supervisor.page, 'remote-audio').count()).toBe(2);
  expect(await outboundMediaBytes(supervisor.page)).toBe(0);
  await expectNoViolations(supervisor.page, 'monitor stage');

  // Stored while watching: who, which call, since when, no end yet.
  const [session] = await stack.backend.deps.monitoring.listByEscalation(escalationId);
  expect(session).toMatchObject({ escalationId, participantIdentity: expect.stringMatching(/^monitor:/), bargeIn: false });
  expect(session.endedAt).toBeUndefined();

  // Neither participant's page shows the supervisor; Janus-side presence does not count them.
  await agent.page.waitForTimeout(1000);
  const during = { agent: await peopleShown(agent.page), customer: await peopleShown(customer.page) };
  for (const side of ['agent', 'customer'] as const) {
    expect(during[side].videos).toBe(before[side].videos);
    expect(during[side].remoteAudio).toBe(1);
    expect(during[side].text).not.toMatch(/supervisor/i);
  }
  const room = { name: escalation!.roomName, sid: escalation!.roomSid };
  const present = await stack.backend.deps.rooms.connectedIdentities(room);
  expect(present.sort()).toEqual([`agent:${escalation!.agentIdentity}`, escalation!.customerIdentity].sort());

  // Stop: the stage closes, the session has its end, and the call goes on for the two of them.
  await byTestId(supervisor.page, 'stop-monitoring').click();
  await byTestId(supervisor.page, 'live-call').waitFor({ timeout: 10_000 });
  expect(await byTestId(supervisor.page, 'monitor-notice').textContent()).toBe('Monitoring stopped.');
  const ended = await stack.backend.deps.monitoring.get(session.id);
  expect(ended?.endedAt).toEqual(expect.any(String));
  expect(new Date(ended!.endedAt!).getTime()).toBeGreaterThanOrEqual(new Date(session.startedAt).getTime());
  const { before: b, after: c } = { before: await videoFrames(agent.page, 'agent-remote-video'), after: await agent.page.waitForTimeout(1000).then(() => videoFrames(agent.page, 'agent-remote-video')) };
  expect(c.frames).toBeGreaterThan(b.frames);
  console.log(`figure: monitor_first_frames_ms ${firstFramesMs}`);
});

it('barge-in: the supervisor joins with audio, and the agent and the customer are both told', async () => {
  const { agent, customer } = call;
  const row = byTestId(supervisor.page, 'live-call');
  const escalationId = (await row.getAttribute('data-escalation-id')) ?? '';
  const customerAudioBefore = await inboundAudioBytes(customer.page);
  await row.getByRole('button', { name: /^Barge in on / }).click();
  await byTestId(supervisor.page, 'monitor-stage').waitFor({ timeout: 15_000 });
  const told = { agent: byTestId(agent.page, 'agent-supervisor-joined'), customer: byTestId(customer.page, 'supervisor-joined') };
  for (const notice of Object.values(told)) {
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toBe('A supervisor joined the call');
    expect(await notice.getAttribute('role')).toBe('status');
  }
  // The customer now hears two people (agent and supervisor), and the supervisor sends audio.
  await customer.page.waitForFunction(() => document.querySelectorAll('[data-testid="remote-audio"]').length === 2, undefined, { timeout: 10_000 });
  await customer.page.waitForTimeout(1000);
  expect(await inboundAudioBytes(customer.page)).toBeGreaterThan(customerAudioBefore);
  expect(await outboundMediaBytes(supervisor.page)).toBeGreaterThan(0);
  // Long enough for the supervisor to say something the recording keeps.
  await customer.page.waitForTimeout(8000);

  await byTestId(supervisor.page, 'stop-monitoring').click();
  await byTestId(supervisor.page, 'live-call').waitFor({ timeout: 10_000 });
  for (const notice of Object.values(told)) await notice.waitFor({ state: 'detached', timeout: 15_000 });
  const sessions = await stack.backend.deps.monitoring.listByEscalation(escalationId);
  expect(sessions.map((s) => [s.bargeIn, s.participantIdentity.split(':')[0], typeof s.endedAt])).toEqual([
    [false, 'monitor', 'string'],
    [true, 'supervisor', 'string'],
  ]);
});

it('a barged-in call keeps its recording: both videos, three voices, the supervisor labelled (#23)', async () => {
  const { agent } = call;
  await byTestId(agent.page, 'end-call-button').click();
  const conversationId = stack.demo.conversationId;
  const message = await waitUntil(
    'the recording message with its transcript',
    async () =>
      (await stack.backend.conversations.listMessages(conversationId)).find(
        (m) => m.attributes.type === MESSAGE_TYPES.recording && m.attributes.transcriptStatus && m.attributes.transcriptStatus !== 'pending',
      ),
    120_000,
  );
  expect(message.body).not.toMatch(/could not be processed/);
  const job = (await stack.backend.deps.pipeline.store.getByRecordingId(String(message.attributes.recordingId))) as PipelineJob;
  expect(job.state).toBe('attached');
  // The supervisor's video track never carried a frame: left out with its reason, and nothing else was.
  expect(job.leftOut).toEqual([expect.objectContaining({ participantIdentity: expect.stringMatching(/^supervisor:/), kind: 'video', reason: expect.any(String) })]);
  // The video was made from the agent's and the customer's cameras; the audio from all three.
  const manifest = readStoredJson<{ media: { participantIdentity: string; kind: string }[] }>(
    join(stack.dataDir, 'compositions', job.recordingId, 'work', 'manifest.json'),
    stackMediaKeys(stack.dataDir),
  );
  const roles = (kind: string) => manifest.media.filter((m) => m.kind === kind).map((m) => m.participantIdentity.split(':')[0]).sort();
  expect(roles('video')).toEqual(['agent', 'customer']);
  expect(roles('audio')).toEqual(['agent', 'customer', 'supervisor']);
  expect(job.video?.status).toBe('ready');
  // The supervisor's words are in the transcript under their own label.
  const supervisorLines = (job.transcript?.segments ?? []).filter((s) => s.role === 'supervisor');
  expect(supervisorLines.length).toBeGreaterThan(0);
  expect(supervisorLines[0].speaker).toMatch(/Supervisor/);
  expect(supervisorLines.map((s) => s.text).join(' ').trim()).not.toBe('');
});
