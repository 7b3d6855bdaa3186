import pino, { type Logger } from 'pino';
import { Writable } from 'node:stream';

/** A real pino logger that keeps its lines in memory, so tests can assert on what was logged. */
export function memoryLogger(): { log: Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { chunks.push(String(chunk)); done(); } });
  const log = pino({ level: 'debug' }, sink);
  return { log, lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}
