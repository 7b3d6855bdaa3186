import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze, analyzeQuery } from '../../src/core/analyzer.ts';
import { expandWithGlossary } from '../../src/core/expand.ts';
import { parseQuery } from '../../src/core/query.ts';
import { makeSnippet, snippetText } from '../../src/core/snippet.ts';
import { applyVariants, normalize, splitGraphemes } from '../../src/core/normalize.ts';

const words = (q: string) => analyzeQuery(q).map((u) => u.word);

describe('stop phrases', () => {
  it('cuts トーク as a word but keeps トークン whole', () => {
    assert.deepEqual(analyzeQuery('認証トークンのトーク').map((u) => u.word), ['認証', 'トークン']);
    assert.deepEqual(analyzeQuery('トークン').map((u) => u.word), ['トークン']);
  });
});

describe('contractions', () => {
  it('drops contractions of stop words from queries, keeping possessives of names', () => {
    assert.deepEqual(words("I'm looking for what's new, we don't know it’s name"), ['new', 'name']);
    assert.deepEqual(words("can't isn't you'll they've gvisor"), ['gvisor']);
    assert.ok(words("Spotify's backend").includes("spotify's"), 'a name with a clitic is no stop word');
  });
});

describe('function words (added by quality6)', () => {
  it('drops adverbs and conjunctions that only glue a sentence (just, even, really, whether)', () => {
    assert.deepEqual(words('honestly just curious whether anyone really ran falco with gvisor'), ['honestly', 'curious', 'ran', 'falco', 'gvisor']);
    assert.deepEqual(words('pods throttled even though cpu was mostly idle'), ['pods', 'throttled', 'cpu', 'mostly', 'idle']);
  });
});

describe('analyzer', () => {
  it('splits Japanese sentences into content words and drops question words', () => {
    assert.deepEqual(words('gVisorについて話してたセッションある?'), ['gvisor']);
    assert.deepEqual(words('what talks covered falco?'), ['falco']);
  });

  it('normalises width, case and spelling variants', () => {
    assert.deepEqual(words('ＧＶＩＳＯＲ'), ['gvisor']);
    assert.deepEqual(words('ぜい弱性'), words('脆弱性'));
    assert.ok(analyze('PodSecuirtyPolicy').includes('podsecuritypolicy'));
  });

  it('keeps katakana words whole and strips a trailing long vowel', () => {
    assert.ok(analyze('サーバー').includes('サーバ'));
    assert.ok(analyze('サンドボックス化').includes('サンドボックス'));
  });

  it('indexes camelCase and hyphenated parts', () => {
    const t = analyze('VolumeSnapshot kube-bench');
    for (const w of ['volumesnapshot', 'volume', 'snapshot', 'kube-bench', 'kubebench', 'kube', 'bench']) assert.ok(t.includes(w), w);
  });

  it('keeps stop words when they are the whole query', () => {
    assert.deepEqual(words('talk'), ['talk']);
  });

  it('expands glossary terms both ways', () => {
    assert.ok(expandWithGlossary('sandbox').includes('サンドボックス'));
    assert.ok(expandWithGlossary('カオスエンジニアリングの事例').includes('chaos engineering'));
    assert.ok(!expandWithGlossary('ブログ').includes('logs'), 'ログ inside ブログ is not a match');
  });

  it('never throws and yields clean terms for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        for (const t of analyze(s)) assert.ok(t.length > 0 && !/\s/.test(t), JSON.stringify(t));
        analyzeQuery(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe('query parsing', () => {
  const events = [
    { id: 'kubecon-eu-2024', name: 'EU', start: '2024-03-19', end: '2024-03-22', year: 2024 },
    { id: 'kubecon-eu-2018', name: 'EU', start: '2018-05-02', end: '2018-05-04', year: 2018 },
  ];

  it('takes out event and year filters', () => {
    const r = parseQuery('wasm event:kubecon-eu-2024 year:2024', events);
    assert.ok(r.ok);
    assert.equal(r.query.text, 'wasm');
    assert.deepEqual([...r.query.eventIds!], ['kubecon-eu-2024']);
    assert.equal(r.query.year, 2024);
  });

  it('accepts an event prefix and rejects unknown values with the known ones', () => {
    const p = parseQuery('event:kubecon-eu', events);
    assert.ok(p.ok && p.query.eventIds!.size === 2);
    const bad = parseQuery('x event:kubecon-na', events);
    assert.ok(!bad.ok && bad.error.code === 'unknown_event' && bad.error.known.length === 2);
    const year = parseQuery('x year:1999', events);
    assert.ok(!year.ok && year.error.code === 'bad_year');
  });

  it('cleans control characters and cuts long queries without breaking a character', () => {
    const r = parseQuery(`a\u0000b\u001b[1m ${'👍🏽'.repeat(300)}`, []);
    assert.ok(r.query.truncated);
    assert.ok(!/[\u0000\u001b]/.test(r.query.display));
    assert.equal(splitGraphemes(r.query.display).length, 200);
    assert.ok(r.query.display.endsWith('👍🏽'));
  });

  it('never throws on any input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => void parseQuery(s, events)), { numRuns: 300 });
  });
});

describe('snippets', () => {
  const text = 'コンテナのセキュリティを上げるため、Google が作った gVisor が紹介された。'.repeat(5);

  it('marks matched words and stays within the length', () => {
    const parts = makeSnippet(text, ['gvisor'], 60);
    assert.ok(parts.some((p) => p.mark && p.text === 'gVisor'));
    assert.ok(splitGraphemes(snippetText(parts)).length <= 62);
  });

  it('marks the variant spelling the text uses', () => {
    const parts = makeSnippet('Kubernetes でもぜい弱性対策は重要。', ['脆弱性']);
    assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ['ぜい弱性']);
  });

  it('never splits a character, whatever the cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 5, max: 100 }), (s, n) => {
        const out = snippetText(makeSnippet(s, ['a'], n));
        assert.doesNotMatch(out, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
      { numRuns: 200 },
    );
  });
});

it('lower-cases ASCII runs without normalising them again, with the same result', () => {
  // The scan normalises the whole text (NFKC, variants) first; for ASCII that leaves only case.
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...'abcKUERNETSPodSecuirtyPolicy-_.+ 019') }), (raw) => {
      const scanned = applyVariants(raw.normalize('NFKC'));
      assert.equal(scanned.toLowerCase(), normalize(scanned));
    }),
  );
});

describe('kanji compounds in queries (added by quality4)', () => {
  it('says how many words the segmenter finds in a compound', () => {
    const unit = (q: string, w: string) => analyzeQuery(q).find((u) => u.word === w);
    assert.equal(unit('本番稼働中に冗長構成へ', '本番稼働中')?.parts, 2, '中 is a suffix');
    assert.equal(unit('本番稼働中に冗長構成へ', '冗長構成')?.parts, 2);
    assert.equal(unit('脆弱性の話', '脆弱性')?.parts, undefined, 'one word is one word');
  });
});

describe('okurigana in queries (added by quality4)', () => {
  it('takes a word that is a compound with its kana ending for that compound, once', () => {
    assert.deepEqual(words('先回りでノード退避'), ['先回', 'ノード', '退避']);
    assert.ok(analyze('先回りで').includes('先回り'), 'the index keeps both');
  });
});
