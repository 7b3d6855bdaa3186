/**
 * Turns Discord events into core requests and sends back the rendered Reply: mentions and
 * direct messages, the /kubecon command, its autocomplete, and button presses. Every send
 * carries allowed mentions that ping no one. Each failure is logged once and the user gets the
 * catalogue's apology.
 */
import {
  MessageFlags,
  type AutocompleteInteraction, type BaseMessageOptions, type ButtonInteraction, type ChatInputCommandInteraction,
  type Interaction, type Message, type MessageMentionOptions,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Request } from '../../core/bot.ts';
import type { Library } from '../../core/library.ts';
import { messages, toLocale } from '../../core/messages.ts';
import type { Reply } from '../../core/reply.ts';
import type { Locale } from '../../core/types.ts';
import { completeQuery } from './autocomplete.ts';
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
  readonly defaultLocale: Locale;
  readonly current: Pick<Library, 'index'>;
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

/** The core's answer, asked again with a smaller page when not every hit fits one message. */
async function answer(ctx: Context, req: Request): Promise<Reply> {
  const reply = await ctx.bot.handle(req);
  if (reply.kind !== 'results') return reply;
  const fits = hitsThatFit(reply);
  return fits < reply.hits.length ? ctx.bot.handle({ ...req, limit: fits }) : reply;
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
    await message.reply({ content: messages(locale).apology, allowedMentions: NO_PINGS }).catch((e: unknown) => {
      ctx.log.warn({ err: loggable(e), channelId: message.channelId }, 'discord: could not send the apology either');
    });
  }
}

export async function onInteraction(ctx: Context, interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) return autocomplete(ctx, interaction);
  if (interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME) {
    const text = interaction.options.getString(QUERY_OPTION) ?? '';
    return respond(ctx, interaction, { text, locale: localeOf(ctx, interaction) }, false);
  }
  if (interaction.isButton()) return pressed(ctx, interaction);
}

async function autocomplete(ctx: Context, interaction: AutocompleteInteraction): Promise<void> {
  try {
    const focused = interaction.options.getFocused(true);
    const ours = interaction.commandName === COMMAND_NAME && focused.name === QUERY_OPTION;
    const choices = ours ? completeQuery(String(focused.value), ctx.bot.current.index, localeOf(ctx, interaction)) : [];
    await interaction.respond(choices);
  } catch (err) {
    // Nothing to apologise with: autocomplete can only offer choices.
    ctx.log.error({ err: loggable(err), interactionId: interaction.id }, 'discord: autocomplete failed');
  }
}

async function pressed(ctx: Context, interaction: ButtonInteraction): Promise<void> {
  const siblings = interaction.message.components.flatMap((row) =>
    'components' in row ? row.components.map((c) => ('customId' in c ? c.customId : null)).filter((id) => id !== null) : [],
  );
  const press = decodePress(interaction.customId, siblings);
  if (!press) {
    ctx.log.debug({ customId: interaction.customId.slice(0, 20) }, 'discord: a button we cannot read');
    const notice = messages(localeOf(ctx, interaction)).pageExpired;
    await interaction.reply({ content: notice, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS }).catch((err: unknown) => {
      ctx.log.error({ err: loggable(err), interactionId: interaction.id }, 'discord: could not answer a button');
    });
    return;
  }
  if (press.kind === 'other') {
    const body = { ...toMessage(ctx.bot.summary(press.talkId, press.locale)), flags: MessageFlags.Ephemeral } as const;
    await interaction.reply(body).catch(async (err: unknown) => {
      ctx.log.error({ err: loggable(err), interactionId: interaction.id }, 'discord: could not show a summary');
      await apologize(ctx, interaction, press.locale, false);
    });
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
  try {
    const reply = await answer(ctx, req);
    clearTimeout(timer);
    const body = toMessage(reply);
    const privately = update && reply.kind === 'message';
    if (deferring) await deferring;
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
  } catch (err) {
    clearTimeout(timer);
    ctx.log.error({ err: loggable(err), interactionId: interaction.id }, 'discord: could not answer an interaction');
    await apologize(ctx, interaction, req.locale ?? ctx.bot.defaultLocale, update);
  }
}

async function apologize(
  ctx: Context, interaction: ChatInputCommandInteraction | ButtonInteraction, locale: Locale, update: boolean,
): Promise<void> {
  const apology = messages(locale).apology;
  try {
    if (interaction.deferred && !interaction.replied && !update) {
      await interaction.editReply({ content: apology, embeds: [], components: [], allowedMentions: NO_PINGS });
    } else if (interaction.deferred || interaction.replied) {
      await interaction.followUp({ content: apology, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    } else {
      await interaction.reply({ content: apology, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    }
  } catch (err) {
    ctx.log.warn({ err: loggable(err), interactionId: interaction.id }, 'discord: could not send the apology either');
  }
}
