/**
 * pino logging: JSON in production, readable in a terminal, to stderr so stdout stays for the
 * CLI's output. Secrets are redacted wherever they appear as fields.
 */
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

const REDACT = [
  'token', 'botToken', 'appToken', 'signingSecret', 'secret', 'authorization',
  '*.token', '*.botToken', '*.appToken', '*.signingSecret', '*.secret', '*.authorization',
  'headers.authorization', '*.headers.authorization',
];

/** `destination` defaults to stderr; the terminal mode passes one that prints above its prompt. */
export function createLogger(opts: { level: string; format: 'json' | 'pretty'; destination?: NodeJS.WritableStream }): Logger {
  const base = { level: opts.level, redact: { paths: REDACT, censor: '[redacted]' } };
  if (opts.format === 'pretty') {
    // In-process and synchronous: no worker thread to outlive a short CLI run.
    return pino(base, pretty({ destination: opts.destination ?? 2, sync: true, colorize: Boolean(process.stderr.isTTY) }));
  }
  return pino(base, opts.destination ?? pino.destination(2));
}
