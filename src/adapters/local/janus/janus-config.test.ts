import { renderJanusConfig } from './janus-config';

const files = renderJanusConfig({
  dir: '/data/janus/conf',
  wsUnixPath: '/data/janus/run/ws.sock',
  rtpPortRange: '30000-30100',
  adminSecret: 'adm"in',
  apiSecret: 'api-secret-value',
  tokenSecret: 'token-secret-value',
  roomAdminKey: 'room-admin-key',
  reclaimSessionTimeout: 30,
  debugLevel: 4,
  moduleRoot: '/usr/lib/x/janus',
  disabled: { plugins: ['libjanus_echotest.so', 'libjanus_sip.so'], transports: ['libjanus_http.so'], loggers: [], events: [] },
});

test('loads only videoroom and websockets, on 127.0.0.1 and a Unix socket, with our ports', () => {
  const janus = files['janus.jcfg'];
  expect(janus).toContain('disable = "libjanus_echotest.so,libjanus_sip.so"');
  expect(janus).toContain('disable = "libjanus_http.so"');
  expect(janus).toContain('interface = "127.0.0.1"');
  expect(janus).toContain('ice_enforce_list = "127.0.0.1"');
  expect(janus).toContain('rtp_port_range = "30000-30100"');
  expect(janus).toContain('admin_secret = "adm\\"in"');
  expect(janus).not.toMatch(/stun_server|turn_server/);
  // No TCP port at all: browsers reach Janus only through the stack's proxy.
  expect(files['janus.transport.websockets.jcfg']).toContain('ws_unix = "/data/janus/run/ws.sock"');
  expect(files['janus.transport.websockets.jcfg']).not.toMatch(/ws_port|ws_ip|wss = true/);
  expect(files['janus.transport.websockets.jcfg']).toContain('admin_ws = false');
});

test('locks the core API (API secret or signed token) and room creation (admin key)', () => {
  const janus = files['janus.jcfg'];
  expect(janus).toContain('api_secret = "api-secret-value"');
  expect(janus).toContain('token_auth = true');
  expect(janus).toContain('token_auth_secret = "token-secret-value"');
  expect(files['janus.plugin.videoroom.jcfg']).toContain('admin_key = "room-admin-key"');
});
