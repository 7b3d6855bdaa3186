/**
 * Worker thread for a reload: reads the saved index or builds a new one (and saves it), then
 * hands its data lines to the main thread, which keeps answering meanwhile. The lines go as the
 * bytes of the saved form, moved rather than copied: posted as 47,000 strings (10,000 talks),
 * the main thread spent 60-120 ms at once taking the message in, long enough to hold up acks.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CorpusInvalidError } from './corpus/errors.ts';
import { encodeBody } from './index-cache.ts';
import { savedLines, type WorkerResult } from './library.ts';

const { corpusDir, dataDir } = workerData as { corpusDir: string; dataDir: string };
let result: WorkerResult;
let moved: ArrayBuffer[] = [];
try {
  const { lines, built, saveError } = await savedLines(corpusDir, dataDir);
  const { body, jsonBytes } = encodeBody(lines);
  // A large Buffer has its ArrayBuffer to itself; a small one may share the pool's, so it is copied.
  const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? (body.buffer as ArrayBuffer) : new Uint8Array(body).buffer;
  result = { ok: true, body: own, jsonBytes, built, saveError };
  moved = [own];
} catch (err) {
  result = err instanceof CorpusInvalidError ? { ok: false, problems: err.problems, message: err.message } : { ok: false, message: (err as Error).message };
}
parentPort!.postMessage(result, moved);
