/**
 * Loads janode (an ES module) and types the small part of it we use.
 *
 * janode ships ESM only. Node 20.19+ can `require()` ESM natively, but Jest's module registry
 * cannot, so we load it through Node's own `require` (process.getBuiltinModule) instead of the
 * host's. That also keeps bundlers from inlining it: janode stays an external runtime dependency.
 */
import type { EventEmitter } from 'node:events';

export interface JanodeError extends Error {
  /** Janus plugin error code (e.g. 426 no such room) when the error came from the plugin. */
  _code?: number;
}

export interface JanodeVideoRoomHandle extends EventEmitter {
  id: number;
  message(body: Record<string, unknown>): Promise<{ plugindata?: { data?: Record<string, unknown> } }>;
  detach(): Promise<void>;
}

export interface JanodeSession extends EventEmitter {
  id: number;
  attach(plugin: unknown): Promise<JanodeVideoRoomHandle>;
  destroy(): Promise<void>;
}

export interface JanodeConnection extends EventEmitter {
  create(keepAliveSeconds?: number): Promise<JanodeSession>;
  close(): Promise<void>;
}

export interface Janode {
  connect(config: { address: { url: string; apisecret?: string }; retry_time_secs?: number; max_retries?: number }): Promise<JanodeConnection>;
  Logger: { setLevel(level: 'debug' | 'verb' | 'info' | 'warn' | 'error' | 'none'): string };
  EVENT: {
    CONNECTION_CLOSED: string;
    CONNECTION_ERROR: string;
    SESSION_DESTROYED: string;
    HANDLE_DETACHED: string;
  };
  videoRoomPlugin: unknown;
}

type BuiltinLoader = (id: 'node:module') => typeof import('node:module');
let cached: Janode | null = null;

export function loadJanode(): Janode {
  if (cached) return cached;
  const getBuiltin = (process as unknown as { getBuiltinModule?: BuiltinLoader }).getBuiltinModule;
  if (!getBuiltin) throw new Error('janode needs Node >= 20.16 (process.getBuiltinModule)');
  const nodeRequire = getBuiltin('node:module').createRequire(__filename);
  const main = nodeRequire('janode') as { default: Omit<Janode, 'videoRoomPlugin'> };
  const plugin = nodeRequire('janode/plugins/videoroom') as { default: unknown };
  // janode logs every request at info level; its debug levels could echo room secrets.
  main.default.Logger.setLevel('error');
  cached = { ...main.default, videoRoomPlugin: plugin.default };
  return cached;
}
