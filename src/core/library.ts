/**
 * A loaded corpus and its index, swapped as one value so a reload is atomic: a request sees
 * either the old library or the new one, never half of each.
 *
 * At start the library comes from the saved index when it matches the corpus (see
 * index-cache.ts), else it is built and saved. A reload builds in a worker thread and is taken
 * in a piece at a time, so the current library keeps answering meanwhile.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CorpusInvalidError, type CorpusError } from './corpus/errors.ts';
import { buildCorpus, loadCorpus, readCorpusFiles, type Corpus } from './corpus/load.ts';
import { corpusStamp, decodeBodyAsync, indexKey, parseLines, parseLinesAsync, readSavedLines, rememberedKey, rememberKey, serializeLibrary, writeSavedLines } from './index-cache.ts';
import { TalkIndex } from './search.ts';
import type { EventInfo } from './types.ts';

export interface Library {
  index: TalkIndex;
  events: EventInfo[];
  files: string[];
}

export function libraryFromCorpus(corpus: Corpus): Library {
  return { index: new TalkIndex(corpus.talks), events: corpus.events, files: corpus.files };
}

/**
 * Makes what the index builds on first use (tables of the scorer and of the cross-script
 * expansion) now, before the library answers anyone: otherwise the first user pays for them and
 * every request queued behind that answer waits too.
 */
function warm(library: Library): Library {
  library.index.prepare();
  return library;
}

/** Loads and indexes the corpus, ignoring any saved index. */
export async function loadLibrary(dir: string): Promise<Library> {
  return libraryFromCorpus(await loadCorpus(dir));
}

/** Where a library came from, and why it was built when it was. */
export interface Opened {
  library: Library;
  from: 'saved' | 'built';
  /** Why the saved index was not used (missing, stale, damaged). */
  reason?: string;
  /** Why the new index could not be saved; the library is fine, the next start builds again. */
  saveError?: string;
}

/**
 * The library for `corpusDir`: the saved index in `dataDir` when it matches the corpus, else
 * built here and saved. Throws CorpusInvalidError for a bad corpus.
 */
export async function openLibrary(corpusDir: string, dataDir: string): Promise<Opened> {
  const found = await findSaved(corpusDir, dataDir);
  let reason: string | undefined;
  if ('lines' in found.saved) {
    try {
      const { corpus, parts } = parseLines(found.saved.lines);
      return { library: warm({ index: TalkIndex.fromParts(corpus.talks, parts), events: corpus.events, files: corpus.files }), from: 'saved' };
    } catch (err) {
      reason = `the saved index is damaged (${(err as Error).message})`;
    }
  } else {
    reason = found.saved.reason;
  }
  const { sources, key } = await found.content();
  const corpus = buildCorpus(sources);
  const library = warm(libraryFromCorpus(corpus));
  const saveError = await save(dataDir, serializeLibrary(corpus, library.index), key, found.stamp);
  return { library, from: 'built', reason, saveError };
}

/**
 * Saves a built index and remembers its key for the corpus stamp it was built from; why it could
 * not be saved, if it could not (the library is fine, the next start builds again).
 */
async function save(dataDir: string, lines: readonly string[], key: string, stamp: string | undefined): Promise<string | undefined> {
  const saveError = await writeSavedLines(dataDir, key, lines).then(
    () => undefined,
    (err: Error) => err.message,
  );
  if (!saveError && stamp) await rememberKey(dataDir, stamp, key);
  return saveError;
}

/**
 * The saved index for `corpusDir`: checked against the key remembered for the corpus stamp,
 * which reads no corpus file, else against the key of the files' content (then remembered for
 * this stamp). Also the stamp, and the files and their key (read once, when needed).
 */
async function findSaved(corpusDir: string, dataDir: string) {
  // The stamp is taken before the files are read: a file changed in between only makes the
  // next start read the files again.
  const stamp = await corpusStamp(corpusDir);
  let read: { sources: Array<{ file: string; text: string }>; key: string } | undefined;
  const content = async () => {
    if (!read) {
      const sources = await readCorpusFiles(corpusDir);
      read = { sources, key: indexKey(sources) };
    }
    return read;
  };
  const remembered = stamp ? await rememberedKey(dataDir, stamp) : undefined;
  if (remembered) {
    const saved = await readSavedLines(dataDir, remembered);
    if ('lines' in saved) return { saved, stamp, content };
  }
  const { key } = await content();
  const saved = await readSavedLines(dataDir, key);
  if ('lines' in saved && stamp) await rememberKey(dataDir, stamp, key);
  return { saved, stamp, content };
}

/** The saved-index data lines for `corpusDir`, read from `dataDir` or built and saved there. */
export async function savedLines(corpusDir: string, dataDir: string): Promise<{ lines: string[]; built: boolean; talks: number; saveError?: string }> {
  const found = await findSaved(corpusDir, dataDir);
  if ('lines' in found.saved) {
    try {
      return { lines: found.saved.lines, built: false, talks: parseLines(found.saved.lines).corpus.talks.length };
    } catch {
      // Damaged in a way the checksum could not see: build it again below.
    }
  }
  const { sources, key } = await found.content();
  const corpus = buildCorpus(sources);
  const lines = serializeLibrary(corpus, new TalkIndex(corpus.talks));
  const saveError = await save(dataDir, lines, key, found.stamp);
  return { lines, built: true, talks: corpus.talks.length, saveError };
}

/**
 * Makes sure `dataDir` holds a saved index that matches `corpusDir` (what `corpus check` and
 * `import` call after changing the corpus). Throws CorpusInvalidError for a bad corpus, and an
 * Error when the index cannot be written.
 */
export async function saveIndex(corpusDir: string, dataDir: string): Promise<{ built: boolean; talks: number }> {
  const { built, talks, saveError } = await savedLines(corpusDir, dataDir);
  if (saveError) throw new Error(`cannot save the search index in ${dataDir}: ${saveError}`);
  return { built, talks };
}

/** What the build worker posts back: the data lines as `encodeBody` makes them. */
export type WorkerResult =
  | { ok: true; body: ArrayBuffer; jsonBytes: number; built: boolean; saveError?: string }
  | { ok: false; problems?: CorpusError[]; message: string };

const HERE = fileURLToPath(import.meta.url);
const WORKER = path.join(path.dirname(HERE), `build-worker${path.extname(HERE)}`);

/** Starts the build worker; from TypeScript sources (tsx) the worker registers tsx first, as Node 20 workers do not inherit it. */
function startWorker(workerData: unknown): Worker {
  if (path.extname(HERE) !== '.ts') return new Worker(WORKER, { workerData });
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(WORKER).href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Loads the corpus again off the main thread: a worker reads the saved index or builds (and
 * saves) a new one, and this thread takes it in a line at a time. Throws CorpusInvalidError
 * for a bad corpus; the caller keeps its current library.
 */
export async function reloadLibrary(corpusDir: string, dataDir: string): Promise<Opened> {
  const result = await new Promise<WorkerResult>((resolve, reject) => {
    const worker = startWorker({ corpusDir, dataDir });
    worker.once('message', (m: WorkerResult) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the index build worker stopped (exit code ${code})`)));
  });
  if (!result.ok) throw result.problems ? new CorpusInvalidError(result.problems) : new Error(result.message);
  const { corpus, parts } = await parseLinesAsync(await decodeBodyAsync(Buffer.from(result.body), result.jsonBytes));
  const index = await TalkIndex.fromPartsAsync(corpus.talks, parts);
  await index.prepareAsync();
  return { library: { index, events: corpus.events, files: corpus.files }, from: result.built ? 'built' : 'saved', saveError: result.saveError };
}
