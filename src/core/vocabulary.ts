/**
 * Words the corpus knows, with how many talks use each, for "did you mean" suggestions when a
 * query finds nothing even with typo tolerance.
 */
import { GLOSSARY } from './glossary.ts';
import { normalize } from './normalize.ts';
import type { Talk } from './types.ts';

const WORD = /[\p{Script=Latin}][\p{Script=Latin}\d]*(?:-[\p{Script=Latin}\d]+)*|[\p{Script=Katakana}ー]{3,}/gu;

/** Three rows of the distance table, reused between calls and grown as needed. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(b.length * 2 + 1));
  // Optimal string alignment: a swapped pair ("kubrenetes") costs one edit. Only the last three
  // rows of the table are needed: the one before last for swaps.
  let [older, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, older[j - 2]! + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    [older, prev, cur] = [prev, cur, older];
  }
  return prev[b.length]!;
}

export class Vocabulary {
  private readonly freq: Map<string, number>;
  /** Words grouped by length and first or second letter, built on the first suggestion (see `candidates`). */
  private groups?: Map<string, Array<[string, number]>>;

  private constructor(freq: Map<string, number>) {
    this.freq = freq;
  }

  static fromTalks(talks: readonly Talk[]): Vocabulary {
    const freq = new Map<string, number>();
    for (const t of talks) {
      const text = [t.title, t.tags.join(' '), t.speakers.join(' '), t.summary?.ja ?? '', t.summary?.en ?? '', t.abstract ?? ''].join(' ');
      for (const w of new Set(normalize(text).match(WORD) ?? [])) {
        if (w.length >= 3) freq.set(w, (freq.get(w) ?? 0) + 1);
      }
    }
    for (const group of GLOSSARY) {
      for (const m of group) {
        const w = normalize(m);
        if (w.length >= 3 && !w.includes(' ') && !freq.has(w)) freq.set(w, 1);
      }
    }
    return new Vocabulary(freq);
  }

  static fromEntries(entries: Array<[string, number]>): Vocabulary {
    return new Vocabulary(new Map(entries));
  }

  /** Every word with its talk count, for a saved index. */
  entries(): Array<[string, number]> {
    return [...this.freq];
  }

  /** Known words that start with `prefix` (longer than it), most frequent first, for completion. */
  completions(prefix: string, limit: number): string[] {
    const p = normalize(prefix);
    if (!p) return [];
    return [...this.freq.entries()]
      .filter(([w]) => w.startsWith(p) && w !== p)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([w]) => w);
  }

  /**
   * Known words of a length whose first or second letter is the first or second letter of
   * `word`: a typo seldom changes both, and a dropped or doubled first letter moves one into the
   * other's place. Comparing only these is a small part of the vocabulary.
   */
  private candidates(word: string, length: number): Iterable<[string, number]> {
    if (!this.groups) {
      this.groups = new Map();
      for (const entry of this.freq) {
        const [w] = entry;
        for (const key of [`${w.length}\t${w[0]}`, `${w.length}\t\t${w[1]}`]) {
          const group = this.groups.get(key);
          if (group) group.push(entry);
          else this.groups.set(key, [entry]);
        }
      }
    }
    const out = new Set<[string, number]>();
    for (const c of new Set([word[0], word[1]])) {
      for (const e of this.groups.get(`${length}\t${c}`) ?? []) out.add(e);
      for (const e of this.groups.get(`${length}\t\t${c}`) ?? []) out.add(e);
    }
    return out;
  }

  /** Close known words for each unknown word of the query, best first. */
  suggest(query: string, limit = 3): string[] {
    const words = normalize(query).match(WORD) ?? [];
    const out: string[] = [];
    for (const w of words) {
      if (w.length < 3 || this.freq.has(w)) continue;
      const max = w.length <= 3 ? 1 : w.length <= 6 ? 2 : 3;
      const scored: Array<[string, number, number]> = [];
      for (let len = w.length - max; len <= w.length + max; len++) {
        for (const [cand, f] of this.candidates(w, len)) {
          const d = editDistance(w, cand, max);
          if (d <= max) scored.push([cand, d, f]);
        }
      }
      scored.sort((a, b) => a[1] - b[1] || b[2] - a[2] || a[0].localeCompare(b[0]));
      for (const [cand] of scored) if (!out.includes(cand)) out.push(cand);
    }
    return out.slice(0, limit);
  }
}
