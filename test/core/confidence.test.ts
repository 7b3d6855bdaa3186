/**
 * Saying when nothing matches: a query whose distinctive words no talk has gets "no talk
 * matches", the words named, and at most three closest talks kept apart from the answers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decide, isSpecific, looksLikeName, termQuality, usedAsPredicate, usedAsSuffix, type WordTerms } from '../../src/core/confidence.ts';
import { isCommonJapanese, isCommonWord, isEnglishTypo, isWorkplaceWord } from '../../src/core/common-words.ts';
import { realBot, firstTitle } from '../helpers/bot.ts';

const bot = await realBot();

describe('confidence', () => {
  it('says no talk matches when only generic words do, naming the words no talk has', () => {
    const r = bot.handle({ text: 'Terraform Cloud の料金プラン', locale: 'en' });
    assert.equal(r.kind, 'message');
    if (r.kind !== 'message') return;
    assert.equal(r.notices[0]!.code, 'no_results');
    assert.match(r.notices[0]!.text, /No talk matches "Terraform Cloud の料金プラン"/);
    const words = r.notices.find((n) => n.code === 'unmatched_words');
    assert.ok(words && /terraform/.test(words.text) && /料金/.test(words.text), words?.text);
    assert.ok(!/cloud/.test(words.text), 'cloud is in many talks');
    assert.ok((r.related?.hits.length ?? 0) <= 3);
  });

  it('shows at most three closest talks under their own label when some words match', () => {
    const r = bot.handle({ text: 'argo cd', locale: 'en' });
    assert.ok(r.kind === 'message' && r.related);
    assert.ok(r.related.hits.length >= 1 && r.related.hits.length <= 3);
    assert.match(r.related.header, /Closest talks/);
    assert.ok(r.notices.some((n) => n.code === 'unmatched_words' && /argo/.test(n.text)));
  });

  it('says which words matched nothing above talks that match the rest', () => {
    const r = bot.handle({ text: 'falco threat detection jenkins', locale: 'en' });
    assert.equal(r.kind, 'results');
    if (r.kind !== 'results') return;
    assert.equal(r.hits[0]!.title, 'Detecting Threat in GitHub with Falco');
    assert.ok(r.notices.some((n) => n.code === 'partly_unmatched' && /jenkins/.test(n.text)));
  });

  it('counts only matching talks, not every talk sharing a word', () => {
    const r = bot.handle({ text: 'gvisor', locale: 'en', limit: 50 });
    assert.ok(r.kind === 'results' && r.page.total === 4);
    const broad = bot.handle({ text: 'gVisor のサンドボックス', locale: 'en', limit: 50 });
    assert.ok(broad.kind === 'results' && broad.page.total < 10, `${broad.kind === 'results' && broad.page.total}`);
  });

  it('weighs typo and prefix matches by how close they are', () => {
    assert.equal(termQuality('gvisor', 'gvisor'), 1);
    assert.ok(termQuality('gvisr', 'gvisor') >= 0.5);
    assert.ok(termQuality('kyver', 'kyverno') > 0.5);
    assert.ok(termQuality('clo', 'cloudnativecon') < termQuality('kyver', 'kyverno'));
    assert.equal(termQuality('argo', 'cargo'), 0);
    assert.equal(termQuality('knative', 'native'), 0, 'a typo in the first letter is not assumed');
  });

  it('tells names and terms from general words in a form the index lacks', () => {
    const has = (p: string) => ['reducing', 'reduction', 'security'].some((t) => t.startsWith(p));
    assert.ok(isSpecific('jenkins', has));
    assert.ok(isSpecific('料金', has));
    assert.ok(!isSpecific('reduce', has));
    assert.ok(!isSpecific('取る', has));
    assert.ok(!isSpecific('系', has));
    assert.ok(!isSpecific('1.30', has));
  });

  it('weighs everyday words as general in a sentence, but not among a few keywords', () => {
    const has = () => false;
    assert.ok(!isSpecific('hundreds', has, true));
    assert.ok(!isSpecific('mostly', has, true));
    assert.ok(isSpecific('hundreds', has, false));
    for (const name of ['terraform', 'backstage', 'helm', 'cobol', '料金']) assert.ok(isSpecific(name, has, true), name);
  });
});

/** A typed word found only as itself. */
const word = (w: string): WordTerms => ({ word: w, terms: new Set([w]), grams: [] });
const never = () => false;

