/** Word boundaries in snippets: the quick answer for plain places must agree with the segmenter. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { splitGraphemes } from '../../src/core/normalize.ts';
import { plainBoundary } from '../../src/core/snippet.ts';

const words = new Intl.Segmenter('ja', { granularity: 'word' });
const CHARS = [...'Kubernetes gVisor 2024 の サンドボックス、「コンテナ」を隔離。 café e.g. it\'s k8s_v1 – “quotes” ① ＡＢＣ ｶﾀｶﾅ'];
const RARE = ['\u0301', '\u00ad', '\u200b', '\u2060', '\n', '\u200d', '\u3000', '  ', '\t', '👍🏽', "'", '.', ':', '_', '-'];

it('says what the segmenter says wherever it answers without it', () => {
  const char = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CHARS) }, { weight: 1, arbitrary: fc.constantFrom(...RARE) });
  let answered = 0;
  let places = 0;
  fc.assert(
    fc.property(fc.array(char, { minLength: 2, maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const chars = splitGraphemes(text);
      const cuts = new Set([...words.segment(text)].map((s) => s.index));
      let at = 0;
      for (let i = 1; i < chars.length; i++) {
        at += chars[i - 1]!.length;
        places++;
        const quick = plainBoundary(chars[i - 1]!, chars[i]!);
        if (quick === undefined) continue;
        answered++;
        assert.equal(quick, cuts.has(at), `${JSON.stringify(text)} at ${at}`);
      }
    }),
    { numRuns: 2000 },
  );
  assert.ok(answered > places / 3, `the quick answer covers many places: ${answered} of ${places}`);
});
