/**
 * A fake Discord REST API on 127.0.0.1: the routes the bot uses, every request recorded, and
 * faults (429, 500) queued on demand. Requests that need the bot token are checked for it.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** When it arrived, in ms since the epoch. */
  at: number;
  status: number;
}

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface Waiter {
  match: (r: Recorded) => boolean;
  resolve: (r: Recorded) => void;
}

export interface RestOptions {
  token: string;
  botUser: Record<string, unknown>;
  /** Channels that GET /channels/:id knows. */
  channels: Record<string, Record<string, unknown>>;
}

let nextSnowflake = 1300000000000000000n;
export function snowflake(): string {
  nextSnowflake += 1n;
  return String(nextSnowflake);
}

export class FakeDiscordRest {
  readonly requests: Recorded[] = [];
  /** The gateway URL handed out by GET /gateway/bot. */
  gatewayUrl = '';
  private readonly faults: Fault[] = [];
  private waiters: Waiter[] = [];
  private readonly server: Server;
  private readonly opts: RestOptions;

  private constructor(opts: RestOptions) {
    this.opts = opts;
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  static async start(opts: RestOptions): Promise<FakeDiscordRest> {
    const fake = new FakeDiscordRest(opts);
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    return fake;
  }

  /** The base URL to give discord.js (`rest.api`); it adds /v10 itself. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  /** Answers the next request matching `fault` with its status instead of handling it. */
  failNext(fault: Fault): void {
    this.faults.push(fault);
  }

  /** The first request, past or future, that matches. */
  waitFor(match: (r: Recorded) => boolean): Promise<Recorded> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    const rec: Recorded = {
      method: req.method ?? 'GET', path: pathname, query: url.searchParams, headers: req.headers,
      body: raw ? JSON.parse(raw) : undefined, at: Date.now(), status: 0,
    };
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      rec.status = status;
      this.record(rec);
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { ...(text ? { 'content-type': 'application/json' } : {}), ...headers });
      res.end(text);
    };
    const fault = this.faults.findIndex((f) => f.method === rec.method && f.path.test(rec.path));
    if (fault >= 0) {
      const [f] = this.faults.splice(fault, 1);
      return reply(f!.status, f!.body ?? { message: 'fault', code: 0 }, f!.headers);
    }
    const route = rec.path.replace(/^\/api\/v10/, '');
    const tokenFree = /^\/(interactions|webhooks)\//.test(route);
    if (!tokenFree && req.headers.authorization !== `Bot ${this.opts.token}`) {
      return reply(401, { message: '401: Unauthorized', code: 0 });
    }
    const m = (re: RegExp) => re.exec(route);
    let r: RegExpExecArray | null;
    if (rec.method === 'GET' && route === '/gateway/bot') {
      return reply(200, {
        url: this.gatewayUrl, shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (rec.method === 'POST' && (r = m(/^\/channels\/(\d+)\/messages$/))) return reply(200, this.message(r[1]!, rec.body));
    if (rec.method === 'GET' && (r = m(/^\/channels\/(\d+)$/))) {
      const channel = this.opts.channels[r[1]!];
      return channel ? reply(200, channel) : reply(404, { message: 'Unknown Channel', code: 10003 });
    }
    if (rec.method === 'POST' && m(/^\/interactions\/\d+\/[^/]+\/callback$/)) return reply(204);
    if (rec.method === 'PATCH' && m(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/)) return reply(200, this.message('0', rec.body));
    if (rec.method === 'POST' && m(/^\/webhooks\/\d+\/[^/]+$/)) return reply(200, this.message('0', rec.body));
    if (rec.method === 'PUT' && m(/^\/applications\/\d+(\/guilds\/\d+)?\/commands$/)) {
      return reply(200, (rec.body as object[]).map((c) => ({ ...c, id: snowflake(), version: snowflake() })));
    }
    return reply(404, { message: '404: Not Found', code: 0 });
  }

  private record(rec: Recorded): void {
    this.requests.push(rec);
    const ready = this.waiters.filter((w) => w.match(rec));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(rec);
  }

  /** A message object as Discord returns it for a message the bot created. */
  private message(channelId: string, body: Record<string, unknown>): Record<string, unknown> {
    return {
      id: snowflake(), channel_id: channelId, author: this.opts.botUser, type: body.message_reference ? 19 : 0,
      content: body.content ?? '', embeds: body.embeds ?? [], components: body.components ?? [], flags: body.flags ?? 0,
      timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, pinned: false,
      mention_everyone: false, mentions: [], mention_roles: [], attachments: [],
      ...(body.message_reference ? { message_reference: { ...(body.message_reference as object), channel_id: channelId } } : {}),
    };
  }
}
