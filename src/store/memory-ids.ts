/** Ids remembered in this process for a while: the file store's `remember`, and Redis's fallback. */
const DEFAULT_MAX_IDS = 10_000;

export class MemoryIds {
  /** id -> when it is forgotten; Map keeps insertion order, so the oldest come first. */
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxIds = DEFAULT_MAX_IDS,
  ) {}

  remember(id: string, ttlMs: number): boolean {
    const now = this.now();
    for (const [key, until] of this.ids) {
      if (until > now) break;
      this.ids.delete(key);
    }
    const until = this.ids.get(id);
    if (until !== undefined && until > now) return false;
    this.ids.delete(id);
    this.ids.set(id, now + ttlMs);
    while (this.ids.size > this.maxIds) this.ids.delete(this.ids.keys().next().value!);
    return true;
  }
}
