/** Matches best first: the radix sort for long lists must order exactly as the stable comparison sort. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { byBest, sortBestFirst } from '../../src/core/order.ts';

const score = fc.oneof(
  fc.constantFrom(0, -0, 1, 2.5, 1e-300, 5e-324, 1e300, 0.1 + 0.2, 0.3),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.integer({ min: 0, max: 5 }).map((x) => x / 4),
);

it('orders long lists as the stable comparison sort does, ties in their first order', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ score, raw: score }), { minLength: 200, maxLength: 1200 }), (rows) => {
      const items = rows.map((r, id) => ({ ...r, id }));
      const expected = [...items].sort(byBest).map((x) => x.id);
      assert.deepEqual(sortBestFirst([...items]).map((x) => x.id), expected);
    }),
    { numRuns: 200 },
  );
});

it('puts the best of thousands first', () => {
  const items = Array.from({ length: 5000 }, (_, id) => ({ score: (id * 7919) % 5000, raw: id % 3, id }));
  const sorted = sortBestFirst(items);
  assert.equal(sorted[0]!.score, 4999);
  for (let i = 1; i < sorted.length; i++) assert.ok(byBest(sorted[i - 1]!, sorted[i]!) <= 0, `in order at ${i}`);
});
