/**
 * `npm start` runs scripts/start.cjs, which bundles src/ into .start/ and runs the bundle with
 * V8's code cache. Here it runs in a small project of its own (a copy of the script, a two-module
 * src/), so these tests can edit the sources: an edit is picked up at the next start, even one that
 * keeps the bundle's length (V8 checks a code cache against the length alone); an unchanged tree
 * is not bundled again and runs from the cache its first run left; a damaged cache is replaced; a
 * project where .start/ cannot be written still starts, through tsx. Last, the real script: in
 * Slack HTTP mode against the fake Slack (the Slack SDK stays outside the bundle, the logger inside
 * it, and the two work together), and reloading on SIGHUP through the bundled build worker.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { FakeSlack } from './fakes/slack-api.ts';
import { BOT_TOKEN, SIGNING_SECRET } from './fakes/slack-harness.ts';
import { httpSender, slashCommand } from './fakes/slack-payloads.ts';
import { freePort } from './helpers/redis.ts';

const ROOT = path.join(import.meta.dirname, '..');

function project(word: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubecon-start-bundle-'));
  mkdirSync(path.join(dir, 'scripts'));
  mkdirSync(path.join(dir, 'src', 'core'), { recursive: true });
  copyFileSync(path.join(ROOT, 'scripts', 'start.cjs'), path.join(dir, 'scripts', 'start.cjs'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(path.join(dir, 'tsconfig.json'), '{}\n');
  // TypeScript that plain node cannot run (a type annotation, a .ts import), so the output proves a compile.
  writeFileSync(
    path.join(dir, 'src', 'main.ts'),
    "import { word } from './core/word.ts';\nexport async function main(): Promise<number> {\n  process.stdout.write(`${word}\\n`);\n  return 0;\n}\n",
  );
  writeFileSync(path.join(dir, 'src', 'core', 'build-worker.ts'), "import { word } from './word.ts';\nexport const shared = word;\n");
  setWord(dir, word);
  return dir;
}

function setWord(dir: string, word: string): void {
  writeFileSync(path.join(dir, 'src', 'core', 'word.ts'), `export const word: string = ${JSON.stringify(word)};\n`);
}

function start(dir: string) {
  const r = spawnSync(process.execPath, [path.join(dir, 'scripts', 'start.cjs')], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

it('bundles src/ at the first start and runs it', () => {
  const dir = project('first');
  const r = start(dir);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, 'first\n');
  assert.equal(r.err, '', 'no fallback to tsx');
  assert.ok(readdirSync(path.join(dir, '.start')).includes('main.cjs'));
});

it('an unchanged src/ is not bundled again; an edited one is', () => {
  const dir = project('first');
  assert.equal(start(dir).out, 'first\n');
  const bundled = statSync(path.join(dir, '.start', 'main.cjs')).mtimeMs;
  assert.equal(start(dir).out, 'first\n');
  assert.equal(statSync(path.join(dir, '.start', 'main.cjs')).mtimeMs, bundled, 'the bundle was written again');
  setWord(dir, 'second');
  const r = start(dir);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, 'second\n', 'the edit was not picked up');
});

it('a bundle with a file gone missing is bundled again', () => {
  const dir = project('first');
  assert.equal(start(dir).out, 'first\n');
  rmSync(path.join(dir, '.start', 'build-worker.cjs'));
  const r = start(dir);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, 'first\n');
  assert.ok(readdirSync(path.join(dir, '.start')).includes('build-worker.cjs'));
});

it('an edit that keeps the length of the bundle is picked up, not run from the old code cache', () => {
  const dir = project('first');
  assert.equal(start(dir).out, 'first\n');
  assert.equal(start(dir).out, 'first\n');
  setWord(dir, 'fIrst');
  assert.equal(start(dir).out, 'fIrst\n');
  assert.equal(start(dir).out, 'fIrst\n');
});

/** The code cache .start/ holds: its name and its last write, if there is one. */
function codeCache(dir: string): { name: string; mtimeMs: number } | undefined {
  const name = readdirSync(path.join(dir, '.start')).find((n) => n.endsWith('.cache'));
  return name === undefined ? undefined : { name, mtimeMs: statSync(path.join(dir, '.start', name)).mtimeMs };
}

