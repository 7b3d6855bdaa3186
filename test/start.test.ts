/**
 * Starting the real main process: what it does with no chat credentials, in production or not,
 * and with a DAILY_QUERY that names an unknown event.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';

const ROOT = path.join(import.meta.dirname, '..');
const NO_CHAT = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', REDIS_URL: '' };

function start(env: Record<string, string>, input = '', command = [process.execPath, '--import', 'tsx', 'src/main.ts']) {
  const r = spawnSync(command[0]!, command.slice(1), {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...NO_CHAT, LOG_FORMAT: 'json', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kubecon-start-')), ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

it('in production with no chat credentials, exits 1 naming the variables to set', () => {
  const r = start({ NODE_ENV: 'production' }, 'gvisor\n');
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /SLACK_BOT_TOKEN/);
  assert.match(r.err, /DISCORD_TOKEN/);
  assert.doesNotMatch(r.out, /gvisor/i, 'no terminal prompt');
});

it('outside production, `echo gvisor | npm start` answers in the terminal', () => {
  const r = start({ NODE_ENV: 'development' }, 'gvisor\n', ['npm', 'start', '--silent']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Best Practice for Container Security at Scale/);
});

it('a DAILY_QUERY naming an unknown event stops the bot and names DAILY_QUERY', () => {
  const r = start({ DAILY_QUERY: 'security event:kubecon-xx-1999' }, 'gvisor\n');
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /DAILY_QUERY: unknown event \\"kubecon-xx-1999\\"/);
});
