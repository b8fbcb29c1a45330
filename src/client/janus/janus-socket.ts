import { JANUS_EVENT, JANUS_SUBPROTOCOL } from './janus-protocol';

/**
 * The Janus JSON API over one WebSocket (subprotocol `janus-protocol`): transactions matched to
 * their replies, async events handed on, an unexpected close reported once.
 */
export interface JanusJsep {
  type: RTCSdpType;
  sdp?: string;
}

export interface JanusMessage {
  janus: string;
  transaction?: string;
  session_id?: number;
  sender?: number;
  data?: { id?: number };
  plugindata?: { plugin: string; data: Record<string, unknown> };
  jsep?: JanusJsep;
  error?: { code: number; reason: string };
  [key: string]: unknown;
}

export class JanusApiError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(`Janus error ${code}: ${reason}`);
  }
}

interface Pending {
  resolve(message: JanusMessage): void;
  reject(error: Error): void;
  /** Replies of type `ack` settle fire-and-forget requests; others wait for the real answer. */
  settleOnAck: boolean;
}

const transactionId = (): string => Math.random().toString(36).slice(2) + Date.now().toString(36);

export class JanusSocket {
  private ws: WebSocket | null = null;
  private readonly pending = new Map<string, Pending>();
  private closedByUs = false;

  constructor(
    private readonly url: string,
    /** Janus's core checks a token on every request (token_auth): it rides in each message. */
    private readonly token: string,
    private readonly onEvent: (message: JanusMessage) => void,
    private readonly onLost: () => void,
  ) {}

  open(timeoutMs = 5000): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url, JANUS_SUBPROTOCOL);
      const timer = setTimeout(() => {
        ws.close();
        reject(new Error('Could not reach the media server'));
      }, timeoutMs);
      ws.onopen = () => {
        clearTimeout(timer);
        this.ws = ws;
        resolve();
      };
      ws.onerror = () => {
        clearTimeout(timer);
        if (this.ws !== ws) reject(new Error('Could not reach the media server'));
      };
      ws.onclose = () => {
        clearTimeout(timer);
        if (this.ws !== ws) return;
        this.ws = null;
        this.failAll(new Error('Connection to the media server was lost'));
        if (!this.closedByUs) this.onLost();
      };
      ws.onmessage = (e) => this.receive(String(e.data));
    });
  }

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Sends a request and resolves with its answer (`success`/`event`), rejecting on `error`. */
  request(message: JanusMessage, timeoutMs = 15_000): Promise<JanusMessage> {
    return this.send(message, false, timeoutMs);
  }

  /** Sends a request whose `ack` is the whole answer (keepalive, trickle). */
  notify(message: JanusMessage): Promise<JanusMessage> {
    return this.send(message, true, 10_000);
  }

  close(): void {
    this.closedByUs = true;
    this.failAll(new Error('closed'));
    this.ws?.close();
    this.ws = null;
  }

  /** Test hook and network-failure simulation: drops the socket as a network fault would. */
  dropForTest(): void {
    this.ws?.close(4000, 'simulated drop');
  }

  private send(message: JanusMessage, settleOnAck: boolean, timeoutMs: number): Promise<JanusMessage> {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.reject(new Error('Not connected to the media server'));
    const transaction = transactionId();
    return new Promise<JanusMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(transaction);
        reject(new Error(`Media server did not answer "${message.janus}" in time`));
      }, timeoutMs);
      this.pending.set(transaction, {
        settleOnAck,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      ws.send(JSON.stringify({ ...message, token: this.token, transaction }));
    });
  }

  private receive(text: string): void {
    let message: JanusMessage;
    try {
      message = JSON.parse(text) as JanusMessage;
    } catch {
      return;
    }
    const pending = message.transaction ? this.pending.get(message.transaction) : undefined;
    if (pending) {
      if (message.janus === JANUS_EVENT.ACK && !pending.settleOnAck) return;
      this.pending.delete(message.transaction!);
      if (message.janus === JANUS_EVENT.ERROR) pending.reject(new JanusApiError(message.error?.code ?? 0, message.error?.reason ?? 'unknown'));
      else pending.resolve(message);
      return;
    }
    if (message.janus !== JANUS_EVENT.ACK) this.onEvent(message);
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
