import { act, fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import type { BrowserHistory } from '../join/BackToChat';
import { customerPreferInstead } from './clip-preference-api';
import { OtherWays } from './OtherWays';

async function settle() {
  await act(async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });
}

function setup(o: { canGoBack?: boolean; closes?: boolean; fails?: boolean } = {}) {
  const history: BrowserHistory = { canGoBack: () => o.canGoBack ?? true, back: jest.fn(), close: jest.fn(() => o.closes ?? false) };
  const prefer = jest.fn(async () => {
    if (o.fails) throw new Error('network');
  });
  render(<OtherWays agentName="Alex" prefer={prefer} history={history} />);
  return { history, prefer };
}

const status = () => screen.getByTestId('clip-other-ways-status').textContent;

describe('OtherWays', () => {
  it('"Prefer to type?" tells the agent, then goes back to the chat', async () => {
    const { history, prefer } = setup();
    fireEvent.click(screen.getByTestId('clip-prefer-type'));
    fireEvent.click(screen.getByTestId('clip-prefer-type')); // a double click says it once
    await settle();
    expect(prefer.mock.calls).toEqual([['type']]);
    expect(history.back).toHaveBeenCalledTimes(1);
    expect(status()).toMatch(/We told Alex you would rather type\..*this link keeps working/);
  });

  it('"Prefer a call?" asks the agent for a live call and stays, so the customer can still record', async () => {
    const { history, prefer } = setup();
    fireEvent.click(screen.getByTestId('clip-prefer-call'));
    await settle();
    expect(prefer.mock.calls).toEqual([['call']]);
    expect(history.back).not.toHaveBeenCalled();
    expect(status()).toMatch(/We asked Alex for a live video call/);
  });

  it('a tab with no chat behind it says where the chat is; a failure says to try again', async () => {
    setup({ canGoBack: false, closes: false });
    fireEvent.click(screen.getByTestId('clip-prefer-type'));
    await settle();
    expect(status()).toMatch(/switch back to it there/);
  });

  it('says when the agent could not be told', async () => {
    const { history } = setup({ fails: true });
    fireEvent.click(screen.getByTestId('clip-prefer-type'));
    await settle();
    expect(screen.getByTestId('clip-other-ways-error').textContent).toMatch(/could not tell Alex/);
    expect(history.back).not.toHaveBeenCalled();
  });

  it('posts `prefer` to the clip Function with the recording link', async () => {
    const endpoint = jest.fn(async () => ({ clip: {} as never }));
    await customerPreferInstead(endpoint, 'link-token')('call');
    expect(endpoint).toHaveBeenCalledWith({ action: 'prefer', linkToken: 'link-token', preference: 'call' });
  });
});
