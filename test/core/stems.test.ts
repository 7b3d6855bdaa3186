/**
 * Inflected English query words find the base word the talks use: "attackers" finds a talk that
 * only says "attack", when the index holds the base and the base adds talks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildQuery } from '../../src/core/search.ts';
import { baseForms, otherInflections, swapSlips } from '../../src/core/stems.ts';
import { realBot, firstTitle } from '../helpers/bot.ts';

const bot = await realBot();

describe('base forms of English query words', () => {
  it('guesses the base of agent nouns and verb endings', () => {
    assert.ok(baseForms('attackers').includes('attack'));
    assert.ok(baseForms('maintainer').includes('maintain'));
    assert.ok(baseForms('deployed').includes('deploy'));
    assert.ok(baseForms('scaling').includes('scale'));
    assert.ok(baseForms('planned').includes('plan'));
    assert.ok(baseForms('copied').includes('copy'));
  });

  it('gives a four-letter plural its three-letter singular, which the analyzer does not', () => {
    assert.deepEqual(baseForms('pods'), ['pod']);
    assert.deepEqual(baseForms('apps'), ['app']);
    assert.deepEqual(baseForms('less'), []);
    assert.deepEqual(baseForms('plus'), []);
  });

  it('gives no base too short to stand for the word, and none for names or other scripts', () => {
    assert.ok(!baseForms('running').includes('run'), 'run would match far too much');
    assert.ok(!baseForms('user').includes('use'));
    assert.deepEqual(baseForms('gvisor'), []);
    assert.deepEqual(baseForms('Kubebuilder'), []);
    assert.deepEqual(baseForms('ハニーポット'), []);
  });

  it('searches a base only when the index holds it and it finds talks the typed word does not', () => {
    const concept = (known: string[], adds: boolean) =>
      buildQuery('attackers', (t) => known.includes(t), undefined, () => adds).concepts[0]!;
    assert.ok(concept(['attack', 'attacker'], true).terms.has('attack'));
    assert.ok(!concept(['attacker'], true).terms.has('attack'), 'the index does not hold attack');
    assert.ok(!concept(['attack', 'attacker'], false).terms.has('attack'), 'attack adds no talk');
  });

  it('answers a sentence whose agent noun the talk writes as the verb', () => {
    assert.equal(firstTitle(bot, 'honeypots to catch attackers in Kubernetes', 'en'), 'Keep Hackers out of your cluster with these 5 simple tricks');
  });

  it('answers a sentence whose short plural the talk writes in the singular (apps: app)', () => {
    assert.equal(firstTitle(bot, 'how the kernel handled a syscall when containerized apps called it', 'en'), 'Exploring Container Mechanisms Through the Story of a Syscall');
  });
});

describe('two neighbouring letters swapped (added by quality4)', () => {
  it('guesses the word a swap was typed for, not for English words or short ones', () => {
    assert.ok(swapSlips('keyclaok').includes('keycloak'));
    assert.deepEqual(swapSlips('cloud'), [], 'an English word was typed as meant');
    assert.deepEqual(swapSlips('ebfp'), [], 'too short');
  });

  it('searches the swapped word only for a word the index lacks', () => {
    const concept = (text: string, known: string[]) => buildQuery(text, (t) => known.includes(t)).concepts[0]!;
    assert.ok(concept('keyclaok', ['keycloak']).terms.has('keycloak'));
    assert.ok(!concept('keyclaok', ['keyclaok', 'keycloak']).terms.has('keycloak'), 'a word the index holds is searched as typed');
  });

  it('answers a query whose product name has two letters swapped', () => {
    assert.equal(firstTitle(bot, 'keyclaok financial grade api', 'en'), 'KeycloakでFAPIに対応した高セキュリティなAPIを公開する');
  });
});

describe('kanji suffixes (added by quality4)', () => {
  const words = (text: string, known: string[]) => buildQuery(text, (t) => known.includes(t)).concepts.map((c) => c.word);

  it('reads a compound the index lacks that ends in a suffix as its stem', () => {
    assert.deepEqual(words('入門的な解説', ['解説']), ['入門', '解説']);
    assert.deepEqual(words('本番稼働中の移行', ['移行']), ['本番稼働', '移行']);
    assert.deepEqual(words('初心者向けの講演', []), ['初心者', '向け']);
  });

  it('keeps a compound the index holds, and a stem of one kanji', () => {
    assert.deepEqual(words('可視化の話', ['可視化']), ['可視化']);
    assert.deepEqual(words('悪性', []), ['悪性'], '悪 alone is no stem');
  });

  it('answers a question whose only other words are a suffixed kind-of-talk word', () => {
    assert.equal(firstTitle(bot, 'Kyverno を入門的に解説してる講演', 'ja'), '明日から始められるKyvernoを用いたポリシー制御');
  });
});


describe('kanji bound to the word before them', () => {
  const words = (text: string) => buildQuery(text, () => false).concepts.map((c) => c.word);

  it('reads 間通信 after a katakana or Latin word as 通信: 間 belongs to the word before', () => {
    assert.deepEqual(words('ゾーン間通信のコスト'), ['ゾーン', '通信', 'コスト']);
    assert.deepEqual(words('AZ間転送量'), ['az', '転送量']);
    assert.deepEqual(words('クラウド型監視'), ['クラウド', '監視']);
  });

  it('keeps a compound that starts with such a kanji anywhere else', () => {
    assert.deepEqual(words('内部通信の監視'), ['内部通信', '監視']);
    assert.ok(words('その間通信が止まる').includes('間通信'), 'after kana there is no loanword for 間 to belong to');
  });

  it('answers a question about traffic between zones', () => {
    assert.equal(firstTitle(bot, 'ゾーン間通信のコストを下げた事例', 'ja'), 'Reducing Cross-Zone Egress at Spotify with Custom gRPC Load Balancing');
  });
});

describe('possessives (added by quality6)', () => {
  const words = (text: string, known: string[]) => buildQuery(text, (t) => known.includes(t)).concepts.map((c) => c.word);

  it("reads a possessive the index lacks as the name it is said of (google's: google)", () => {
    assert.deepEqual(words("Google's sandboxed runtime", ['google']), ['google', 'sandboxed', 'runtime']);
    assert.deepEqual(words('Booking.com’s cells', []), ['booking.com', 'cells']);
  });

  it('keeps a possessive the index holds, and contractions of stop words stay out', () => {
    assert.deepEqual(words("Spotify's backend", ["spotify's"]), ["spotify's", 'backend']);
    assert.deepEqual(words("what's new in gVisor", []), ['new', 'gvisor']);
  });

  it('answers a question about a company named in the possessive, within an event in words', () => {
    assert.equal(firstTitle(bot, "Google's keynote in Copenhagen", 'en'), 'Kubernetes Project Update');
  });
});

describe('other inflections of a verb (added by quality6)', () => {
  it('gives the -ing form of an -ed word and back, and none for a base, a noun or a name', () => {
    assert.ok(otherInflections('throttled').includes('throttling'));
    assert.ok(otherInflections('crashing').includes('crashed'));
    assert.ok(otherInflections('copied').includes('copying'));
    assert.deepEqual(otherInflections('reduce'), [], 'a base typed as such is a general verb');
    assert.deepEqual(otherInflections('containers'), []);
    assert.deepEqual(otherInflections('gvisor'), []);
  });

  it('searches the other inflection when the index holds it', () => {
    const concept = buildQuery('throttled', (t) => ['throttling'].includes(t)).concepts[0]!;
    assert.ok(concept.terms.has('throttling'));
  });

  it('answers a sentence whose verb the talk writes in another inflection (throttled: throttling)', () => {
    assert.equal(firstTitle(bot, 'my pods got throttled even though cpu usage looked low', 'en'), '73,000 Pods a Day, Lessons From Misadventures In Multi-Tenant');
  });
});

describe('katakana compounds of two known words (added by quality6)', () => {
  const words = (text: string, known: string[]) => buildQuery(text, (t) => known.includes(t)).concepts.map((c) => c.word);

  it('reads a katakana compound the index lacks as the two katakana words it holds', () => {
    assert.deepEqual(words('ベアメタルサーバーの管理', ['ベアメタル', 'サーバ', '管理']), ['ベアメタル', 'サーバ', '管理']);
  });

  it('keeps a compound the index holds, one whose parts it lacks, and never cuts a bigram off', () => {
    assert.deepEqual(words('ベアメタルサーバー', ['ベアメタルサーバ', 'ベアメタル', 'サーバ']), ['ベアメタルサーバ']);
    assert.deepEqual(words('ケイネイティブ', ['ネイティブ']), ['ケイネイティブ'], 'ケイ is no word the index holds');
    assert.deepEqual(words('サービスメッシュ', ['サー', 'ビスメッシュ']), ['サービスメッシュ'], 'two characters may be a bigram of another word');
  });

  it('answers a question with such a compound', () => {
    assert.equal(firstTitle(bot, 'ベアメタルサーバのクラスタ管理', 'ja'), 'Bare-Metal Chronicles');
  });
});
