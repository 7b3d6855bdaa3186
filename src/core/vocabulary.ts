/**
 * Words the corpus knows, with how many talks use each, for "did you mean" suggestions when a
 * query finds nothing even with typo tolerance.
 */
import { GLOSSARY } from './glossary.ts';
import { isCommonWord } from './common-words.ts';
import { normalize } from './normalize.ts';
import { TermMap } from './term-map.ts';
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

/** A vocabulary as a saved index keeps it (see `Vocabulary.saved`). */
export interface SavedVocabulary {
  words: string;
  counts: number[];
}

/**
 * How far a suggestion may be from a word, in steps: one edit for short words, two up to 8
 * letters, and for longer ones three only when nothing is within two, and only to words with the
 * same first letter (a typo seldom changes it). Three edits on a long word reach dozens of words
 * and walk most of the tree: the nearest words are the suggestions.
 */
function reach(word: string): number[] {
  return word.length <= 3 ? [1] : word.length <= 8 ? [2] : [2, 3];
}

export class Vocabulary {
  private readonly freq: Map<string, number>;
  /** The words as a radix tree, for typo search (see `tree`). */
  private words?: TermMap<number>;

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

  /** The vocabulary `saved()` describes. */
  static fromSaved(saved: SavedVocabulary): Vocabulary {
    const words = saved.words === '' ? [] : saved.words.split('\n');
    if (words.length !== saved.counts.length) throw new Error('the saved vocabulary has words without counts');
    const freq = new Map<string, number>();
    words.forEach((w, i) => freq.set(w, saved.counts[i]!));
    return new Vocabulary(freq);
  }

  /**
   * Every word with its talk count, for a saved index: the words in one string, a line each (a
   * word never holds a line break), and their counts in the same order. Parsing this takes a
   * fifth of the time an array of [word, count] pairs does.
   */
  saved(): SavedVocabulary {
    return { words: [...this.freq.keys()].join('\n'), counts: [...this.freq.values()] };
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
   * The words in a radix tree: a typo's neighbours are found by walking it. Built at once on the
   * first suggestion unless `prepare` built it before.
   */
  private tree(): TermMap<number> {
    this.words ??= TermMap.fromSorted(...this.sortedEntries());
    return this.words;
  }

  /** Whether the suggestion tree is built. */
  get prepared(): boolean {
    return this.words !== undefined;
  }

  /** Builds the suggestion tree a piece at a time, so that no answer waits for it. */
  async prepare(): Promise<void> {
    if (this.words) return;
    const tree = await TermMap.fromSortedAsync(...this.sortedEntries());
    this.words ??= tree;
  }

  /** The words in the tree's order, and their talk counts. */
  private sortedEntries(): [string[], number[]] {
    const words = [...this.freq.keys()].sort((a, b) => (a < b ? -1 : 1));
    return [words, words.map((w) => this.freq.get(w)!)];
  }

  /** Close known words for each unknown word of the query, best first. */
  suggest(query: string, limit = 3): string[] {
    const words = normalize(query).match(WORD) ?? [];
    const out: string[] = [];
    for (const w of words) {
      // An everyday word (home, at) is no typo of a name: nothing to suggest, and short ones have many neighbours.
      if (w.length < 3 || this.freq.has(w) || isCommonWord(w)) continue;
      const scored: Array<[string, number, number]> = [];
      for (const max of reach(w)) {
        // The tree finds words within `max` plain edits; a swapped pair counts one edit here.
        // Three edits are looked for only among words with the same first letter (see `reach`).
        const near = max < 3 ? this.tree().fuzzyGet(w, max) : this.tree().fuzzyGetSameStart(w, max);
        for (const [cand, [f]] of near) {
          const d = editDistance(w, cand, max);
          if (d <= max) scored.push([cand, d, f]);
        }
        if (scored.length > 0) break;
      }
      scored.sort((a, b) => a[1] - b[1] || b[2] - a[2] || a[0].localeCompare(b[0]));
      for (const [cand] of scored) if (!out.includes(cand)) out.push(cand);
    }
    return out.slice(0, limit);
  }
}