describe('everyday words in a sentence', () => {
  it('does not let an everyday word a few talks happen to have outweigh the topic', () => {
    // "honeypots to catch attackers in kubernetes": the honeypot talk lacks "catch" and "even",
    // which one other talk each happens to say.
    const words = ['honeypot', 'catch', 'even', 'kubernetes'].map(word);
    const ranked = [
      { item: 'honeypot talk', terms: ['honeypot', 'kubernetes'] },
      { item: 'baseball talk', terms: ['catch'] },
      { item: 'other talk', terms: ['even'] },
      ...Array.from({ length: 25 }, (_, i) => ({ item: `k8s talk ${i}`, terms: ['kubernetes'] })),
    ];
    const d = decide(words, ranked, { total: 55, indexHasPrefix: never });
    assert.deepEqual(d.matches, ['honeypot talk']);
    assert.ok(d.best > 0.7, `${d.best}`);
  });

  it('still weighs an everyday word among a few keywords by how rare it is', () => {
    const ranked = [{ item: 'a', terms: ['honeypot'] }, { item: 'b', terms: ['catch'] }];
    const d = decide(['honeypot', 'catch'].map(word), ranked, { total: 55, indexHasPrefix: never });
    assert.ok(d.best < 0.6, `each of two typed words was chosen, so each weighs half: ${d.best}`);
  });

  it('reads inflected forms of everyday words as everyday words', () => {
    assert.ok(isCommonWord('explaining'));
    assert.ok(isCommonWord('stopped'));
    assert.ok(isCommonWord('hundreds'));
    assert.ok(!isCommonWord('throttled'), 'throttle is not an everyday word');
    assert.ok(!isCommonWord('helms'));
  });

  it('takes an everyday word typed as a name or abbreviation for that name (ARM, Spot)', () => {
    const words = ['airbnb', 'arm', 'kubelet', 'migration'].map(word);
    const ranked = [
      { item: 'arm talk', terms: ['airbnb', 'arm'] },
      { item: 'kubelet talk', terms: ['kubelet'] },
      { item: 'migration talk', terms: ['migration'] },
    ];
    const first = (text: string) => decide(words, ranked, { total: 55, indexHasPrefix: never, text }).matches[0];
    assert.equal(first('Airbnb moving kubelet to ARM, any migration story?'), 'arm talk');
    assert.equal(first('airbnb moving kubelet to arm, any migration story?'), undefined, 'arm, the everyday word, weighs little');
    assert.ok(isSpecific('spot', never, true, 'GKE Spot VM cost tips please'));
    assert.ok(!isSpecific('spot', never, true, 'Spot the difference between these tools'), 'a sentence starts with a capital');
  });

  it('takes a capitalised everyday word at the start of a Japanese query for a name (Windows)', () => {
    assert.ok(isSpecific('windows', never, true, 'Windows コンテナを Kubernetes で動かす話ってあった？'));
    const r = bot.handle({ text: 'Windows コンテナを Kubernetes で動かす話ってあった？', locale: 'en' });
    assert.equal(r.kind, 'message', 'no talk covers Windows containers');
    if (r.kind !== 'message') return;
    assert.ok(r.notices.some((n) => n.code === 'unmatched_words' && /windows/.test(n.text)));
  });

  it('reads a slip on an everyday word as that word, in a sentence', () => {
    assert.ok(isCommonWord('painfull', true));
    assert.ok(!isCommonWord('painfull'), 'only where slips are asked for');
    assert.ok(!isCommonWord('kubernetse', true));
    const words = ['mercedes-benz', 'psp', 'replaced', 'painfull', 'migration'].map(word);
    const ranked = [
      { item: 'psp talk', terms: ['mercedes-benz', 'psp'] },
      { item: 'painful talk', terms: ['painful'] },
      { item: 'migration talk', terms: ['migration'] },
    ];
    assert.equal(decide(words, ranked, { total: 55, indexHasPrefix: never }).matches[0], 'psp talk');
  });

  it('weighs an everyday Japanese word a few talks happen to have as a general word', () => {
    assert.ok(isCommonJapanese('会社'), 'company');
    assert.ok(!isCommonJapanese('遅延'), 'latency is no everyday English word');
    assert.ok(!isCommonJapanese('gvisor'));
    const words = ['会社', 'gke', 'spot', 'コスト'].map(word);
    const ranked = [
      { item: 'spot talk', terms: ['gke', 'spot'] },
      ...Array.from({ length: 3 }, (_, i) => ({ item: `company talk ${i}`, terms: ['会社'] })),
      ...Array.from({ length: 6 }, (_, i) => ({ item: `cost talk ${i}`, terms: ['コスト'] })),
    ];
    assert.equal(decide(words, ranked, { total: 55, indexHasPrefix: never }).matches[0], 'spot talk');
  });

  it('weighs a business word from the Sudachi table (社内, 職務) as everyday in a long sentence only', () => {
    assert.ok(isWorkplaceWord('社内') && isWorkplaceWord('職務') && isWorkplaceWord('人事異動'));
    assert.ok(!isWorkplaceWord('コスト削減') && !isWorkplaceWord('コスト低減'), 'cost reduction is a topic here');
    // The writer's workplace (社内, which four other talks have) must not outweigh the training the talk covers…
    const long = '社内のセキュリティ勉強会で、参加者それぞれにやられアプリのジュースショップをk8s上で配る仕組みを探してる';
    assert.equal(firstTitle(bot, long, 'ja'), 'Multijuicer - OSS tooling for running web app sec training on k8s');
    // …but in six words it narrows what is asked: no talk is about an in-house chatbot.
    const r = bot.handle({ text: '社内のチャットボットをLLMで作ってk8sに載せた話ってある？', locale: 'ja' });
    assert.ok(r.kind === 'message' && r.notices.some((n) => n.code === 'no_results'));
  });

  it('takes a Japanese word followed by a verb or adjective ending for a general word', () => {
    assert.ok(usedAsPredicate('悪化', 'CPU スロットリングでレイテンシが悪化した話'));
    assert.ok(usedAsPredicate('強化', 'セキュリティを強化する方法'));
    assert.ok(usedAsPredicate('面白', '面白かった話'));
    assert.ok(!usedAsPredicate('工場', 'LEGO の工場でのプラットフォーム'), 'a particle leaves it a noun');
    assert.ok(!usedAsPredicate('料金', 'Terraform Cloud の料金プラン'));
    assert.ok(!usedAsPredicate('料金', '料金から見る'), 'から is a particle');
    assert.ok(!usedAsPredicate('悪化', '悪化した話と悪化の原因'), 'once used as a noun, it may be the topic');
    assert.ok(!isSpecific('悪化', never, true, 'CPU スロットリングでレイテンシが悪化した話'));
    assert.ok(!isSpecific('充実', never, false, 'Wasm のサポートが充実してきた話'), 'the grammar says so in a short query too');
    assert.ok(isSpecific('充実', never, false, '充実'));
  });

  it('takes a katakana suffix after a kanji or Latin word (属性ベース, Webベース) for a general word', () => {
    assert.ok(usedAsSuffix('ベース', '属性ベースのアクセス制御'));
    assert.ok(usedAsSuffix('ベース', 'Webベースの管理画面'));
    assert.ok(!usedAsSuffix('ベース', 'ベースのイメージを更新'), 'standing alone it is a word');
    assert.ok(!usedAsSuffix('ベース', '属性ベースと、ベースの話'), 'once used alone, it may be the topic');
    assert.ok(!usedAsSuffix('イメージ', '属性イメージ'), 'only suffixes');
    assert.ok(usedAsSuffix('ベース', 'コンテナベースの隔離とgVisorベースのサンドボックス'), 'コンテナベース is another word');
    // -based says how the training is run; the talk never says ベース.
    assert.equal(firstTitle(bot, 'Webベースのやられアプリを参加者ごとに配ってセキュリティ研修する仕組み', 'ja'), 'Multijuicer - OSS tooling for running web app sec training on k8s');
  });

  it('takes words for the audience (初心者, beginners) for kind-of-talk words (added by quality4)', () => {
    assert.ok(!isSpecific('初心者', never, false));
    assert.ok(!isSpecific('beginners', never, false));
  });

  it('takes って and なら after a word of two characters for particles, not a verb ending (added by quality4)', () => {
    assert.ok(!usedAsPredicate('キベルノ', 'キベルノってそもそも何ができるの'));
    assert.ok(!usedAsPredicate('冗長構成', '冗長構成なら何を使う'));
    assert.ok(usedAsPredicate('使', '使って'), 'after a one-kanji stem it is a verb');
  });

  it('answers a sentence whose only unmatched word is such a verb', () => {
    const words = ['cpu', 'スロットリング', 'レイテンシ', '悪化'].map(word);
    const ranked = [
      { item: 'throttling talk', terms: ['cpu', 'スロットリング'] },
      { item: 'latency talk', terms: ['レイテンシ'] },
    ];
    const text = 'CPU スロットリングでレイテンシが悪化した話';
    assert.equal(decide(words, ranked, { total: 55, indexHasPrefix: never, text }).matches[0], 'throttling talk');
    assert.deepEqual(decide(words, ranked, { total: 55, indexHasPrefix: never, text: 'CPU スロットリング レイテンシ 悪化' }).matches, []);
  });
});

