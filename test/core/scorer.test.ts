/**
 * The scorer against MiniSearch's own query: the same talks, query terms, index terms and scores
 * for every query of the relevance suite and for random mixes of index words, on the real corpus.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import type { Query, SearchOptions } from 'minisearch';
import { Scorer, termSpecs, type IndexStats, type SpecOptions } from '../../src/core/scorer.ts';
import { buildQuery } from '../../src/core/search.ts';
import { fuzzyFor, SEARCH_OPTIONS } from '../../src/core/search-options.ts';
import type { Postings } from '../../src/core/postings.ts';
import type { TermMap } from '../../src/core/term-map.ts';
import { loadCases } from '../relevance/cases.ts';
import { realLibrary } from '../helpers/bot.ts';

interface Inner {
  mini: {
    _index: TermMap<Postings>;
    _documentCount: number;
    _nextId: number;
    _fieldIds: Record<string, number>;
    _avgFieldLength: number[];
    _fieldLength: Map<number, number[]>;
    executeQuery(q: Query, o: SearchOptions): Map<number, { score: number; terms: string[]; match: Record<string, string[]> }>;
  };
  known(term: string): boolean;
}

const index = (await realLibrary()).index as unknown as Inner;
const { mini } = index;
const stats: IndexStats = { documentCount: mini._documentCount, nextId: mini._nextId, fieldIds: mini._fieldIds, avgFieldLength: mini._avgFieldLength, fieldLength: mini._fieldLength };
const scorer = new Scorer(mini._index, stats, SEARCH_OPTIONS.boost ?? {});
const fuzzy = (term: string) => (index.known(term) ? false : fuzzyFor(term));

function same(text: string): void {
  const { query } = buildQuery(text, (t) => index.known(t));
  const theirs = mini.executeQuery(query, { fuzzy });
  const specs = termSpecs(query, { ...(SEARCH_OPTIONS as SpecOptions), fuzzy });
  const ours = scorer.score(specs);
  assert.deepEqual([...ours.keys()].sort(), [...theirs.keys()].sort(), `${text}: the same talks`);
  for (const [doc, hit] of ours) {
    const r = theirs.get(doc)!;
    assert.deepEqual(hit.specs.map((i) => specs[i]!.term).sort(), [...r.terms].sort(), `${text}: query terms of talk ${doc}`);
    assert.deepEqual([...hit.terms].sort(), Object.keys(r.match).sort(), `${text}: index terms of talk ${doc}`);
    assert.ok(Math.abs(hit.score - r.score) <= 1e-9 * r.score, `${text}: score of talk ${doc}: ${hit.score} vs ${r.score}`);
  }
}

it('scores every relevance query as MiniSearch does', () => {
  for (const c of loadCases()) same(c.query);
});

it('scores mixes of index words, prefixes and typos as MiniSearch does', () => {
  const words = [...mini._index.keys()].filter((_, i) => i % 7 === 0);
  const word = fc.constantFrom(...words);
  const typed = fc.oneof(word, word.map((w) => w.slice(0, Math.max(3, w.length - 2))), word.map((w) => (w.length > 5 ? w.slice(0, 2) + w.slice(3) : w)));
  fc.assert(fc.property(fc.array(typed, { minLength: 1, maxLength: 5 }), (ws) => same(ws.join(' '))), { numRuns: 200 });
});

it('finds the same typo matches once its smaller tree for Latin words is built', async () => {
  const prepared = new Scorer(mini._index, stats, SEARCH_OPTIONS.boost ?? {});
  await prepared.prepareTypos();
  const terms = [...mini._index.keys()];
  const latin = terms.filter((t) => /^[a-z-]{5,}$/.test(t));
  // Index terms with a digit or two (cgroupv2, log4j): their plain-letter typos must still reach them.
  const withDigits = terms.filter((t) => /^[a-z0-9-]{5,}$/.test(t) && /^[^0-9]*[0-9][^0-9]*[0-9]?[^0-9]*$/.test(t) && /[a-z]/.test(t));
  assert.ok(withDigits.length >= 5, `the corpus has terms with digits: ${withDigits.slice(0, 5).join(', ')}`);
  const matches = (s: Scorer, term: string, edits: number) => {
    const hits = s.score([{ term, boost: 1, prefix: false, fuzzy: edits }]);
    return [...hits].map(([doc, h]) => `${doc}:${[...h.terms].sort().join(',')}:${h.score.toFixed(9)}`).sort();
  };
  for (const t of withDigits) {
    const typed = t.replace(/[0-9]/g, 'x');
    assert.deepEqual(matches(prepared, typed, 2), matches(scorer, typed, 2), typed);
    assert.ok(matches(prepared, typed, 2).some((m) => m.split(':')[1]!.split(',').includes(t)), `${typed} reaches ${t}`);
  }
  const edited = fc
    .tuple(fc.constantFrom(...latin), fc.nat(), fc.constantFrom('', 'x', 'q', 'e', '-'))
    .map(([w, at, c]) => w.slice(0, at % w.length) + c + w.slice((at % w.length) + 1));
  fc.assert(fc.property(edited, fc.constantFrom(1, 2), (typed, edits) => assert.deepEqual(matches(prepared, typed, edits), matches(scorer, typed, edits), typed)), { numRuns: 300 });
});
