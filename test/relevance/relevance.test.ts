/**
 * Pins the ranking: for realistic queries (English, Japanese, mixed, typos, prefixes, whole
 * sentences, English for Japanese), every expected talk is in the top 5 and the best one first.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { realBot } from '../helpers/bot.ts';
import { evaluate, loadCases } from './cases.ts';

const bot = await realBot();
const index = bot.current.index;
const cases = loadCases();
const titles = (q: string) => index.search(q).map((m) => m.talk.title);

describe('relevance', () => {
  it('has at least 40 cases, each naming talks that exist', () => {
    assert.ok(cases.length >= 40, `only ${cases.length} cases`);
    const known = new Set(index.talks.map((t) => t.title));
    for (const c of cases) for (const t of c.expect) assert.ok(known.has(t), `${c.file}: unknown title "${t}"`);
  });

  for (const c of cases) {
    it(`${c.query}  →  ${c.expect[0]!.slice(0, 50)}`, () => {
      const got = titles(c.query);
      const top = got.slice(0, 5);
      for (const t of c.expect) assert.ok(top.includes(t), `"${t}" not in top 5: ${JSON.stringify(top)}`);
      assert.equal(got[0], c.expect[0], `best talk is not first (${c.why ?? ''})`);
    });
  }

  it('scores every case (summary figures)', () => {
    const s = evaluate(cases, titles);
    assert.equal(s.failures.length, 0);
    assert.equal(s.recallAt5, 1);
  });
});
