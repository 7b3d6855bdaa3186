/**
 * The `.env` file in the working directory: the bot reads its settings from it, a variable
 * already set in the environment wins over the file, and a `.env` that cannot be read stops the
 * start with a message naming it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';

const MAIN = path.join(import.meta.dirname, '..', 'src', 'main.ts');
const NO_CHAT = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', REDIS_URL: '' };

/** Runs the bot in a fresh working directory holding `dotEnv` (a file's text, or a directory when null). */
function startIn(dotEnv: string | null, env: Record<string, string | undefined>) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'kubecon-env-'));
  if (dotEnv === null) mkdirSync(path.join(cwd, '.env'));
  else writeFileSync(path.join(cwd, '.env'), dotEnv);
  const base: Record<string, string | undefined> = { ...process.env, ...NO_CHAT, LOG_FORMAT: 'json', DATA_DIR: path.join(cwd, 'data') };
  delete base.NODE_ENV;
  const r = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), MAIN], { cwd, input: 'gvisor\n', encoding: 'utf8', timeout: 60_000, env: { ...base, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

it('reads its settings from .env in the working directory', () => {
  const r = startIn('# production, with no chat credentials: refuses to start\nNODE_ENV=production\n', {});
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /SLACK_BOT_TOKEN/);
});

it('a variable set in the environment wins over .env', () => {
  const r = startIn('NODE_ENV=production\n', { NODE_ENV: 'development' });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Best Practice for Container Security at Scale/);
});

it('a .env that cannot be read stops the start, naming it', () => {
  const r = startIn(null, {});
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /^configuration error: \.env: /m);
});
