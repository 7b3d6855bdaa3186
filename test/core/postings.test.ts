/** Postings in the saved index's text form: what is decoded is what was encoded, read lazily or not. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { decodePostings, encodePostings, LazyPostings } from '../../src/core/postings.ts';

/** MiniSearch's JSON form of a term's postings: { fieldId: { shortId: count } }, at least one talk per field. */
const postings = fc.dictionary(
  fc.integer({ min: 0, max: 9 }).map(String),
  fc.dictionary(fc.integer({ min: 0, max: 200_000 }).map(String), fc.integer({ min: 1, max: 500 }), { minKeys: 1 }),
  { minKeys: 1 },
);

const asMaps = (data: Record<string, Record<string, number>>) =>
  new Map(Object.entries(data).map(([f, docs]) => [Number(f), new Map(Object.entries(docs).map(([d, c]) => [Number(d), c]))]));

it('decodes what it encodes, in ASCII only', () => {
  fc.assert(
    fc.property(postings, (data) => {
      const text = encodePostings(data);
      assert.match(text, /^[\x20-\x7e]+$/);
      assert.deepEqual(decodePostings(text), asMaps(data));
    }),
  );
});

it('reads lazily as the map it stands for, whichever method reads it first', () => {
  const data = { '0': { '3': 1, '17': 2 }, '5': { '17': 1 } };
  const text = encodePostings(data);
  assert.deepEqual([...new LazyPostings(text)], [...asMaps(data)]);
  assert.equal(new LazyPostings(text).size, 2);
  assert.equal(new LazyPostings(text).get(0)?.get(17), 2);
  assert.equal(new LazyPostings(text).has(5), true);
  assert.deepEqual([...new LazyPostings(text).keys()], [0, 5]);
});

it('refuses text that is not postings', () => {
  assert.throws(() => decodePostings('garbage'), /bad postings/);
  assert.throws(() => decodePostings('0:1,!!'), /bad postings/);
});
