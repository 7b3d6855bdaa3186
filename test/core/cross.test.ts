/**
 * Search across scripts and vocabularies: katakana names against Latin spellings, abbreviations
 * against long forms, and Japanese queries over talks that have only an English text (as talks
 * imported from a schedule do: an `abstract`, no summary). The English-only talks below are made up for the test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Acronyms } from '../../src/core/acronyms.ts';
import { analyzeQuery } from '../../src/core/analyzer.ts';
import { CrossExpander, english } from '../../src/core/cross.ts';
import { TABLE } from '../../src/core/lexicon/ja-en.ts';
import { buildQuery, TalkIndex } from '../../src/core/search.ts';
import { Transliterator } from '../../src/core/translit.ts';
import type { Talk } from '../../src/core/types.ts';

const EVENT = { id: 'test-con-2030', name: 'TestCon 2030', start: '2030-01-01', end: '2030-01-02', year: 2030 };

function talk(id: string, title: string, abstract: string, speakers: string[] = []): Talk {
  return {
    id,
    title,
    speakers,
    tags: [],
    // As imported from a schedule: the official English abstract, no recap summary.
    abstract,
    event: EVENT,
    recap: { title: 'schedule', file: 'test' },
    source: { file: 'test', line: 1 },
  };
}

const TALKS: Talk[] = [
  talk('tail', 'Smarter Traces for Less Money with the OpenTelemetry Collector',
    'Keeping every trace is expensive. We show how tail sampling in the collector keeps slow and failed requests while dropping the rest, and what it costs to run.',
    ['Avery Stone (Honeycomb)']),
  talk('cert', 'cert-manager in Practice',
    'TLS certificates expire. This session shows how cert-manager issues certificates and renews them automatically before they expire, across hundreds of clusters.',
    ['Priya Natarajan (Jetstack)']),
  talk('opencost', 'OpenCost: Where Did the Money Go?',
    'OpenCost allocates Kubernetes cost to namespaces and teams. We walk through cost visualization dashboards and alerts on spending.',
    ['Marco Bellini (Kubecost)']),
  talk('thanos', 'Scaling Prometheus with Thanos',
    'Long-term storage for Prometheus metrics with Thanos, compaction and downsampling.'),
  talk('backstage', 'Golden Paths in Backstage',
    'An internal developer platform built on Backstage templates and plugins.'),
  talk('hpa', 'Autoscaling Done Right',
    'Tuning the Horizontal Pod Autoscaler for bursty traffic, and when KEDA is the better fit.'),
  talk('psp', 'Life After PodSecurityPolicy',
    'Moving dozens of clusters to Pod Security Admission and Kyverno policies.'),
  talk('latency', 'Cutting p99 in the Mesh',
    'Where the tail latency of an Envoy-based service mesh comes from, and how we halved it.'),
  talk('ambient', 'A Service Mesh Without Sidecars',
    'Ambient mode moves the service mesh data plane out of the pods: what changes for operators.'),
  talk('secrets', 'Rotating Credentials Without Downtime',
    'Rotating database passwords and API keys with External Secrets Operator and Vault, without restarting pods.'),
];

const index = new TalkIndex(TALKS);
const top = (q: string) => index.search(q).map((m) => m.talk.id);

describe('Japanese queries over talks with only an English text', () => {
  it('finds a talk through katakana loanwords split into the index English words', () => {
    assert.equal(top('テールサンプリング')[0], 'tail');
    assert.equal(top('OpenTelemetryのテールサンプリングの話ある?')[0], 'tail');
  });

  it('finds a talk through Japanese words the dictionary table gives in English', () => {
    assert.equal(top('証明書の自動更新')[0], 'cert');
    assert.equal(top('コスト可視化')[0], 'opencost');
    assert.equal(top('サービスメッシュの遅延')[0], 'latency');
    assert.equal(top('秘密情報のローテーション')[0], 'secrets');
  });

  it('finds product and speaker names written in katakana', () => {
    assert.equal(top('プロメテウス')[0], 'thanos');
    assert.equal(top('バックステージ')[0], 'backstage');
    assert.equal(top('マルコ・ベッリーニ')[0], 'opencost');
  });

  it('finds long forms from abbreviations and abbreviations from long forms', () => {
    assert.equal(top('HPA')[0], 'hpa');
    assert.equal(top('PSP')[0], 'psp');
    assert.equal(top('pod security policy')[0], 'psp');
  });

  it('finds nothing for a katakana word no talk is close to', () => {
    assert.deepEqual(top('ブロックチェーン'), []);
  });
});

describe('transliteration', () => {
  const tr = new Transliterator(['google', 'github', 'gogh', 'databricks', 'data', 'bricks', 'mercedes', 'server', 'job', 'サーバ', 'セキュリティ', 'security']);

  it('maps katakana names to the Latin terms the index holds, and back', () => {
    assert.deepEqual(tr.latinFor('グーグル'), ['google']);
    assert.deepEqual(tr.latinFor('データブリックス'), ['databricks']);
    assert.deepEqual(tr.latinFor('メルセデス'), ['mercedes']);
    assert.deepEqual(tr.latinFor('サーバー'), ['server']);
    assert.deepEqual(tr.katakanaFor('security'), ['セキュリティ']);
  });

  it('searches every close reading but counts only the closest as finding the word', () => {
    const names = new Transliterator(['don', 'dawn', 'chen']);
    assert.deepEqual(names.latinReading('ドーン'), { terms: ['don', 'dawn'], best: ['don'], loose: false });
  });

  it('marks a reading that differs by all that is allowed as loose: a name the index lacks', () => {
    const lacking = new Transliterator(['keyclock', 'keycloak']);
    assert.deepEqual(lacking.latinReading('コックローチ'), { terms: ['keyclock'], best: ['keyclock'], loose: true });
    assert.equal(new Transliterator(['cockroach', 'keyclock']).latinReading('コックローチ').loose, false);
    assert.equal(lacking.latinReading('キークローク').loose, false);
  });

  it('searches a loose reading but does not count it as finding the word', () => {
    const terms = ['keyclock', 'keycloak', 'db'];
    const expander = new CrossExpander(() => terms, () => []);
    const [cockroach] = expander.expand(analyzeQuery('コックローチ'), (t) => terms.includes(t));
    assert.deepEqual(cockroach, { terms: ['keyclock'], cover: [], near: [] });
    const [keycloak] = expander.expand(analyzeQuery('キークローク'), (t) => terms.includes(t));
    assert.deepEqual(keycloak!.cover, ['keyclock']);
  });

  it('reads a katakana compound as two or three index words', () => {
    const words = new Transliterator(['open', 'policy', 'agent', 'tail', 'sampling', 'sun', 'pairing']);
    assert.deepEqual(words.latinFor('オープンポリシーエージェント'), ['open', 'policy', 'agent']);
    assert.deepEqual(words.latinFor('テールサンプリング'), ['tail', 'sampling']);
  });

  it('does not map a katakana word to unrelated Latin words', () => {
    assert.deepEqual(tr.latinFor('ブロックチェーン'), []);
    assert.deepEqual(tr.latinFor('ジョブ').includes('server'), false);
  });
});

describe('abbreviations', () => {
  const ac = new Acronyms([
    'We moved off PodSecurityPolicy.',
    'Policies are written in the Common Expression Language (CEL).',
    'Tuning the Horizontal Pod Autoscaler.',
  ]);

  it('derives abbreviations from camelCase names, definitions and Title Case phrases', () => {
    assert.ok(ac.expand('psp', false).includes('podsecuritypolicy'));
    assert.ok(ac.expand('cel', true).includes('common expression language'));
    assert.ok(ac.expand('hpa', false).includes('horizontal pod autoscaler'));
    assert.ok(ac.abbreviate(['podsecuritypolicy']).includes('psp'));
  });

  it('keeps curated jargon that no spelling reveals', () => {
    assert.ok(ac.expand('k8s', true).includes('kubernetes'));
    assert.ok(ac.expand('otel', true).includes('opentelemetry'));
  });
});

describe('expansion and coverage', () => {
  it('credits each expansion to the typed word it came from', () => {
    const known = (t: string) => ['databricks', 'spotify', 'podsecuritypolicy'].includes(t);
    const { concepts } = buildQuery('データブリックス PSP', known, (units) =>
      units.map((u) => (u.word === 'データブリックス' ? { terms: ['databricks'], cover: ['databricks'], near: [] } : { terms: ['podsecuritypolicy'], cover: ['podsecuritypolicy'], near: [] })),
    );
    assert.deepEqual(concepts.map((c) => [c.word, c.terms.has('databricks'), c.terms.has('podsecuritypolicy')]), [
      ['データブリックス', true, false],
      ['psp', false, true],
    ]);
  });
});

describe('saved tables', () => {
  it('expands the same from the tables of an earlier expander, without reading terms or texts again', () => {
    const index = new TalkIndex(TALKS);
    const terms = index.vocabulary.saved().words.split('\n').concat(['open', 'policy', 'agent', 'tail', 'sampling', 'databricks']);
    const texts = TALKS.map((t) => `${t.title} ${t.abstract}`);
    const learned = new CrossExpander(() => terms, () => texts);
    const known = (t: string) => terms.includes(t);
    const units = analyzeQuery('データブリックス テールサンプリング オープンポリシーエージェント PSP OTel horizontal pod autoscaler');
    const before = learned.expand(units, known);
    const unreadable = () => {
      throw new Error('read again');
    };
    const restored = new CrossExpander(unreadable, unreadable, JSON.parse(JSON.stringify(learned.tables())));
    assert.deepEqual(restored.expand(units, known), before);
    assert.ok(before.some((r) => r.terms.length > 0), 'the query expands at all');
  });
});

describe('what stands for a typed word', () => {
  it('does not read a short katakana name as two common words', () => {
    const tr = new Transliterator(['mirror', 'carry', 'more', 'call', 'tail', 'sampling']);
    assert.deepEqual(tr.latinReading('メルカリ').terms, [], 'メル + カリ is not mirror + carry');
    assert.deepEqual(tr.latinReading('テールサンプリング').best, ['tail', 'sampling'], 'a long compound still splits');
  });

  it('does not let a word most talks have stand for an abbreviation', () => {
    const terms = ['aks', 'azure', 'kubernetes', 'service', 'azurekubernetesservice'];
    const cross = new CrossExpander(() => terms, () => []);
    const [aks] = cross.expand(analyzeQuery('AKS'), (t) => terms.includes(t), (t) => t === 'kubernetes');
    assert.ok(aks!.terms.includes('kubernetes'), 'kubernetes is still searched');
    assert.ok(!aks!.cover.includes('kubernetes'), 'but finding it does not count as finding AKS');
    assert.ok(!aks!.cover.includes('service') && !aks!.cover.includes('azure'), 'nor does any other word of a long form no talk writes');
    assert.deepEqual(aks!.cover, ['azurekubernetesservice'], 'only the long form written whole');
    assert.deepEqual(aks!.near, [], 'nor as a less sure reading of it');
  });

  it('lets a long form the talks write stand for its abbreviation through its words', () => {
    const terms = ['aks', 'azure', 'kubernetes', 'service'];
    const cross = new CrossExpander(() => terms, () => ['Running Windows nodes on Azure Kubernetes Service']);
    const [aks] = cross.expand(analyzeQuery('AKS'), (t) => terms.includes(t), (t) => t === 'kubernetes');
    assert.deepEqual(aks!.cover, ['service']);
  });

  it('reads no katakana word into an abbreviation typed in capitals', () => {
    const terms = ['ケース', 'case'];
    const cross = new CrossExpander(() => terms, () => []);
    const known = (t: string) => terms.includes(t);
    const [typed] = cross.expand(analyzeQuery('AKS'), known, () => false, new Set(['aks']));
    assert.deepEqual(typed!.terms, [], 'AKS is spelt out, not read as ケース');
    const [lower] = cross.expand(analyzeQuery('kees'), known);
    assert.ok(lower!.terms.includes('ケース'), 'a word in lower case is still read in katakana');
  });

  it('does not answer an abbreviation through the words of a long form no talk writes', () => {
    const crossplane = talk('crossplane', 'Cloud governance with Crossplane', 'Crossplane orchestrates managed services on AWS, GCP and Azure from Kubernetes.');
    const withCrossplane = new TalkIndex([...TALKS, crossplane]);
    assert.deepEqual(withCrossplane.find('AKS').matches, []);
    const aks = talk('aks', 'Windows Nodes on Azure Kubernetes Service', 'Running Windows containers in production.');
    assert.equal(new TalkIndex([...TALKS, crossplane, aks]).find('AKS').matches[0]?.talk.id, 'aks', 'a talk writing the long form answers');
  });

  // Rules added by quality4, each checked failing with the rule reverted.
  it('reads an abbreviation spelt out letter by letter as its letters', () => {
    const terms = ['gke', 'eks', 'gate'];
    const cross = new CrossExpander(() => terms, () => []);
    const [gke] = cross.expand(analyzeQuery('ジーケーイー'), (t) => terms.includes(t));
    assert.deepEqual(gke!.cover, ['gke']);
    const [aks] = cross.expand(analyzeQuery('エーケーエス'), (t) => terms.includes(t));
    assert.deepEqual(aks!.cover, [], 'letters no talk has find nothing');
  });

  it('reads a name that starts with a letter said aloud as that letter and the word', () => {
    const tr = new Transliterator(['gvisor', 'native', 'visor']);
    assert.deepEqual(tr.latinReading('ジーバイザー').best, ['gvisor']);
    assert.deepEqual(tr.latinReading('ケイネイティブ').terms, [], 'k + native is no native');
  });

  it('reads a name that ends with letters said aloud as the word and those letters (added by quality6)', () => {
    const tr = new Transliterator(['etcd', 'kubectl', 'etc', 'cd']);
    assert.deepEqual(tr.latinReading('エトシーディー').best, ['etcd']);
    assert.deepEqual(tr.latinReading('キューブシーティーエル').best, ['kubectl']);
    assert.deepEqual(tr.latinReading('エトセトラ').best, [], 'no letters at the end: no such reading');
  });

  it('reads a domain name said aloud, with ドット for the dot, as its words', () => {
    const tr = new Transliterator(['booking', 'com', 'net', 'cooking']);
    assert.deepEqual(tr.latinReading('ブッキングドットコム').best, ['booking', 'com']);
    assert.deepEqual(tr.latinReading('ポルカドット').terms, [], 'a word that only ends in dot is not split');
  });

  it('reads a long vowel as an English r after a vowel, and gh before a vowel as g and h', () => {
    const tr = new Transliterator(['arm', 'longhorn', 'node']);
    assert.deepEqual(tr.latinReading('アーム').best, ['arm']);
    assert.deepEqual(tr.latinReading('ロングホーン').best, ['longhorn']);
    assert.deepEqual(tr.latinReading('ノード').best, ['node'], 'a long vowel may stand for nothing');
  });

  it('does not drop the first vowel of a Latin word, nor add one', () => {
    const tr = new Transliterator(['overlay', 'yuan']);
    assert.deepEqual(tr.latinReading('ベレロ').terms, [], 'ベレロ is no overlay');
    assert.deepEqual(tr.latinReading('ユアン').best, ['yuan']);
    assert.deepEqual(new Transliterator(['cases']).latinReading('アクセス').terms, [], 'アクセス is no cases');
  });

  it('reads cc before e or i as k and s', () => {
    assert.deepEqual(new Transliterator(['access', 'token']).latinReading('アクセストークン').best, ['access', 'token']);
  });

  it('reads ci before a vowel as sh, as ti (added by quality6)', () => {
    const tr = new Transliterator(['financial', 'times', 'special', 'cases']);
    assert.deepEqual(tr.latinReading('フィナンシャル').best, ['financial']);
    assert.deepEqual(tr.latinReading('スペシャル').best, ['special']);
    assert.deepEqual(tr.latinReading('フィナンシャルタイムズ').best, ['financial', 'times'], 'a compound without the dot');
  });

  it('reads ン before a kana of the n or m row as the doubled letter (added by quality6)', () => {
    const tr = new Transliterator(['runner', 'channel', 'hammer', 'self', 'host']);
    assert.deepEqual(tr.latinReading('ランナー').best, ['runner']);
    assert.deepEqual(tr.latinReading('チャンネル').best, ['channel']);
    assert.deepEqual(tr.latinReading('ハンマー').best, ['hammer']);
    assert.deepEqual(tr.latinReading('セルフホストランナー').best, ['self', 'host', 'runner'], 'as a part of a compound');
  });

  it('reads katakana parts that make one English word together as that word, not as the parts', () => {
    const tr = new Transliterator(['back', 'stage', 'tail', 'sampling']);
    assert.deepEqual(tr.latinReading('バックステージ').terms, [], 'バックステージ is backstage, not back + stage');
    assert.deepEqual(tr.latinReading('テールサンプリング').best, ['tail', 'sampling']);
  });

  it('finds a katakana word by its bigrams only with its start', () => {
    const native = talk('native', 'クラウドネイティブな基盤', 'Building a cloud platform.');
    const server = talk('server', 'サーバーレスアーキテクチャ入門', 'Functions without servers.');
    const index = new TalkIndex([...TALKS, native, server]);
    assert.deepEqual(index.find('ケイネイティブ').matches, [], 'a name no talk has is not クラウドネイティブ');
    assert.equal(index.find('サーバレスアーキテクチャ').matches[0]?.talk.id, 'server', 'a spelling variant still is');
  });

  it('weighs a katakana word no reading finds as a name in a short query, as a Latin name', () => {
    const functions = talk('functions', 'サーバーレス 関数の運用', 'Running functions on a serverless platform.');
    const index = new TalkIndex([...TALKS, functions]);
    assert.equal(index.find('サーバーレス 関数').matches[0]?.talk.id, 'functions');
    assert.deepEqual(index.find('ケイネイティブのサーバーレス関数').matches, [], 'the product asked about is in no talk');
  });
});


describe('the ja-en table', () => {
  it('finds every Japanese form it holds, with its English forms, and nothing for forms it lacks', () => {
    const lines = TABLE.split('\n');
    for (const line of lines) {
      const [form, forms] = line.split('\t') as [string, string];
      assert.deepEqual(english(form), forms.split('|'), form);
    }
    const held = new Set(lines.map((line) => line.split('\t')[0]));
    // Before the first form, after the last, between neighbours, a prefix of a form, the empty word.
    for (const word of ['', '0', '\uffff', 'クラウド', 'コンテナ基盤の', '監視ツールです', `${[...held][0]}x`]) {
      if (!held.has(word)) assert.deepEqual(english(word), [], word);
    }
  });
});
