/**
 * The default store: files under DATA_DIR, for one machine. A document is written to a temporary
 * file, flushed and renamed over the old one, so a crash or kill -9 leaves the old or the new
 * text, never half of one. A claim is a file linked into place only if none exists, whose
 * modification time is when it expires; expired claims are removed. Remembered ids live in this process.
 */
import { constants } from 'node:fs';
import { link, mkdir, open, readdir, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MemoryIds } from './memory-ids.ts';
import type { Store, StoreStatus } from './store.ts';

const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** A file name for any key: only safe characters, the rest become "_". */
const fileName = (key: string) => key.replace(/[^0-9A-Za-z.-]/g, '_');

/** Reads a regular file without ever blocking on a FIFO or a device; undefined when missing. */
async function readRegular(file: string): Promise<string | undefined> {
  let fh;
  try {
    fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    if (!(await fh.stat()).isFile()) throw new Error(`${file}: not a regular file`);
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}

export class FileStore implements Store {
  readonly kind = 'file';
  readonly dir: string;
  private readonly ids: MemoryIds;
  private readonly now: () => number;
  private readonly locks = new Map<string, Promise<unknown>>();
  private lastPrune = 0;

  constructor(dir: string, opts: { now?: () => number } = {}) {
    this.dir = dir;
    this.now = opts.now ?? Date.now;
    this.ids = new MemoryIds(this.now);
  }

  /** Where the document called `name` lives ("state" is DATA_DIR/state.json). */
  file(name: string): string {
    return path.join(this.dir, `${fileName(name)}.json`);
  }

  read(name: string): Promise<string | undefined> {
    return readRegular(this.file(name));
  }

  replace(name: string, expected: string | undefined, text: string): Promise<boolean> {
    // Compare-and-replace is atomic within this process; across processes sharing DATA_DIR the
    // claims keep writers apart (one writer per occurrence).
    const run = (this.locks.get(name) ?? Promise.resolve()).then(async () => {
      if ((await this.read(name)) !== expected) return false;
      await this.write(name, text);
      return true;
    });
    this.locks.set(name, run.catch(() => {}));
    return run;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const dir = path.join(this.dir, 'claims');
    await mkdir(dir, { recursive: true });
    await this.pruneClaims(dir);
    const file = path.join(dir, `${fileName(key)}.claim`);
    // The claim appears with its expiry already set: written aside, then linked into place, which
    // fails if the claim exists (so a half-made claim is never mistaken for an expired one).
    const tmp = `${file}.${process.pid}.${this.now()}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(tmp, `${process.pid}\n`);
    const expires = new Date(this.now() + ttlMs);
    await utimes(tmp, expires, expires);
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          await link(tmp, file);
          return true;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
          if (!(await this.expired(file))) return false;
          await unlink(file).catch(() => {});
        }
      }
      return false;
    } finally {
      await unlink(tmp).catch(() => {});
    }
  }

  async remember(id: string, ttlMs: number): Promise<boolean> {
    return this.ids.remember(id, ttlMs);
  }

  status(): StoreStatus {
    return { kind: 'file', up: true };
  }

  onReconnect(): void {
    // Files are never unreachable in a way that ends by itself.
  }

  async close(): Promise<void> {
    await Promise.all([...this.locks.values()]);
  }

  private async write(name: string, text: string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = this.file(name);
    const tmp = `${file}.${process.pid}.${this.now()}.tmp`;
    await writeFile(tmp, text);
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  }

  private async expired(file: string): Promise<boolean> {
    try {
      return (await stat(file)).mtimeMs <= this.now();
    } catch {
      return false;
    }
  }

  /** Removes expired claims, at most once an hour. */
  private async pruneClaims(dir: string): Promise<void> {
    if (this.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = this.now();
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.claim')) continue;
      const file = path.join(dir, name);
      if (await this.expired(file)) await unlink(file).catch(() => {});
    }
  }
}
