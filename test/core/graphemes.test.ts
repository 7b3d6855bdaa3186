/** Splitting into user-perceived characters: the quick path for plain text must agree with the segmenter. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { splitGraphemes } from '../../src/core/normalize.ts';

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });
const reference = (text: string) => [...segmenter.segment(text)].map((s) => s.segment);

/** Characters summaries are made of, and characters that join their neighbours into one. */
const PLAIN = [...'Kubernetes の gVisor サンドボックス、「コンテナ」を隔離。 café – “quotes” ① ＡＢＣ ｶﾀｶﾅ 〜 ⌘ ■ 々'];
const JOINING = ['\u0301', '\u3099', '\u309a', '\u302a', '\uff9e', '\u200d', '\u200c', '\ufe0f', '\r\n', '\r', '\u1100\u1161', '\u11a8', 'क्ष', '👨‍👩‍👧', '🇯🇵', '👍🏽', '\u0600'];

it('agrees with the segmenter on plain text and on text with joining characters', () => {
  const char = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 1, arbitrary: fc.constantFrom(...JOINING) });
  fc.assert(
    fc.property(fc.array(char, { maxLength: 40 }), (chars) => {
      const text = chars.join('');
      assert.deepEqual(splitGraphemes(text), reference(text));
    }),
    { numRuns: 2000 },
  );
});

it('keeps a kana and its separate sound mark together, and an accent with its letter', () => {
  assert.deepEqual(splitGraphemes('ウ\u3099ィ'), ['ウ\u3099', 'ィ']);
  assert.deepEqual(splitGraphemes('cafe\u0301!'), ['c', 'a', 'f', 'e\u0301', '!']);
});
