/**
 * The base words an English query word may be an inflection of: "attackers" for talks that say
 * "attack", "deploying" or "deployed" for talks that say "deploy". The analyzer already adds the
 * singular; these are the verb endings (-ing, -ed) and the agent noun (-er: one who attacks).
 * A four-letter plural (pods) gives its singular, which the analyzer only makes from five letters.
 * They are guesses (container is not "one who contains"), so search.ts keeps only those the index
 * holds and that find talks the typed word does not.
 */
import { isEnglishWord } from './common-words.ts';

const LOWER_WORD = /^[a-z]+$/;
const VOWEL = /[aeiou]/;

/** The shortest base kept: "use" from "user" or "sing" from "singing" would match far too much. */
const MIN_BASE = 4;

/** "runn" -> "run", "planned" -> "plan": a consonant doubled before the ending. */
function undoubled(stem: string): string | undefined {
  const n = stem.length;
  if (n < 2 || stem[n - 1] !== stem[n - 2] || VOWEL.test(stem[n - 1]!) || /[lsz]$/.test(stem)) return undefined;
  return stem.slice(0, -1);
}

/** Bases of `stem` once an ending is cut: as is, with the silent "e" back, undoubled. */
function bases(stem: string): string[] {
  const out = [stem, stem + 'e'];
  const one = undoubled(stem);
  if (one) out.push(one);
  return out.filter((b) => b.length >= MIN_BASE && VOWEL.test(b));
}

/**
 * Candidate bases of a lower-case English word, most likely first; empty for other words. The
 * plural of an agent noun (attackers) gives the agent noun's bases too.
 */
export function baseForms(word: string): string[] {
  if (!LOWER_WORD.test(word)) return [];
  // The analyzer makes singulars from five letters; a four-letter plural (pods, apps, jobs) is the
  // singular of a three-letter word.
  if (word.length === 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return [word.slice(0, 3)];
  const w = word.endsWith('ers') ? word.slice(0, -1) : word;
  const out: string[] = [];
  if (w.endsWith('ing')) out.push(...bases(w.slice(0, -3)));
  else if (w.endsWith('ied')) out.push(w.slice(0, -3) + 'y');
  else if (w.endsWith('ed')) out.push(...bases(w.slice(0, -2)));
  else if (w.endsWith('er')) out.push(...bases(w.slice(0, -2)));
  return [...new Set(out)].filter((b) => b !== word && b.length >= MIN_BASE);
}

/** Words as short as this or shorter are not read as slips: too many words are two letters apart. */
const MIN_SLIP = 5;

/**
 * The words a Latin word may be a slip of two neighbouring letters for (keyclaok: keycloak):
 * search's typo tolerance takes one changed letter, and a swap changes two. Not for an English
 * word, which was typed as meant. search.ts keeps only those the index holds, for a word it lacks.
 */
export function swapSlips(word: string): string[] {
  if (!LOWER_WORD.test(word) || word.length < MIN_SLIP || isEnglishWord(word)) return [];
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}
