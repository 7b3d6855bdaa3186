/**
 * One benchmark measurement, run in its own process by bench/search.ts; prints one JSON line.
 *
 *   measure.ts build-ours  <dir>   build our index from <dir>/corpus, save it in <dir>/data
 *   measure.ts build-mini  <dir>   build MiniSearch with default options on the same talks
 *   measure.ts query-ours  <dir>   load the saved index, time Bot.handle for <dir>/queries.json
 *   measure.ts query-mini  <dir>   MiniSearch defaults: time search + first page for the same queries
 *   measure.ts start-mini  <dir>   build MiniSearch defaults and answer one query (start-up baseline)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { Bot } from '../src/core/bot.ts';
import { loadCorpus } from '../src/core/corpus/load.ts';
import { indexKey, serializeLibrary, writeSavedLines } from '../src/core/index-cache.ts';
import { readCorpusFiles } from '../src/core/corpus/load.ts';
import { openLibrary } from '../src/core/library.ts';
import { TalkIndex } from '../src/core/search.ts';
import type { Talk } from '../src/core/types.ts';

const [kind, dir] = process.argv.slice(2) as [string, string];
const corpusDir = path.join(dir, 'corpus');
const dataDir = path.join(dir, 'data');

function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heapMB: round(m.heapUsed / 2 ** 20), rssMB: round(m.rss / 2 ** 20) };
}

function round(v: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, p50: round(at(0.5), 3), p90: round(at(0.9), 3), p99: round(at(0.99), 3), max: round(s[s.length - 1]!, 3), mean: round(s.reduce((a, b) => a + b, 0) / s.length, 3) };
}

/** MiniSearch with default options: default tokenizer and term processing, no fuzzy, no prefix. */
function miniDefault(talks: readonly Talk[]): MiniSearch<Talk> {
  const mini = new MiniSearch<Talk>({
    fields: ['title', 'speakers', 'tags', 'ja', 'en'],
    extractField: (t, f) => {
      switch (f) {
        case 'id': return t.id;
        case 'speakers': return t.speakers.join(', ');
        case 'tags': return t.tags.join(', ');
        case 'ja': return t.summary?.ja ?? '';
        case 'en': return [t.summary?.en, t.abstract].filter(Boolean).join('\n\n');
        default: return t.title;
      }
    },
  });
  mini.addAll(talks);
  return mini;
}

function queries(): string[] {
  return JSON.parse(readFileSync(path.join(dir, 'queries.json'), 'utf8')) as string[];
}

/** Times `run` for every query, after a warm-up pass over the first 200 (results of the warm-up are not counted). */
function timeEach(qs: string[], run: (q: string, i: number) => void, reset: () => void): number[] {
  for (let i = 0; i < Math.min(200, qs.length); i++) run(qs[i]!, i);
  reset();
  return qs.map((q, i) => {
    const t = performance.now();
    run(q, i);
    return performance.now() - t;
  });
}

let out: Record<string, unknown>;
switch (kind) {
  case 'build-ours': {
    const sources = await readCorpusFiles(corpusDir);
    const t0 = performance.now();
    const corpus = await loadCorpus(corpusDir);
    const t1 = performance.now();
    const index = new TalkIndex(corpus.talks);
    const t2 = performance.now();
    const bytes = await writeSavedLines(dataDir, indexKey(sources), serializeLibrary(corpus, index));
    const t3 = performance.now();
    out = { talks: corpus.talks.length, parseMs: round(t1 - t0), buildMs: round(t2 - t1), saveMs: round(t3 - t2), savedMB: round(bytes / 2 ** 20), ...memory() };
    break;
  }
  case 'build-mini': {
    const corpus = await loadCorpus(corpusDir);
    const t = performance.now();
    const mini = miniDefault(corpus.talks);
    out = { buildMs: round(performance.now() - t), terms: mini.termCount, ...memory() };
    break;
  }
  case 'query-ours': {
    const t = performance.now();
    const opened = await openLibrary(corpusDir, dataDir);
    const loadMs = round(performance.now() - t);
    if (opened.from !== 'saved') throw new Error(`expected the saved index, got a build: ${opened.reason}`);
    // What a running service has a second after start (src/lifecycle.ts, settleAfterStart):
    // loading's garbage collected, then the typo tables built.
    (globalThis as { gc?: () => void }).gc?.();
    await opened.library.index.prepareInBackground();
    const bot = new Bot({ library: opened.library, today: () => undefined });
    let hits = 0;
    const samples = timeEach(queries(), (text, i) => {
      const reply = bot.handle({ text, locale: i % 2 ? 'en' : 'ja' });
      if (reply.kind === 'results') hits++;
    }, () => (hits = 0));
    out = { loadMs, answered: hits, ...stats(samples), ...memory() };
    break;
  }
  case 'query-mini': {
    const corpus = await loadCorpus(corpusDir);
    const mini = miniDefault(corpus.talks);
    const byId = new Map(corpus.talks.map((t) => [t.id, t]));
    let hits = 0;
    const samples = timeEach(queries(), (text) => {
      const page = mini.search(text).slice(0, 5).map((r) => byId.get(String(r.id)));
      if (page.length) hits++;
    }, () => (hits = 0));
    out = { answered: hits, ...stats(samples), ...memory() };
    break;
  }
  case 'start-mini': {
    const corpus = await loadCorpus(corpusDir);
    const mini = miniDefault(corpus.talks);
    out = { answer: mini.search('gvisor').slice(0, 5).map((r) => String(r.id)) };
    break;
  }
  default:
    throw new Error(`unknown measurement "${kind}"`);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
