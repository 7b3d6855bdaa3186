/**
 * A SIGHUP reload builds the new index in a worker thread: while it runs, the bot keeps answering
 * from the old index, with no pause anywhere near as long as the reload itself.
 */
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { writeCorpus } from '../bench/corpus.ts';
import { Bot } from '../src/core/bot.ts';
import { openLibrary, reloadLibrary } from '../src/core/library.ts';
import { TalkIndex } from '../src/core/search.ts';
import { reloadCorpus } from '../src/lifecycle.ts';
import { memoryLogger } from './helpers/log.ts';

it('keeps answering from the old index while a reload builds, then answers from the new one', async () => {
  const corpusDir = mkdtempSync(path.join(tmpdir(), 'kubecon-stall-corpus-'));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kubecon-stall-data-'));
  await writeCorpus(corpusDir, 600);
  const bot = new Bot({ library: (await openLibrary(corpusDir, dataDir)).library, today: () => undefined });
  appendFileSync(path.join(corpusDir, 'zebra.md'), `---\nevent: demo-2026\nevent_name: Demo 2026\ndates: 2026-01-01\nrecap_title: Demo\n---\n\n## Zebracorn Talk\n\n### ja\n\nzebracorn の話。\n\n### en\n\nAbout zebracorn.\n`);

  const { log, lines } = memoryLogger();
  const answeredAt: number[] = [];
  let oldAnswers = 0;
  let done = false;
  const started = performance.now();
  const reload = reloadCorpus(bot, { corpusDir, dataDir }, log).finally(() => (done = true));
  // A steady stream of questions, one per turn of the event loop, as a busy chat would send.
  while (!done) {
    const reply = bot.handle({ text: 'gvisor sandbox', locale: 'en' });
    if (reply.kind === 'results') oldAnswers++;
    answeredAt.push(performance.now());
    await new Promise((r) => setImmediate(r));
  }
  const took = performance.now() - started;
  assert.equal(await reload, true, JSON.stringify(lines()));
  const gaps = answeredAt.slice(1).map((t, i) => t - answeredAt[i]!);
  const longest = Math.max(answeredAt[0]! - started, ...gaps);
  assert.ok(oldAnswers >= 20, `only ${oldAnswers} answers during a ${Math.round(took)} ms reload`);
  assert.ok(longest < took / 4, `the longest pause (${Math.round(longest)} ms) is a large part of the reload (${Math.round(took)} ms)`);
  // Its tables for typos and "did you mean" were built before it answered: the first such
  // question would otherwise build them at once, with every other answer waiting.
  assert.ok(bot.current.index.prepared, 'the new index answers before its typo tables are built');
  const after = bot.handle({ text: 'zebracorn', locale: 'en' });
  assert.equal(after.kind === 'results' && after.hits[0]?.title, 'Zebracorn Talk');
});

it('makes a reloaded index ready between answers: its tables are built a piece at a time', async () => {
  const corpusDir = mkdtempSync(path.join(tmpdir(), 'kubecon-stall-corpus-'));
  await writeCorpus(corpusDir, 300);
  const { library } = await openLibrary(corpusDir, mkdtempSync(path.join(tmpdir(), 'kubecon-stall-data-')));
  // A fresh index from the same parts, as a reload takes it in: nothing built yet.
  const index = TalkIndex.fromParts(library.index.talks, library.index.toParts());
  let turns = 0;
  let ready = false;
  const preparing = index.prepareAsync().then(() => (ready = true));
  while (!ready) {
    turns++;
    await new Promise((r) => setImmediate(r));
  }
  await preparing;
  assert.ok(turns >= 3, `other work ran in only ${turns} turns of the event loop while the tables were built`);
  assert.ok(index.search('gvisor sandbox').length > 0);
});

/** The nice value in a /proc stat line: the 17th field after the command's closing parenthesis. */
function niceOf(stat: string): number {
  return Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[16]);
}

/** The nice value of each of this process's threads (Linux). */
function threadNices(): number[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      return [niceOf(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8'))];
    } catch {
      return []; // the thread ended meanwhile
    }
  });
}

/** The main thread's nice value (its thread id is the process id). */
function mainNice(): number {
  return niceOf(readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8'));
}

/** The main thread's priority before any test here reloaded. */
const startNice = process.platform === 'linux' ? mainNice() : 0;

it('builds at the lowest CPU priority, so answers come first on a busy machine', { skip: process.platform !== 'linux' }, async () => {
  const corpusDir = mkdtempSync(path.join(tmpdir(), 'kubecon-stall-corpus-'));
  await writeCorpus(corpusDir, 300);
  const before = mainNice();
  let done = false;
  let nicest = before;
  const reload = reloadLibrary(corpusDir, mkdtempSync(path.join(tmpdir(), 'kubecon-stall-data-'))).finally(() => (done = true));
  while (!done) {
    nicest = Math.max(nicest, ...threadNices());
    await new Promise((r) => setImmediate(r));
  }
  await reload;
  assert.equal(nicest, 19, `no thread ran at nice 19 during the build (the process runs at ${before})`);
  assert.equal(mainNice(), startNice, 'the main thread kept its priority through every reload');
});
