/**
 * Remembers which events and messages were already answered. Slack retries an event it thinks
 * was lost (same event_id, with x-slack-retry-num), possibly to another instance behind the same
 * Request URL, and a message that mentions the bot in a DM can arrive as two events; both must
 * get one answer only. With a shared store (Redis) every instance sees the same memory; without
 * one, or while it is down, the memory is this process's.
 */
import { MemoryIds } from '../../store/memory-ids.ts';

/** Slack retries for about five minutes; keeping keys longer than that is enough. */
const DEFAULT_TTL_MS = 30 * 60 * 1000;

/** The store primitive this builds on: true the first time an id is seen within the TTL. */
export interface Remembers {
  remember(id: string, ttlMs: number): Promise<boolean>;
}

export interface DedupeOptions {
  store?: Remembers;
  ttlMs?: number;
  now?: () => number;
}

export class Dedupe {
  private readonly store: Remembers;
  private readonly ttlMs: number;

  constructor(opts: DedupeOptions = {}) {
    const memory = new MemoryIds(opts.now);
    this.store = opts.store ?? { remember: async (id, ttlMs) => memory.remember(id, ttlMs) };
    this.ttlMs = opts.ttlMs ?? DEFAULT_TTL_MS;
  }

  /** True the first time `key` is seen within the TTL. A missing key is never a repeat. */
  first(key: string | undefined): Promise<boolean> {
    if (!key) return Promise.resolve(true);
    return this.store.remember(`slack:${key}`, this.ttlMs);
  }
}
