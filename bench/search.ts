/**
 * Search benchmark: synthetic corpora of 1k, 10k and 100k talks shaped like the real one
 * (English titles, ~340-character Japanese and ~300-character English summaries), run through
 * our index and through MiniSearch with default options. Prints a table, then one JSON line.
 *
 *   npm run bench              all sizes
 *   npm run bench -- 1000 10000 only these sizes
 */
import MiniSearch from 'minisearch';
import { performance } from 'node:perf_hooks';
import { TalkIndex } from '../src/core/search.ts';
import type { EventInfo, Talk } from '../src/core/types.ts';

const PRODUCTS = ['gVisor', 'Falco', 'Kyverno', 'Crossplane', 'Istio', 'Envoy', 'etcd', 'Cilium', 'Prometheus', 'Argo CD',
  'Backstage', 'OpenTelemetry', 'Rook', 'Ceph', 'TiDB', 'Keycloak', 'Wasm', 'Rust', 'Kubebuilder', 'Karpenter', 'Helm',
  'Flux', 'Linkerd', 'Jaeger', 'Thanos', 'Vitess', 'Dapr', 'KEDA', 'Knative', 'Tekton'];
const EN_WORDS = ['security', 'scaling', 'multi-tenant', 'clusters', 'platform', 'engineering', 'observability', 'migration',
  'policy', 'runtime', 'sandbox', 'supply chain', 'cost', 'edge', 'operators', 'controllers', 'storage', 'networking',
  'service mesh', 'chaos', 'reliability', 'upgrade', 'GPU', 'batch', 'scheduling', 'debugging', 'incident', 'latency'];
const JA_PHRASES = ['セキュリティ', 'コンテナ', 'クラスタ', 'サンドボックス', '脆弱性', '可観測性', 'コスト削減', '移行',
  'ポリシー制御', 'マルチテナント', 'カオスエンジニアリング', 'プラットフォームエンジニアリング', '運用', '監視', '障害対応',
  '自動化', 'スケーラビリティ', 'サービスメッシュ', 'ストレージ', 'ネットワーク', '本番環境', '事例', '課題', '設計'];
const JA_GLUE = ['について紹介した。', 'を実現する方法を示した。', 'の課題と解決策が語られた。', 'を使った事例が共有された。',
  'により運用負荷が下がったという。', 'のデモが行われた。', 'を組み合わせた構成が説明された。'];
const EN_GLUE = ['was introduced.', 'was shown in a live demo.', 'cut operating costs.', 'was the main challenge.',
  'was compared with the alternatives.', 'helped the team scale.'];

/** A small deterministic PRNG, so every run measures the same corpus and queries. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpus(n: number): Talk[] {
  const r = rng(n);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const events: EventInfo[] = [2018, 2020, 2022, 2024].map((y) => ({
    id: `kubecon-${y}`, name: `KubeCon ${y}`, start: `${y}-05-01`, end: `${y}-05-03`, year: y,
  }));
  const talks: Talk[] = [];
  for (let i = 0; i < n; i++) {
    const product = pick(PRODUCTS);
    let ja = '';
    while (ja.length < 340) ja += `${pick([product, pick(PRODUCTS)])} の${pick(JA_PHRASES)}${pick(JA_GLUE)}`;
    let en = '';
    while (en.length < 300) en += `${pick([product, pick(PRODUCTS)])} ${pick(EN_WORDS)} ${pick(EN_GLUE)} `;
    const event = pick(events);
    talks.push({
      id: `${event.id}/talk-${i}`,
      title: `${product} ${pick(EN_WORDS)} at ${pick(['scale', 'Spotify', 'LEGO', 'Mercedes-Benz', 'ZOZO', 'Databricks'])} ${i}`,
      speakers: [`Speaker ${i % 997}`],
      tags: [pick(EN_WORDS), pick(JA_PHRASES)],
      summary: { ja, en },
      event,
      recap: { title: 'Synthetic recap', file: 'synthetic.md' },
      source: { file: 'synthetic.md', line: i },
    });
  }
  return talks;
}

const QUERIES = ['gvisor', 'falco', 'kyverno crossplane', 'service mesh', 'sandbox', 'セキュリティ', 'コンテナ 脆弱性',
  'カオスエンジニアリング', 'gVisorについて話してたセッションある?', 'what talks covered falco?', 'kuberntes', 'gvisr',
  'kyver', 'prometheus 監視', 'コスト削減の事例', 'multi-tenant clusters', 'wasm', 'Spotify', 'ポリシー制御', 'observability'];

interface Figures {
  buildMs: number;
  startupMs: number;
  p50Ms: number;
  p99Ms: number;
  heapMB: number;
}

function heapMB(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function measure(build: () => (q: string) => unknown, rounds: number): Figures {
  const before = heapMB();
  const t0 = performance.now();
  const search = build();
  const buildMs = performance.now() - t0;
  search(QUERIES[0]!);
  const startupMs = performance.now() - t0;
  const heap = heapMB() - before;
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const s = performance.now();
      search(q);
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  return { buildMs, startupMs, p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99), heapMB: heap };
}

function ours(talks: Talk[]): () => (q: string) => unknown {
  return () => {
    const index = new TalkIndex(talks);
    return (q) => index.search(q).slice(0, 5);
  };
}

function baseline(talks: Talk[]): () => (q: string) => unknown {
  return () => {
    const mini = new MiniSearch({ fields: ['title', 'speakers', 'tags', 'ja', 'en'] });
    mini.addAll(talks.map((t) => ({ id: t.id, title: t.title, speakers: t.speakers.join(' '), tags: t.tags.join(' '), ja: t.summary?.ja ?? '', en: t.summary?.en ?? '' })));
    return (q) => mini.search(q).slice(0, 5);
  };
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const all: Record<string, { ours: Figures; baseline: Figures; ratio: Record<keyof Figures, number> }> = {};
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
if (!globalThis.gc) console.log('(run with --expose-gc for steadier memory figures: npm run bench does)');
console.log('size     | index    | build ms | startup ms | p50 ms | p99 ms | heap MB');
for (const n of sizes.length ? sizes : [1_000, 10_000, 100_000]) {
  const talks = corpus(n);
  const rounds = n >= 100_000 ? 2 : 10;
  const b = measure(baseline(talks), rounds);
  const o = measure(ours(talks), rounds);
  const ratio = Object.fromEntries(Object.keys(o).map((k) => [k, o[k as keyof Figures] / b[k as keyof Figures]])) as Record<keyof Figures, number>;
  all[n] = { ours: o, baseline: b, ratio };
  for (const [name, f] of [['ours', o], ['default', b]] as const) {
    console.log(`${String(n).padEnd(8)} | ${name.padEnd(8)} | ${fmt(f.buildMs).padStart(8)} | ${fmt(f.startupMs).padStart(10)} | ${fmt(f.p50Ms).padStart(6)} | ${fmt(f.p99Ms).padStart(6)} | ${fmt(f.heapMB).padStart(7)}`);
  }
  console.log(`${''.padEnd(8)} | ratio    | ${fmt(ratio.buildMs).padStart(7)}x | ${fmt(ratio.startupMs).padStart(9)}x | ${fmt(ratio.p50Ms).padStart(5)}x | ${fmt(ratio.p99Ms).padStart(5)}x | ${fmt(ratio.heapMB).padStart(6)}x`);
}
console.log(JSON.stringify({ queries: QUERIES.length, sizes: all }));
