import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { CORPUS_DIR } from './helpers/bot.ts';

const ROOT = path.join(import.meta.dirname, '..');

/** Runs the bot in shell mode with stdin kept open, so signals can be sent to a live process. */
function startBot(env: Record<string, string>, nodeFlags: string[] = []) {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', DISCORD_TOKEN: '', ...env },
  });
  after(() => child.kill('SIGKILL'));
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const waitFor = async (what: () => boolean, label: string) => {
    const deadline = Date.now() + 15_000;
    while (!what()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}\nstdout: ${out}\nstderr: ${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, out: () => out, err: () => err, waitFor, ask: (line: string) => child.stdin.write(`${line}\n`) };
}

it('reloads the corpus on SIGHUP, keeps the last good index on a bad reload, and stops cleanly on SIGTERM', async () => {
  const corpus = mkdtempSync(path.join(tmpdir(), 'kubecon-corpus-'));
  cpSync(CORPUS_DIR, corpus, { recursive: true });
  const bot = startBot({ CORPUS_DIR: corpus, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kubecon-data-')) });
  await bot.waitFor(() => bot.err().includes('corpus loaded'), 'start');

  bot.ask('zebracorn');
  await bot.waitFor(() => bot.out().includes('zebracorn'), 'first answer');
  assert.doesNotMatch(bot.out(), /1\. Zebracorn Talk/);

  writeFileSync(path.join(corpus, 'new.md'), `---\nevent: demo-2026\nevent_name: Demo 2026\ndates: 2026-01-01\nrecap_title: Demo\n---\n\n## Zebracorn Talk\n\n### ja\n\nzebracorn の話。\n\n### en\n\nAbout zebracorn.\n`);
  bot.child.kill('SIGHUP');
  await bot.waitFor(() => bot.err().includes('corpus reloaded'), 'reload');
  bot.ask('zebracorn');
  await bot.waitFor(() => bot.out().includes('1. Zebracorn Talk'), 'answer from the reloaded corpus');

  writeFileSync(path.join(corpus, 'broken.md'), '---\nevent: Bad Id\n---\n');
  bot.child.kill('SIGHUP');
  await bot.waitFor(() => bot.err().includes('keeping the last good index'), 'failed reload');
  assert.match(bot.err(), /broken\.md:2: event id /);
  const before = bot.out().length;
  bot.ask('gvisor');
  await bot.waitFor(() => bot.out().slice(before).includes('1. Best Practice for Container Security at Scale'), 'answer after failed reload');

  const started = Date.now();
  bot.child.kill('SIGTERM');
  const [code] = await new Promise<[number | null]>((r) => bot.child.once('exit', (c) => r([c])));
  assert.equal(code, 0);
  assert.ok(Date.now() - started < 5_000);
});

it('answers at once after start, then collects the garbage of loading, builds its typo tables, and says so with its memory', async () => {
  // As npm start runs it: with --expose-gc, the one collection happens after start, not before serving.
  const bot = startBot({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kubecon-data-')) }, ['--expose-gc']);
  await bot.waitFor(() => bot.err().includes('corpus loaded'), 'start');
  bot.ask('gvisor');
  await bot.waitFor(() => /1\. /.test(bot.out()), 'first answer');
  await bot.waitFor(() => bot.err().includes('search tables ready'), 'the tables built after start');
  const line = bot.err().split('\n').find((l) => l.includes('search tables ready'))!;
  const logged = JSON.parse(line) as { rssMB?: unknown; ms?: unknown };
  assert.ok(typeof logged.rssMB === 'number' && logged.rssMB > 0, line);
  assert.ok(typeof logged.ms === 'number', line);
  bot.child.stdin.end();
});
