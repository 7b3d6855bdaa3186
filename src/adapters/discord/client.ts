/**
 * The discord.js wiring: one gateway connection with the fewest intents that let the bot see
 * mentions and direct messages, the event handlers, and a handle to post and to stop.
 *
 * Intents: Guilds (channel cache), GuildMessages (mentions in servers), DirectMessages (DMs).
 * The privileged Message Content intent is not needed: Discord includes the content of messages
 * that mention the bot and of DMs without it. DM channels are not cached, so Partials.Channel
 * is on, or discord.js would drop DMs.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials, type RESTOptions } from 'discord.js';
import type { Logger } from 'pino';
import type { Reply } from '../../core/reply.ts';
import { InFlight } from '../inflight.ts';
import type { DiscordConfig } from './config.ts';
import { loggable, redactUrl } from './errors.ts';
import { NO_PINGS, onInteraction, onMessage, toMessage, type Answerer, type Context } from './handlers.ts';

const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** Leaves a second of Discord's three for the deferral itself to arrive. */
const DEFER_AFTER_MS = 2000;

export interface DiscordOptions {
  bot: Answerer;
  config: DiscordConfig;
  log: Logger;
  /** REST client overrides, e.g. quick retries and timeouts in tests. */
  rest?: Partial<RESTOptions>;
  deferAfterMs?: number;
}

/** Why Discord closes the gateway for good (discord.js does not reconnect after these). */
const CLOSE_REASONS: Record<number, string> = {
  4004: 'authentication failed: the bot token was reset or revoked',
  4010: 'invalid shard',
  4011: 'sharding required',
  4012: 'invalid API version',
  4013: 'invalid intents',
  4014: 'disallowed intents: an intent the bot asks for is not enabled for it',
};

/** Discord closed the gateway and will not take the bot back without a fix (new token, intents). */
class DiscordClosedError extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`Discord closed the gateway with code ${code} (${CLOSE_REASONS[code] ?? 'not recoverable'}); the bot can no longer answer on Discord`);
    this.name = 'DiscordClosedError';
    this.code = code;
  }
}

export interface DiscordHandle {
  /**
   * Resolves if Discord closes the connection for good while running (e.g. 4004 when the token
   * is reset, 4014 when intents are revoked): the caller should stop rather than run half-alive.
   */
  closed: Promise<DiscordClosedError>;
  /** Sends a reply (the talk of the day) to a channel; throws when it cannot. */
  post(channelId: string, reply: Reply): Promise<void>;
  /** Stops taking events, lets answers in flight finish, and closes the connection. */
  stop(): Promise<void>;
}

export async function startDiscord(opts: DiscordOptions): Promise<DiscordHandle> {
  const { config } = opts;
  const log = opts.log.child({ adapter: 'discord' });
  const ctx: Context = { bot: opts.bot, log, deferAfterMs: opts.deferAfterMs ?? DEFER_AFTER_MS };
  const client = new Client({
    intents: INTENTS,
    partials: [Partials.Channel],
    allowedMentions: NO_PINGS,
    // Answer even when the question was deleted meanwhile, instead of failing the reply.
    failIfNotExists: false,
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), ...opts.rest },
  });

  const inflight = new InFlight();
  let stopping = false;
  const track = (work: Promise<void>) => {
    void inflight.track(work.catch((err: unknown) => log.error({ err: loggable(err) }, 'discord: unexpected failure in a handler')));
  };

  client.on(Events.MessageCreate, (message) => {
    if (!stopping && client.user) track(onMessage(ctx, message, client.user.id));
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!stopping) track(onInteraction(ctx, interaction));
  });
  client.on(Events.Error, (err) => log.error({ err: loggable(err) }, 'discord: client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord: client warning'));
  // discord.js emits this only when it will not reconnect (4004, 4014 and the like).
  let closedForGood!: (err: DiscordClosedError) => void;
  const closed = new Promise<DiscordClosedError>((resolve) => (closedForGood = resolve));
  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (stopping) return;
    const err = new DiscordClosedError(event.code);
    log.fatal({ code: event.code, shardId }, `discord: ${err.message}`);
    closedForGood(err);
  });
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'discord: gateway resumed'));
  client.rest.on('rateLimited', (info) => {
    log.warn({ route: info.route, method: info.method, url: redactUrl(info.url), retryAfter: info.retryAfter, global: info.global }, 'discord: rate limited, waiting');
  });

  try {
    await Promise.all([once(client, Events.ClientReady), client.login(config.token)]);
  } catch (err) {
    await client.destroy();
    throw err;
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord: connected');

  let stopped: Promise<void> | undefined;
  return {
    closed,
    async post(channelId, reply) {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isSendable()) throw new Error(`Discord channel ${channelId} cannot take messages from the bot`);
      await channel.send(toMessage(reply));
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        await inflight.idle();
        await client.destroy();
        log.info('discord: stopped');
      })();
      return stopped;
    },
  };
}
