import '../test-support/media-env';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { CallControls, type CallControlsProps } from './CallControls';

function setup(overrides: Partial<CallControlsProps> = {}) {
  const props: CallControlsProps = {
    audioEnabled: true,
    videoEnabled: true,
    screenSharing: false,
    canShareScreen: true,
    onToggleMicrophone: jest.fn(),
    onToggleCamera: jest.fn(),
    onToggleScreenShare: jest.fn(),
    onLeave: jest.fn(),
    ...overrides,
  };
  render(<CallControls {...props} />);
  return props;
}

describe('CallControls', () => {
  it('labels toggles by what they will do and reports their state with aria-pressed', () => {
    setup({ audioEnabled: false, videoEnabled: true, screenSharing: true });
    const mute = screen.getByTestId('mute-button');
    expect(mute.textContent).toBe('Unmute');
    expect(mute.getAttribute('aria-pressed')).toBe('true');
    expect(mute.getAttribute('aria-label')).toBe('Unmute microphone');
    expect(screen.getByTestId('camera-button').getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByTestId('screen-button').textContent).toBe('Stop sharing');
  });

  it('calls back on click', () => {
    const p = setup();
    fireEvent.click(screen.getByTestId('mute-button'));
    fireEvent.click(screen.getByTestId('camera-button'));
    fireEvent.click(screen.getByTestId('screen-button'));
    fireEvent.click(screen.getByTestId('leave-button'));
    expect(p.onToggleMicrophone).toHaveBeenCalledTimes(1);
    expect(p.onToggleCamera).toHaveBeenCalledTimes(1);
    expect(p.onToggleScreenShare).toHaveBeenCalledTimes(1);
    expect(p.onLeave).toHaveBeenCalledTimes(1);
  });

  it('uses real, focusable buttons so the keyboard works', () => {
    setup();
    for (const id of ['mute-button', 'camera-button', 'screen-button', 'leave-button']) {
      const b = screen.getByTestId(id);
      expect(b.tagName).toBe('BUTTON');
      expect(b.getAttribute('type')).toBe('button');
      b.focus();
      expect(document.activeElement).toBe(b);
    }
  });

  it('hides screen sharing where the browser cannot do it', () => {
    setup({ canShareScreen: false });
    expect(screen.queryByTestId('screen-button')).toBeNull();
  });

  it('says why screen sharing failed', async () => {
    setup({ onToggleScreenShare: () => Promise.reject(new Error('Screen sharing was cancelled.')) });
    fireEvent.click(screen.getByTestId('screen-button'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Screen sharing was cancelled.'));
  });
});

describe('CallControls while an action is pending', () => {
  it('keeps the busy button focused and ignores presses until it settles', async () => {
    let finish: () => void = () => undefined;
    const onToggleScreenShare = jest.fn(() => new Promise<void>((r) => (finish = r)));
    render(
      <CallControls
        audioEnabled
        videoEnabled
        screenSharing={false}
        canShareScreen
        onToggleMicrophone={jest.fn()}
        onToggleCamera={jest.fn()}
        onToggleScreenShare={onToggleScreenShare}
        onLeave={jest.fn()}
      />,
    );
    const button = screen.getByTestId('screen-button') as HTMLButtonElement;
    button.focus();
    fireEvent.click(button);
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    fireEvent.click(button); // a second press while busy does nothing
    expect(onToggleScreenShare).toHaveBeenCalledTimes(1);
    finish();
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('false'));
  });
});
