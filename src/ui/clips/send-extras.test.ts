import { clipView } from '../test-support/fake-clip-api';
import type { ClipTakeApi } from '../api/clip-api';
import { withSendExtras } from './send-extras';

class PrototypeApi {
  calls: unknown[][] = [];
  status = 'offered';
  async check() {
    this.calls.push(['check']);
    this.status = 'checked'; // state kept on the host's object, not on the wrapper
    return clipView();
  }
  async send(...args: unknown[]) {
    this.calls.push(['send', ...args]);
    return clipView({ status: 'sent' });
  }
}

it('Send carries the extras as they are when pressed; every other step is the host’s own', async () => {
  const api = new PrototypeApi();
  let description = 'first';
  const wrapped = withSendExtras(api as unknown as ClipTakeApi, () => ({ description }));
  await wrapped.check();
  description = 'a red error dialog';
  await wrapped.send();
  expect(api.calls).toEqual([['check'], ['send', { description: 'a red error dialog' }]]);
  expect(api.status).toBe('checked');
});
