/**
 * What instances share, as a few primitives: a JSON document read and replaced in one step, a key
 * claimed by exactly one caller, and an id remembered for a while. Two implementations: files
 * under DATA_DIR (one machine; the default) and Redis (any number of instances). The store knows
 * nothing of rotations or Slack; schedule/ and the Slack dedupe build on these primitives.
 */

export interface StoreStatus {
  kind: 'file' | 'redis';
  /** False while the store cannot be reached; callers then fall back or skip. */
  up: boolean;
  /** Why it is down, without credentials. */
  error?: string;
}

export interface Store {
  readonly kind: StoreStatus['kind'];
  /** The document called `name`, or undefined when there is none. */
  read(name: string): Promise<string | undefined>;
  /**
   * Replaces the document only if it still reads `expected` (undefined: there is none yet), in
   * one step: readers see the old or the new text, never half of one. False when another writer
   * changed it first; read again and retry.
   */
  replace(name: string, expected: string | undefined, text: string): Promise<boolean>;
  /** True for exactly one caller per `key` until `ttlMs` has passed, across restarts. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** True the first time `id` is seen within `ttlMs`; false for a repeat. */
  remember(id: string, ttlMs: number): Promise<boolean>;
  status(): StoreStatus;
  /** Calls `listener` each time the store is reachable again after being down. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

/** Thrown by a store that cannot be reached right now. */
export class StoreUnavailableError extends Error {
  constructor(kind: string, cause: string) {
    super(`${kind} store unavailable: ${cause}`);
    this.name = 'StoreUnavailableError';
  }
}
