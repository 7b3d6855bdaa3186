/**
 * The one place a failed request ends up (Bolt's app.error): it is logged once, with where it
 * came from, and the user still gets the core's short apology where they asked.
 */
import type { CodedError, Context, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Bot } from '../../core/bot.ts';
import { toLocale } from '../../core/messages.ts';
import type { Locale } from '../../core/types.ts';
import { decodeState } from './actions.ts';
import { renderReply } from './render.ts';
import { postToResponseUrl } from './respond.ts';

/** A string found at `path` inside a payload, if there is one. */
function field(payload: unknown, ...path: Array<string | number>): string | undefined {
  let v = payload;
  for (const key of path) v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** Slack only sends a locale in some payloads; when it does, answer in that language. */
export function localeOf(body: unknown, fallback: Locale): Locale {
  return toLocale(field(body, 'user', 'locale') ?? field(body, 'user_locale') ?? field(body, 'locale')) ?? fallback;
}

/** Where a failing request came from, for the log: never its tokens or what the user typed. */
function origin(body: unknown): Record<string, string | undefined> {
  const f = (...path: Array<string | number>) => field(body, ...path);
  return {
    kind: f('type') ?? (f('command') ? 'slash_command' : undefined),
    command: f('command'),
    eventId: f('event_id'),
    eventType: f('event', 'type'),
    actionId: f('actions', 0, 'action_id'),
    team: f('team_id') ?? f('team', 'id'),
    channel: f('channel_id') ?? f('channel', 'id') ?? f('event', 'channel'),
    user: f('user_id') ?? f('user', 'id') ?? f('event', 'user'),
  };
}

export interface FailedRequest {
  error: CodedError;
  body: unknown;
  context: Context;
  bot: Bot;
  log: Logger;
  client: webApi.WebClient;
}

export async function apologise({ error, body, context, bot, log, client }: FailedRequest): Promise<void> {
  const where = origin(body);
  const err = (error as { original?: unknown }).original ?? error;
  log.error({ err, code: error.code, retryNum: context.retryNum, ...where }, 'slack: handler failed; apologising to the user');
  const locale = decodeState(field(body, 'actions', 0, 'value'))?.locale ?? localeOf(body, bot.defaultLocale);
  const apology = renderReply(bot.notice('apology', locale));
  try {
    const responseUrl = field(body, 'response_url');
    const channel = field(body, 'event', 'channel');
    if (responseUrl) {
      // Commands and buttons: only the person who asked sees the apology.
      await postToResponseUrl(responseUrl, { response_type: 'ephemeral', replace_original: false, ...apology });
    } else if (channel) {
      // Mentions and DMs: where the answer would have gone.
      const threadTs = field(body, 'event', 'thread_ts') ?? (channel.startsWith('D') ? undefined : field(body, 'event', 'ts'));
      await client.chat.postMessage({ channel, ...apology, ...(threadTs ? { thread_ts: threadTs } : {}) });
    }
  } catch (apologyError) {
    log.warn({ err: apologyError, ...where }, 'slack: the apology could not be sent either');
  }
}
