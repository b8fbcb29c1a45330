import { fakeMediaStreamTrack } from '../test-support/fake-media-stream-track';
import { JanusLocalParticipant, type LocalControls } from './local-participant';

function setup(publishError: Error | null = null) {
  const log: string[] = [];
  const controls: LocalControls = {
    replaceCamera: async () => undefined,
    publishScreen: async (track) => {
      log.push(`publish:${track.id}`);
      if (publishError) throw publishError;
    },
    unpublishScreen: async () => void log.push('unpublish'),
    changed: () => log.push('changed'),
  };
  const local = new JanusLocalParticipant('customer:c1', 'Customer', null, null, controls);
  return { local, log };
}

describe('JanusLocalParticipant screen share with a screen the caller picked', () => {
  it('publishes it without asking the browser, and leaves it running when the share or the call ends', async () => {
    const { local, log } = setup();
    const picked = fakeMediaStreamTrack('video', { id: 'picked' });
    await local.startScreenShare(picked); // no navigator in this environment: asking the browser would throw
    expect(local.screenSharing).toBe(true);
    await local.stopScreenShare();
    expect(picked.readyState).toBe('live');
    await local.startScreenShare(picked);
    local.releaseOwned();
    expect(picked.readyState).toBe('live');
    expect(log).toEqual(['publish:picked', 'changed', 'unpublish', 'changed', 'publish:picked', 'changed']);
  });

  it('marks the shared screen as detail, so text stays sharp when bandwidth drops (as the Twilio client does)', async () => {
    const { local } = setup();
    const picked = fakeMediaStreamTrack('video', { id: 'picked' });
    expect(picked.contentHint).toBe('');
    await local.startScreenShare(picked);
    expect(picked.contentHint).toBe('detail');
  });

  it("unpublishes when the browser's Stop sharing ends it", async () => {
    const { local, log } = setup();
    const picked = fakeMediaStreamTrack('video', { id: 'picked' });
    await local.startScreenShare(picked);
    picked.endFromBrowser();
    await Promise.resolve();
    expect(local.screenSharing).toBe(false);
    expect(log).toContain('unpublish');
  });

  it('a failed publish rejects and leaves the given screen to its owner', async () => {
    const { local } = setup(new Error('publish refused'));
    const picked = fakeMediaStreamTrack('video');
    await expect(local.startScreenShare(picked)).rejects.toThrow('publish refused');
    expect(local.screenSharing).toBe(false);
    expect(picked.readyState).toBe('live');
  });
});
