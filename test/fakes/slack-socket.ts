/**
 * A fake Socket Mode endpoint on 127.0.0.1, built on `ws`. It greets a client with `hello`,
 * sends envelopes (slash commands, events, button presses) and hands back the client's ack.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

export interface Ack {
  envelope_id: string;
  payload?: unknown;
}

export type EnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

export class FakeSocketMode {
  private client?: WebSocket;
  private readonly acks = new Map<string, (ack: Ack) => void>();
  private next = 0;
  connections = 0;

  private constructor(private readonly server: WebSocketServer) {
    server.on('connection', (ws) => {
      this.client = ws;
      this.connections++;
      ws.on('message', (data) => {
        const ack = JSON.parse(String(data)) as Ack;
        this.acks.get(ack.envelope_id)?.(ack);
        this.acks.delete(ack.envelope_id);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'applink-fake', approximate_connection_time: 18060 }, connection_info: { app_id: 'A0KUBECON1' } }));
    });
  }

  static async start(): Promise<FakeSocketMode> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    return new FakeSocketMode(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link/?ticket=fake`;
  }

  /** Sends an envelope and resolves with the client's ack. */
  send(type: EnvelopeType, payload: unknown, retry?: { num: number; reason: string }): Promise<Ack> {
    const ws = this.client;
    if (!ws || ws.readyState !== WebSocket.OPEN) return Promise.reject(new Error('no Socket Mode client connected'));
    const envelopeId = `env-${++this.next}`;
    const acked = new Promise<Ack>((resolve, reject) => {
      // A missing ack fails the test rather than hanging it.
      const timer = setTimeout(() => reject(new Error(`envelope ${envelopeId} (${type}) was never acked`)), 5000);
      this.acks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    ws.send(JSON.stringify({
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...(type === 'events_api' ? { retry_attempt: retry?.num ?? 0, retry_reason: retry?.reason ?? '' } : {}),
    }));
    return acked;
  }

  async close(): Promise<void> {
    for (const ws of this.server.clients) ws.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
