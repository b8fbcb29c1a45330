import { renderJanusConfig } from './janus-config';

const files = renderJanusConfig({
  dir: '/data/janus/conf',
  wsPort: 18188,
  rtpPortRange: '30000-30100',
  adminSecret: 'adm"in',
  reclaimSessionTimeout: 30,
  debugLevel: 4,
  moduleRoot: '/usr/lib/x/janus',
  disabled: { plugins: ['libjanus_echotest.so', 'libjanus_sip.so'], transports: ['libjanus_http.so'], loggers: [], events: [] },
});

test('loads only videoroom and websockets, on 127.0.0.1, with our ports', () => {
  const janus = files['janus.jcfg'];
  expect(janus).toContain('disable = "libjanus_echotest.so,libjanus_sip.so"');
  expect(janus).toContain('disable = "libjanus_http.so"');
  expect(janus).toContain('interface = "127.0.0.1"');
  expect(janus).toContain('ice_enforce_list = "127.0.0.1"');
  expect(janus).toContain('rtp_port_range = "30000-30100"');
  expect(janus).toContain('admin_secret = "adm\\"in"');
  expect(janus).not.toMatch(/stun_server|turn_server/);
  expect(files['janus.transport.websockets.jcfg']).toMatch(/ws_port = 18188[\s\S]*ws_ip = "127.0.0.1"/);
  expect(files['janus.transport.websockets.jcfg']).toContain('admin_ws = false');
  expect(files['janus.plugin.videoroom.jcfg']).not.toContain('admin_key');
});
