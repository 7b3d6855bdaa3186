/**
 * A fake Slack on 127.0.0.1: the Web API (`/api/<method>`) and `response_url`s
 * (`/respond/<name>`). It records what the real Bolt client sent, and can answer
 * chat.postMessage with a 429 to exercise the client's retries.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BOT_USER_ID = 'U0KUBEBOT1';
export const BOT_ID = 'B0KUBEBOT1';

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  authorization?: string;
  /** True when this call was answered with a 429. */
  rateLimited: boolean;
}

/** A message posted to a response_url. */
export interface Responded {
  name: string;
  body: Record<string, unknown>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw || '{}');
  const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  // The Web API client sends objects such as `blocks` as JSON inside a form field.
  for (const key of ['blocks', 'attachments', 'metadata']) {
    if (typeof body[key] === 'string') body[key] = JSON.parse(body[key] as string);
  }
  return body;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responded: Responded[] = [];
  /** Where apps.connections.open sends the Socket Mode client. */
  socketUrl?: string;
  private readonly limited = new Map<string, number>();
  private readonly failing = new Map<string, { status: number; times: number }>();
  private readonly waiters = new Set<() => void>();
  private held: Array<() => void> | undefined;
  private ts = 1718000000;

  private constructor(private readonly server: Server) {
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res));
  }

  static async start(): Promise<FakeSlack> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return new FakeSlack(server);
  }

  get base(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  responseUrl(name: string): string {
    return `${this.base}/respond/${encodeURIComponent(name)}`;
  }

  /** The next `times` calls to `method` get this HTTP status (a 503, say) with no body to speak of. */
  failWith(method: string, status: number, times = 1): void {
    this.failing.set(method, { status, times });
  }

  /** The next `times` calls to `method` get a 429 with Retry-After: 1. */
  rateLimit(method: string, times = 1): void {
    this.limited.set(method, times);
  }

  /**
   * Until `release()` is called, posts to a response_url are recorded but not answered, so a
   * test can show that the app acknowledged Slack without waiting for its own answer.
   */
  holdResponses(): { release(): void } {
    const held: Array<() => void> = [];
    this.held = held;
    return {
      release: () => {
        this.held = undefined;
        for (const answer of held.splice(0)) answer();
      },
    };
  }

  /** Calls to `method` that were answered normally. */
  answered(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method && !c.rateLimited);
  }

  /**
   * Resolves with `pick()`'s first defined value, checked now and after every request. Gives
   * up after `patience` ms so a missing answer fails the test instead of hanging it.
   */
  waitFor<T>(pick: () => T | undefined, what = 'the expected request', patience = 5000): Promise<T> {
    const now = pick();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`the fake Slack never received ${what}`));
      }, patience);
      const check = () => {
        const v = pick();
        if (v === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(v);
      };
      this.waiters.add(check);
    });
  }

  /** The `n`th (1-based) successful call to `method`. */
  call(method: string, n = 1): Promise<ApiCall> {
    return this.waitFor(() => this.answered(method)[n - 1], `${method} call #${n}`);
  }

  /** The `n`th (1-based) message posted to the response_url called `name`. */
  response(name: string, n = 1): Promise<Responded> {
    return this.waitFor(() => this.responded.filter((r) => r.name === name)[n - 1], `response #${n} at ${name}`);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const body = await readBody(req);
    const json = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(data));
    };
    if (url.pathname.startsWith('/respond/')) {
      this.responded.push({ name: decodeURIComponent(url.pathname.slice('/respond/'.length)), body });
      if (this.held) this.held.push(() => json(200, { ok: true }));
      else json(200, { ok: true });
    } else if (url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const left = this.limited.get(method) ?? 0;
      const failing = this.failing.get(method);
      this.calls.push({ method, body, authorization: req.headers.authorization, rateLimited: left > 0 || Boolean(failing?.times) });
      if (failing && failing.times > 0) {
        failing.times--;
        json(failing.status, { ok: false, error: 'service_unavailable' });
      } else if (left > 0) {
        this.limited.set(method, left - 1);
        json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
      } else {
        json(200, this.answer(method, body));
      }
    } else {
      json(404, { ok: false, error: 'not_found' });
    }
    for (const check of [...this.waiters]) check();
  }

  private answer(method: string, body: Record<string, unknown>): unknown {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://cloudnative-jp.slack.com/', team: 'CloudNative JP', user: 'kubecon-bot', team_id: 'T0KUBETEAM', user_id: BOT_USER_ID, bot_id: BOT_ID, is_enterprise_install: false };
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'invalid_auth' };
      case 'chat.postMessage': {
        const ts = `${++this.ts}.000100`;
        return { ok: true, channel: body.channel, ts, message: { type: 'message', ts, text: body.text, bot_id: BOT_ID } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
