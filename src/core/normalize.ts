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

/** Remove control and format characters (keeping none), fold whitespace runs to one space. */
export function cleanInput(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** Split into user-perceived characters, so cuts never break a character. */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/** Cut to at most `max` characters (graphemes); returns the text and whether it was cut. */
export function truncate(text: string, max: number): { text: string; cut: boolean } {
  const chars = splitGraphemes(text);
  if (chars.length <= max) return { text, cut: false };
  return { text: chars.slice(0, max).join(''), cut: true };
}
