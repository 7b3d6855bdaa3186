/**
 * The scheduler's state in one JSON file under DATA_DIR. Writes go to a temporary file that is
 * flushed and renamed over the old one, so a crash or kill -9 leaves either the old or the new
 * state, never half of one. A corrupt file is set aside and the state rebuilt.
 */
import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { EMPTY_ROTATION, type Rotation } from './rotation.ts';

export interface Occurrence {
  talkId: string;
  /** Targets ("slack:C123") this occurrence was posted to. */
  posted: string[];
}

export interface State {
  version: 1;
  rotation: Rotation;
  /** By scheduled time (ISO). */
  occurrences: Record<string, Occurrence>;
}

export const EMPTY_STATE: State = { version: 1, rotation: EMPTY_ROTATION, occurrences: {} };

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function valid(v: unknown): v is State {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as State;
  return s.version === 1 && typeof s.rotation?.round === 'number' && isStrings(s.rotation.queue) && isStrings(s.rotation.done)
    && typeof s.occurrences === 'object' && s.occurrences !== null
    && Object.values(s.occurrences).every((o) => typeof o?.talkId === 'string' && isStrings(o.posted));
}

export class StateStore {
  readonly file: string;
  private readonly log: Logger;

  constructor(dir: string, log: Logger) {
    this.file = path.join(dir, 'state.json');
    this.log = log;
  }

  async load(): Promise<State> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(EMPTY_STATE);
      return this.setAside(err as Error);
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (valid(parsed)) return parsed;
      return await this.setAside(new Error('unexpected shape'));
    } catch (err) {
      return this.setAside(err as Error);
    }
  }

  async save(state: State): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, `${JSON.stringify(state, null, 1)}\n`);
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, this.file);
  }

  private async setAside(err: Error): Promise<State> {
    const aside = `${this.file}.corrupt-${Date.now()}`;
    try {
      await rename(this.file, aside);
      this.log.error({ file: this.file, movedTo: aside, err: err.message }, 'state file unreadable; set aside and rebuilt');
    } catch (renameErr) {
      this.log.error({ file: this.file, err: err.message, renameErr: (renameErr as Error).message }, 'state file unreadable; rebuilt');
    }
    return structuredClone(EMPTY_STATE);
  }
}

/**
 * Claims an occurrence for this process by creating a file that must not exist yet (O_EXCL):
 * of two processes sharing DATA_DIR, exactly one wins, even across restarts.
 */
export async function claim(dir: string, key: string): Promise<boolean> {
  const claims = path.join(dir, 'claims');
  await mkdir(claims, { recursive: true });
  try {
    const fh = await open(path.join(claims, `${key.replace(/[^0-9A-Za-z.-]/g, '_')}.claim`), 'wx');
    await fh.writeFile(`${process.pid}\n`);
    await fh.close();
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}
