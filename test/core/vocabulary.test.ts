/** "Did you mean": the edit distance behind it, and suggestions for a typo. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { editDistance, Vocabulary } from '../../src/core/vocabulary.ts';
import { realLibrary } from '../helpers/bot.ts';

/** The textbook optimal-string-alignment distance, a full table, no shortcuts. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

it('edit distance agrees with the textbook table up to the limit, swaps costing one', () => {
  assert.equal(editDistance('kubrenetes', 'kubernetes', 3), 1);
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ー', 'カ'), maxLength: 40 });
  fc.assert(
    fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
      const want = reference(a, b);
      const got = editDistance(a, b, max);
      if (want <= max) assert.equal(got, want);
      else assert.ok(got > max, `${got} should be past ${max}`);
    }),
    { numRuns: 2000 },
  );
});

it('suggests the known word for a typo, nearest first', async () => {
  const { vocabulary } = (await realLibrary()).index;
  assert.equal(vocabulary.suggest('kubernetse')[0], 'kubernetes');
  assert.equal(vocabulary.suggest('crosplane')[0], 'crossplane');
  assert.deepEqual(vocabulary.suggest('kubernetes'), [], 'a known word needs no suggestion');
  assert.equal(vocabulary.suggest('gubernetes')[0], 'kubernetes', 'first letter wrong');
  assert.equal(vocabulary.suggest('ubernetes')[0], 'kubernetes', 'first letter dropped');
  assert.equal(vocabulary.suggest('kkubernetes')[0], 'kubernetes', 'first letter doubled');
  // An everyday word the talks lack is no typo of one they have.
  assert.deepEqual(vocabulary.suggest('house money world'), []);
});

it('suggests the same words when restored from its saved form and its tree was built ahead, a piece at a time', async () => {
  const { vocabulary } = (await realLibrary()).index;
  const ahead = Vocabulary.fromSaved(vocabulary.saved());
  await ahead.prepare();
  for (const typo of ['kubernetse', 'crosplane', 'gubernetes', 'promethues', 'ヘルムチャト', 'obsrvability', 'gvisr']) {
    assert.deepEqual(ahead.suggest(typo), vocabulary.suggest(typo), typo);
  }
  assert.equal(ahead.suggest('kubernetse')[0], 'kubernetes');
});

it('suggests the nearest words: three edits away only when nothing is within two', () => {
  const vocabulary = Vocabulary.fromSaved({ words: 'observability\nobservable', counts: [5, 3] });
  assert.equal(editDistance('observabilty', 'observable', 3), 3);
  assert.deepEqual(vocabulary.suggest('observabilty'), ['observability'], 'one edit away: the three-edit word is left out');
  assert.deepEqual(vocabulary.suggest('obsrvablty'), ['observability', 'observable'], 'nothing within two: three edits are tried');
});
