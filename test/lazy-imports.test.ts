/**
 * In the terminal (no chat credentials) the bot never loads the Slack or Discord SDKs: importing
 * them costs about half a second of start-up for nothing.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';

const ROOT = path.join(import.meta.dirname, '..');

/** A module-resolution hook that writes every bare specifier the process imports to IMPORT_LOG. */
const HOOKS = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  if (!/^[./]|^node:|^file:|^data:/.test(specifier)) appendFileSync(process.env.IMPORT_LOG, specifier + '\\n');
  return next(specifier, context);
}`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`;

it('the terminal mode answers without loading @slack/bolt or discord.js', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubecon-lazy-'));
  const importLog = path.join(dir, 'imports.log');
  writeFileSync(importLog, '');
  const child = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, '--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, IMPORT_LOG: importLog, DATA_DIR: dir, LOG_FORMAT: 'json', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '' },
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  child.stdin.end('gvisor\n');
  const [code] = await new Promise<[number | null]>((r) => child.once('exit', (c) => r([c])));
  clearTimeout(timer);
  assert.equal(code, 0, err);
  assert.match(out, /Best Practice for Container Security at Scale/, 'the question was answered');
  const imported = readFileSync(importLog, 'utf8').split('\n');
  assert.ok(imported.includes('minisearch'), `the hook saw the bot's own imports: ${imported.join(', ')}`);
  const sdks = imported.filter((s) => /^(@slack\/|discord\.js)/.test(s));
  assert.deepEqual(sdks, [], 'no chat SDK was imported');
});
