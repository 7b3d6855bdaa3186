/**
 * The analyzer as it was before it was tuned for build speed (commit 6f45152), kept as the
 * reference its output must match term for term: straightforward code, slow but easy to read.
 * Only the imports changed. analyzer-equivalence.test.ts compares the two.
 */
import { applyVariants, normalize } from '../../src/core/normalize.ts';
import { isStopWord, removeStopPhrases } from '../../src/core/stopwords.ts';

const RUNS =
  /(?<latin>[\p{Script=Latin}\p{Nd}]+(?:[.\-_+'’][\p{Script=Latin}\p{Nd}]+)*)|(?<kata>[\p{Script=Katakana}ー]+)|(?<han>[\p{Script=Han}\p{Script=Hiragana}々〆ヶ]+)/gu;
const KANJI_SEQ = /[\p{Script=Han}々〆ヶ]+/gu;
const HAS_KANJI = /[\p{Script=Han}]/u;
const CAMEL_PARTS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** A normalised term from a Latin-script run (letters or digits), as opposed to Japanese. */
export function isLatinTerm(term: string): boolean {
  return /^[a-z0-9]/.test(term);
}

function singular(word: string): string {
  if (word.length < 5 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (/(sses|ches|shes|xes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * A word of the text and the n-grams or parts derived from it. Queries use the n-grams only when
 * the index does not know the whole word, so they add recall without drowning exact matches.
 */
export interface Unit {
  word: string;
  grams: string[];
  /** Other forms of the same word (a singular), always searched. */
  forms?: string[];
  /** How many words of two characters or more a kanji compound holds, when more than one. */
  parts?: number;
}

function bigrams(run: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 <= run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

/**
 * `normalize` for a run of the scanned text, which is NFKC already with its variants rewritten
 * (case-insensitively): for ASCII, lower case is all that is left to do.
 */
function normalizeRun(raw: string): string {
  return /^[\x00-\x7f]*$/.test(raw) ? raw.toLowerCase() : normalize(raw);
}

function latinTerms(raw: string, out: Unit[], stop: boolean): void {
  const whole = normalizeRun(raw);
  if (stop && isStopWord(whole)) return;
  const grams: string[] = [];
  const parts = whole.split(/[.\-_+'’]/).filter((p) => p.length > 0);
  if (parts.length > 1) grams.push(parts.join(''), ...parts);
  // camelCase names (PodSecurityPolicy, VolumeSnapshot): their parts too.
  const camel = raw.match(CAMEL_PARTS) ?? [];
  if (camel.length > 1 && camel.every((p) => p.length >= 2)) grams.push(...camel.map((p) => p.toLowerCase()));
  const forms = [whole, ...parts].map(singular).filter((one, i) => one !== [whole, ...parts][i]);
  out.push({ word: whole, grams, forms });
}

function katakanaTerms(run: string, out: Unit[], stop: boolean): void {
  const word = run.length >= 4 ? run.replace(/ー+$/u, '') : run;
  if (stop && isStopWord(word)) return;
  out.push({ word, grams: word.length >= 5 ? bigrams(word) : [] });
}

function hanTerms(run: string, segments: string[], out: Unit[], stop: boolean): void {
  const keep = (w: string) => !(stop && isStopWord(w));
  const words = segments.filter(keep);
  const seqs = (run.match(KANJI_SEQ) ?? []).filter((q) => q.length >= 2 && keep(q));
  // One unit per kanji compound; the segmenter's words inside it are its n-grams.
  for (const seq of seqs) {
    const inner = words.filter((w) => w !== seq && seq.includes(w));
    const grams = [...new Set([...inner, ...(seq.length >= 3 ? bigrams(seq) : [])])];
    // How many words of two characters or more the compound holds, when more than one.
    const parts = new Set(inner.filter((w) => w.length >= 2)).size;
    out.push(parts > 1 ? { word: seq, grams, parts } : { word: seq, grams });
  }
  // In a query, a word that is a compound with its kana ending (先回り) is that compound (先回).
  for (const w of words) if (!seqs.some((q) => q.includes(w) || (stop && w.includes(q)))) out.push({ word: w, grams: [] });
}

/** Kanji-bearing words of the whole text with their offsets: one segmenter pass per text is far cheaper than one per run. */
function kanjiWords(text: string): Array<{ at: number; word: string }> {
  if (!HAS_KANJI.test(text)) return [];
  const out: Array<{ at: number; word: string }> = [];
  for (const s of segmenter.segment(text)) {
    if (s.isWordLike && HAS_KANJI.test(s.segment)) out.push({ at: s.index, word: s.segment });
  }
  return out;
}

function scan(text: string, stop: boolean): Unit[] {
  const out: Unit[] = [];
  // No lower-casing yet: camelCase detection needs the original case; each run is normalised after.
  let source = applyVariants(text.normalize('NFKC'));
  if (stop) source = removeStopPhrases(source);
  const kanji = kanjiWords(source);
  let k = 0;
  for (const m of source.matchAll(RUNS)) {
    const g = m.groups ?? {};
    if (g.latin) latinTerms(g.latin, out, stop);
    else if (g.kata) katakanaTerms(g.kata.toLowerCase(), out, stop);
    else if (g.han) {
      const end = m.index + g.han.length;
      while (k < kanji.length && kanji[k]!.at < m.index) k++;
      const inRun: string[] = [];
      for (; k < kanji.length && kanji[k]!.at + kanji[k]!.word.length <= end; k++) inRun.push(kanji[k]!.word.toLowerCase());
      hanTerms(g.han.toLowerCase(), inRun, out, stop);
    }
  }
  return out;
}

/** Index terms of a text, with repeats (term frequency matters to BM25). */
export function analyze(text: string): string[] {
  const out: string[] = [];
  for (const u of scan(text, false)) {
    out.push(u.word);
    for (const g of u.grams) out.push(g);
    if (u.forms) for (const f of u.forms) out.push(f);
  }
  return out;
}

/**
 * Query units: the same analysis without stop words and repeats. A query made only of stop
 * words ("talk") keeps them, since they are then all the user gave us.
 */
export function analyzeQuery(text: string): Unit[] {
  const content = scan(text, true);
  const units = content.length > 0 ? content : scan(text, false);
  const seen = new Set<string>();
  return units.filter((u) => !seen.has(u.word) && seen.add(u.word));
}
