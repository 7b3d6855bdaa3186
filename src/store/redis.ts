/**
 * The shared store on Redis (REDIS_URL), for any number of instances. A document is one string
 * key replaced by a small script (compare and set in one step); a claim and a remembered id are
 * `SET key value NX PX ttl`, which exactly one caller wins. Keys start with "kubecon-bot:".
 *
 * When Redis cannot be reached: one log line, reconnects with a growing delay (up to 10 s), and
 * every command fails at once instead of queueing, so callers fall back (remember: per process)
 * or skip (claim: an occurrence is skipped rather than risk posting it twice). One line again
 * when it is back.
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { MemoryIds } from './memory-ids.ts';
import { StoreUnavailableError, type Store, type StoreStatus } from './store.ts';

const PREFIX = 'kubecon-bot:';
const MAX_RECONNECT_DELAY_MS = 10_000;
/** A command with no answer within this time counts as failed (Redis hung or far away). */
const COMMAND_TIMEOUT_MS = 2_000;

const REPLACE = `
local cur = redis.call('GET', KEYS[1])
if ARGV[1] == 'absent' then
  if cur then return 0 end
elseif cur ~= ARGV[2] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[3])
return 1`;

/** host:port of a Redis URL, for logs: never the password. */
function redisAddress(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '6379'}`;
}

export interface RedisStoreOptions {
  url: string;
  log: Logger;
  /** Delay before reconnect attempt `n` (1-based); tests make it short. */
  reconnectDelay?: (attempt: number) => number;
}

export class RedisStore implements Store {
  readonly kind = 'redis';
  readonly address: string;
  private readonly client: Redis;
  private readonly log: Logger;
  /** Where `remember` goes while Redis is down. */
  private readonly fallback = new MemoryIds();
  private up = false;
  private error: string | undefined = 'not connected yet';
  private toldDown = false;
  private toldFallback = false;
  private closing = false;
  private readonly listeners: Array<() => void> = [];

  private constructor(opts: RedisStoreOptions) {
    this.address = redisAddress(opts.url);
    this.log = opts.log;
    const delay = opts.reconnectDelay ?? ((n: number) => Math.min(100 * 2 ** n, MAX_RECONNECT_DELAY_MS));
    this.client = new Redis(opts.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: 5_000,
      retryStrategy: (attempt) => (this.closing ? null : delay(attempt)),
    });
    this.client.on('ready', () => this.onUp());
    this.client.on('error', (err: Error) => this.onDown(err.message));
    this.client.on('close', () => this.onDown('connection closed'));
  }

  /**
   * Connects, waiting at most `waitMs` for Redis to answer. A Redis that is down at start is not
   * fatal: the store reports itself down and keeps trying.
   */
  static async open(opts: RedisStoreOptions & { waitMs?: number }): Promise<RedisStore> {
    const store = new RedisStore(opts);
    const ready = new Promise<void>((resolve) => {
      store.client.once('ready', resolve);
      store.client.once('error', () => resolve());
      setTimeout(resolve, opts.waitMs ?? 5_000).unref();
    });
    store.client.connect().catch(() => {});
    await ready;
    return store;
  }

  async read(name: string): Promise<string | undefined> {
    const v = await this.run(() => this.client.get(`${PREFIX}doc:${name}`));
    return v ?? undefined;
  }

  async replace(name: string, expected: string | undefined, text: string): Promise<boolean> {
    const args = expected === undefined ? ['absent', '', text] : ['present', expected, text];
    return (await this.run(() => this.client.eval(REPLACE, 1, `${PREFIX}doc:${name}`, ...args))) === 1;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    return (await this.run(() => this.client.set(`${PREFIX}claim:${key}`, String(process.pid), 'PX', ttlMs, 'NX'))) === 'OK';
  }

  async remember(id: string, ttlMs: number): Promise<boolean> {
    if (this.up) {
      try {
        return (await this.client.set(`${PREFIX}seen:${id}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
      } catch (err) {
        this.onDown((err as Error).message);
      }
    }
    if (!this.toldFallback) {
      this.toldFallback = true;
      this.log.warn({ store: 'redis', address: this.address }, 'redis: unreachable, so repeated Slack events are recognised per process only until it is back');
    }
    return this.fallback.remember(id, ttlMs);
  }

  status(): StoreStatus {
    return this.up ? { kind: 'redis', up: true } : { kind: 'redis', up: false, error: this.error };
  }

  onReconnect(listener: () => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.client.status === 'end') return;
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private async run<T>(command: () => Promise<T>): Promise<T> {
    if (!this.up) throw new StoreUnavailableError('redis', this.error ?? 'down');
    try {
      return await command();
    } catch (err) {
      // A reply error (a bug) is not an outage; a lost connection or a timeout is.
      if (err instanceof Error && err.name !== 'ReplyError') this.onDown(err.message);
      throw err;
    }
  }

  private onUp(): void {
    const wasDown = this.toldDown;
    this.up = true;
    this.error = undefined;
    this.toldDown = false;
    this.toldFallback = false;
    this.log.info({ store: 'redis', address: this.address }, wasDown ? 'redis: connected again; state is shared again' : 'redis: connected');
    if (wasDown) for (const listener of this.listeners) listener();
  }

  private onDown(reason: string): void {
    if (this.closing) return;
    this.up = false;
    this.error = reason;
    if (this.toldDown) return;
    this.toldDown = true;
    this.log.error(
      { store: 'redis', address: this.address, err: reason },
      'redis: unreachable; reconnecting with backoff. Meanwhile searches are answered, Slack dedupe is per process, and talk-of-the-day occurrences are skipped',
    );
  }
}
