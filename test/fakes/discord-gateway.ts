/**
 * A fake Discord gateway on 127.0.0.1, just enough for discord.js: HELLO, IDENTIFY -> READY and
 * GUILD_CREATE, heartbeat ACKs, RESUME (replaying what was dispatched while the client was
 * away, then RESUMED), and dispatches with rising sequence numbers.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

export interface GatewayOptions {
  /** READY's `d`; session_id and resume_gateway_url are filled in. */
  ready: Record<string, unknown>;
  guilds: Array<Record<string, unknown>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Frame = { op: number; d?: any; s?: number | null; t?: string | null };

export class FakeGateway {
  /** IDENTIFY and RESUME payloads the client sent, in order. */
  readonly identifies: Frame['d'][] = [];
  readonly resumes: Frame['d'][] = [];
  readonly sessionId = 'fake-session-7f3a';
  private readonly server: WebSocketServer;
  private readonly opts: GatewayOptions;
  private socket: WebSocket | undefined;
  private seq = 0;
  /** Dispatches made while no client was connected, replayed on RESUME as Discord does. */
  private missed: Frame[] = [];
  private onResumed: Array<() => void> = [];

  private constructor(opts: GatewayOptions) {
    this.opts = opts;
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.server.on('connection', (ws) => this.accept(ws));
  }

  static async start(opts: GatewayOptions): Promise<FakeGateway> {
    const g = new FakeGateway(opts);
    await once(g.server, 'listening');
    return g;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Sends an event to the client, or keeps it for the RESUME if the client is away. */
  dispatch(t: string, d: unknown): void {
    const frame: Frame = { op: 0, t, s: ++this.seq, d };
    if (this.socket?.readyState === WebSocket.OPEN) this.send(this.socket, frame);
    else this.missed.push(frame);
  }

  /** Drops the connection without a close frame, as a network failure would. */
  drop(): void {
    this.socket?.terminate();
    this.socket = undefined;
  }

  /** Closes the connection with a close frame, as Discord does for a reset token (4004) or refused intents (4014). */
  closeWith(code: number, reason = ''): void {
    this.socket?.close(code, reason);
  }

  /** Resolves when the client has resumed the session (after its next RESUME). */
  resumed(): Promise<void> {
    return new Promise((resolve) => this.onResumed.push(resolve));
  }

  async close(): Promise<void> {
    for (const ws of this.server.clients) ws.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private send(ws: WebSocket, frame: Frame): void {
    ws.send(JSON.stringify(frame));
  }

  private accept(ws: WebSocket): void {
    this.socket = ws;
    this.send(ws, { op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null });
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      if (frame.op === 1) this.send(ws, { op: 11 });
      else if (frame.op === 2) this.identify(ws, frame.d);
      else if (frame.op === 6) this.resume(ws, frame.d);
    });
  }

  private identify(ws: WebSocket, d: Frame['d']): void {
    this.identifies.push(d);
    this.seq = 0;
    this.missed = [];
    const ready = { ...this.opts.ready, session_id: this.sessionId, resume_gateway_url: this.url };
    this.send(ws, { op: 0, t: 'READY', s: ++this.seq, d: ready });
    for (const guild of this.opts.guilds) this.send(ws, { op: 0, t: 'GUILD_CREATE', s: ++this.seq, d: guild });
  }

  private resume(ws: WebSocket, d: Frame['d']): void {
    this.resumes.push(d);
    if (d.session_id !== this.sessionId) {
      this.send(ws, { op: 9, d: false });
      return;
    }
    for (const frame of this.missed.filter((f) => (f.s ?? 0) > d.seq)) this.send(ws, frame);
    this.missed = [];
    this.send(ws, { op: 0, t: 'RESUMED', s: ++this.seq, d: {} });
    const waiting = this.onResumed;
    this.onResumed = [];
    for (const resolve of waiting) resolve();
  }
}