describe('misspelt words and names no talk has', () => {
  it('takes a slip of the fingers on an English word for that word, not for a name', () => {
    assert.ok(isEnglishTypo('pipline'), 'pipeline with a letter left out');
    assert.ok(isEnglishTypo('secrity'));
    assert.ok(!isEnglishTypo('pipeline'), 'a word is no typo');
    assert.ok(!isEnglishTypo('velero'), 'one changed letter (velcro) is not counted: names would read as words');
    assert.ok(!isEnglishTypo('flagger'));
  });

  it('weighs a misspelt word as general only where the writer capitalises names', () => {
    const sentence = 'how attackers abuse pull requests to compromise self-hosted runners in the CI pipline';
    assert.ok(!isSpecific('pipline', never, true, sentence));
    assert.ok(isSpecific('pipline', never, true, sentence.toLowerCase()), 'all lower case: it may be a name');
    assert.ok(isSpecific('pipline', never, true, sentence.replace('pipline', 'Pipline')), 'capitalised: a name');
    assert.ok(isSpecific('pipline', never, false, 'CI pipline'), 'among a few keywords each word was chosen');
  });

  it('tells a name from English words run together', () => {
    for (const name of ['knative', 'cert-manager', 'kubevirt', 'keptn']) assert.ok(looksLikeName(name), name);
    for (const word of ['datacenter', 'self-hosted', 'pipline', 'idle', '悪化']) assert.ok(!looksLikeName(word), word);
    for (const word of ['deprecated', 'orchestration', 'provisioning']) assert.ok(!looksLikeName(word), `${word}: an English ending`);
  });

  it('does not answer when the product asked about is in no talk, even if the rest is covered', () => {
    const ranked = [{ item: 'k8s update', terms: ['certificate', 'rotation'] }];
    const ask = (name: string) => decide([name, 'certificate', 'rotation'].map(word), ranked, { total: 55, indexHasPrefix: never });
    const d = ask('cert-manager');
    assert.deepEqual(d.matches, []);
    assert.deepEqual(d.unmatched, ['cert-manager']);
    assert.deepEqual(ask('datacenter').matches, ['k8s update'], 'an English word no talk has weighs as any rare word');
  });

  it('weighs a name no talk has as any rare word in a long sentence, where it is often context', () => {
    // "…a security team running an OWASP Juice Shop CTF for developers on Kubernetes?"
    const typed = ['multijuicer', 'juice', 'shop', 'owasp', 'ctf', 'training', 'developers', 'kubernetes'];
    const ranked = [
      { item: 'juice shop talk', terms: ['multijuicer', 'juice', 'training', 'developers', 'kubernetes'] },
      { item: 'shop talk', terms: ['shop'] },
    ];
    assert.deepEqual(decide(typed.map(word), ranked, { total: 55, indexHasPrefix: never }).matches, ['juice shop talk']);
  });
});

