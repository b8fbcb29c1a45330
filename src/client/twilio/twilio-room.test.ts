import { connectToMock, nextTurn } from './test-support/fixtures';
import { twilioError } from './test-support/twilio-video';
import { toQualityLevel } from './twilio-room';

describe('remote participants and tracks', () => {
  it('maps a participant joining, publishing camera, microphone and screen, and leaving', async () => {
    const { mock, room, log } = await connectToMock();
    const customer = mock.room.addParticipant('customer:lnk_1');
    // The names this client publishes under: `<source>-<suffix>`, unique per participant.
    customer.publish('microphone-c7e1', 'audio');
    customer.publish('camera-c7e1', 'video');
    customer.publish('screen-c7e1', 'video', { priority: 'high' });

    const p = room.participants.get('customer:lnk_1');
    expect(p).toMatchObject({ identity: 'customer:lnk_1', displayName: 'Customer', role: 'customer' });
    expect(p?.tracks.map((t) => [t.sid, t.kind, t.source])).toEqual([
      ['customer:lnk_1:microphone', 'audio', 'microphone'],
      ['customer:lnk_1:camera', 'video', 'camera'],
      ['customer:lnk_1:screen', 'video', 'screen'],
    ]);
    expect(p?.tracks[1].mediaStreamTrack).toBe(customer.publication('camera-c7e1').track?.mediaStreamTrack);

    customer.unpublish(customer.publication('screen-c7e1'));
    expect(p?.tracks.map((t) => t.source)).toEqual(['microphone', 'camera']);
    mock.room.removeParticipant(customer);
    expect(room.participants.size).toBe(0);
    expect(log).toEqual([
      '+customer:lnk_1',
      '+customer:lnk_1:microphone',
      '+customer:lnk_1:camera',
      '+customer:lnk_1:screen',
      '-customer:lnk_1:screen',
      '-customer:lnk_1:microphone',
      '-customer:lnk_1:camera',
      '-customer:lnk_1',
    ]);
  });

  it('passes the subscribed listener the participant view the room holds', async () => {
    const { mock, room } = await connectToMock();
    const seen: unknown[] = [];
    room.on('trackSubscribed', (_t, p) => seen.push(p));
    mock.room.addParticipant('agent:bea').publish('camera', 'video');
    expect(seen).toEqual([room.participants.get('agent:bea')]);
  });

  it('participants already in the room are there at once; their tracks are announced on the next turn', async () => {
    const { room, log } = await connectToMock({
      beforeConnect: (r) => {
        const customer = r.addParticipant('customer:lnk_1', { announce: false });
        customer.publish('microphone', 'audio');
        customer.publish('camera', 'video');
      },
    });
    expect([...room.participants.keys()]).toEqual(['customer:lnk_1']);
    expect(log).toEqual([]);
    await nextTurn();
    expect(log).toEqual(['+customer:lnk_1:microphone', '+customer:lnk_1:camera']);
    expect(room.participants.get('customer:lnk_1')?.tracks).toHaveLength(2);
  });

  it('ignores data tracks and unknown roles still get a label', async () => {
    const { mock, room, log } = await connectToMock();
    const bot = mock.room.addParticipant('recorder-bot');
    bot.publish('chat', 'data');
    expect(room.participants.get('recorder-bot')).toMatchObject({ role: 'unknown', displayName: 'recorder-bot', tracks: [] });
    expect(log).toEqual(['+recorder-bot']);
  });

  it('a track published but not subscribed is not a track yet', async () => {
    const { mock, room, log } = await connectToMock();
    const c = mock.room.addParticipant('customer:c');
    const pub = c.publish('camera', 'video', { subscribe: false });
    expect(room.participants.get('customer:c')?.tracks).toEqual([]);
    c.subscribe(pub);
    expect(log).toEqual(['+customer:c', '+customer:c:camera']);
  });

  it('a takeover (same identity joins before the old one leaves) keeps the newest participant', async () => {
    const { mock, room, log } = await connectToMock();
    const old = mock.room.addParticipant('customer:c');
    old.publish('camera', 'video');
    const fresh = mock.room.addParticipant('customer:c');
    fresh.publish('camera', 'video');
    mock.room.removeParticipant(old);
    expect(room.participants.size).toBe(1);
    expect(room.participants.get('customer:c')?.tracks[0].mediaStreamTrack).toBe(fresh.publication('camera').track?.mediaStreamTrack);
    expect(log).toEqual(['+customer:c', '+customer:c:camera', '+customer:c', '+customer:c:camera', '-customer:c:camera', '-customer:c']);
  });

  it('camera off/on on the far side is unsubscribe then subscribe of the same source', async () => {
    const { mock, room, log } = await connectToMock();
    const c = mock.room.addParticipant('customer:c');
    c.publish('camera', 'video');
    c.unpublish(c.publication('camera'));
    c.publish('camera', 'video');
    expect(room.participants.get('customer:c')?.tracks.map((t) => t.sid)).toEqual(['customer:c:camera']);
    expect(log).toEqual(['+customer:c', '+customer:c:camera', '-customer:c:camera', '+customer:c:camera']);
  });
});

