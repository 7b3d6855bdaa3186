/**
 * Text normalisation shared by indexing, querying and snippets. Both sides of a match must go
 * through the same function, so every rule here applies to the corpus and to queries alike.
 */

/** Spellings that mean the same term; the left side is rewritten to the right. */
export const VARIANTS: ReadonlyArray<readonly [string, string]> = [
  ['ぜい弱', '脆弱'],
  ['podsecuirtypolicy', 'podsecuritypolicy'],
  ['kuernetes', 'kubernetes'],
  ['コンテナー', 'コンテナ'],
];

const VARIANT_RES = VARIANTS.map(([from, to]) => [new RegExp(from, 'gi'), to] as const);

/** Rewrites spelling variants, whatever their case; the rest of the text keeps its case. */
export function applyVariants(text: string): string {
  let out = text;
  for (const [re, to] of VARIANT_RES) out = out.replace(re, to);
  return out;
}

/** NFKC, lower case, and the spelling variants above. Length may change. */
export function normalize(text: string): string {
  return applyVariants(text.normalize('NFKC').toLowerCase());
}

/**
 * The most text (UTF-16 units) read from one request: Slack's limit for a message, which is also
 * more than Discord lets anyone send. The terminal and the command line get the same cap.
 */
export const MAX_INPUT_LENGTH = 40_000;

/** Cut to `max` UTF-16 units without splitting a surrogate pair; cheap, for bounding work. */
function capLength(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max);
}

/**
 * Cut to MAX_INPUT_LENGTH, turn every control and format character (zero-width joiners and
 * bidi marks included) into a space, fold whitespace runs to one space.
 */
/** Where `word` occurs in `text`, each start offset, overlapping occurrences included. */
export function occurrences(text: string, word: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) out.push(at);
  return out;
}

export function cleanInput(text: string): string {
  return capLength(text, MAX_INPUT_LENGTH)
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/**
 * Where a new chunk may start: an ASCII, kana or kanji character (no combining mark) after ASCII,
 * kana or CJK, which is always a grapheme boundary.
 */
const CHUNK_POINT = /(?<=[\x20-\x7e\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef])[\x20-\x7e\u3041-\u3096\u30a0-\u30ff\u4e00-\u9fff]/;
const CHUNK = 256;
/** A text with no such point is still cut here, between code points, to keep the work linear. */
const FORCED_CHUNK = 1024;

/**
 * Text made only of characters that are each one UTF-16 unit and never join a neighbour into one
 * character (ASCII, Latin letters, general punctuation and symbols, kana without the combining
 * sound marks and the ideographic tone marks, kanji, full-width forms): most summaries, split
 * without the segmenter.
 */
const SINGLE_UNITS = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2100-\u23ff\u2500-\u25ff\u3000-\u3029\u3030-\u3098\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9d]*$/;

/**
 * Split into user-perceived characters, so cuts never break a character. Segmenting one long
 * string takes time growing with the square of its length, so long text is segmented in chunks
 * that end where a character boundary is certain.
 */
export function splitGraphemes(text: string): string[] {
  if (SINGLE_UNITS.test(text)) return text.split('');
  const out: string[] = [];
  let from = 0;
  while (from < text.length) {
    let to = text.length;
    if (to - from > FORCED_CHUNK) {
      // Look for a safe point only within the chunk's reach, so the search stays linear too.
      const scan = from + CHUNK - 1;
      const m = CHUNK_POINT.exec(text.slice(scan, from + FORCED_CHUNK));
      to = m ? scan + m.index : from + FORCED_CHUNK;
      if (/[\uD800-\uDBFF]/.test(text[to - 1]!)) to--;
    }
    for (const s of graphemes.segment(text.slice(from, to))) out.push(s.segment);
    from = to;
  }
  return out;
}

/**
 * The most UTF-16 units one user-perceived character is allowed before a cut may split it. Real
 * characters are far shorter (a family emoji is 11 units); only stacked combining marks reach it.
 */
const MAX_GRAPHEME_UNITS = 16;

/**
 * Cut to at most `max` characters (graphemes); returns the text and whether it was cut. Work is
 * proportional to `max`, not to the input: the text is first cut to a bound that `max` graphemes
 * cannot exceed, and only that part is segmented (segmenting a long text takes time growing
 * faster than its length).
 */
export function truncate(text: string, max: number): { text: string; cut: boolean } {
  const head = capLength(text, max * MAX_GRAPHEME_UNITS);
  const cheapCut = head.length < text.length;
  const out: string[] = [];
  for (const { segment } of graphemes.segment(head)) {
    if (out.length === max) return { text: out.join(''), cut: true };
    out.push(segment);
  }
  if (!cheapCut) return { text, cut: false };
  // The cheap cut may have split the last character: drop it rather than show half of it.
  out.pop();
  return { text: out.join(''), cut: true };
}
