/**
 * A window of a summary around the words a search matched, with those words marked. Cuts fall
 * between words (never inside one, in Japanese as in English) and between user-perceived
 * characters. Finding the matches reads the summary once; everything else (segmenting into
 * characters and words) is done on the window only, so a long summary costs little more than a
 * short one.
 */
import { isLatinTerm } from './analyzer.ts';
import { splitGraphemes, VARIANTS } from './normalize.ts';
import type { SnippetPart } from './types.ts';

const SNIPPET_LENGTH = 160;
const LEAD = 30;
const ELLIPSIS = '…';
/** How far (in characters) a cut may move to reach a word boundary before it gives up. */
const WORD_SLACK = 12;

const words = new Intl.Segmenter('ja', { granularity: 'word' });

/** Each character's NFKC, lower-case form, worked out once: summaries repeat the same few thousand characters. */
const FOLDED = new Map<number, string>();
const MAX_FOLDED = 20_000;

function folded(cp: number): string {
  let n = FOLDED.get(cp);
  if (n === undefined) {
    n = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
    if (FOLDED.size >= MAX_FOLDED) FOLDED.clear();
    FOLDED.set(cp, n);
  }
  return n;
}

/** The ranges [start, end) in UTF-16 units of each matched term in `text`, sorted and merged. */
function findRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  // Normalise per code point so every position in the normalised text maps back to the original.
  let norm = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const n = cp < 0x80 ? text[i]!.toLowerCase() : folded(cp);
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + width);
    }
    norm += n;
    i += width;
  }
  const forms = new Set<string>();
  for (const t of terms) {
    if (!t) continue;
    forms.add(t);
    for (const [variant, canonical] of VARIANTS) if (t.includes(canonical)) forms.add(t.replaceAll(canonical, variant));
  }
  const ranges: Array<[number, number]> = [];
  for (const form of forms) {
    const latin = isLatinTerm(form);
    for (let at = norm.indexOf(form); at >= 0; at = norm.indexOf(form, at + 1)) {
      if (latin && at > 0 && /[a-z0-9]/.test(norm[at - 1]!)) continue;
      let end = at + form.length;
      // A Latin match covers the whole word it starts (container -> containers).
      if (latin) while (end < norm.length && /[a-z0-9]/.test(norm[end]!)) end++;
      ranges.push([from[at]!, to[end - 1]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The start of the match that begins the window of `span` units holding the most matches. */
function bestAnchor(ranges: Array<[number, number]>, span: number): number {
  let best = 0;
  let bestCount = 0;
  // Ranges are sorted and disjoint, so their ends are sorted too: one pass with two pointers.
  for (let i = 0, j = 0; i < ranges.length; i++) {
    j = Math.max(j, i);
    while (j < ranges.length && ranges[j]![1] <= ranges[i]![0] + span) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = ranges[i]![0];
    }
  }
  return best;
}

/**
 * Whether a word starts or ends before `chars[at]`, for places `at` from `from` to `to`, judged
 * from the words around them. Where the plain rules do not answer, the segmenter does: once, on
 * the stretch from 2 × WORD_SLACK characters before `from` to as far after `to`.
 */
function wordBoundaries(chars: readonly string[], from: number, to: number): (at: number) => boolean {
  let cuts: Set<number> | undefined;
  return (at) => {
    if (at <= 0 || at >= chars.length) return true;
    const known = plainBoundary(chars[at - 1]!, chars[at]!);
    if (known !== undefined) return known;
    if (!cuts) {
      const lo = Math.max(0, from - 2 * WORD_SLACK);
      const hi = Math.min(chars.length, to + 2 * WORD_SLACK);
      // Where each character of the stretch starts, in UTF-16 units from the stretch's start.
      const charAtUnit = new Map<number, number>();
      let unit = 0;
      for (let i = lo; i < hi; i++) {
        charAtUnit.set(unit, i);
        unit += chars[i]!.length;
      }
      cuts = new Set();
      for (const seg of words.segment(chars.slice(lo, hi).join(''))) {
        const i = charAtUnit.get(seg.index);
        if (i !== undefined) cuts.add(i);
      }
    }
    return cuts.has(at);
  };
}

const ALNUM = /^[A-Za-z0-9]$/;
/** Spaces of any kind, and format characters, which the word-break rules attach to what precedes them. */
const SPACE_OR_FORMAT = /^[\s\p{Cf}]/u;

/**
 * The word-break rules' answer between two characters where they need no context, as most places
 * in English text are: a space beside a character that is neither a space of any kind nor a
 * format character is a boundary, two ASCII letters or digits are not. Undefined elsewhere, for
 * the segmenter to decide. (A combining mark never follows a space here: it is part of the
 * space's grapheme.)
 */
export function plainBoundary(before: string, after: string): boolean | undefined {
  if (before === ' ' ? !SPACE_OR_FORMAT.test(after) : after === ' ' && !SPACE_OR_FORMAT.test(before)) return true;
  if (ALNUM.test(before) && ALNUM.test(after)) return false;
  return undefined;
}

export function makeSnippet(text: string, terms: readonly string[], length = SNIPPET_LENGTH): SnippetPart[] {
  const flat = text.replace(/\s*\n+\s*/g, ' ');
  const ranges = findRanges(flat, terms);
  // Only the part of the text the window can reach is segmented: from well before the best
  // match to well after it (a character is one or two units, rarely more).
  const anchor = ranges.length > 0 ? bestAnchor(ranges, length - LEAD) : 0;
  const reach = Math.min(length * 3, flat.length);
  let r0 = Math.max(0, anchor - reach);
  if (/[\uDC00-\uDFFF]/.test(flat[r0] ?? '')) r0--;
  let r1 = Math.min(flat.length, anchor + reach + length);
  if (/[\uD800-\uDBFF]/.test(flat[r1 - 1] ?? '')) r1++;
  const chars = splitGraphemes(flat.slice(r0, r1));
  const unitIndex: number[] = [];
  let u = r0;
  for (const c of chars) {
    unitIndex.push(u);
    u += c.length;
  }
  unitIndex.push(u);
  /** The grapheme (in `chars`) that holds unit `at` of `flat`. */
  const charAt = (at: number) => {
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (unitIndex[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const marks = ranges
    .filter(([a, b]) => b > r0 && a < r1)
    .map(([a, b]): [number, number] => [charAt(Math.max(a, r0)), charAt(Math.min(b, r1) - 1) + 1]);

  const total = chars.length;
  let start = 0;
  if (total > length && ranges.length > 0) start = Math.max(0, Math.min(charAt(anchor) - LEAD, total - length));
  // Prefer to begin at a sentence start shortly before the first match, else at a word start.
  if (start > 0) {
    let moved = false;
    for (let i = start; i < Math.min(start + LEAD, total); i++) {
      const prev = chars[i - 1]!;
      if (/[。！？]/.test(prev)) {
        start = i;
        moved = true;
        break;
      }
      if (/[.!?]/.test(prev) && chars[i] === ' ') {
        start = i + 1;
        moved = true;
        break;
      }
    }
    if (!moved) {
      const last = Math.min(start + WORD_SLACK, total) - 1;
      const isWordBoundary = wordBoundaries(chars, start, last);
      for (let i = start; i <= last; i++) {
        if (isWordBoundary(i)) {
          start = i;
          break;
        }
      }
    }
    while (start < total && chars[start] === ' ') start++;
  }
  let end = Math.min(total, start + length);
  if (end < total) {
    const first = Math.max(start, end - WORD_SLACK) + 1;
    const isWordBoundary = wordBoundaries(chars, first, end);
    for (let i = end; i >= first; i--) {
      if (isWordBoundary(i)) {
        end = i;
        break;
      }
    }
    while (end > start && chars[end - 1] === ' ') end--;
  }

  const parts: SnippetPart[] = [];
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += t;
    else parts.push({ text: t, mark });
  };
  if (unitIndex[start]! > 0) push(ELLIPSIS, false);
  let i = start;
  for (const [a, b] of marks) {
    if (b <= start || a >= end) continue;
    const s = Math.max(a, i);
    push(chars.slice(i, s).join(''), false);
    const e = Math.min(b, end);
    push(chars.slice(s, e).join(''), true);
    i = e;
  }
  push(chars.slice(i, end).join(''), false);
  if (unitIndex[end]! < flat.length) push(ELLIPSIS, false);
  return parts;
}

export function snippetText(parts: readonly SnippetPart[]): string {
  return parts.map((p) => p.text).join('');
}
