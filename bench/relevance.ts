/**
 * Reproduces the README's relevance table: the cases in test/relevance scored against our index
 * and against MiniSearch with default options over the same fields. Run: npm run relevance
 */
import path from 'node:path';
import MiniSearch from 'minisearch';
import { answer } from '../src/core/answer.ts';
import { loadLibrary } from '../src/core/library.ts';
import { evaluate, loadCases, type Score } from '../test/relevance/cases.ts';

const library = await loadLibrary(path.join(import.meta.dirname, '..', 'corpus'));
const { talks } = library.index;
const cases = loadCases();

const mini = new MiniSearch({ fields: ['title', 'speakers', 'tags', 'event', 'track', 'ja', 'en'], storeFields: ['title'] });
mini.addAll(talks.map((t) => ({
  id: t.id,
  title: t.title,
  speakers: t.speakers.join(' '),
  tags: t.tags.join(' '),
  event: t.event.name,
  track: t.track ?? '',
  ja: t.summary?.ja ?? '',
  en: t.summary?.en ?? '',
})));

const row = (name: string, s: Score) =>
  `| ${name} | ${s.allInTop5} / ${s.cases} | ${s.bestFirst} / ${s.cases} | ${s.recallAt5.toFixed(3)} | ${s.mrr.toFixed(3)} | ${s.noAnswer} / ${s.noAnswerCases} |`;

/** What the bot shows as answers: parsing (filters, events in words), then only the talks that match. */
const answers = (q: string) => {
  const a = answer(library, q);
  return a.ok ? a.found.matches.map((m) => m.talk.title) : [];
};

console.log('| | all expected in top 5 | best first | recall@5 | MRR | no-answer answered "no talk matches" |');
console.log('|---|---|---|---|---|---|');
console.log(row('this bot (events in words, confidence)', evaluate(cases, answers)));
console.log(row('this analyzer, every talk sharing a word', evaluate(cases, (q) => library.index.search(q).map((m) => m.talk.title))));
console.log(row('MiniSearch defaults, same fields', evaluate(cases, (q) => mini.search(q).map((r) => String(r.title)))));
