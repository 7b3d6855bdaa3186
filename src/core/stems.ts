/**
 * The base words an English query word may be an inflection of: "attackers" for talks that say
 * "attack", "deploying" or "deployed" for talks that say "deploy". The analyzer already adds the
 * singular; these are the verb endings (-ing, -ed) and the agent noun (-er: one who attacks).
 * A four-letter plural (pods) gives its singular, which the analyzer only makes from five letters.
 * A verb typed as -ed or -ing gives its other inflections (throttled: throttling).
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

/** A consonant then y at the end (copy, not deploy): y becomes ie before -s and -d. */
const CONSONANT_Y = /[^aeiou]y$/;

/** A verb's -ing, -ed and -s forms from its base: throttle -> throttling, throttled, throttles. */
function inflect(base: string): string[] {
  const ing = base.endsWith('e') && !base.endsWith('ee') ? base.slice(0, -1) + 'ing' : base + 'ing';
  if (CONSONANT_Y.test(base)) return [ing, base.slice(0, -1) + 'ied', base.slice(0, -1) + 'ies'];
  return [ing, base.endsWith('e') ? base + 'd' : base + 'ed', /(s|sh|ch|x)$/.test(base) ? base + 'es' : base + 's'];
}

/**
 * The other inflections of an English verb typed in its -ed or -ing form: "throttled" for talks
 * that say "throttling", "crashing" for "crashed". Not from a base typed as such: "reduce" in
 * "how did spotify reduce…" is a general verb, and finding "reducing" would make it a topic. Like
 * `baseForms`, guesses that search.ts keeps only when the index holds them and they find talks
 * the typed word does not.
 */
export function otherInflections(word: string): string[] {
  if (!LOWER_WORD.test(word) || word.length < MIN_BASE + 1) return [];
  let stems: string[];
  if (word.endsWith('ing')) stems = bases(word.slice(0, -3));
  else if (word.endsWith('ied')) stems = [word.slice(0, -3) + 'y'];
  else if (word.endsWith('ed')) stems = bases(word.slice(0, -2));
  else return [];
  const out = stems.flatMap(inflect);
  return [...new Set(out)].filter((f) => f !== word && f.length > MIN_BASE);
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
