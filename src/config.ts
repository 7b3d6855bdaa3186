/**
 * Every setting, read once from the environment into one frozen Config. A missing or malformed
 * value stops the program with a message that names the variable and what it expects.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cron } from 'croner';
import type { Locale } from './core/types.ts';
import { discordConfigFromEnv, type DiscordConfig } from './adapters/discord/config.ts';
import { slackConfigFromEnv, type SlackConfig } from './adapters/slack/config.ts';
import { ConfigError, readVar, type Env } from './env.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Config {
  locale: Locale;
  corpusDir: string;
  logLevel: string;
  logFormat: 'json' | 'pretty';
  /** NODE_ENV=production: no terminal fallback without chat credentials. */
  production: boolean;
  /** Where the talk-of-the-day state is kept with the file store. */
  dataDir: string;
  /** Set: shared state (talk of the day, Slack dedupe) lives in this Redis. */
  redisUrl?: string;
  daily: DailyConfig;
  /** null when Slack's credentials are not set at all. */
  slack: SlackConfig | null;
  /** null when Discord's credentials are not set at all. */
  discord: DiscordConfig | null;
}

interface DailyConfig {
  cron: string;
  timezone: string;
  query?: string;
  /** `recap`: only talks with a recap summary; `all`: imported schedule talks too. */
  pool: 'recap' | 'all';
  slackChannel?: string;
  discordChannel?: string;
}

/** Weekdays at 09:00. */
const DEFAULT_DAILY_CRON = '0 9 * * 1-5';

export { ConfigError };

const get = readVar;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const v = get(env, name);
  if (v === undefined) return fallback;
  if (!allowed.includes(v as T)) throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${v}"`);
  return v as T;
}

function timezone(env: Env, name: string, fallback: string): string {
  const tz = get(env, name) ?? fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw new ConfigError(name, `expected an IANA time zone such as Asia/Tokyo, got "${tz}"`);
  }
  return tz;
}

function cron(env: Env, name: string, fallback: string, tz: string): string {
  const expr = get(env, name) ?? fallback;
  try {
    new Cron(expr, { timezone: tz, paused: true });
  } catch (err) {
    throw new ConfigError(name, `expected a cron expression such as "0 9 * * 1-5" (seconds field allowed): ${(err as Error).message}`);
  }
  return expr;
}

function redisUrl(env: Env): string | undefined {
  const raw = get(env, 'REDIS_URL');
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) {
    // Never echo the value: it usually carries a password.
    throw new ConfigError('REDIS_URL', 'expected a URL such as redis://:password@host:6379/0 or rediss://... (value not shown)');
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const tz = timezone(env, 'DAILY_TZ', 'Asia/Tokyo');
  const daily: DailyConfig = Object.freeze({
    cron: cron(env, 'DAILY_CRON', DEFAULT_DAILY_CRON, tz),
    timezone: tz,
    query: get(env, 'DAILY_QUERY'),
    pool: oneOf(env, 'DAILY_POOL', ['recap', 'all'] as const, 'recap'),
    slackChannel: get(env, 'SLACK_DAILY_CHANNEL'),
    discordChannel: get(env, 'DISCORD_DAILY_CHANNEL'),
  });
  return Object.freeze({
    locale: oneOf(env, 'BOT_LOCALE', ['ja', 'en'] as const, 'ja'),
    corpusDir: path.resolve(get(env, 'CORPUS_DIR') ?? path.join(PROJECT_ROOT, 'corpus')),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'pretty'] as const, env.NODE_ENV === 'production' ? 'json' : 'pretty'),
    production: env.NODE_ENV === 'production',
    dataDir: path.resolve(get(env, 'DATA_DIR') ?? 'data'),
    redisUrl: redisUrl(env),
    daily,
    slack: slackConfigFromEnv(env),
    discord: discordConfigFromEnv(env),
  });
}