describe('long sentences and abbreviations', () => {
  // 「ARM のインスタンスに移したらビルドが壊れまくって大変だった。他社はどうやって乗り切ったんだろう」:
  // the ARM talk has the topic; 大変 and 他社 are the writer's situation, in no talk.
  const ranked = [
    { item: 'arm talk', terms: ['arm', 'インスタンス', 'ビルド'] },
    { item: 'other', terms: ['インスタンス'] },
  ];
  const filler = ['移', '壊', '乗り', '切'];

  it('does not let words no talk has veto a long sentence when they are no names', () => {
    const typed = ['arm', 'インスタンス', 'ビルド', '大変', '他社', ...filler];
    const d = decide(typed.map(word), ranked, { total: 55, indexHasPrefix: never });
    assert.equal(d.matches[0], 'arm talk');
    assert.deepEqual(d.unmatched, ['大変', '他社'], 'they are still named');
  });

  it('still lets them veto a shorter query, and a name a long one', () => {
    const short = decide(['arm', 'インスタンス', '大変', '他社'].map(word), ranked, { total: 55, indexHasPrefix: never });
    assert.deepEqual(short.matches, []);
    const names = ['arm', 'インスタンス', 'ビルド', 'graviton', 'ampere', ...filler];
    assert.deepEqual(decide(names.map(word), ranked, { total: 55, indexHasPrefix: never }).matches, [], 'graviton is a name');
    const katakana = ['arm', 'インスタンス', 'ビルド', 'グラビトン', 'アンペア', ...filler];
    assert.deepEqual(decide(katakana.map(word), ranked, { total: 55, indexHasPrefix: never }).matches, [], 'so may a katakana word be');
    const text = 'Is our ARM instance build with Consul and Helm slow to break today or whatever?';
    const capitalised = ['arm', 'instance', 'build', 'consul', 'helm', 'slow', 'break', 'today', 'whatever'];
    const rankedEn = [{ item: 'arm talk', terms: ['arm', 'instance', 'build'] }];
    assert.deepEqual(decide(capitalised.map(word), rankedEn, { total: 55, indexHasPrefix: never, text }).matches, [], 'Consul and Helm are typed as names');
  });

  it('counts the parts of a kanji compound in a sentence\'s length (added by quality4)', () => {
    // 「単一ノードのコントロールプレーンを本番稼働中に冗長構成へ移した事例ってある？」: seven units,
    // nine words; 本番稼働中 and 冗長構成 are the writer's situation, in no talk.
    const typed = ['単一', 'ノード', 'コントロールプレーン', '本番稼働中', '冗長構成', '事例', '移'];
    const parts: Record<string, number> = { 本番稼働中: 2, 冗長構成: 2 };
    const ranked = [
      { item: 'ha talk', terms: ['単一', 'ノード', 'コントロールプレーン'] },
      ...['a', 'b', 'c'].map((item) => ({ item, terms: ['ノード', 'コントロールプレーン'] })),
    ];
    const counted = typed.map((w) => ({ ...word(w), parts: parts[w] ?? 1 }));
    assert.equal(decide(counted, ranked, { total: 55, indexHasPrefix: never }).matches[0], 'ha talk');
    assert.deepEqual(decide(typed.map(word), ranked, { total: 55, indexHasPrefix: never }).matches, [], 'seven words are no long sentence');
  });

  it('finds an abbreviation typed in capitals between Japanese words, without spaces (added by quality4)', () => {
    const typed = ['volumesnapshot', '別', 'namespace', '参照', 'pvc', '作り'];
    const ranked = [{ item: 'snapshot talk', terms: ['volumesnapshot', '別', 'namespace', '参照'] }];
    const ask = (text: string) => decide(typed.map(word), ranked, { total: 55, indexHasPrefix: never, text }).matches;
    assert.deepEqual(ask('VolumeSnapshotを別のnamespaceから参照してPVC作りたい'), ['snapshot talk'], 'PVC is an abbreviation, not a product name');
    assert.deepEqual(ask('VolumeSnapshotを別のnamespaceから参照してpvc作りたい'), [], 'in lower case it may be a name');
  });

  it('reads LB as load balancing', () => {
    assert.equal(firstTitle(bot, '自前の LB で AZ 間の通信を減らした話', 'ja'), 'Reducing Cross-Zone Egress at Spotify with Custom gRPC Load Balancing');
  });

  it('weighs an abbreviation in capitals no talk has as a rare word, not as a product name', () => {
    // 「別の namespace の VolumeSnapshot から PVC 作れないの困ってる」
    const typed = ['別', 'namespace', 'volumesnapshot', 'pvc', '作', '困'];
    const talks = [{ item: 'snapshot talk', terms: ['別', 'namespace', 'volumesnapshot'] }];
    const ask = (text: string) => decide(typed.map(word), talks, { total: 55, indexHasPrefix: never, text }).matches;
    assert.deepEqual(ask('別の namespace の VolumeSnapshot から PVC 作れないの困ってる'), ['snapshot talk']);
    assert.deepEqual(ask('別の namespace の VolumeSnapshot から pvc 作れないの困ってる'), [], 'in lower case it may be a name');
  });
});

