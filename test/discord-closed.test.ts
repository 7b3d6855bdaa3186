/**
 * Discord closing the gateway for good while the bot runs (4004 after a token reset, 4014 when
 * intents are revoked): the real main process logs a fatal line naming Discord and the code and
 * stops with exit code 1, alone or alongside Slack, instead of dying silently or staying up
 * half-alive.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FakeDiscord } from './fakes/discord-fake.ts';
import { FakeSlack } from './fakes/slack-api.ts';
import { APP_TOKEN, BOT_TOKEN } from './fakes/slack-harness.ts';
import { FakeSocketMode } from './fakes/slack-socket.ts';
import { until } from './helpers/until.ts';

const ROOT = path.join(import.meta.dirname, '..');

async function closesWith(code: number, withSlack: boolean): Promise<void> {
  const discord = await FakeDiscord.start();
  const slack = withSlack ? await FakeSlack.start() : undefined;
  const socket = withSlack ? await FakeSocketMode.start() : undefined;
  if (slack && socket) slack.socketUrl = socket.url;
  const slackEnv = slack ? { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl } : {};
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_FORMAT: 'json',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kubecon-closed-')),
    DISCORD_TOKEN: discord.config.token,
    DISCORD_APPLICATION_ID: discord.config.applicationId,
    DISCORD_API_URL: discord.config.apiUrl,
    ...slackEnv,
  };
  for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_API_URL']) if (!withSlack) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
  let logs = '';
  child.stdout.on('data', (d) => (logs += d));
  child.stderr.on('data', (d) => (logs += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  try {
    await until(() => /discord: connected/.test(logs) && (!socket || socket.connections > 0), 'the bot to connect', 20_000);
    discord.gateway.closeWith(code);
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000).unref());
    const exit = await Promise.race([exited, timeout]);
    assert.equal(exit, 1, `exit ${exit}\n${logs}`);
    const fatal = logs
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .find((l) => l.level === 60);
    assert.ok(fatal, logs);
    assert.match(fatal.msg, /Discord/);
    assert.match(fatal.msg, new RegExp(String(code)));
  } finally {
    child.kill('SIGKILL');
    await socket?.close();
    await slack?.close();
    await discord.close();
  }
}

describe('Discord closing the gateway for good', { timeout: 60_000 }, () => {
  it('4004 with Discord alone: a fatal line and exit code 1', () => closesWith(4004, false));
  it('4014 with Slack and Discord in one process: a fatal line and exit code 1, Slack stopped too', () => closesWith(4014, true));
});
