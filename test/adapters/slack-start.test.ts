/**
 * Starting the Slack adapter when Slack is not answering: each auth.test retry is logged and the
 * start gives up with a clear error; Socket Mode gives up within its deadline naming what it
 * tried to reach. Real Bolt against the fake Slack on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { startSlack } from '../../src/adapters/slack/index.ts';
import type { SlackConfig } from '../../src/adapters/slack/config.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { APP_TOKEN, BOT_TOKEN, SIGNING_SECRET } from '../fakes/slack-harness.ts';
import { realBot } from '../helpers/bot.ts';
import { memoryLogger } from '../helpers/log.ts';
import { freePort } from '../helpers/redis.ts';

const bot = await realBot();
const retry = { attempts: 3, delayMs: 10 };

function config(api: FakeSlack, mode: SlackConfig['mode']): SlackConfig {
  return mode === 'socket'
    ? { mode, botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: api.apiUrl }
    : { mode, botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: api.apiUrl, port: 0 };
}

it('auth.test answering 503: each retry is logged, then the start goes on once Slack answers', async () => {
  const api = await FakeSlack.start();
  const { log, lines } = memoryLogger();
  api.failWith('auth.test', 503, 2);
  const handle = await startSlack({ bot, config: config(api, 'http'), log, port: 0, host: '127.0.0.1', startRetry: retry });
  try {
    const retries = lines().filter((l) => /^slack: auth.test failed \(HTTP 503\); retrying/.test(String(l.msg)));
    assert.equal(retries.length, 2);
    assert.equal(retries[0]!.level, 40, 'logged as a warning');
  } finally {
    await handle.stop();
    await api.close();
  }
});

it('auth.test answering 503 every time: gives up with a line naming auth.test and its URL', async () => {
  const api = await FakeSlack.start();
  api.failWith('auth.test', 503, 100);
  await assert.rejects(
    startSlack({ bot, config: config(api, 'http'), log: memoryLogger().log, port: 0, host: '127.0.0.1', startRetry: retry }),
    new RegExp(`auth\\.test at ${api.apiUrl.replace(/[.]/g, '\\.')}auth\\.test failed 3 times \\(HTTP 503\\); giving up`),
  );
  await api.close();
});

it('Socket Mode whose WebSocket cannot be reached fails within its deadline, naming it', async () => {
  const api = await FakeSlack.start();
  api.socketUrl = `ws://127.0.0.1:${await freePort()}/link?ticket=secret-ticket`;
  const started = Date.now();
  const err = await startSlack({ bot, config: config(api, 'socket'), log: memoryLogger().log, startRetry: retry, startTimeoutMs: 1_500 }).then(
    () => assert.fail('started'),
    (e: Error) => e,
  );
  assert.ok(Date.now() - started < 10_000);
  assert.match(err.message, /^Socket Mode could not connect within 2 s; tried the WebSocket ws:\/\/127\.0\.0\.1:\d+\/link/);
  assert.doesNotMatch(err.message, /secret-ticket/);
  await api.close();
});

it('Socket Mode with Slack unreachable fails naming the API it tried', async () => {
  const apiUrl = `http://127.0.0.1:${await freePort()}/api/`;
  const socket: SlackConfig = { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl };
  await assert.rejects(
    startSlack({ bot, config: socket, log: memoryLogger().log, startRetry: retry, startTimeoutMs: 1_500 }),
    (e: Error) => e.message.includes(`auth.test at ${apiUrl}auth.test failed 3 times`),
  );
});
