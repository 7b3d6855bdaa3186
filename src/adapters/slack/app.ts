/**
 * The Bolt wiring: Slack payload in, core request, rendered reply out. The slash command answers
 * only the asker (with Share / Next / Previous), mentions are answered in a thread, DMs in the
 * DM. Nothing here decides what to say; the core does, and render.ts draws it.
 *
 * Every request is acked first and answered in a later turn of the event loop (Turns), so under
 * load the acks of waiting requests go out before the answers are computed, in HTTP and Socket
 * Mode alike: Slack gives an ack 3 seconds.
 */
import { App, type AllMiddlewareArgs, type AnyMiddlewareArgs, type Receiver, type RespondArguments, type webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Bot } from '../../core/bot.ts';
import { ACTION_PATTERN, actionKind, decodeState, decodeTalk } from './actions.ts';
import { Dedupe } from './dedupe.ts';
import { apologise, localeOf, type FailedRequest } from './errors.ts';
import { boltLogger } from './logger.ts';
import { plainText, stripMention, unescape } from './mrkdwn.ts';
import { renderReply } from './render.ts';
import { postToResponseUrl } from './respond.ts';
import { Turns } from '../turns.ts';

export interface SlackAppOptions {
  bot: Bot;
  log: Logger;
  receiver: Receiver;
  botToken: string;
  clientOptions: webApi.WebClientOptions;
  /** Both set: skip the auth.test call that would otherwise look them up. */
  botId?: string;
  botUserId?: string;
  seen?: Dedupe;
}

export function createSlackApp(opts: SlackAppOptions): App {
  const { bot, log } = opts;
  const seen = opts.seen ?? new Dedupe();
  const knownIds = Boolean(opts.botId && opts.botUserId);
  const turns = new Turns();
  const app = new App({
    token: opts.botToken,
    botId: opts.botId,
    botUserId: opts.botUserId,
    tokenVerificationEnabled: !knownIds,
    receiver: opts.receiver,
    logger: boltLogger(log),
    clientOptions: opts.clientOptions,
    convoStore: false,
    extendedErrorHandler: true,
    deferInitialization: true,
  });

  // Slack retries an event it thinks was lost; the first delivery already answered it.
  app.use(async ({ body, context, next }: AnyMiddlewareArgs & AllMiddlewareArgs) => {
    const b = body as { type?: string; event_id?: string };
    if (b.type === 'event_callback' && !(await seen.first(b.event_id && `event:${b.event_id}`))) {
      log.info({ eventId: b.event_id, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack: repeated event dropped');
      return;
    }
    await next();
  });

  app.command(/^\/.+/, async ({ command, ack, body }) => {
    await ack();
    const message = await turns.run(() => {
      const reply = bot.handle({ text: unescape(command.text ?? ''), locale: localeOf(body, bot.defaultLocale) });
      return renderReply(reply, { interactive: true, share: reply.kind === 'results', prefix: `${command.command} ` });
    });
    await postToResponseUrl(command.response_url, { response_type: 'ephemeral', ...message });
  });

  async function answer(client: webApi.WebClient, msg: { channel: string; ts: string; threadTs?: string; text: string; botUserId?: string }) {
    // One answer per message, even if Slack delivers it under two events.
    if (!(await seen.first(`message:${msg.channel}:${msg.ts}`))) return;
    // Bolt acked the event before the listeners ran.
    const message = await turns.run(() => renderReply(bot.handle({ text: plainText(stripMention(msg.text, msg.botUserId)), locale: bot.defaultLocale }), { interactive: true }));
    await client.chat.postMessage({
      channel: msg.channel,
      ...(msg.threadTs ? { thread_ts: msg.threadTs } : {}),
      ...message,
      unfurl_links: false,
      unfurl_media: false,
    });
  }

  app.event('app_mention', async ({ event, context, client }) => {
    // A mention inside a DM is answered by the message.im listener below. Other bots are not
    // answered: two bots mentioning each other would never stop.
    if (event.channel.startsWith('D') || event.bot_id || event.subtype === 'bot_message') return;
    const threadTs = event.thread_ts ?? event.ts;
    await answer(client, { channel: event.channel, ts: event.ts, threadTs, text: event.text, botUserId: context.botUserId });
  });

  app.event('message', async ({ event, context, client }) => {
    if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id) return;
    await answer(client, { channel: event.channel, ts: event.ts, threadTs: event.thread_ts, text: event.text ?? '', botUserId: context.botUserId });
  });

  app.action({ type: 'block_actions', action_id: ACTION_PATTERN }, async ({ ack, action, body }) => {
    await ack();
    const message = await turns.run((): RespondArguments => {
      const kind = actionKind(action.action_id);
      const value = 'value' in action ? action.value : undefined;
      if (kind === 'other') {
        const talk = decodeTalk(value);
        const reply = talk ? bot.summary(talk.id, talk.locale) : bot.notice('page_expired', localeOf(body, bot.defaultLocale));
        return { response_type: 'ephemeral', replace_original: false, ...renderReply(reply) };
      }
      const state = decodeState(value);
      const locale = state?.locale ?? localeOf(body, bot.defaultLocale);
      const reply = state ? bot.handle({ text: state.query, locale, offset: state.offset }) : bot.notice('page_expired', locale);
      if (kind === 'share' && reply.kind === 'results') {
        return { response_type: 'in_channel', replace_original: false, ...renderReply(reply, { sharedBy: body.user.id }) };
      }
      if (kind === 'share') return { response_type: 'ephemeral', replace_original: false, ...renderReply(reply) };
      const ephemeral = body.container?.is_ephemeral === true;
      return { replace_original: true, ...renderReply(reply, { interactive: true, share: ephemeral && reply.kind === 'results' }) };
    });
    await postToResponseUrl(body.response_url, message);
  });

  // extendedErrorHandler: Bolt passes the request's body and context along with the error.
  app.error((failed: Pick<FailedRequest, 'error' | 'body' | 'context'>) => apologise({ ...failed, bot, log, client: app.client }));

  return app;
}
