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

/** Postings collected as a build adds them: talk by talk in ascending order, each field of a talk once. */
function collect(data: Record<string, Record<string, number>>): LazyPostings {
  const byDoc = new Map<number, Array<[number, number]>>();
  for (const [field, docs] of Object.entries(data)) {
    for (const [doc, count] of Object.entries(docs)) {
      const list = byDoc.get(Number(doc)) ?? [];
      list.push([Number(field), count]);
      byDoc.set(Number(doc), list);
    }
  }
  const p = LazyPostings.collecting();
  for (const doc of [...byDoc.keys()].sort((a, b) => a - b)) {
    // A talk's fields in any order: the build adds them in the index's field order, not by id.
    for (const [field, count] of byDoc.get(doc)!.reverse()) p.add(field, doc, count);
  }
  return p;
}

it('collects a build\'s postings into the same text and map as the saved form', () => {
  fc.assert(
    fc.property(postings, (data) => {
      assert.equal(collect(data).encoded(), encodePostings(data));
      assert.deepEqual([...collect(data)], [...asMaps(data)].sort(([a], [b]) => a - b));
      const read = collect(data);
      assert.ok(read.size > 0);
      assert.equal(read.encoded(), encodePostings(data), 'once read, it encodes from the map');
    }),
  );
});

it('takes no more once read, and no field id it cannot keep', () => {
  const p = LazyPostings.collecting();
  p.add(3, 0, 2);
  assert.equal(p.get(3)?.get(0), 2);
  assert.throws(() => p.add(3, 1, 1), /no longer being collected/);
  assert.throws(() => LazyPostings.collecting().add(16, 0, 1), /out of range/);
});
