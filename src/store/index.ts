/** Opens the store the settings ask for: Redis when REDIS_URL is set, files under DATA_DIR otherwise. */
import type { Logger } from 'pino';
import { FileStore } from './file.ts';
import type { Store } from './store.ts';

export type { Store, StoreStatus } from './store.ts';
export { StoreUnavailableError } from './store.ts';

export async function openStore(opts: { dataDir: string; redisUrl?: string; log: Logger }): Promise<Store> {
  if (!opts.redisUrl) return new FileStore(opts.dataDir);
  // The Redis client loads only when it is used.
  const { RedisStore } = await import('./redis.ts');
  return RedisStore.open({ url: opts.redisUrl, log: opts.log });
}
