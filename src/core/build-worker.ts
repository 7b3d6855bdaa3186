/**
 * Worker thread for a reload: reads the saved index or builds a new one (and saves it), then
 * posts its data lines to the main thread, which keeps answering meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CorpusInvalidError } from './corpus/errors.ts';
import { savedLines, type WorkerResult } from './library.ts';

const { corpusDir, dataDir } = workerData as { corpusDir: string; dataDir: string };
let result: WorkerResult;
try {
  const { lines, built, saveError } = await savedLines(corpusDir, dataDir);
  result = { ok: true, lines, built, saveError };
} catch (err) {
  result = err instanceof CorpusInvalidError ? { ok: false, problems: err.problems, message: err.message } : { ok: false, message: (err as Error).message };
}
parentPort!.postMessage(result);
