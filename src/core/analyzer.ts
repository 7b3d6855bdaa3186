/**
 * Turns Japanese/English text into index terms. Latin words stay whole (plus camelCase parts and a
 * singular form); katakana words stay whole and also give bigrams; kanji/hiragana runs give the
 * segmenter's kanji-bearing words plus kanji bigrams. Queries get the same analysis, minus the
 * words that only say "I am asking about a talk".
 */
import { applyVariants, normalize } from './normalize.ts';
import { isStopWord, removeStopPhrases } from './stopwords.ts';

/** Runs of the text: 1 Latin letters and digits (joined by . - _ + ' ’), 2 katakana, 3 kanji and hiragana. */
const RUNS =
  /([\p{Script=Latin}\p{Nd}]+(?:[.\-_+'’][\p{Script=Latin}\p{Nd}]+)*)|([\p{Script=Katakana}ー]+)|([\p{Script=Han}\p{Script=Hiragana}々〆ヶ]+)/gu;
const KANJI_SEQ = /[\p{Script=Han}々〆ヶ]+/gu;
const HAS_KANJI = /[\p{Script=Han}]/u;
const CAMEL_PARTS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;
const JOINERS = /[.\-_+'’]/;
const ASCII = /^[\x00-\x7f]*$/;
const LOWER_WORD = /^[a-z]+$/;

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** A normalised term from a Latin-script run (letters or digits), as opposed to Japanese. */
export function isLatinTerm(term: string): boolean {
  return /^[a-z0-9]/.test(term);
}

/** Every rule removes a final "s", so other words are returned before any test that costs more. */
function singular(word: string): string {
  if (word.length < 5 || word.charCodeAt(word.length - 1) !== 0x73 || !LOWER_WORD.test(word)) return word;
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (/(sses|ches|shes|xes)$/.test(word)) return word.slice(0, -2);
  if (!/(ss|us|is)$/.test(word)) return word.slice(0, -1);
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
  /** How many words of two characters or more the segmenter finds in a kanji compound, when more than one (本番稼働中: 2). */
  parts?: number;
}

function bigrams(run: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 2 <= run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

const nonEmpty = (p: string) => p.length > 0;
const twoOrMore = (p: string) => p.length >= 2;

/** Words that CAMEL_PARTS takes as one part (most words): no need to run it. */
const ONE_CAMEL_PART = /^(?:[A-Z]?[a-z]+|\d+)$/;

function latinTerms(raw: string, out: Unit[], stop: boolean): void {
  // The scanned text is NFKC already with its variants rewritten: for ASCII, lower case is all
  // that `normalize` would still do.
  const whole = ASCII.test(raw) ? raw.toLowerCase() : normalize(raw);
  if (stop && isStopWord(whole)) return;
  const grams: string[] = [];
  const parts = !JOINERS.test(whole) ? (whole.length > 0 ? [whole] : []) : whole.split(JOINERS).filter(nonEmpty);
  if (parts.length > 1) grams.push(parts.join(''), ...parts);
  // camelCase names (PodSecurityPolicy, VolumeSnapshot): their parts too.
  if (!ONE_CAMEL_PART.test(raw)) {
    const camel = raw.match(CAMEL_PARTS) ?? [];
    if (camel.length > 1 && camel.every(twoOrMore)) for (const p of camel) grams.push(p.toLowerCase());
  }
  // The singular of the word and of each part (a one-part word is its own part: two forms).
  const forms: string[] = [];
  const one = singular(whole);
  if (one !== whole) forms.push(one);
  for (const p of parts) {
    const f = singular(p);
    if (f !== p) forms.push(f);
  }
  out.push({ word: whole, grams, forms });
}

function katakanaTerms(run: string, out: Unit[], stop: boolean): void {
  const word = run.length >= 4 && run.endsWith('ー') ? run.replace(/ー+$/u, '') : run;
  if (stop && isStopWord(word)) return;
  out.push({ word, grams: word.length >= 5 ? bigrams(word) : [] });
}

const isContent = (w: string) => !isStopWord(w);

/** Adds `term` unless it is there already (the few n-grams of a word need no Set). */
function addOnce(terms: string[], term: string): void {
  if (!terms.includes(term)) terms.push(term);
}

function hanTerms(run: string, segments: string[], out: Unit[], stop: boolean): void {
  const words = stop ? segments.filter(isContent) : segments;
  const seqs: string[] = [];
  for (const q of run.match(KANJI_SEQ) ?? []) if (q.length >= 2 && !(stop && isStopWord(q))) seqs.push(q);
  // One unit per kanji compound; the segmenter's words inside it are its n-grams, then its bigrams.
  for (const seq of seqs) {
    const grams: string[] = [];
    for (const w of words) if (w !== seq && seq.includes(w)) addOnce(grams, w);
    // Its words of two kanji or more: a one-kanji suffix (脆弱性) makes no word of its own.
    let parts = 0;
    for (const g of grams) if (g.length >= 2) parts++;
    if (seq.length >= 3) for (let i = 0; i + 2 <= seq.length; i++) addOnce(grams, seq.slice(i, i + 2));
    out.push(parts > 1 ? { word: seq, grams, parts } : { word: seq, grams });
  }
  for (const w of words) {
    let inSeq = false;
    // In a query, a word that is a compound with its kana ending (先回り for 先回) is that compound.
    for (const q of seqs) if (q.includes(w) || (stop && w.includes(q))) inSeq = true;
    if (!inSeq) out.push({ word: w, grams: [] });
  }
}

/**
 * Whether a word holds a kanji: `HAS_KANJI`, answered without a regular expression for the
 * characters of Japanese and English text (kanji, kana and everything below U+2E80, where no
 * kanji is).
 */
export function hasKanji(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x2e80 || (c >= 0x3040 && c <= 0x30ff)) continue;
    if (c >= 0x4e00 && c <= 0x9fff) return true;
    return HAS_KANJI.test(word);
  }
  return false;
}

/**
 * Characters the word segmenter always breaks around (spaces, newlines, punctuation of
 * Word_Break=Other), unless a mark or format character follows and clings to them. Segmenting the
 * pieces between them gives the same words as segmenting the whole text, so pieces without kanji
 * (English words, katakana lists) are skipped.
 */
const PIECES = /(?:[^\t\n\r !()[\]/?、。「」『』【】]|[\t\n\r !()[\]/?、。「」『』【】](?=[\p{Grapheme_Extend}\p{Mc}\p{Cf}\u{1F3FB}-\u{1F3FF}]))+/gu;

/** Kanji-bearing words of the text, with their offsets in `at` (exported for its test). */
export function kanjiWords(text: string): { at: number[]; words: string[] } {
  const at: number[] = [];
  const words: string[] = [];
  if (!HAS_KANJI.test(text)) return { at, words };
  PIECES.lastIndex = 0;
  for (let m = PIECES.exec(text); m !== null; m = PIECES.exec(text)) {
    if (!hasKanji(m[0])) continue;
    for (const s of segmenter.segment(m[0])) {
      if (s.isWordLike && hasKanji(s.segment)) {
        at.push(m.index + s.index);
        words.push(s.segment);
      }
    }
  }
  return { at, words };
}

function scan(text: string, stop: boolean): Unit[] {
  const out: Unit[] = [];
  // No lower-casing yet: camelCase detection needs the original case; each run is normalised after.
  let source = applyVariants(text.normalize('NFKC'));
  if (stop) source = removeStopPhrases(source);
  const kanji = kanjiWords(source);
  let k = 0;
  RUNS.lastIndex = 0;
  for (let m = RUNS.exec(source); m !== null; m = RUNS.exec(source)) {
    if (m[1] !== undefined) latinTerms(m[1], out, stop);
    else if (m[2] !== undefined) katakanaTerms(m[2].toLowerCase(), out, stop);
    else {
      const han = m[3]!;
      const end = m.index + han.length;
      while (k < kanji.at.length && kanji.at[k]! < m.index) k++;
      const inRun: string[] = [];
      for (; k < kanji.at.length && kanji.at[k]! + kanji.words[k]!.length <= end; k++) inRun.push(kanji.words[k]!.toLowerCase());
      hanTerms(han.toLowerCase(), inRun, out, stop);
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
