/**
 * Bolt's logger interface on top of our pino logger, so Bolt's own messages (connections,
 * rate limits, refused requests) land in the same log with the same redaction.
 */
import { format } from 'node:util';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

function boltLevel(level: string): LogLevel {
  if (level === 'trace' || level === 'debug') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

export function boltLogger(log: Logger): BoltLogger {
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => log[level](format(...msg));
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    // The level is set once, from LOG_LEVEL, for the whole program; Bolt may not change it.
    setLevel: () => {},
    getLevel: () => boltLevel(log.level),
    setName: () => {},
  };
}
