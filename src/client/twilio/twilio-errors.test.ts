import { connectErrorMessage, disconnectReason, toConnectError, TwilioConnectError } from './twilio-errors';
import { twilioError } from './test-support/twilio-video';

describe('disconnectReason', () => {
  it.each([
    [53205, 'replaced'], // duplicate identity: the same link joined from another tab or device
    [53118, 'ended'], // room completed via REST: the call was ended for everyone
    [53106, 'ended'],
    [20104, 'network'], // token expired while reconnecting: rejoin fetches a fresh grant
    [53000, 'network'],
    [53001, 'network'],
    [53002, 'network'],
    [53405, 'network'],
    [53407, 'network'],
    [53501, 'network'],
    [20101, 'error'],
    [53004, 'error'],
    [0, 'error'],
  ])('code %i → %s', (code, reason) => {
    expect(disconnectReason(twilioError(code), false)).toBe(reason);
  });

  it('this browser leaving is "left", whatever twilio-video reports', () => {
    expect(disconnectReason(undefined, true)).toBe('left');
    expect(disconnectReason(twilioError(53001), true)).toBe('left');
  });

  it('no error without leaving means the server removed us: a takeover of the link', () => {
    expect(disconnectReason(undefined, false)).toBe('replaced');
    expect(disconnectReason(null, false)).toBe('replaced');
  });
});

describe('connect errors', () => {
  it.each([
    [20104, 'Your access to the call has expired.'],
    [20101, 'Your access to the call is not valid.'],
    [20107, 'Your access to the call is not valid.'],
    [53118, 'The call has already ended.'],
    [53105, 'The call is full.'],
    [53000, 'Could not reach the video service.'],
    [53104, 'Could not reach the video service.'],
    [53404, 'Your browser could not set up audio and video for the call.'],
    [53999, 'The video service refused the connection (error 53999).'],
  ])('code %i reads "%s"', (code, message) => {
    expect(connectErrorMessage(twilioError(code))).toBe(message);
  });

  it('keeps the code and the original error', () => {
    const original = twilioError(20104);
    const e = toConnectError(original);
    expect(e).toBeInstanceOf(TwilioConnectError);
    expect(e).toMatchObject({ code: 20104, message: 'Your access to the call has expired.', cause: original });
  });

  it('a failure that is not a TwilioError still reads as a sentence', () => {
    expect(toConnectError(new TypeError('x is undefined'))).toMatchObject({ code: 0, message: 'Could not connect to the video service.' });
    expect(toConnectError('boom').code).toBe(0);
  });
});
