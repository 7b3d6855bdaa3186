/**
 * Everyday English words: the most frequent words of spoken English
 * (src/core/lexicon/common-en.ts). Confidence weighs such a word in a whole sentence as a word
 * typed in passing: whether no talk has it or a few happen to. Japanese has no such list here: mapping kanji words to common English senses
 * through the Sudachi table also made topic nouns such as 料金 (price) general.
 */
import { WORDS } from './lexicon/common-en.ts';
import { WORDS as JA_WORDS, WORKPLACE } from './lexicon/common-ja.ts';
import { WORDS as MORE } from './lexicon/known-en.ts';

let common: Set<string> | undefined;
let known: Set<string> | undefined;
let commonJa: Set<string> | undefined;
let workplace: Set<string> | undefined;

/**
 * Whether `word`, or the word it inflects (explaining: explain, stopped: stop), is an everyday
 * word; with `slips`, also a slip of the fingers on one (painfull: painful; see `isEnglishTypo`).
 */
export function isCommonWord(word: string, slips = false): boolean {
  common ??= new Set(WORDS.split(' '));
  const set = common;
  if (!/^[a-z]+$/.test(word)) return false;
  if (set.has(word) || stems(word).some((s) => set.has(s))) return true;
  return slips && word.length >= 5 && !isEnglishWord(word) && slipsOf(word).some((s) => set.has(s));
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

/**
 * Whether `word` is no English word of the 20,000 most frequent but one of them with a letter
 * left out, two letters swapped or one doubled, of five letters or more: a slip of the fingers
 * (pipline: pipeline). A changed letter is not counted as one: it would take names for words
 * (velero: velcro, flagger: flagged).
 */
export function isEnglishTypo(word: string): boolean {
  if (!/^[a-z]{5,}$/.test(word)) return false;
  known ??= new Set(`${WORDS} ${MORE}`.split(' '));
  const set = known;
  if (set.has(word) || stems(word).some((s) => set.has(s))) return false;
  return slipsOf(word).some((w) => set.has(w));
}

/** Whether `word`, or the word it inflects, is an English word of the 20,000 most frequent. */
export function isEnglishWord(word: string): boolean {
  known ??= new Set(`${WORDS} ${MORE}`.split(' '));
  const set = known;
  return set.has(word) || stems(word).some((s) => set.has(s));
}

/**
 * Whether a Latin word reads as English: a known word, a slip of one, two joined (datacenter)
 * or joined by hyphens (self-hosted). What does not (knative, cert-manager, kubevirt) is a name.
 */
export function readsAsEnglish(word: string): boolean {
  if (word.includes('-')) return word.split('-').every((p) => p.length > 0 && readsAsEnglish(p));
  if (!/^[a-z]+$/.test(word)) return false;
  if (isEnglishWord(word) || isEnglishTypo(word) || ENGLISH_ENDING.test(word)) return true;
  for (let i = 3; i <= word.length - 3; i++) if (isEnglishWord(word.slice(0, i)) && isEnglishWord(word.slice(i))) return true;
  return false;
}

/**
 * Endings English words are made with and product names seldom are: a rarer English word
 * (deprecated, orchestration, provisioning) is no name either.
 */
const ENGLISH_ENDING = /^[a-z]{4,}(?:ed|ing|tion|sion|ment|ness|ity|ly|ous|ize|ise)$/;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The words `word` may be a slip of: with one letter put back, two swapped back or a double undone. */
function slipsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i), tail = word.slice(i);
    for (const c of LETTERS) out.push(head + c + tail);
    if (tail.length > 1) out.push(head + tail[1] + tail[0] + tail.slice(2));
    if (i > 0 && tail && word[i - 1] === tail[0]) out.push(head + tail.slice(1));
  }
  return out;
}

/**
 * Whether every English sense the Sudachi table gives a Japanese word is an everyday English
 * word (会社: company; 参考 has only "cf.", 遅延 has latency): the word is everyday Japanese too.
 * The list is derived when the lexicons are built (src/core/lexicon/common-ja.ts).
 */
export function isCommonJapanese(word: string): boolean {
  commonJa ??= new Set(JA_WORDS.split(' '));
  return commonJa.has(word);
}

/**
 * Whether the Sudachi table files a kanji word under business (社内, 職務, 人事異動): where the
 * writer works, not a cloud-native topic (コスト削減, which the glossary lists, is not one). Built
 * with the list above.
 */
export function isWorkplaceWord(word: string): boolean {
  workplace ??= new Set(WORKPLACE.split(' '));
  return workplace.has(word);
}