it('the first run of a bundle leaves a code cache that later starts take as it is', () => {
  const dir = project('first');
  assert.equal(start(dir).out, 'first\n');
  const cache = codeCache(dir);
  assert.ok(cache, 'no code cache after the first run');
  // Written again only when V8 turns it down: an unchanged cache shows V8 took it.
  assert.equal(start(dir).out, 'first\n');
  assert.deepEqual(codeCache(dir), cache);
});

it('a damaged code cache is turned down and written anew; the start is unharmed', () => {
  const dir = project('first');
  assert.equal(start(dir).out, 'first\n');
  const cache = codeCache(dir)!;
  const file = path.join(dir, '.start', cache.name);
  writeFileSync(file, 'not a code cache');
  const r = start(dir);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, 'first\n');
  assert.notEqual(readFileSync(file, 'utf8'), 'not a code cache');
  assert.deepEqual(codeCache(dir)?.name, cache.name);
});

it('when .start/ cannot be made, says why and runs the sources through tsx', () => {
  const dir = project('first');
  writeFileSync(path.join(dir, '.start'), 'a file where the directory should be\n');
  const r = start(dir);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, 'first\n');
  assert.match(r.err, /cannot bundle src\/ into .*\.start .*running src\/main\.ts through tsx/);
});

/**
 * The real `npm start` script of this project, logging JSON at info level, with no chat
 * credentials unless `env` gives some. `logged(msg)` resolves with the first log line whose
 * message is `msg`, and rejects if an error is logged or the process exits before it.
 */
function startReal(env: Record<string, string>, stdin: 'pipe' | 'ignore' = 'ignore') {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.cjs')], {
    cwd: ROOT,
    stdio: [stdin, 'ignore', 'pipe'],
    env: {
      ...process.env,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kubecon-start-real-')),
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      DISCORD_TOKEN: '',
      DISCORD_APPLICATION_ID: '',
      REDIS_URL: '',
      ...env,
    },
  });
  const stderr = child.stderr!;
  let err = '';
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const logged = (msg: string) =>
    new Promise<string>((resolve, reject) => {
      const look = () => {
        const lines = err.split('\n');
        const line = lines.find((l) => l.includes(`"msg":"${msg}"`));
        const failed = lines.find((l) => /^\{"level":(50|60),/.test(l));
        if (line || failed) {
          stderr.off('data', look);
          child.off('exit', gone);
          if (failed) reject(new Error(`logged an error before "${msg}": ${failed}`));
          else resolve(line!);
        }
      };
      const gone = (code: number | null) => reject(new Error(`exited with ${code} before "${msg}": ${err}`));
      stderr.on('data', look);
      child.once('exit', gone);
      look();
    });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  };
  // The real src/ bundles (no top-level await, nothing esbuild refuses): no fallback to tsx.
  const bundled = () => assert.doesNotMatch(err, /cannot bundle/, 'npm start fell back to tsx');
  return { child, logged, stop, bundled };
}

it('npm start in Slack HTTP mode answers a slash command', { timeout: 60_000 }, async () => {
  const slack = await FakeSlack.start();
  const port = await freePort();
  const bot = startReal({ PORT: String(port), SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl });
  try {
    await bot.logged('slack: ready');
    bot.bundled();
    const send = httpSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
    assert.equal(await send.command(slashCommand('gvisor', slack.responseUrl('bundle'))), 200);
    assert.match(JSON.stringify((await slack.response('bundle')).body), /Best Practice for Container Security at Scale/);
  } finally {
    await bot.stop();
    await slack.close();
  }
});

it('npm start reloads on SIGHUP through the bundled build worker', { timeout: 60_000 }, async () => {
  // stdin stays open: the terminal waits for a question while the corpus reloads.
  const bot = startReal({}, 'pipe');
  try {
    // Logged once the start is over, signals handled: a SIGHUP before that would end the process.
    await bot.logged('search tables ready');
    bot.bundled();
    bot.child.kill('SIGHUP');
    const reloaded = JSON.parse(await bot.logged('corpus reloaded')) as { talks: number; index: string };
    assert.equal(reloaded.index, 'saved', 'the worker read the index the start saved');
    assert.ok(reloaded.talks > 0);
  } finally {
    await bot.stop();
  }
});
