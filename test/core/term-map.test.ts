/** The term map: the same answers as MiniSearch's own radix tree, whichever way it was filled. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import SearchableMap from 'minisearch/SearchableMap';
import { TermMap } from '../../src/core/term-map.ts';

/** Terms over a small alphabet (so they share prefixes), with kana and kanji as first characters too. */
const term = fc.array(fc.constantFrom('a', 'b', 'ab', 'k', 'ク', 'ー', '脆', '弱', '性'), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
const terms = fc.uniqueArray(term, { maxLength: 60 });

function reference(list: readonly string[]): SearchableMap<number> {
  const map = new SearchableMap<number>();
  list.forEach((t, i) => map.set(t, i));
  return map;
}

function sameAnswers(ours: SearchableMap<number>, theirs: SearchableMap<number>, probes: readonly string[]): void {
  assert.deepEqual([...ours].sort(), [...theirs].sort());
  assert.equal(ours.size, theirs.size);
  for (const p of probes) {
    assert.equal(ours.get(p), theirs.get(p), `get ${p}`);
    assert.equal(ours.has(p), theirs.has(p), `has ${p}`);
    assert.deepEqual([...ours.atPrefix(p)].sort(), [...theirs.atPrefix(p)].sort(), `prefix ${p}`);
    assert.deepEqual([...ours.fuzzyGet(p, 1)].sort(), [...theirs.fuzzyGet(p, 1)].sort(), `fuzzy ${p}`);
  }
}

it('built from sorted terms, answers as a tree filled one term at a time', async () => {
  await fc.assert(
    fc.asyncProperty(terms, fc.array(term, { maxLength: 10 }), async (list, probes) => {
      const sorted = [...list].sort();
      const values = sorted.map((t) => list.indexOf(t));
      const all = [...sorted, ...probes, ''];
      sameAnswers(TermMap.fromSorted(sorted, values), reference(list), all);
      sameAnswers(await TermMap.fromSortedAsync(sorted, values), reference(list), all);
    }),
  );
});

it('filled, fetched and emptied one term at a time, answers as the tree does', () => {
  fc.assert(
    fc.property(terms, fc.array(term, { maxLength: 10 }), (list, removed) => {
      const ours = new TermMap<number>();
      const theirs = new SearchableMap<number>();
      list.forEach((t, i) => {
        ours.fetch(t, () => i);
        theirs.fetch(t, () => i);
        assert.equal(ours.fetch(t, () => -1), i, 'a second fetch finds the first value');
      });
      for (const t of removed) {
        ours.delete(t);
        theirs.delete(t);
      }
      sameAnswers(ours, theirs, [...list, ...removed]);
    }),
  );
});

it('refuses terms that are not sorted', () => {
  assert.throws(() => TermMap.fromSorted(['b', 'a'], [1, 2]), /not sorted/);
  assert.throws(() => TermMap.fromSorted(['a', 'a'], [1, 2]), /not sorted/);
});

it('finds the same typo matches among the terms with the same first character as a walk of the whole tree', () => {
  fc.assert(
    fc.property(terms, fc.array(term, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 3 }), (list, probes, edits) => {
      const sorted = [...list].sort();
      const map = TermMap.fromSorted(sorted, sorted.map((t) => list.indexOf(t)));
      for (const p of probes) {
        const whole = [...map.fuzzyGet(p, edits)].filter(([t]) => t[0] === p[0]).sort();
        assert.deepEqual([...map.fuzzyGetSameStart(p, edits)].sort(), whole, `${p}, ${edits} edits`);
      }
    }),
  );
});