describe('names in katakana', () => {
  it('takes the dotted parts of a katakana name as one name', async () => {
    const { katakanaNames } = await import('../../src/core/confidence.ts');
    assert.deepEqual(katakanaNames('リカルド・カッツの話'), [['リカルド', 'カッツ']]);
    assert.deepEqual(katakanaNames('セキュリティ'), []);
  });
});

describe('rare words meeting in one talk', () => {
  // 「…スナップショットからボリュームをネームスペース越しに復元する提案の…」: three words only one
  // talk has, all in the same talk; the talk says "create" and "proposal", not 復元 or 提案.
  const ranked = [
    { item: 'snapshot talk', terms: ['スナップショット', 'ボリューム', 'ネームスペース'] },
    { item: 'other', terms: ['提案'] },
  ];

  it('answers with the talk that holds three rare words, though they are under half the weight', () => {
    const d = decide(['スナップショット', 'ボリューム', 'ネームスペース', '提案', '復元', '移送'].map(word), ranked, { total: 55, indexHasPrefix: never });
    assert.ok(d.best >= 0.4 && d.best < 0.5, `${d.best}`);
    assert.deepEqual(d.matches, ['snapshot talk']);
    assert.deepEqual(d.unmatched, ['復元', '移送']);
  });

  it('does not for two rare words, nor for three common ones', () => {
    const two = decide(['スナップショット', 'ボリューム', '提案', '復元'].map(word), ranked, { total: 55, indexHasPrefix: never });
    assert.ok(two.best >= 0.4 && two.best < 0.5, `${two.best}`);
    assert.deepEqual(two.matches, []);
    const shared = Array.from({ length: 5 }, (_, i) => ({ item: `t${i}`, terms: ['スナップショット', 'ボリューム', 'ネームスペース'] }));
    const common = decide(['スナップショット', 'ボリューム', 'ネームスペース', '提案', '復元'].map(word), [...ranked, ...shared], { total: 55, indexHasPrefix: never });
    assert.ok(common.best >= 0.4 && common.best < 0.5, `${common.best}`);
    assert.deepEqual(common.matches, [], 'six talks share them: 11% of the talks');
  });
});

