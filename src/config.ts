/**
 * Every setting, read once from the environment into one frozen Config. A missing or malformed
 * value stops the program with a message that names the variable and what it expects.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from './core/types.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Config {
  locale: Locale;
  corpusDir: string;
  logLevel: string;
  logFormat: 'json' | 'pretty';
}

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

type Env = Record<string, string | undefined>;

function get(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const v = get(env, name);
  if (v === undefined) return fallback;
  if (!allowed.includes(v as T)) throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${v}"`);
  return v as T;
}

export function loadConfig(env: Env = process.env): Config {
  return Object.freeze({
    locale: oneOf(env, 'BOT_LOCALE', ['ja', 'en'] as const, 'ja'),
    corpusDir: path.resolve(get(env, 'CORPUS_DIR') ?? path.join(PROJECT_ROOT, 'corpus')),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'pretty'] as const, env.NODE_ENV === 'production' ? 'json' : 'pretty'),
  });
}
