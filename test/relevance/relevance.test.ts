/**
 * Pins the ranking and the decision to answer: for realistic queries (English, Japanese, mixed,
 * typos, prefixes, whole sentences, English for Japanese, events named in words), every expected
 * talk is among the top 5 matching talks and the best one first; for queries no talk answers,
 * no talk matches. Queries go through the same parsing and decision as the bot's.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answer } from '../../src/core/answer.ts';
import { realLibrary } from '../helpers/bot.ts';
import { evaluate, loadCases } from './cases.ts';

const library = await realLibrary();
const cases = loadCases();
/** Titles of the talks that match, in rank order: what a user is shown as the answer. */
const titles = (q: string) => {
  const a = answer(library, q);
  return a.ok ? a.found.matches.map((m) => m.talk.title) : [];
};

describe('relevance', () => {
  it('has at least 40 answerable and 20 no-answer cases, each naming talks that exist', () => {
    const answerable = cases.filter((c) => c.expect.length > 0);
    assert.ok(answerable.length >= 40, `only ${answerable.length} answerable cases`);
    assert.ok(cases.length - answerable.length >= 20, `only ${cases.length - answerable.length} no-answer cases`);
    const known = new Set(library.index.talks.map((t) => t.title));
    for (const c of cases) for (const t of c.expect) assert.ok(known.has(t), `${c.file}: unknown title "${t}"`);
  });

  for (const c of cases) {
    if (c.expect.length === 0) {
      it(`${c.query}  →  no talk matches`, () => {
        assert.deepEqual(titles(c.query).slice(0, 5), [], `${c.file}: ${c.why ?? ''}`);
      });
      continue;
    }
    it(`${c.query}  →  ${c.expect[0]!.slice(0, 50)}`, () => {
      const got = titles(c.query);
      const top = got.slice(0, 5);
      for (const t of c.expect) assert.ok(top.includes(t), `"${t}" not in top 5: ${JSON.stringify(top)}`);
      const firsts = c.anyOrder ? c.expect : [c.expect[0]];
      assert.ok(firsts.includes(got[0]!), `best talk is not first (${c.why ?? ''}): ${JSON.stringify(top)}`);
    });
  }

  it('scores every case (summary figures)', () => {
    const s = evaluate(cases, titles);
    assert.equal(s.failures.length, 0);
    assert.equal(s.recallAt5, 1);
    assert.equal(s.noAnswer, s.noAnswerCases);
  });
});
