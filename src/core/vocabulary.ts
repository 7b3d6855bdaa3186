/**
 * Words the corpus knows, with how many talks use each, for "did you mean" suggestions when a
 * query finds nothing even with typo tolerance.
 */
import { GLOSSARY } from './glossary.ts';
import { normalize } from './normalize.ts';
import type { Talk } from './types.ts';

const WORD = /[\p{Script=Latin}][\p{Script=Latin}\d]*(?:-[\p{Script=Latin}\d]+)*|[\p{Script=Katakana}ー]{3,}/gu;

export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Optimal string alignment: a swapped pair ("kubrenetes") costs one edit.
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

export class Vocabulary {
  private readonly freq: Map<string, number>;

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

  has(word: string): boolean {
    return this.freq.has(word);
  }

  /** Known words with the same first letter, for autocomplete. */
  completions(prefix: string, limit: number): string[] {
    const p = normalize(prefix);
    if (!p) return [];
    return [...this.freq.entries()]
      .filter(([w]) => w.startsWith(p) && w !== p)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([w]) => w);
  }

  /** Close known words for each unknown word of the query, best first. */
  suggest(query: string, limit = 3): string[] {
    const words = normalize(query).match(WORD) ?? [];
    const out: string[] = [];
    for (const w of words) {
      if (w.length < 3 || this.freq.has(w)) continue;
      const max = w.length <= 3 ? 1 : w.length <= 6 ? 2 : 3;
      const scored: Array<[string, number, number]> = [];
      for (const [cand, f] of this.freq) {
        const d = editDistance(w, cand, max);
        if (d <= max) scored.push([cand, d, f]);
      }
      scored.sort((a, b) => a[1] - b[1] || b[2] - a[2] || a[0].localeCompare(b[0]));
      for (const [cand] of scored) if (!out.includes(cand)) out.push(cand);
    }
    return out.slice(0, limit);
  }
}
