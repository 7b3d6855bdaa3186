/**
 * `npm start` with Slack (Socket Mode) and Discord settings pointing at the fakes: the real main
 * process answers on both platforms, then stops cleanly on SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { FakeDiscord } from './fakes/discord-fake.ts';
import { FakeSlack } from './fakes/slack-api.ts';
import { APP_TOKEN, BOT_TOKEN } from './fakes/slack-harness.ts';
import { slashCommand } from './fakes/slack-payloads.ts';
import { FakeSocketMode } from './fakes/slack-socket.ts';
import { until } from './helpers/until.ts';

const ROOT = path.join(import.meta.dirname, '..');

it('npm start runs Slack and Discord together from the settings, and stops on SIGTERM', async () => {
  const slack = await FakeSlack.start();
  const socket = await FakeSocketMode.start();
  slack.socketUrl = socket.url;
  const discord = await FakeDiscord.start();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      LOG_FORMAT: 'json',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kubecon-main-')),
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_SIGNING_SECRET: '',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: discord.config.token,
      DISCORD_APPLICATION_ID: discord.config.applicationId,
      DISCORD_API_URL: discord.config.apiUrl,
    },
  });
  let logs = '';
  child.stderr.on('data', (d) => (logs += d));
  try {
    await until(() => socket.connections > 0 && discord.gateway.identifies.length > 0, 'both platforms to connect');
    await socket.send('slash_commands', slashCommand('gvisor', slack.responseUrl('main')));
    const answer = await slack.response('main');
    assert.match(JSON.stringify(answer.body), /Best Practice for Container Security at Scale/);

    const id = discord.mention('wasm');
    const reply = await discord.replyTo(id);
    assert.match(JSON.stringify(reply.body.embeds), /WebAssembly/);
    assert.doesNotMatch(logs, new RegExp(BOT_TOKEN.slice(5)), 'the bot token never reaches the logs');

    child.kill('SIGTERM');
    const [code] = await new Promise<[number | null]>((r) => child.once('exit', (c) => r([c])));
    assert.equal(code, 0, logs);
  } finally {
    child.kill('SIGKILL');
    await socket.close();
    await slack.close();
    await discord.close();
  }
});
