/**
 * Under load, Slack requests arrive while earlier ones are being answered. The adapter acks each
 * request first and computes its answer in a later turn of the event loop, so the ack of a
 * request that is already waiting goes out before an earlier request's answer is computed; had
 * the answer run right after its own ack, the next ack would wait behind it (and with enough of
 * them, past Slack's 3-second deadline).
 *
 * Two slash commands are written on two open connections in the same instant, so the server
 * reads both in one turn of its event loop. The order is taken from Node's own record of each
 * HTTP response leaving (the `http.server.response.finish` diagnostics channel) and from a bot
 * that notes when it is asked for an answer.
 */
import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { after, before, it } from 'node:test';
import { Bot, type Request } from '../../src/core/bot.ts';
import type { Reply } from '../../src/core/reply.ts';
import { SIGNING_SECRET, startHarness, type Harness } from '../fakes/slack-harness.ts';
import { signature, slashCommand } from '../fakes/slack-payloads.ts';
import { realLibrary } from '../helpers/bot.ts';

const events: string[] = [];

/** The real bot, noting each time it is asked to answer. */
class NotingBot extends Bot {
  override handle(req: Request): Reply {
    events.push(`answer ${req.text}`);
    return super.handle(req);
  }
}

/** An open keep-alive connection to the app, counting the HTTP responses it has read. */
class Connection {
  private responses = 0;
  private constructor(readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      this.responses += d.match(/HTTP\/1\.1 \d{3}/g)?.length ?? 0;
      socket.emit('responses', this.responses);
    });
  }

  static async open(port: number): Promise<Connection> {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const c = new Connection(socket);
    // One request first, so the server has taken the connection and waits on it for the next.
    socket.write('GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
    await c.read(1);
    return c;
  }

  /** Resolves once `n` responses in all have been read on this connection. */
  async read(n: number): Promise<void> {
    const signal = AbortSignal.timeout(5_000);
    while (this.responses < n) await once(this.socket, 'responses', { signal });
  }

  static slashCommandRequest(text: string, responseUrl: string): string {
    const body = new URLSearchParams(slashCommand(text, responseUrl)).toString();
    const ts = Math.floor(Date.now() / 1000);
    return [
      'POST /slack/events HTTP/1.1',
      'host: 127.0.0.1',
      'content-type: application/x-www-form-urlencoded',
      `content-length: ${Buffer.byteLength(body)}`,
      `x-slack-request-timestamp: ${ts}`,
      `x-slack-signature: ${signature(SIGNING_SECRET, ts, body)}`,
      '',
      body,
    ].join('\r\n');
  }
}

let h: Harness;
let port: number;
before(async () => {
  h = await startHarness('http', new NotingBot({ library: await realLibrary() }));
  port = h.handle.port!;
});
after(() => h.close());

it('acks a waiting request before computing the answer to an earlier one', { timeout: 10_000 }, async () => {
  const [first, second] = [await Connection.open(port), await Connection.open(port)];
  const names = new Map([[first.socket.localPort, 'gvisor'], [second.socket.localPort, 'wasm']]);
  const noteAck = (message: unknown) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const text = names.get(socket.remotePort);
    if (text && request.url === '/slack/events') events.push(`ack ${text}`);
  };
  subscribe('http.server.response.finish', noteAck);
  try {
    first.socket.write(Connection.slashCommandRequest('gvisor', h.api.responseUrl('first')));
    second.socket.write(Connection.slashCommandRequest('wasm', h.api.responseUrl('second')));
    await h.api.response('first');
    await h.api.response('second');
    await Promise.all([first.read(2), second.read(2)]);
  } finally {
    unsubscribe('http.server.response.finish', noteAck);
    first.socket.destroy();
    second.socket.destroy();
  }
  const firstAnswer = events.findIndex((e) => e.startsWith('answer'));
  assert.deepEqual(events.slice(0, firstAnswer).sort(), ['ack gvisor', 'ack wasm'], `both acks before any answer: ${events.join(', ')}`);
  assert.deepEqual(events.slice(firstAnswer).sort(), ['answer gvisor', 'answer wasm']);
});
