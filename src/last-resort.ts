/**
 * The process-level last resort: a promise rejected where nothing handles it (a bug in a library
 * such as Bolt, or ours) is logged, once per distinct error, and the bot keeps serving instead
 * of exiting. Every request already has its own error handling; this only catches what escapes.
 */
import type { Logger } from 'pino';

/** Distinct errors remembered, so a repeated failure cannot flood the log. */
const REMEMBERED = 100;

export function logStrayRejections(log: Logger): () => void {
  const seen = new Set<string>();
  const onRejection = (reason: unknown) => {
    const key = reason instanceof Error ? `${reason.name}: ${reason.message}\n${reason.stack ?? ''}` : String(reason);
    if (seen.has(key)) return;
    if (seen.size < REMEMBERED) seen.add(key);
    log.error({ err: reason }, 'unexpected failure outside any request (logged once); the bot keeps running');
  };
  process.on('unhandledRejection', onRejection);
  return () => void process.off('unhandledRejection', onRejection);
}
