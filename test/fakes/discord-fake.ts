/**
 * The fake REST API and gateway together, with helpers that replay the recorded payloads in
 * test/fixtures/discord as a user's mention, DM, slash command, autocomplete or button press.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DiscordConfig } from '../../src/adapters/discord/config.ts';
import { FakeGateway } from './discord-gateway.ts';
import { FakeDiscordRest, snowflake, type Recorded } from './discord-rest.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'discord');

/** A fresh copy of a fixture, free to change. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fixture(name: string): any {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
}

/** Shaped like a bot token; not one. */
export const TOKEN = 'MTE4MDAwMDAwMDAwMDAwMDAwMQ.GfAkE0.not-a-real-token_used-only-by-tests';

const ready = fixture('ready');
const guild = fixture('guild-create');
export const IDS = {
  bot: ready.user.id as string,
  guild: guild.id as string,
  channel: guild.channels[0].id as string,
  user: fixture('message-create').author.id as string,
  dmChannel: fixture('message-create-dm').channel_id as string,
};

export interface Sent {
  content?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  embeds?: any[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  components?: any[];
}

export interface InteractionRef {
  id: string;
  token: string;
}

export class FakeDiscord {
  readonly rest: FakeDiscordRest;
  readonly gateway: FakeGateway;

  private constructor(rest: FakeDiscordRest, gateway: FakeGateway) {
    this.rest = rest;
    this.gateway = gateway;
  }

  static async start(): Promise<FakeDiscord> {
    const channels = { [IDS.channel]: guild.channels[0] };
    const rest = await FakeDiscordRest.start({ token: TOKEN, botUser: ready.user, channels });
    const gateway = await FakeGateway.start({ ready, guilds: [guild] });
    rest.gatewayUrl = gateway.url;
    return new FakeDiscord(rest, gateway);
  }

  get config(): DiscordConfig {
    return { token: TOKEN, applicationId: IDS.bot, apiUrl: this.rest.url };
  }

  /** A server message; `text` is the whole content, so include `<@bot>` to mention the bot. */
  message(content: string): string {
    const d = fixture('message-create');
    d.id = snowflake();
    d.content = content;
    if (!content.includes(`<@${IDS.bot}>`)) d.mentions = [];
    this.gateway.dispatch('MESSAGE_CREATE', d);
    return d.id;
  }

  mention(text: string): string {
    return this.message(`<@${IDS.bot}> ${text}`);
  }

  dm(text: string): string {
    const d = fixture('message-create-dm');
    d.id = snowflake();
    d.content = text;
    this.gateway.dispatch('MESSAGE_CREATE', d);
    return d.id;
  }

  /** The bot's reply to message `id`. */
  replyTo(id: string): Promise<Recorded> {
    return this.rest.waitFor((r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path)
      && r.body?.message_reference?.message_id === id && r.status === 200);
  }

  command(query: string, locale = 'ja'): InteractionRef {
    const d = fixture('interaction-command');
    d.data.options[0].value = query;
    return this.interact(d, locale);
  }

  autocomplete(value: string, locale = 'ja'): InteractionRef {
    const d = fixture('interaction-autocomplete');
    d.data.options[0].value = value;
    return this.interact(d, locale);
  }

  /** Presses the button `customId` on a message the bot sent with body `sent`. */
  press(customId: string, sent: Sent, locale = 'ja'): InteractionRef {
    const d = fixture('interaction-button');
    d.data.custom_id = customId;
    d.message = { ...d.message, id: snowflake(), content: sent.content ?? '', embeds: sent.embeds ?? [], components: sent.components ?? [] };
    return this.interact(d, locale);
  }

  /** The first answer the bot gave to an interaction (its callback). */
  callback(ref: InteractionRef): Promise<Recorded> {
    return this.rest.waitFor((r) => r.path === `/api/v10/interactions/${ref.id}/${ref.token}/callback` && r.status === 204);
  }

  /** The edit of a deferred reply (or of a deferred button update). */
  edit(ref: InteractionRef): Promise<Recorded> {
    return this.rest.waitFor((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${IDS.bot}/${ref.token}/messages/@original`);
  }

  async close(): Promise<void> {
    await this.gateway.close();
    await this.rest.close();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private interact(d: any, locale: string): InteractionRef {
    d.id = snowflake();
    d.token = `interaction-token-${d.id}`;
    d.locale = locale;
    this.gateway.dispatch('INTERACTION_CREATE', d);
    return { id: d.id, token: d.token };
  }
}
