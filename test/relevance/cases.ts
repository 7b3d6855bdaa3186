import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Case {
  query: string;
  expect: string[];
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
  /** Cases whose expected talks are all in the top 5. */
  allInTop5: number;
  /** Cases whose first expected talk ranks first. */
  bestFirst: number;
  /** Expected talks found in the top 5, over all expected talks. */
  recallAt5: number;
  /** Mean reciprocal rank of the first expected talk. */
  mrr: number;
  cases: number;
  failures: Array<{ query: string; expect: string[]; got: string[] }>;
}

/** Scores a search function (query -> ranked titles) against the cases. */
export function evaluate(cases: Case[], search: (q: string) => string[]): Score {
  let allInTop5 = 0, bestFirst = 0, found = 0, expected = 0, rr = 0;
  const failures: Score['failures'] = [];
  for (const c of cases) {
    const ranked = search(c.query);
    const top = ranked.slice(0, 5);
    const inTop = c.expect.filter((t) => top.includes(t)).length;
    found += inTop;
    expected += c.expect.length;
    const rank = ranked.indexOf(c.expect[0]!);
    rr += rank >= 0 ? 1 / (rank + 1) : 0;
    const ok = inTop === c.expect.length && rank === 0;
    if (inTop === c.expect.length) allInTop5++;
    if (rank === 0) bestFirst++;
    if (!ok) failures.push({ query: c.query, expect: c.expect, got: top });
  }
  return { allInTop5, bestFirst, recallAt5: found / expected, mrr: rr / cases.length, cases: cases.length, failures };
}
