/**
 * Running for months: reloading the corpus without a restart, and stopping cleanly on SIGTERM
 * or SIGINT (stop receiving, let replies in flight finish, flush state, exit).
 */
import type { Logger } from 'pino';
import type { Bot } from './core/bot.ts';
import { CorpusInvalidError, formatCorpusError } from './core/corpus/errors.ts';
import { reloadLibrary, type Library } from './core/library.ts';

/**
 * Loads the corpus again in a worker thread (from the saved index when it matches, else a fresh
 * build that is then saved) while the current index keeps answering; on any error keeps the
 * current index and logs why. Reloads asked for while one runs are folded into one more.
 */
export function reloadCorpus(bot: Bot, dirs: { corpusDir: string; dataDir: string }, log: Logger): Promise<boolean> {
  const state = reloads.get(bot) ?? { running: undefined, again: false };
  reloads.set(bot, state);
  if (state.running) {
    state.again = true;
    return state.running;
  }
  const run = async (): Promise<boolean> => {
    let ok = false;
    do {
      state.again = false;
      ok = await reloadOnce(bot, dirs, log);
    } while (state.again);
    return ok;
  };
  state.running = run().finally(() => (state.running = undefined));
  return state.running;
}

const reloads = new WeakMap<Bot, { running: Promise<boolean> | undefined; again: boolean }>();

/**
 * Builds the tables only some searches need (typos, "did you mean") a piece at a time between
 * answers, so that no user waits for them (see TalkIndex.prepareInBackground). Resolves when
 * they are built or have failed (logged); never rejects.
 */
export async function prepareInBackground(library: Library, log: Logger): Promise<void> {
  await library.index.prepareInBackground().catch((err: unknown) => log.warn({ err }, 'could not prepare the typo tables; typo searches build what they need'));
}

/**
 * One full garbage collection, returning what loading left behind (the file read, its lines) to
 * the system. Only when node was started with --expose-gc, as npm start and the Procfile do.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * What a start leaves for after the bot is serving: the collection of loading's garbage (unless
 * `collect` is false: it was done before serving), then the typo tables. At 10,000 talks loaded
 * from the saved index the collection holds the main thread about 0.2 s (the whole step takes
 * 0.32-0.40 s with it, 0.16 s without) and leaves RSS at about 180 MB instead of 210 MB once the
 * tables are built. Logs "search tables ready" with the RSS.
 */
export async function settleAfterStart(library: Library, log: Logger, opts: { collect: boolean }): Promise<void> {
  const started = performance.now();
  if (opts.collect) collectGarbage();
  await prepareInBackground(library, log);
  const rssMB = Math.round(process.memoryUsage.rss() / 2 ** 20);
  log.info({ ms: Math.round(performance.now() - started), rssMB }, 'search tables ready');
}

async function reloadOnce(bot: Bot, dirs: { corpusDir: string; dataDir: string }, log: Logger): Promise<boolean> {
  const started = performance.now();
  try {
    const { library, from, saveError } = await reloadLibrary(dirs.corpusDir, dirs.dataDir);
    // The tables for typos and "did you mean" are built before the new index answers, a piece at
    // a time while the old one still does: the new index's first "did you mean" would otherwise
    // build its tree at once, holding every ack behind it (about 0.1 s at 10,000 talks).
    await prepareInBackground(library, log);
    bot.setLibrary(library);
    if (saveError) log.warn({ dataDir: dirs.dataDir, error: saveError }, 'could not save the search index; the next start builds it again');
    const ms = Math.round(performance.now() - started);
    log.info({ talks: library.index.talks.length, files: library.files.length, index: from, ms }, 'corpus reloaded');
    return true;
  } catch (err) {
    const problems = err instanceof CorpusInvalidError ? err.problems.map(formatCorpusError) : [(err as Error).message];
    log.error({ problems }, 'corpus reload failed; keeping the last good index');
    return false;
  }
}

export interface Stoppable {
  name: string;
  stop(): Promise<void>;
}

/** Stops every part, in order, each with its own error handling; resolves when all are done. */
export async function stopAll(parts: Stoppable[], log: Logger): Promise<void> {
  for (const part of parts) {
    try {
      await part.stop();
    } catch (err) {
      log.error({ err, part: part.name }, 'error while stopping');
    }
  }
}

/** The most a clean stop may take before the process exits anyway. */
const STOP_TIMEOUT_MS = 8_000;

/**
 * Wires SIGHUP to reload and SIGTERM/SIGINT to `shutdown`; returns a promise that resolves with
 * the exit code once shutdown has finished (or timed out).
 */
export function handleSignals(opts: { reload: () => Promise<unknown>; shutdown: () => Promise<void>; log: Logger }): Promise<number> {
  const { log } = opts;
  process.on('SIGHUP', () => {
    log.info('SIGHUP: reloading the corpus');
    void opts.reload();
  });
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'stopping');
      const timer = setTimeout(() => {
        log.error({ timeoutMs: STOP_TIMEOUT_MS }, 'clean stop took too long; exiting');
        resolve(1);
      }, STOP_TIMEOUT_MS);
      timer.unref();
      opts.shutdown().then(
        () => resolve(0),
        (err: unknown) => {
          log.error({ err }, 'error while stopping');
          resolve(1);
        },
      ).finally(() => clearTimeout(timer));
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