describe('connection state', () => {
  it('reconnecting and reconnected; quality drops to 0 meanwhile and comes back', async () => {
    const { mock, room, log } = await connectToMock();
    mock.room.localParticipant.setNetworkQualityLevel(4);
    mock.room.reconnecting();
    expect(room.state).toBe('reconnecting');
    mock.room.localParticipant.setNetworkQualityLevel(3); // not reported while reconnecting
    mock.room.reconnected();
    expect(room.state).toBe('connected');
    expect(log).toEqual(['quality:4', 'reconnecting', 'quality:0', 'reconnected', 'quality:3']);
  });

  it('a second reconnecting while reconnecting is one episode', async () => {
    const { mock, log } = await connectToMock();
    mock.room.reconnecting();
    mock.room.reconnecting(twilioError(53405));
    mock.room.reconnected();
    expect(log.filter((e) => e.startsWith('re'))).toEqual(['reconnecting', 'reconnected']);
  });

  it('network quality: twilio levels 0–5 pass through, only on change; unknown (null) is skipped', async () => {
    const { mock, room, log } = await connectToMock();
    const lp = mock.room.localParticipant;
    [5, 5, 2, null, 0].forEach((l) => lp.setNetworkQualityLevel(l));
    expect(log).toEqual(['quality:5', 'quality:2', 'quality:0']);
    expect(room.networkQualityLevel).toBe(0);
  });

  it('a quality level known at connect is announced on the next turn', async () => {
    const { log } = await connectToMock({ beforeConnect: (r) => (r.localParticipant.networkQualityLevel = 3) });
    expect(log).toEqual([]);
    await nextTurn();
    expect(log).toEqual(['quality:3']);
  });

  it.each([
    [4.6, 5],
    [9, 5],
    [-1, 0],
    [null, null],
    [Number.NaN, null],
  ])('toQualityLevel(%p) = %p', (input, level) => {
    expect(toQualityLevel(input)).toBe(level);
  });
});

describe('dominant speaker (optional event of this client)', () => {
  it('follows twilio-video and clears when the speaker leaves', async () => {
    const { mock, room, log } = await connectToMock();
    const c = mock.room.addParticipant('customer:c');
    const s = mock.room.addParticipant('supervisor:sam');
    mock.room.setDominantSpeaker(c);
    expect(room.dominantSpeaker).toBe(room.participants.get('customer:c'));
    mock.room.setDominantSpeaker(s);
    mock.room.setDominantSpeaker(s);
    mock.room.removeParticipant(s);
    expect(room.dominantSpeaker).toBeNull();
    expect(log).toEqual(['+customer:c', '+supervisor:sam', 'speaker:customer:c', 'speaker:supervisor:sam', '-supervisor:sam', 'speaker:none']);
  });
});

describe('disconnect reasons', () => {
  it.each([
    [53205, 'replaced'],
    [53118, 'ended'],
    [20104, 'network'],
    [53001, 'network'],
    [53002, 'network'],
    [53405, 'network'],
    [53000, 'network'],
    [53004, 'error'],
  ])('the server disconnects with TwilioError %i → %s', async (code, reason) => {
    const { mock, room, log } = await connectToMock();
    mock.room.serverDisconnect(twilioError(code));
    expect(room.state).toBe('disconnected');
    expect(log).toEqual([`disconnected:${reason}`]);
  });

  it('removed by the server with no error (a second tab took over the link) → replaced', async () => {
    const { mock, log } = await connectToMock();
    mock.room.serverDisconnect();
    expect(log).toEqual(['disconnected:replaced']);
  });

  it('network loss: reconnecting, then twilio-video gives up', async () => {
    const { mock, log } = await connectToMock();
    mock.room.reconnecting();
    mock.room.serverDisconnect(twilioError(53001));
    expect(log).toEqual(['reconnecting', 'quality:0', 'disconnected:network']);
  });

  it('leaving: disconnects twilio once, announces participants and tracks gone, then "left"', async () => {
    const { mock, room, log } = await connectToMock();
    mock.room.addParticipant('customer:c').publish('camera', 'video');
    log.length = 0;
    room.disconnect();
    room.disconnect();
    expect(mock.room.disconnectCalls).toBe(1);
    expect(room.participants.size).toBe(0);
    expect(log).toEqual(['-customer:c:camera', '-customer:c', 'disconnected:left']);
  });

  it('is "left" even if twilio-video does not report the disconnect synchronously', async () => {
    const { mock, room, log } = await connectToMock();
    mock.room.disconnect = function () {
      this.disconnectCalls += 1;
      return this;
    };
    room.disconnect();
    expect(room.state).toBe('disconnected');
    expect(log).toEqual(['disconnected:left']);
  });

  it('after the end, late twilio events change nothing', async () => {
    const { mock, room, log } = await connectToMock();
    const twilioRoom = mock.room;
    twilioRoom.serverDisconnect(twilioError(53118));
    twilioRoom.emit('participantConnected', { sid: 'PAx', identity: 'customer:late', tracks: new Map() });
    twilioRoom.emit('reconnecting');
    twilioRoom.localParticipant.setNetworkQualityLevel(1);
    expect(room.participants.size).toBe(0);
    expect(log).toEqual(['disconnected:ended']);
    expect(twilioRoom.listenerCount('trackSubscribed')).toBe(0);
  });
});
