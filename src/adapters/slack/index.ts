/**
 * Starts the Slack adapter: Socket Mode when an app-level token is set, HTTP otherwise
 * (`POST /slack/events`, `GET /healthz`). Returns a handle to post the talk of the day and to
 * stop cleanly.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi, type HTTPReceiver, type SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Bot } from '../../core/bot.ts';
import type { Reply } from '../../core/reply.ts';
import type { Store } from '../../store/store.ts';
import { createSlackApp } from './app.ts';
import { safeUrl, SOCKET_START_TIMEOUT_MS, whoAmI, withinDeadline, type StartRetry } from './connect.ts';
import { Dedupe } from './dedupe.ts';
import type { SlackConfig } from './config.ts';
import { boltLogger } from './logger.ts';
import { InFlight } from '../inflight.ts';
import { TrackingReceiver, httpReceiver, socketReceiver } from './receiver.ts';
import { renderReply } from './render.ts';

export { slackConfigFromEnv, type SlackConfig } from './config.ts';

/** HTTP mode: the longest a client may take to send a request's headers, and the whole request. */
const REQUEST_TIMEOUT_MS = 10_000;

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
  /** How auth.test is retried at start (default: 5 tries over about 15 s). */
  startRetry?: StartRetry;
  /** Socket Mode: how long connecting may take (default 30 s). */
  startTimeoutMs?: number;
  /** Shared with other instances: which events were already answered. Default: this process. */
  store?: Store;
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
    inner = httpReceiver({ signingSecret: config.signingSecret, port: config.port, logger, store: opts.store });
  }
  // Bolt would call auth.test itself, retrying for minutes without a word; this logs each retry.
  const ids = opts.botId && opts.botUserId
    ? { botId: opts.botId, botUserId: opts.botUserId }
    : await whoAmI({ token: config.botToken, apiUrl: config.apiUrl, log, retry: opts.startRetry });
  const app = createSlackApp({
    bot,
    log,
    receiver: new TrackingReceiver(inner, work),
    botToken: config.botToken,
    clientOptions: { ...apiUrl, retryConfig },
    botId: ids.botId,
    botUserId: ids.botUserId,
    seen: new Dedupe({ store: opts.store }),
  });
  await app.init();

  let port: number | undefined;
  let server: Server | undefined;
  if (socket) {
    const client = socket.client;
    let tried = `${config.apiUrl ?? 'https://slack.com/api/'}apps.connections.open`;
    client.on('authenticated', (res: { url?: string }) => {
      if (res.url) tried = `the WebSocket ${safeUrl(res.url)} (from apps.connections.open)`;
    });
    await withinDeadline(app.start(), opts.startTimeoutMs ?? SOCKET_START_TIMEOUT_MS, () => tried, () => client.disconnect());
  } else if (config.mode === 'http') {
    server = (await app.start({ port: opts.port ?? config.port, host: opts.host })) as Server;
    // Slack sends small bodies at once; a client that trickles its request is cut off.
    server.headersTimeout = REQUEST_TIMEOUT_MS;
    server.requestTimeout = REQUEST_TIMEOUT_MS;
    port = (server.address() as AddressInfo).port;
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
        if (socket) {
          await socket.client.disconnect();
          await work.idle();
        } else {
          const closed = app.stop();
          await work.idle();
          // What is left is idle or half-sent; waiting on it would hold the stop open.
          server?.closeAllConnections();
          await closed;
        }
        log.info('slack: stopped');
      })();
      return stopping;
    },
  };
}
