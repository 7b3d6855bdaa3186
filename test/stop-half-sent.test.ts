/**
 * SIGTERM while a client holds a half-sent request open to Slack's HTTP endpoint: the real main
 * process still stops promptly instead of waiting on that connection.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { FakeSlack } from './fakes/slack-api.ts';
import { BOT_TOKEN, SIGNING_SECRET } from './fakes/slack-harness.ts';
import { freePort } from './helpers/redis.ts';
import { until } from './helpers/until.ts';

const ROOT = path.join(import.meta.dirname, '..');

it('stops on SIGTERM although a client holds a half-sent request open', async () => {
  const slack = await FakeSlack.start();
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env, LOG_FORMAT: 'json', PORT: String(port), SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: '', SLACK_API_URL: slack.apiUrl, DISCORD_TOKEN: '', REDIS_URL: '', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kubecon-half-')),
    },
  });
  let logs = '';
  child.stderr.on('data', (d) => (logs += d));
  try {
    await until(() => logs.includes('slack: ready'), 'the bot to start', 20_000);
    const s = connect(port, '127.0.0.1');
    s.on('error', () => {});
    await new Promise((r) => s.once('connect', r));
    s.write('POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{"type":');
    const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running after 5 s'), 5_000))]);
    assert.equal(code, 0, logs);
    s.destroy();
  } finally {
    child.kill('SIGKILL');
    await slack.close();
  }
});
