/**
 * Files the importer writes: corpus files atomically (a temporary file in the same folder,
 * flushed, then renamed over the old one), and the ETag / Last-Modified of each downloaded
 * calendar in `DATA_DIR/sched-import.json`, so the next import can ask "changed since?".
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Validators } from './fetch.ts';

export async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

const CACHE_FILE = 'sched-import.json';

async function readCache(dataDir: string): Promise<Record<string, Validators>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(dataDir, CACHE_FILE), 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, Validators>) : {};
  } catch {
    // Missing or damaged: the next download is simply unconditional.
    return {};
  }
}

export async function readValidators(dataDir: string, url: string): Promise<Validators | undefined> {
  const v = (await readCache(dataDir))[url];
  if (!v || typeof v !== 'object') return undefined;
  const etag = typeof v.etag === 'string' ? v.etag : undefined;
  const lastModified = typeof v.lastModified === 'string' ? v.lastModified : undefined;
  return etag || lastModified ? { etag, lastModified } : undefined;
}

export async function saveValidators(dataDir: string, url: string, v: Validators): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const cache = await readCache(dataDir);
  cache[url] = { etag: v.etag, lastModified: v.lastModified };
  await writeAtomic(path.join(dataDir, CACHE_FILE), `${JSON.stringify(cache, null, 2)}\n`);
}