describe('ranked in any order', () => {
  it('answers as in rank order when told how to put items best first', () => {
    const vocabulary = ['gvisor', 'sandbox', 'kubernetes', 'catch', 'honeypot'];
    const row = fc.record({ score: fc.integer({ min: 0, max: 6 }), terms: fc.subarray(vocabulary, { minLength: 1 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.subarray(vocabulary, { minLength: 1 }), fc.nat(), (rows, typed, seed) => {
        const items = rows.map((r, id) => ({ ...r, id }));
        const best = (xs: typeof items) => xs.sort((a, b) => b.score - a.score || a.id - b.id);
        const inRankOrder = best([...items]).map((x) => ({ item: x, terms: x.terms }));
        // The same items in another order: a rotation and a reversal.
        const k = seed % items.length;
        const shuffled = [...items.slice(k), ...items.slice(0, k)].reverse().map((x) => ({ item: x, terms: x.terms }));
        const opts = { total: 200, indexHasPrefix: never };
        const expected = decide(typed.map(word), inRankOrder, opts);
        const got = decide(typed.map(word), shuffled, { ...opts, bestFirst: best });
        assert.deepEqual(got.matches.map((x) => x.id), expected.matches.map((x) => x.id));
        assert.deepEqual(got.related.map((x) => x.id), expected.related.map((x) => x.id));
        assert.deepEqual([got.unmatched, got.best], [expected.unmatched, expected.best]);
      }),
      { numRuns: 300 },
    );
  });
});
