/**
 * Generated corpora shaped like the real one, for the benchmark and the reload tests: the real
 * talks cloned with unique titles and speakers and words drawn from a Zipf vocabulary of about
 * 40,000 made-up terms (Latin, katakana and kanji), plus schedule-style talks whose text is an
 * English abstract only, in schedule files (`*.schedule.md`) as the importer writes them. Deterministic: the same size gives the same
 * corpus and queries. Written as Markdown corpus files to a folder the caller chooses.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCases } from '../test/relevance/cases.ts';
import { loadCorpus } from '../src/core/corpus/load.ts';
import type { Talk } from '../src/core/types.ts';

export const REAL_CORPUS = path.join(import.meta.dirname, '..', 'corpus');
const TALKS_PER_FILE = 250;
/** Share of talks that look like a conference schedule entry (English abstract only). */
export const SCHEDULE_SHARE = 0.3;

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONSONANTS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'ch', 'sh', 'tr', 'st'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];
const KANA = [...'カキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロガギグゲゴザジズゼゾダデドバビブベボパピプペポ'];
const KANJI = [...'運用監視構成設計開発基盤環境移行自動化管理分散処理検証障害対応性能負荷計測認証権限制御暗号鍵証明書通信経路網層域値化型式器具機能要件課題解決導入事例実装評価改善効率安定拡張冗長復旧可用継続配信統合試験品質保守更新変更記録解析収集集約保存領域容量資源割当予約優先順位調整最適'];

/** A pseudo-word for number `n`: distinct numbers give distinct words. */
function encode(n: number, alphabet: readonly string[], minLength: number): string {
  let out = '';
  let v = n;
  do {
    out += alphabet[v % alphabet.length];
    v = Math.floor(v / alphabet.length);
  } while (v > 0 || out.length < minLength);
  return out;
}

const SYLLABLES = CONSONANTS.flatMap((c) => VOWELS.map((v) => c + v));

