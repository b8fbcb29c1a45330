import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian (and a source build) put Janus's modules; the first folder holding the videoroom plugin wins. */
const MODULE_ROOTS = [
  '/usr/lib/x86_64-linux-gnu/janus',
  '/usr/lib/aarch64-linux-gnu/janus',
  '/usr/lib/janus',
  '/usr/local/lib/janus',
  '/opt/janus/lib/janus',
];

/** The only modules our Janus loads; every other module found on disk goes into a `disable` list. */
export const WANTED_PLUGINS = ['libjanus_videoroom.so'];
export const WANTED_TRANSPORTS = ['libjanus_websockets.so'];

export interface JanusConfigOptions {
  /** Folder to write janus.jcfg and the plugin/transport files into (created). */
  dir: string;
  /**
   * Janus's WebSocket listens on this Unix socket and on no TCP port: browsers cannot reach it
   * (they go through the stack's filtering proxy), only processes that can open the file.
   */
  wsUnixPath: string;
  /** `min-max`; Janus binds each RTP/RTCP socket inside it. */
  rtpPortRange: string;
  /** Random per run; the Admin API is off anyway, but Janus's shipped default must never be live. */
  adminSecret: string;
  /**
   * Core API lock-down (see janus-credentials.ts): every request needs `apisecret` = apiSecret
   * or a `token` signed with tokenSecret; creating videorooms needs roomAdminKey.
   */
  apiSecret: string;
  tokenSecret: string;
  roomAdminKey: string;
  /** Seconds a session survives a dropped WebSocket, so a browser can reconnect and claim it. */
  reclaimSessionTimeout: number;
  /** Janus debug level 0-7. */
  debugLevel: number;
  moduleRoot?: string;
}

export function findJanusModuleRoot(): string {
  const found = MODULE_ROOTS.find((root) => existsSync(join(root, 'plugins', WANTED_PLUGINS[0])));
  if (!found) throw new Error(`Janus modules not found (looked in ${MODULE_ROOTS.join(', ')}); install the janus package`);
  return found;
}

/** libconfig string literal; our values are ours, but quotes and backslashes are escaped anyway. */
const str = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const othersIn = (folder: string, wanted: string[]): string[] =>
  existsSync(folder) ? readdirSync(folder).filter((f) => /\.so$/.test(f) && !wanted.includes(f)).sort() : [];

/** Renders the three config files; pure, so it is unit-tested without touching disk. */
export function renderJanusConfig(o: JanusConfigOptions & { moduleRoot: string; disabled: Record<string, string[]> }): Record<string, string> {
  const folder = (name: string): string => join(o.moduleRoot, name);
  const disable = (kind: string): string => (o.disabled[kind].length ? `\tdisable = ${str(o.disabled[kind].join(','))}\n` : '');
  const janus = `# Generated at run time by src/adapters/local/janus/janus-config.ts; do not edit.
general: {
\tconfigs_folder = ${str(o.dir)}
\tplugins_folder = ${str(folder('plugins'))}
\ttransports_folder = ${str(folder('transports'))}
\tevents_folder = ${str(folder('events'))}
\tloggers_folder = ${str(folder('loggers'))}
\tdebug_level = ${o.debugLevel}
\tdebug_colors = false
\tadmin_secret = ${str(o.adminSecret)}
\t# Either one authorizes a request (janus.c, janus_request_check_secret): the server's control
\t# connection sends apisecret, browsers a signed token (janus-token.ts) minted per media grant.
\tapi_secret = ${str(o.apiSecret)}
\ttoken_auth = true
\ttoken_auth_secret = ${str(o.tokenSecret)}
\tinterface = "127.0.0.1"
\tsession_timeout = 60
\treclaim_session_timeout = ${o.reclaimSessionTimeout}
\tserver_name = "video-escalation-local"
\t# Recordings in progress are named *.mjr.tmp and renamed on close: a .mjr is always complete.
\trecordings_tmp_ext = "tmp"
}
certificates: {
}
media: {
\tipv6 = false
\trtp_port_range = ${str(o.rtpPortRange)}
}
nat: {
\tnice_debug = false
\tignore_mdns = true
\tice_enforce_list = "127.0.0.1"
}
plugins: {
${disable('plugins')}}
transports: {
${disable('transports')}}
loggers: {
${disable('loggers')}}
events: {
\tbroadcast = false
${disable('events')}}
`;
  const websockets = `general: {
\tjson = "plain"
\tws = true
\tws_unix = ${str(o.wsUnixPath)}
\twss = false
}
admin: {
\tadmin_ws = false
\tadmin_wss = false
}
`;
  const videoroom = `general: {
\tadmin_key = ${str(o.roomAdminKey)}
\tlock_rtp_forward = true
}
`;
  return {
    'janus.jcfg': janus,
    'janus.transport.websockets.jcfg': websockets,
    'janus.plugin.videoroom.jcfg': videoroom,
  };
}

/** Writes the project's own Janus config folder (never /etc/janus) and returns the janus.jcfg path. */
export function writeJanusConfig(options: JanusConfigOptions): string {
  const moduleRoot = options.moduleRoot ?? findJanusModuleRoot();
  const disabled = {
    plugins: othersIn(join(moduleRoot, 'plugins'), WANTED_PLUGINS),
    transports: othersIn(join(moduleRoot, 'transports'), WANTED_TRANSPORTS),
    loggers: othersIn(join(moduleRoot, 'loggers'), []),
    events: othersIn(join(moduleRoot, 'events'), []),
  };
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const files = renderJanusConfig({ ...options, moduleRoot, disabled });
  // 0600: the files hold the admin and API secrets, the token secret and the room admin key.
  for (const [name, text] of Object.entries(files)) writeFileSync(join(options.dir, name), text, { mode: 0o600 });
  return join(options.dir, 'janus.jcfg');
}
