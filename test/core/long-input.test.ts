/**
 * Long input and long summaries: a query of any size is cut cheaply before the costly work, and a
 * snippet costs about the same for a long summary as for a short one. The time limits are loose
 * (seconds where the answer takes milliseconds); before the fix these cases took 10 s to minutes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_INPUT_LENGTH, cleanInput, splitGraphemes, truncate } from '../../src/core/normalize.ts';
import { MAX_QUERY_LENGTH } from '../../src/core/query.ts';
import { makeSnippet, snippetText } from '../../src/core/snippet.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('long queries', () => {
  it('answers a 100,000-times 「について」 query quickly, cut to the maximum length', () => {
    const { value: reply, ms } = timed(() => bot.handle({ text: 'について'.repeat(100_000) }));
    assert.ok(ms < 3000, `took ${Math.round(ms)} ms`);
    assert.ok(reply.kind === 'results' || reply.kind === 'message', reply.kind);
    assert.ok(reply.notices?.some((n) => n.code === 'query_truncated'), JSON.stringify(reply.notices));
  });

  it('answers 100,000 lone surrogates quickly', () => {
    const { ms } = timed(() => bot.handle({ text: '\uD800'.repeat(100_000) }));
    assert.ok(ms < 3000, `took ${Math.round(ms)} ms`);
  });

  it('reads at most MAX_INPUT_LENGTH units of a request', () => {
    assert.equal(cleanInput('a'.repeat(MAX_INPUT_LENGTH * 3)).length, MAX_INPUT_LENGTH);
    // A cut that would fall inside an emoji leaves the whole emoji out instead.
    const cut = cleanInput('a' + '😀'.repeat(MAX_INPUT_LENGTH));
    assert.doesNotMatch(cut, LONE_SURROGATE);
  });

  it('truncate keeps whole characters and agrees with a full segmentation', () => {
    const pieces = ['a', ' ', 'あ', 'ガ', '\u0301', '👨‍👩‍👧', '🇯🇵', 'ｶﾞ', '\u200d', '\uD800'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 400 }), fc.integer({ min: 1, max: 50 }), (arr, max) => {
        const text = arr.join('');
        const got = truncate(text, max);
        const chars = splitGraphemes(text);
        assert.equal(got.cut, chars.length > max);
        assert.equal(got.text, chars.slice(0, max).join(''));
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it('truncate of a text beyond the cheap bound is a prefix of whole characters', () => {
    const text = 'x\u0301\u0301\u0301'.repeat(5000);
    const got = truncate(text, MAX_QUERY_LENGTH);
    assert.ok(got.cut);
    assert.ok(text.startsWith(got.text));
    assert.ok(splitGraphemes(got.text).length <= MAX_QUERY_LENGTH);
    assert.ok(got.text.endsWith('\u0301'));
  });
});

describe('snippets', () => {
  const gvisor =
    'コンテナのセキュリティを引き上げるための方法を示したセッション。その答えとして紹介されたのが、サンドボックス化したコンテナを作るために Google が開発した gVisor(GitHub の google/gvisor)である。';

  it('start and end at a word boundary, never inside a word', () => {
    for (const n of [40, 50, 60, 80]) {
      const text = snippetText(makeSnippet(gvisor, ['gvisor'], n));
      assert.doesNotMatch(text, /^…ックス|^…ンドボックス|^…ボックス/, text);
    }
    const english = 'The quick brown fox jumps over the lazy dog and then runs away into the forest with gVisor containers everywhere';
    const text = snippetText(makeSnippet(english, ['gvisor'], 50));
    const inner = text.replace(/^…/, '').replace(/…$/, '');
    for (const word of inner.split(' ')) assert.ok(english.split(' ').includes(word), `"${word}" in "${text}"`);
  });

  it('never cut a word of a space-separated text (any words, any length)', () => {
    const vocabulary = ['gvisor', 'container', 'sandbox', 'kubernetes', 'runtime', 'security', 'kata', 'wasm', 'a', 'of'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 120 }), fc.integer({ min: 20, max: 200 }), (ws, n) => {
        const text = ws.join(' ');
        const inner = snippetText(makeSnippet(text, ['kata'], n)).replace(/^…/, '').replace(/…$/, '');
        for (const word of inner.split(' ').filter(Boolean)) assert.ok(vocabulary.includes(word), `"${word}"`);
      }),
      { numRuns: 200, seed: 125 },
    );
  });

  it('cost about the same for a 120,000-character summary with thousands of matches', () => {
    const summary = 'コンテナのセキュリティを上げる gVisor と Kata の話。'.repeat(4000);
    const { value, ms } = timed(() => makeSnippet(summary, ['gvisor', 'kata', 'コンテナ']));
    assert.ok(ms < 3000, `took ${Math.round(ms)} ms`);
    const text = snippetText(value);
    assert.ok(splitGraphemes(text).length <= 162);
    assert.ok(value.some((p) => p.mark && p.text === 'gVisor'));
  });
});
