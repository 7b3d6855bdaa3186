/**
 * Everyday English words: the most frequent words of spoken English
 * (src/core/lexicon/common-en.ts). Confidence weighs such a word, when no talk has it and it
 * comes in a whole sentence, as a word typed in passing rather than as something specific the
 * talks lack. Japanese has no such list here: mapping kanji words to common English senses
 * through the Sudachi table also made topic nouns such as 料金 (price) general.
 */
import { WORDS } from './lexicon/common-en.ts';

let common: Set<string> | undefined;

export function isCommonWord(word: string): boolean {
  common ??= new Set(WORDS.split(' '));
  return /^[a-z]+$/.test(word) && common.has(word);
}
