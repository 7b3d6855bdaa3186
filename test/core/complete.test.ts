import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { completeQuery } from '../../src/core/complete.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();

describe('completeQuery', () => {
  const index = bot.current.index;
  it('completes the word being typed after earlier words', () => {
    const values = completeQuery('wasm kube', index, 'ja').map((c) => c.value);
    assert.ok(values.includes('wasm kubernetes'), values.join(', '));
  });
  it('offers today and help by their first letters', () => {
    assert.equal(completeQuery('to', index, 'en')[0]?.value, 'today');
    assert.equal(completeQuery('he', index, 'en')[0]?.value, 'help');
  });
  it('stays within Discord\'s limits for any input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (typed) => {
      const choices = completeQuery(typed, index, 'ja');
      assert.ok(choices.length <= 25);
      assert.ok(choices.every((c) => c.name.length >= 1 && c.name.length <= 100 && c.value.length >= 1 && c.value.length <= 100));
    }), { numRuns: 200 });
  });
});
