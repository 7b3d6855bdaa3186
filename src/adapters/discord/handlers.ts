/**
 * Turns Discord events into core requests and sends back the rendered Reply: mentions and
 * direct messages, the /kubecon command, its autocomplete, and button presses. Every send
 * carries allowed mentions that ping no one. `onMessage` and `onInteraction` are the one error
 * boundary: a failure anywhere below is logged once there, and anything repliable gets the core's
 * apology.
 */
import {
  MessageFlags,
  type AutocompleteInteraction, type BaseMessageOptions, type ButtonInteraction, type ChatInputCommandInteraction,
  type Interaction, type Message, type MessageMentionOptions, type RepliableInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Request } from '../../core/bot.ts';
import type { Choice } from '../../core/complete.ts';
import { toLocale } from '../../core/messages.ts';
import type { PlainNoticeCode, Reply } from '../../core/reply.ts';
import type { Locale } from '../../core/types.ts';
import { COMMAND_NAME, QUERY_OPTION } from './commands.ts';
import { loggable } from './errors.ts';
import { decodePress } from './ids.ts';
import { mentionQuery } from './mention.ts';
import { hitsThatFit, renderReply } from './render.ts';

/** The part of the core's Bot the adapter uses; an answer may come later than at once. */
export interface Answerer {
  handle(req: Request): Reply | Promise<Reply>;
  /** One talk's whole summary in a language (the "other language" buttons). */
  summary(id: string, locale: Locale): Reply;
  /** A reply that is one notice (an apology, results out of date). */
  notice(code: PlainNoticeCode, locale?: Locale): Reply;
  complete(typed: string, locale?: Locale): Choice[];
  readonly defaultLocale: Locale;
}

export interface Context {
  bot: Answerer;
  log: Logger;
  /** Defer an interaction when its answer is not ready after this long; Discord allows 3 s. */
  deferAfterMs: number;
}

/** Nothing the bot sends pings anyone, the person it answers included. */
export const NO_PINGS: MessageMentionOptions = { parse: [], repliedUser: false };

export function toMessage(reply: Reply): BaseMessageOptions {
  return { ...renderReply(reply), allowedMentions: NO_PINGS };
}

/** The core's answer, its page cut to the hits one message can show. */
function answer(ctx: Context, req: Request): Reply | Promise<Reply> {
  const locale = req.locale ?? ctx.bot.defaultLocale;
  return ctx.bot.handle({ ...req, fit: (hits, first) => hitsThatFit(hits, locale, first) });
}

function localeOf(ctx: Context, interaction: Interaction): Locale {
  return toLocale(interaction.locale) ?? ctx.bot.defaultLocale;
}

export async function onMessage(ctx: Context, message: Message, botId: string): Promise<void> {
  if (message.author.bot || message.system) return;
  const text = mentionQuery(message.content, botId, !message.inGuild());
  if (text === null) return;
  const locale = ctx.bot.defaultLocale;
  try {
    const reply = await answer(ctx, { text, locale });
    await message.reply(toMessage(reply));
    ctx.log.debug({ kind: reply.kind, channelId: message.channelId }, 'discord: answered a message');
  } catch (err) {
    ctx.log.error({ err: loggable(err), channelId: message.channelId, messageId: message.id }, 'discord: could not answer a message');
    await message.reply(toMessage(ctx.bot.notice('apology', locale))).catch((e: unknown) => {
      ctx.log.warn({ err: loggable(e), channelId: message.channelId }, 'discord: could not send the apology either');
    });
  }
}

export async function onInteraction(ctx: Context, interaction: Interaction): Promise<void> {
  try {
    if (interaction.isAutocomplete()) return await autocomplete(ctx, interaction);
    if (interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME) {
      const text = interaction.options.getString(QUERY_OPTION) ?? '';
      return await respond(ctx, interaction, { text, locale: localeOf(ctx, interaction) }, false);
    }
    if (interaction.isButton()) return await pressed(ctx, interaction);
  } catch (err) {
    ctx.log.error({ err: loggable(err), interactionId: interaction.id, type: interaction.type }, 'discord: could not answer an interaction');
    // Autocomplete can only offer choices: there is nothing to apologise with.
    if (interaction.isRepliable()) await apologize(ctx, interaction);
  }
}