/** Zipf sampler over `n` ranks with exponent `s`. */
function zipf(n: number, s: number, r: () => number): () => number {
  const cum = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cum[i] = sum += 1 / Math.pow(i + 1, s);
  return () => {
    const x = r() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface Vocab {
  latin: string[];
  japanese: string[];
}

/** About 40,000 made-up terms: 24,000 Latin words, 10,000 katakana words, 6,000 kanji compounds. */
export function vocabulary(): Vocab {
  const latin = Array.from({ length: 24_000 }, (_, i) => encode(i * 7919 + 131, SYLLABLES, 2));
  const kata = Array.from({ length: 10_000 }, (_, i) => encode(i * 104_729 + 17, KANA, 3));
  const kanji = Array.from({ length: 6_000 }, (_, i) => encode(i * 4099 + 7, KANJI, 2));
  const japanese: string[] = [];
  for (let i = 0; i < 16_000; i++) japanese.push(i % 8 < 5 ? kata[(i * 5) % kata.length]! : kanji[i % kanji.length]!);
  return { latin, japanese: [...new Set(japanese)] };
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export interface Generated {
  files: Array<{ name: string; text: string }>;
  talks: number;
}

/** `n` talks as corpus files, built from the real corpus's talks. */
export async function generateCorpus(n: number): Promise<Generated> {
  const real = (await loadCorpus(REAL_CORPUS)).talks;
  const r = rng(n);
  const vocab = vocabulary();
  const lat = zipf(vocab.latin.length, 1.05, r);
  const jap = zipf(vocab.japanese.length, 1.05, r);
  const L = () => vocab.latin[lat()]!;
  const J = () => vocab.japanese[jap()]!;
  const recapBlocks: string[] = [];
  const scheduleBlocks: string[] = [];
  for (let i = 0; i < n; i++) {
    const t: Talk = real[i % real.length]!;
    const ja = t.summary?.ja ?? '';
    const en = t.summary?.en ?? t.abstract ?? '';
    const unique = cap(encode(i, SYLLABLES, 3));
    const speaker = `${cap(encode(i * 31 + 5, SYLLABLES, 2))} ${cap(encode(i, SYLLABLES, 3))}`;
    if (r() < SCHEDULE_SHARE) {
      const firstSentences = en.split('. ').slice(0, 2).join('. ');
      scheduleBlocks.push(
        [
          `## ${unique} ${cap(L())} ${L()} with ${cap(L())}`,
          '',
          `- id: @EVENT@/session-${i}`,
          `- uid: gen-${i}@bench`,
          `- speakers: ${speaker}`,
          `- tags: ${L()}, ${L()}`,
          '',
          '### abstract',
          '',
          `${firstSentences}. This session covers ${L()}, ${L()} and ${L()} for ${L()} teams. We show how ${L()} ${L()} works with ${cap(L())} and ${cap(L())}, and what ${L()} taught us about ${L()}.`,
          '',
        ].join('\n'),
      );
    } else {
      recapBlocks.push(
        [
          `## ${unique} ${cap(L())} ${L()}: ${t.title}`,
          '',
          `- speakers: ${speaker}`,
          `- tags: ${[...t.tags.slice(0, 4), L(), J()].join(', ')}`,
          '',
          '### ja',
          '',
          `${ja}また、${J()}、${J()}、${J()} や ${L()} についても触れた。${J()} と ${J()} の${J()}も紹介された。`,
          '',
          '### en',
          '',
          `${en} It also covered ${L()}, ${L()}, ${L()} and ${L()}. ${cap(L())} and ${L()} were compared.`,
          '',
        ].join('\n'),
      );
    }
  }
  const files: Generated['files'] = [];
  const chunk = (blocks: string[], kind: 'recap' | 'schedule') => {
    for (let f = 0; f * TALKS_PER_FILE < blocks.length; f++) {
      const year = 2016 + (f % 10);
      const event = `gen-${kind}-${year}-${f}`;
      const front = ['---', `event: ${event}`, `event_name: Generated ${kind} ${year} #${f}`, 'city: Tokyo', `dates: ${year}-05-01..${year}-05-03`];
      if (kind === 'recap') front.push(`recap_title: Generated recap ${f}`);
      const body = blocks.slice(f * TALKS_PER_FILE, (f + 1) * TALKS_PER_FILE);
      files.push({ name: kind === 'recap' ? `${event}.md` : `${event}.schedule.md`, text: [...front, '---', '', ...body].join('\n').replaceAll('@EVENT@', event) });
    }
  };
  chunk(recapBlocks, 'recap');
  chunk(scheduleBlocks, 'schedule');
  return { files, talks: n };
}

export async function writeCorpus(dir: string, n: number): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const { files } = await generateCorpus(n);
  for (const f of files) writeFileSync(path.join(dir, f.name), f.text);
  return files.length;
}

/**
 * `count` queries a user might send: the relevance suite's real queries, common and rare
 * vocabulary words (Latin and Japanese), pairs, typos (the fuzzy path) and unknown words (no
 * result, so "did you mean" runs).
 */
export function queries(count: number, seed = 7): string[] {
  const r = rng(seed);
  const vocab = vocabulary();
  const lat = zipf(vocab.latin.length, 1.05, r);
  const jap = zipf(vocab.japanese.length, 1.05, r);
  const L = () => vocab.latin[lat()]!;
  const J = () => vocab.japanese[jap()]!;
  const real = loadCases().map((c) => c.query);
  const typo = (w: string) => {
    if (w.length < 5) return `${w}x`;
    const i = 1 + Math.floor(r() * (w.length - 2));
    return r() < 0.5 ? w.slice(0, i) + w.slice(i + 1) : w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  };
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const kind = i % 20;
    if (kind < 5) out.push(real[i % real.length]!);
    else if (kind < 10) out.push(L());
    else if (kind < 13) out.push(J());
    else if (kind < 16) out.push(kind === 15 ? `${J()} ${L()}` : `${L()} ${L()}`);
    else if (kind < 18) out.push(typo(L()));
    else out.push(`qz${encode(i, SYLLABLES, 3)}`);
  }
  return out;
}
