/**
 * Starts the Slack adapter: Socket Mode when an app-level token is set, HTTP otherwise
 * (`POST /slack/events`, `GET /healthz`). Returns a handle to post the talk of the day and to
 * stop cleanly.
 */
import type { AddressInfo } from 'node:net';
import { webApi, type HTTPReceiver, type SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Bot } from '../../core/bot.ts';
import type { Reply } from '../../core/reply.ts';
import { createSlackApp } from './app.ts';
import type { SlackConfig } from './config.ts';
import { boltLogger } from './logger.ts';
import { InFlight } from '../inflight.ts';
import { TrackingReceiver, httpReceiver, socketReceiver } from './receiver.ts';
import { renderReply } from './render.ts';

export { slackConfigFromEnv, type SlackConfig } from './config.ts';

export interface StartSlackOptions {
  bot: Bot;
  config: SlackConfig;
  log: Logger;
  /** HTTP mode: listen here instead of config.port (0 picks a free port). */
  port?: number;
  /** HTTP mode: the interface to listen on; all of them by default. */
  host?: string;
  /** How the Web API client retries; the default waits up to about five minutes. */
  retryConfig?: webApi.RetryOptions;
  /** Both set: skip the auth.test call at start. */
  botId?: string;
  botUserId?: string;
}

export interface SlackHandle {
  post(channelId: string, reply: Reply): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when everything received so far has been answered. */
  idle(): Promise<void>;
  /** HTTP mode: the port actually listened on. */
  port?: number;
}

export async function startSlack(opts: StartSlackOptions): Promise<SlackHandle> {
  const { config, bot } = opts;
  const log = opts.log.child({ adapter: 'slack' });
  const logger = boltLogger(log);
  const apiUrl = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const retryConfig = opts.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes;
  const work = new InFlight();

  let inner: HTTPReceiver | SocketModeReceiver;
  let socket: SocketModeReceiver | undefined;
  if (config.mode === 'socket') {
    // Reconnecting keeps its own persistent retry policy unless a test asks for a fast one.
    const clientOptions = { ...apiUrl, ...(opts.retryConfig ? { retryConfig: opts.retryConfig } : {}) };
    inner = socket = socketReceiver({ appToken: config.appToken, logger, clientOptions });
  } else {
    inner = httpReceiver({ signingSecret: config.signingSecret, port: config.port, logger });
  }
  const app = createSlackApp({
    bot,
    log,
    receiver: new TrackingReceiver(inner, work),
    botToken: config.botToken,
    clientOptions: { ...apiUrl, retryConfig },
    botId: opts.botId,
    botUserId: opts.botUserId,
  });
  await app.init();

  let port: number | undefined;
  if (config.mode === 'socket') {
    await app.start();
  } else {
    const server = (await app.start({ port: opts.port ?? config.port, host: opts.host })) as { address(): AddressInfo };
    port = server.address().port;
  }
  log.info({ mode: config.mode, port }, 'slack: ready');

  let stopping: Promise<void> | undefined;
  return {
    port,
    idle: () => work.idle(),
    async post(channelId, reply) {
      await work.track(
        app.client.chat.postMessage({ channel: channelId, ...renderReply(reply), unfurl_links: false, unfurl_media: false }),
      );
    },
    stop() {
      stopping ??= (async () => {
        // Stop taking new requests first, then let the ones already taken finish.
        if (socket) await socket.client.disconnect();
        else await app.stop();
        await work.idle();
        log.info('slack: stopped');
      })();
      return stopping;
    },
  };
}
