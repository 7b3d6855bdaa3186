import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Case {
  query: string;
  /** Titles in the order a person would want them; empty: no talk answers the query. */
  expect: string[];
  /** The expected talks are equally good answers: any of them may come first. */
  anyOrder?: boolean;
  why?: string;
  file: string;
}

const DIR = path.join(import.meta.dirname, 'cases');

/** Every relevance case: realistic queries with the talks (by title) a person would expect. */
export function loadCases(): Case[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as Case[]).map((c) => ({ ...c, file: f })));
}

export interface Score {
  /** Cases with expected talks whose expected talks are all in the top 5. */
  allInTop5: number;
  /** Cases with expected talks whose first expected talk ranks first. */
  bestFirst: number;
  /** Expected talks found in the top 5, over all expected talks. */
  recallAt5: number;
  /** Mean reciprocal rank of the first expected talk. */
  mrr: number;
  /** Cases with expected talks. */
  cases: number;
  /** No-answer cases (expect is empty) answered with no matching talk. */
  noAnswer: number;
  noAnswerCases: number;
  failures: Array<{ query: string; expect: string[]; got: string[] }>;
}

/** Scores a search function (query -> ranked titles of the talks that match) against the cases. */
export function evaluate(cases: Case[], search: (q: string) => string[]): Score {
  let allInTop5 = 0, bestFirst = 0, found = 0, expected = 0, rr = 0, positives = 0, noAnswer = 0, noAnswerCases = 0;
  const failures: Score['failures'] = [];
  for (const c of cases) {
    const ranked = search(c.query);
    const top = ranked.slice(0, 5);
    if (c.expect.length === 0) {
      noAnswerCases++;
      if (ranked.length === 0) noAnswer++;
      else failures.push({ query: c.query, expect: [], got: top });
      continue;
    }
    positives++;
    const inTop = c.expect.filter((t) => top.includes(t)).length;
    found += inTop;
    expected += c.expect.length;
    const firsts = c.anyOrder ? c.expect : [c.expect[0]!];
    const rank = Math.min(...firsts.map((t) => ranked.indexOf(t)).filter((r) => r >= 0), Infinity);
    rr += Number.isFinite(rank) ? 1 / (rank + 1) : 0;
    const ok = inTop === c.expect.length && rank === 0;
    if (inTop === c.expect.length) allInTop5++;
    if (rank === 0) bestFirst++;
    if (!ok) failures.push({ query: c.query, expect: c.expect, got: top });
  }
  return {
    allInTop5, bestFirst, recallAt5: expected ? found / expected : 1, mrr: positives ? rr / positives : 1,
    cases: positives, noAnswer, noAnswerCases, failures,
  };
}
