/**
 * Remembers which events and messages were already answered. Slack retries an event it thinks
 * was lost (same event_id, with x-slack-retry-num), and a message that mentions the bot in a DM
 * can arrive as two events; both must get one answer only.
 */

/** Slack retries for about five minutes; keeping keys longer than that is enough. */
export const DEFAULT_TTL_MS = 30 * 60 * 1000;
const DEFAULT_MAX_KEYS = 10_000;

export interface SeenOptions {
  ttlMs?: number;
  maxKeys?: number;
  now?: () => number;
}

export class SeenKeys {
  private readonly keys = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(opts: SeenOptions = {}) {
    this.ttlMs = opts.ttlMs ?? DEFAULT_TTL_MS;
    this.maxKeys = opts.maxKeys ?? DEFAULT_MAX_KEYS;
    this.now = opts.now ?? Date.now;
  }

  /**
   * True if none of `keys` was seen within the TTL; all of them are then remembered. Empty or
   * missing keys are ignored.
   */
  first(...keys: Array<string | undefined>): boolean {
    const now = this.now();
    this.forgetOld(now);
    const present = keys.filter((k): k is string => Boolean(k));
    if (present.some((k) => this.keys.has(k))) return false;
    for (const k of present) this.keys.set(k, now);
    while (this.keys.size > this.maxKeys) this.keys.delete(this.keys.keys().next().value!);
    return true;
  }

  private forgetOld(now: number): void {
    // Map keeps insertion order, so the oldest entries come first.
    for (const [key, at] of this.keys) {
      if (now - at < this.ttlMs) break;
      this.keys.delete(key);
    }
  }
}
