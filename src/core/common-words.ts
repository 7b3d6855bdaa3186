/**
 * Everyday English words: the most frequent words of spoken English
 * (src/core/lexicon/common-en.ts). Confidence weighs such a word in a whole sentence as a word
 * typed in passing: whether no talk has it or a few happen to. Japanese has no such list here: mapping kanji words to common English senses
 * through the Sudachi table also made topic nouns such as 料金 (price) general.
 */
import { WORDS } from './lexicon/common-en.ts';

let common: Set<string> | undefined;

/** Whether `word`, or the word it inflects (explaining: explain, stopped: stop), is an everyday word. */
export function isCommonWord(word: string): boolean {
  common ??= new Set(WORDS.split(' '));
  const set = common;
  return /^[a-z]+$/.test(word) && (set.has(word) || stems(word).some((s) => set.has(s)));
}

/** The words `word` may inflect by -s, -es, -ed or -ing, with a dropped e or a doubled consonant. */
export function stems(word: string): string[] {
  const m = /^(.{2,}?)(s|es|ed|ing)$/.exec(word);
  if (!m) return [];
  const base = m[1]!;
  const out = [base];
  if (m[2] !== 's') out.push(`${base}e`);
  if (/([b-df-hj-np-tv-z])\1$/.test(base)) out.push(base.slice(0, -1));
  return out;
}
