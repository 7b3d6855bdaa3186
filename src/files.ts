/**
 * Reading a file the bot did not write (corpus files, the saved state): only a regular file is
 * read, never a FIFO, device or directory that happens to have the right name, and never more
 * than a size limit. Opening does not block (O_NONBLOCK), so a FIFO cannot hang the process or
 * fill libuv's file pool; the type is checked on the opened file, so nothing can swap it between
 * the check and the read.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export type FileProblem = 'not_regular' | 'too_large' | 'invalid_utf8' | 'unreadable';

export class FileReadError extends Error {
  readonly problem: FileProblem;
  /** invalid_utf8: the 1-based line of the first bad byte. */
  readonly line: number;
  constructor(problem: FileProblem, message: string, line = 0) {
    super(message);
    this.name = 'FileReadError';
    this.problem = problem;
    this.line = line;
  }
}

/** The file's bytes; throws FileReadError unless it is a regular file of at most `maxBytes`. */
async function readRegularFile(file: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw err; // Callers tell "missing" apart from "broken".
    const why = e.code === 'ELOOP' ? 'a symbolic link loop' : (e.code ?? e.message);
    throw new FileReadError('unreadable', `cannot be read (${why})`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new FileReadError('not_regular', 'not a regular file');
    if (stat.size > maxBytes) throw new FileReadError('too_large', `${stat.size} bytes, over the limit of ${maxBytes}`);
    const bytes = await handle.readFile();
    // The file may have grown since the stat.
    if (bytes.length > maxBytes) throw new FileReadError('too_large', `over the limit of ${maxBytes} bytes`);
    return bytes;
  } catch (err) {
    if (err instanceof FileReadError) throw err;
    throw new FileReadError('unreadable', `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  } finally {
    await handle.close();
  }
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8, or throws FileReadError naming the line of the first invalid byte. */
function decodeUtf8(bytes: Buffer): string {
  try {
    return strict.decode(bytes);
  } catch {
    let line = 1;
    let from = 0;
    for (;;) {
      const nl = bytes.indexOf(0x0a, from);
      const end = nl < 0 ? bytes.length : nl;
      try {
        strict.decode(bytes.subarray(from, end));
      } catch {
        throw new FileReadError('invalid_utf8', 'not valid UTF-8 (save the file as UTF-8)', line);
      }
      if (nl < 0) throw new FileReadError('invalid_utf8', 'not valid UTF-8 (save the file as UTF-8)', line);
      from = nl + 1;
      line++;
    }
  }
}

/** A regular file of at most `maxBytes`, as UTF-8 text (a leading byte-order mark is dropped). */
export async function readRegularText(file: string, maxBytes?: number): Promise<string> {
  return decodeUtf8(await readRegularFile(file, maxBytes));
}