async function autocomplete(ctx: Context, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const ours = interaction.commandName === COMMAND_NAME && focused.name === QUERY_OPTION;
  await interaction.respond(ours ? ctx.bot.complete(String(focused.value), localeOf(ctx, interaction)) : []);
}

async function pressed(ctx: Context, interaction: ButtonInteraction): Promise<void> {
  const siblings = interaction.message.components.flatMap((row) =>
    'components' in row ? row.components.map((c) => ('customId' in c ? c.customId : null)).filter((id) => id !== null) : [],
  );
  const press = decodePress(interaction.customId, siblings);
  if (!press) {
    ctx.log.debug({ customId: interaction.customId.slice(0, 20) }, 'discord: a button we cannot read');
    await interaction.reply({ ...toMessage(ctx.bot.notice('page_expired', localeOf(ctx, interaction))), flags: MessageFlags.Ephemeral });
    return;
  }
  if (press.kind === 'other') {
    await interaction.reply({ ...toMessage(ctx.bot.summary(press.talkId, press.locale)), flags: MessageFlags.Ephemeral });
    return;
  }
  const req: Request = press.kind === 'page'
    ? { text: press.query, locale: press.locale, offset: press.offset, limit: press.limit }
    : { text: press.term, locale: press.locale };
  return respond(ctx, interaction, req, true);
}

/**
 * Answers within Discord's 3 seconds: replies (or updates the pressed message) directly when the
 * answer is ready in time, else defers first and edits the reply in when it is. A notice in
 * answer to a button (results out of date) goes to the presser alone, leaving the message as is.
 */
async function respond(
  ctx: Context, interaction: ChatInputCommandInteraction | ButtonInteraction, req: Request, update: boolean,
): Promise<void> {
  let deferring: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferring = update && interaction.isButton() ? interaction.deferUpdate() : interaction.deferReply();
    deferring.catch(() => {});
  }, ctx.deferAfterMs);
  let reply: Reply;
  try {
    reply = await answer(ctx, req);
  } finally {
    clearTimeout(timer);
    // The apology, if one follows, must know whether the interaction was deferred.
    await deferring?.catch(() => {});
  }
  const body = toMessage(reply);
  const privately = update && reply.kind === 'message';
  if (privately) {
    const notice = { ...body, flags: MessageFlags.Ephemeral } as const;
    await (interaction.deferred ? interaction.followUp(notice) : interaction.reply(notice));
  } else if (interaction.deferred) {
    await interaction.editReply(body);
  } else if (update && interaction.isButton()) {
    await interaction.update(body);
  } else {
    await interaction.reply(body);
  }
  ctx.log.debug({ kind: reply.kind, interactionId: interaction.id, deferred: interaction.deferred }, 'discord: answered an interaction');
}

/**
 * The apology where the user will see it: in place of a deferred command's "thinking…", else as
 * a message to the user alone. Pressed buttons keep their message as it was.
 */
async function apologize(ctx: Context, interaction: RepliableInteraction): Promise<void> {
  const apology = toMessage(ctx.bot.notice('apology', localeOf(ctx, interaction)));
  const privately = { ...apology, flags: MessageFlags.Ephemeral } as const;
  try {
    if (interaction.deferred && !interaction.replied && !interaction.isMessageComponent()) {
      await interaction.editReply({ ...apology, embeds: [], components: [] });
    } else if (interaction.deferred || interaction.replied) {
      await interaction.followUp(privately);
    } else {
      await interaction.reply(privately);
    }
  } catch (err) {
    ctx.log.warn({ err: loggable(err), interactionId: interaction.id }, 'discord: could not send the apology either');
  }
}
