import { loadJanode, type JanodeConnection, type JanodeError, type JanodeSession, type JanodeVideoRoomHandle } from './janode';

export interface JanusControlOptions {
  wsUrl: string;
  /** Janus's `api_secret`: janode sends it as `apisecret` with every request. */
  apiSecret: string;
  /** Close the connection after this long without requests, so no session dangles (default 15 s). */
  idleCloseMs?: number;
}

interface Link {
  connection: JanodeConnection;
  session: JanodeSession;
  handle: JanodeVideoRoomHandle;
}

/** A plugin-level answer (bad room, bad feed...) rather than a transport failure. */
export const isPluginError = (e: unknown): e is JanodeError =>
  // Duck-typed: janode's errors may come from another realm (Jest's sandbox), failing instanceof.
  typeof e === 'object' && e !== null && typeof (e as JanodeError)._code === 'number';

/**
 * One reused janode connection → session → videoroom handle for server-side room management.
 * Any close/error/destroy event drops it; the next request reconnects. A request that fails for a
 * transport reason is retried once on a fresh connection. Idle links are closed, so a short-lived
 * Functions process leaves no session or keep-alive timer behind.
 */
export class JanusControl {
  private static readonly pool = new Map<string, JanusControl>();

  /**
   * One control link per Janus (URL and secret) for the whole process: a Functions runtime that
   * builds its adapters per request still reuses one connection and one session.
   */
  static shared(wsUrl: string, apiSecret: string): JanusControl {
    const key = `${wsUrl}\n${apiSecret}`;
    let control = JanusControl.pool.get(key);
    if (!control) JanusControl.pool.set(key, (control = new JanusControl({ wsUrl, apiSecret })));
    return control;
  }

  private link: Promise<Link> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private inFlight = 0;

  constructor(private readonly options: JanusControlOptions) {}

  /** Sends one videoroom request and returns the plugin's data; plugin errors throw with `_code`. */
  async request(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    this.inFlight++;
    this.clearIdle();
    try {
      for (let attempt = 0; ; attempt++) {
        const link = await this.open();
        try {
          const response = await link.handle.message(body);
          return response.plugindata?.data ?? {};
        } catch (e) {
          if (isPluginError(e) || attempt >= 1) throw e;
          await this.drop(link);
        }
      }
    } finally {
      this.inFlight--;
      this.armIdle();
    }
  }

  /** Destroys the session and closes the connection; later requests open a new one. */
  async close(): Promise<void> {
    this.clearIdle();
    const current = this.link;
    this.link = null;
    if (current) await current.then((l) => this.teardown(l), () => undefined);
  }

  private open(): Promise<Link> {
    if (!this.link) {
      const attempt = this.connect();
      this.link = attempt;
      attempt.catch(() => {
        if (this.link === attempt) this.link = null;
      });
    }
    return this.link;
  }

  private async connect(): Promise<Link> {
    const janode = loadJanode();
    const connection = await janode.connect({ address: { url: this.options.wsUrl, apisecret: this.options.apiSecret }, retry_time_secs: 1, max_retries: 3 });
    let session: JanodeSession | undefined;
    try {
      session = await connection.create(20);
      const handle = await session.attach(janode.videoRoomPlugin);
      const link: Link = { connection, session, handle };
      const lost = (): void => void this.drop(link);
      connection.once(janode.EVENT.CONNECTION_CLOSED, lost);
      connection.once(janode.EVENT.CONNECTION_ERROR, lost);
      session.once(janode.EVENT.SESSION_DESTROYED, lost);
      handle.once(janode.EVENT.HANDLE_DETACHED, lost);
      return link;
    } catch (e) {
      await this.teardown({ connection, session } as Link);
      throw e;
    }
  }

  private async drop(link: Link): Promise<void> {
    const current = this.link;
    if (current && (await current.catch(() => null)) === link) this.link = null;
    await this.teardown(link);
  }

  private async teardown(link: Partial<Link> & { connection: JanodeConnection; closed?: boolean }): Promise<void> {
    if (link.closed) return;
    link.closed = true;
    // Bounded: on a dead socket janode may never answer.
    const bounded = (p: Promise<unknown> | undefined): Promise<unknown> =>
      Promise.race([p?.catch(() => undefined), new Promise((r) => setTimeout(r, 2000).unref())]);
    await bounded(link.session?.destroy());
    await bounded(link.connection.close());
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private armIdle(): void {
    if (this.inFlight > 0) return;
    this.clearIdle();
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleCloseMs ?? 15_000);
    this.idleTimer.unref();
  }
}
