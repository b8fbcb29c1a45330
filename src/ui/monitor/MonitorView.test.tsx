import '../test-support/media-env';
import React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { LiveCall } from '../../api/library-contract';
import { CallStage } from '../components/CallStage';
import { useRoomState } from '../hooks/useRoomState';
import { fakeAccess, FakeRoom, FakeVideoClient } from '../test-support/fake-room';
import { fakeMediaStreamTrack } from '../../client/test-support/fake-media-stream-track';
import type { MonitorApi } from '../api/monitor-api';
import { MonitorView } from './MonitorView';

const CALL: LiveCall = { escalationId: 'e1', conversationId: 'CH1', agentName: 'Alex', customerName: 'Jordan Lee', startedAt: new Date(Date.now() - 5 * 60_000).toISOString(), recording: true };

function fakeApi(calls: LiveCall[] = [CALL]) {
  const log: string[] = [];
  const api: MonitorApi = {
    liveCalls: jest.fn(async () => calls),
    start: jest.fn(async (escalationId: string) => {
      log.push(`start:${escalationId}`);
      return { monitoringId: 'm1', access: fakeAccess({ identity: 'monitor:sue', role: 'supervisor', receiveOnly: true }) };
    }),
    stop: jest.fn(async (monitoringId: string) => {
      log.push(`stop:${monitoringId}`);
      return { monitoringId, endedAt: new Date().toISOString() };
    }),
  };
  return { api, log };
}

async function monitor() {
  const { api, log } = fakeApi();
  const client = new FakeVideoClient();
  render(<MonitorView api={api} videoClientFor={() => client} refreshMs={0} />);
  fireEvent.click(await screen.findByRole('button', { name: "Monitor Alex's call with Jordan Lee" }));
  await screen.findByTestId('monitor-stage');
  return { api, log, client, room: client.rooms[0] };
}

test('lists live calls: agent, customer, how long, recording; empty and error states say so', async () => {
  const { api } = fakeApi();
  const { unmount } = render(<MonitorView api={api} videoClientFor={() => new FakeVideoClient()} refreshMs={0} />);
  const row = await screen.findByTestId('live-call');
  expect(row.textContent).toContain('Alex');
  expect(row.textContent).toContain('Jordan Lee');
  expect(row.textContent).toContain('(5 min)');
  expect(row.textContent).toContain('On');
  // The conversation is named in the row, with its id to copy.
  expect(row.textContent).toContain('Conversation CH1');
  expect(screen.getByRole('button', { name: 'Copy id of the conversation with Jordan Lee' })).toBeTruthy();
  unmount();
  render(<MonitorView api={fakeApi([]).api} videoClientFor={() => new FakeVideoClient()} refreshMs={0} />);
  expect(await screen.findByText('No calls in progress.')).toBeTruthy();
  const failing: MonitorApi = { ...fakeApi().api, liveCalls: async () => Promise.reject(new Error('Only supervisors can see and monitor live calls.')) };
  render(<MonitorView api={failing} videoClientFor={() => new FakeVideoClient()} refreshMs={0} />);
  expect((await screen.findByRole('alert')).textContent).toContain('Only supervisors');
});

test('Monitor connects with no local tracks and shows each participant; a hidden monitor is never listed', async () => {
  const { client, room } = await monitor();
  expect(client.connects[0].local).toEqual({});
  act(() => {
    room.publish(room.addParticipant('agent:alex', 'Alex', 'agent'), 'camera');
    room.publish(room.addParticipant('customer:c1', 'Customer', 'customer'), 'microphone');
    room.addParticipant('monitor:sol', 'Sol', 'supervisor');
  });
  expect(screen.getByTestId('monitor-tile-agent').textContent).toContain('Agent: Alex');
  // The room calls the customer "Customer"; the tile names them as the heading and the list do.
  expect(screen.getByTestId('monitor-tile-customer').textContent).toBe('Customer: Jordan Lee');
  expect(screen.getByTestId('monitor-video-customer').getAttribute('aria-label')).toBe('Video of Jordan Lee');
  expect(screen.getByRole('heading', { name: 'Monitoring Alex with Jordan Lee' })).toBeTruthy();
  expect(screen.getByTestId('conversation-label').getAttribute('data-conversation-id')).toBe('CH1');
  expect(screen.queryByTestId('monitor-tile-supervisor')).toBeNull();
  expect(screen.getAllByTestId('remote-audio')).toHaveLength(1);
  expect(screen.getByText('Listening silently: nobody in the call sees you.')).toBeTruthy();
});

test('Stop disconnects, stores the end, and goes back to the list', async () => {
  const { log, room } = await monitor();
  fireEvent.click(screen.getByTestId('stop-monitoring'));
  await screen.findByTestId('live-call');
  expect(room.disconnectCalls).toBe(1);
  expect(log).toEqual(['start:e1', 'stop:m1']);
  expect(screen.getByTestId('monitor-notice').textContent).toBe('Monitoring stopped.');
});

test('the call ending ends the monitoring too, and says so', async () => {
  const { log, room } = await monitor();
  act(() => room.end('ended'));
  await waitFor(() => expect(screen.getByTestId('monitor-notice').textContent).toBe('The call ended.'));
  expect(log).toEqual(['start:e1', 'stop:m1']);
});

test('barge-in: the microphone is opened first and published alone; Stop releases it', async () => {
  const { api, log } = fakeApi();
  const client = new FakeVideoClient();
  const mic = Object.assign(fakeMediaStreamTrack('audio', { id: 'supervisor-mic' }), { stop: jest.fn() });
  render(<MonitorView api={api} videoClientFor={() => client} refreshMs={0} openMicrophone={async () => mic} />);
  fireEvent.click(await screen.findByRole('button', { name: /^Barge in on Alex's call/ }));
  await screen.findByTestId('monitor-stage');
  expect(api.start).toHaveBeenCalledWith('e1', true);
  expect(client.connects[0].local).toEqual({ audio: mic });
  expect(screen.getByText('You joined the call with audio; everyone was told.')).toBeTruthy();
  fireEvent.click(screen.getByTestId('stop-monitoring'));
  await screen.findByTestId('live-call');
  expect(mic.stop).toHaveBeenCalled();
  expect(log).toEqual(['start:e1', 'stop:m1']);
});

test('a refused microphone starts no session', async () => {
  const { api } = fakeApi();
  render(<MonitorView api={api} videoClientFor={() => new FakeVideoClient()} refreshMs={0} openMicrophone={async () => Promise.reject(new Error('Permission denied'))} />);
  fireEvent.click(await screen.findByRole('button', { name: /^Barge in on/ }));
  await waitFor(() => expect(screen.getByTestId('monitor-notice').textContent).toContain('Permission denied'));
  expect(api.start).not.toHaveBeenCalled();
});

test('everyone in the call is told when a supervisor barges in, and never about a silent monitor', () => {
  const room = new FakeRoom();
  room.publish(room.addParticipant('customer:c1', 'Customer', 'customer'), 'camera');
  const Stage = () => <CallStage view={useRoomState(room)!} waitingText="Waiting…" />;
  render(<Stage />);
  act(() => void room.addParticipant('monitor:sue', 'Sue', 'supervisor'));
  expect(screen.queryByTestId('supervisor-joined')).toBeNull();
  act(() => void room.publish(room.addParticipant('supervisor:sue', 'Sue', 'supervisor'), 'microphone'));
  expect(screen.getByTestId('supervisor-joined').textContent).toBe('A supervisor joined the call');
  expect(screen.getByTestId('call-status').textContent).toBe('Connected with Customer');
});
