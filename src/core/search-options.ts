/**
 * Search defaults in one place: field weights, typo tolerance and prefix rules. The relevance
 * suite (test/relevance) pins the ranking these produce.
 */
import type { SearchOptions } from 'minisearch';

export const FIELDS = ['title', 'speakers', 'tags', 'event', 'track', 'ja', 'en'] as const;
export type Field = (typeof FIELDS)[number];

/** Title and speakers outweigh a passing mention in a summary. */
const BOOST: Record<Field, number> = {
  title: 3,
  speakers: 3,
  tags: 1.5,
  event: 1,
  track: 1,
  ja: 1,
  en: 1,
};

/** Weight of terms added by the glossary (sandbox -> サンドボックス) relative to typed ones. */
export const GLOSSARY_WEIGHT = 0.7;

/** Weight of n-grams and word parts relative to whole words. */
export const GRAM_WEIGHT = 0.4;

/** The most query terms one search runs; a pasted paragraph is cut here to bound its cost. */
export const MAX_QUERY_TERMS = 24;

const LATIN_WORD = /^[a-z][a-z-]*$/;
const KATAKANA = /^[\p{Script=Katakana}ー]+$/u;

/**
 * Typos only for Latin words of 5+ letters (never numbers: 2022 must not match 2024). Shorter
 * words have too many neighbours (rust: just, must, trust); "did you mean" covers them. One edit
 * up to 9 letters, two from 10 (crossplain): two edits on a big vocabulary is the costliest part
 * of a query.
 */
export function fuzzyFor(term: string): number | false {
  if (!LATIN_WORD.test(term) || term.length < 5) return false;
  return term.length >= 10 ? 2 : 1;
}

/** Prefixes (`kyver`, `カオス`) for Latin words of 3+ letters and katakana words of 3+ characters. */
export function prefixFor(term: string): boolean {
  return (LATIN_WORD.test(term) && term.length >= 3) || (KATAKANA.test(term) && term.length >= 3);
}

export const SEARCH_OPTIONS: SearchOptions = {
  // Queries reach MiniSearch already analysed (see search.ts), as space-separated terms.
  tokenize: (text: string) => text.split(' ').filter((t) => t.length > 0),
  processTerm: (term: string) => term,
  boost: BOOST,
  fuzzy: fuzzyFor,
  prefix: prefixFor,
  maxFuzzy: 2,
  combineWith: 'OR',
};

/** Hits scoring below this share of the best hit are noise (a stray n-gram) and are dropped. */
export const MIN_RELATIVE_SCORE = 0.02;
