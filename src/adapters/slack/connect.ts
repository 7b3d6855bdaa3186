/**
 * Reaching Slack at start, failing fast and clearly: `auth.test` retried a few times with each
 * retry logged, and Socket Mode given a deadline, so an unreachable Slack stops the bot with a
 * line that says what it tried to reach instead of retrying quietly for minutes.
 */
import { webApi } from '@slack/bolt';
import type { Logger } from 'pino';

export interface StartRetry {
  /** How many times auth.test is tried. */
  attempts: number;
  /** Delay before retry n is `delayMs * 2 ** (n - 1)`. */
  delayMs: number;
}

/** 1 + 2 + 4 + 8 s of waiting: well within 30 s. */
const START_RETRY: StartRetry = { attempts: 5, delayMs: 1_000 };
/** Socket Mode must be connected within this long. */
export const SOCKET_START_TIMEOUT_MS = 30_000;

const SLACK_API = 'https://slack.com/api/';

/** Why a Web API call failed, without tokens. */
function reason(err: unknown): string {
  const e = err as { code?: string; data?: { error?: string }; statusCode?: number; original?: { message?: string }; message?: string };
  if (e.data?.error) return e.data.error;
  if (e.statusCode) return `HTTP ${e.statusCode}`;
  return e.original?.message ?? e.message ?? String(err);
}

/** Slack answered and refused (invalid_auth and the like): retrying will not help. */
function refused(err: unknown): boolean {
  return (err as { code?: string }).code === webApi.ErrorCode.PlatformError;
}

/** The bot's ids from auth.test, retried on network errors and 5xx with each retry logged. */
export async function whoAmI(opts: { token: string; apiUrl?: string; log: Logger; retry?: StartRetry }): Promise<{ botId: string; botUserId: string }> {
  const retry = opts.retry ?? START_RETRY;
  const url = `${opts.apiUrl ?? SLACK_API}auth.test`;
  const client = new webApi.WebClient(opts.token, {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
    logger: { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => webApi.LogLevel.ERROR, setName() {} },
  });
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await client.auth.test();
      if (!res.bot_id || !res.user_id) throw new Error(`auth.test at ${url} did not return a bot: is SLACK_BOT_TOKEN a bot token?`);
      return { botId: res.bot_id, botUserId: res.user_id };
    } catch (err) {
      if (refused(err)) throw new Error(`auth.test at ${url} refused the token: ${reason(err)}`);
      if (attempt >= retry.attempts) throw new Error(`auth.test at ${url} failed ${attempt} times (${reason(err)}); giving up`);
      const wait = retry.delayMs * 2 ** (attempt - 1);
      opts.log.warn({ url, attempt, of: retry.attempts, waitMs: wait, err: reason(err) }, `slack: auth.test failed (${reason(err)}); retrying in ${wait} ms`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** `start` within `ms`, or an error naming what Socket Mode tried to reach. */
export async function withinDeadline<T>(start: Promise<T>, ms: number, tried: () => string, giveUp: () => Promise<unknown>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Socket Mode could not connect within ${Math.round(ms / 1000)} s; tried ${tried()}`)), ms);
  });
  try {
    return await Promise.race([start, deadline]);
  } catch (err) {
    // Stop its reconnecting; a client stuck mid-connect may never confirm, so do not wait long.
    await Promise.race([giveUp().catch(() => {}), new Promise((r) => setTimeout(r, 1_000).unref())]);
    const message = (err as Error).message;
    throw new Error(message.startsWith('Socket Mode') ? message : `Socket Mode could not connect (${message}); tried ${tried()}`);
  } finally {
    clearTimeout(timer);
  }
}

/** A WebSocket URL for a log line: scheme, host and path, without the ticket in its query. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return 'an invalid URL';
  }
}
