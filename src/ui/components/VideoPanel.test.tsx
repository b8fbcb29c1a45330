import { attachedTrackIds } from '../test-support/media-env';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { FakeRoom } from '../test-support/fake-room';
import { VideoPanel } from './VideoPanel';

const noop = () => Promise.resolve();

describe('VideoPanel', () => {
  it('shows the status until there is a room', () => {
    render(<VideoPanel room={null} onEnd={noop} status="Starting the video call…" />);
    expect(screen.getByTestId('agent-call-status').textContent).toBe('Starting the video call…');
  });

  it('shows the remote camera large and self view small, and follows tracks', () => {
    const room = new FakeRoom();
    render(<VideoPanel room={room} onEnd={noop} shareScreenSupported />);
    expect(screen.getByTestId('agent-call-status').textContent).toMatch(/Waiting for the customer/);
    expect(attachedTrackIds(screen.getByTestId('agent-local-video'))).toEqual(['local-camera']);

    act(() => {
      const customer = room.addParticipant('customer:c1', 'Customer');
      room.publish(customer, 'camera');
      room.publish(customer, 'microphone');
    });
    expect(screen.getByTestId('agent-call-status').textContent).toBe('Connected with Customer');
    expect(attachedTrackIds(screen.getByTestId('agent-remote-video'))).toEqual(['customer:c1-camera']);
    expect(attachedTrackIds(screen.getByTestId('remote-audio'))).toEqual(['customer:c1-microphone']);

    act(() => {
      room.publish(room.participants.get('customer:c1')!, 'screen');
    });
    expect(attachedTrackIds(screen.getByTestId('agent-remote-screen'))).toEqual(['customer:c1-screen']);
    expect(attachedTrackIds(screen.getByTestId('agent-remote-video'))).toEqual(['customer:c1-camera']);
  });

  it("names the customer as the chat knows them, not the generic participant name", () => {
    const room = new FakeRoom();
    render(<VideoPanel room={room} onEnd={noop} customerName="Jordan Lee" />);
    expect(screen.getByTestId('agent-call-status').textContent).toBe('Waiting for Jordan Lee to join…');
    act(() => {
      room.publish(room.addParticipant('customer:c1', 'Customer'), 'camera');
    });
    expect(screen.getByTestId('agent-call-status').textContent).toBe('Connected with Jordan Lee');
    expect(screen.getByLabelText('Video of Jordan Lee')).toBeTruthy();
  });

  it('drives the room from the controls', async () => {
    const room = new FakeRoom();
    render(<VideoPanel room={room} onEnd={noop} shareScreenSupported />);
    fireEvent.click(screen.getByTestId('mute-button'));
    await waitFor(() => expect(screen.getByTestId('mute-button').getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(screen.getByTestId('camera-button'));
    await waitFor(() => expect(screen.getByTestId('camera-button').getAttribute('aria-pressed')).toBe('true'));
    expect(screen.getByTestId('agent-local-video').getAttribute('data-track-id')).toBe('');
    fireEvent.click(screen.getByTestId('screen-button'));
    await waitFor(() => expect(screen.getByTestId('screen-button').textContent).toBe('Stop sharing'));
    fireEvent.click(screen.getByTestId('screen-button'));
    await waitFor(() => expect(screen.getByTestId('screen-button').textContent).toBe('Share screen'));
    expect(room.localParticipant.calls).toEqual(['mic:false', 'camera:false', 'screen:start', 'screen:stop']);
  });

  it('ends the call for everyone through onEnd, and shows why it ended', async () => {
    const room = new FakeRoom();
    const onEnd = jest.fn(async () => room.end('ended'));
    render(<VideoPanel room={room} onEnd={onEnd} />);
    fireEvent.click(screen.getByTestId('end-call-button'));
    await waitFor(() => expect(screen.getByTestId('agent-call-status').getAttribute('data-reason')).toBe('ended'));
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(screen.getByText('The call has ended')).toBeTruthy();
  });

  it('reports a failed end', async () => {
    render(<VideoPanel room={new FakeRoom()} onEnd={() => Promise.reject(new Error('Server said no'))} />);
    fireEvent.click(screen.getByTestId('end-call-button'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Server said no'));
  });

  it('leaves by disconnecting, then offers Rejoin', () => {
    const room = new FakeRoom();
    const onRejoin = jest.fn();
    render(<VideoPanel room={room} onEnd={noop} onRejoin={onRejoin} />);
    fireEvent.click(screen.getByTestId('leave-button'));
    expect(room.disconnectCalls).toBe(1);
    expect(screen.getByText('You left the call')).toBeTruthy();
    fireEvent.click(screen.getByTestId('rejoin-button'));
    expect(onRejoin).toHaveBeenCalled();
  });

  it('announces reconnecting and network quality', () => {
    const room = new FakeRoom();
    render(<VideoPanel room={room} onEnd={noop} />);
    act(() => room.setState('reconnecting'));
    expect(screen.getByRole('status').textContent).toBe('Reconnecting…');
    act(() => room.setNetworkQuality(2));
    expect(screen.getByTestId('network-quality').getAttribute('aria-label')).toBe('Network quality: poor');
    act(() => room.setState('connected'));
    expect(screen.getByTestId('agent-call-status').textContent).toMatch(/Waiting/);
  });

  it('unsubscribes from the room when unmounted', () => {
    const room = new FakeRoom();
    const { unmount } = render(<VideoPanel room={room} onEnd={noop} />);
    expect(room.listenerCount('trackSubscribed')).toBe(1);
    unmount();
    expect(room.listenerCount('trackSubscribed')).toBe(0);
    expect(room.listenerCount('disconnected')).toBe(0);
  });
});
