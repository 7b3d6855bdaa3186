/**
 * Worker thread for a reload: reads the saved index or builds a new one (and saves it), then
 * hands its data lines to the main thread, which keeps answering meanwhile. The lines go as the
 * bytes of the saved form, moved rather than copied: posted as 47,000 strings (10,000 talks),
 * the main thread spent 60-120 ms at once taking the message in, long enough to hold up acks.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { CorpusInvalidError } from './corpus/errors.ts';
import { encodeBody } from './index-cache.ts';
import { savedLines, type WorkerResult } from './library.ts';

const { corpusDir, dataDir } = workerData as { corpusDir: string; dataDir: string };
lowerPriority();
// Not a top-level await: `npm start` runs this file bundled as CommonJS.
void build().then(([result, moved]) => parentPort!.postMessage(result, moved));

/** The data lines of the saved index (read, or built and saved), and the buffers to move rather than copy. */
async function build(): Promise<[WorkerResult, ArrayBuffer[]]> {
  try {
    const { lines, built, saveError } = await savedLines(corpusDir, dataDir);
    const { body, jsonBytes } = encodeBody(lines);
    // A large Buffer has its ArrayBuffer to itself; a small one may share the pool's, so it is copied.
    const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? (body.buffer as ArrayBuffer) : new Uint8Array(body).buffer;
    return [{ ok: true, body: own, jsonBytes, built, saveError }, [own]];
  } catch (err) {
    const result: WorkerResult = err instanceof CorpusInvalidError ? { ok: false, problems: err.problems, message: err.message } : { ok: false, message: (err as Error).message };
    return [result, []];
  }
}

/**
 * Gives this thread the lowest CPU priority, so that the answers the main thread computes
 * meanwhile come first on a busy machine; the build takes what they leave. Linux only (a thread
 * is named by its id there); elsewhere the build runs at the process's priority.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 19);
  } catch {
    // Not Linux, or not allowed: the build runs at the process's priority.
  }
}
