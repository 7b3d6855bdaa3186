/**
 * A window of a summary around the words a search matched, with those words marked. Cuts fall
 * between user-perceived characters, never inside one.
 */
import { isLatinTerm } from './analyzer.ts';
import { splitGraphemes, VARIANTS } from './normalize.ts';
import type { SnippetPart } from './types.ts';

export const SNIPPET_LENGTH = 160;
const LEAD = 30;
const ELLIPSIS = '…';

/** The grapheme ranges [start, end) of each matched term in `chars`. */
function findRanges(chars: string[], terms: readonly string[]): Array<[number, number]> {
  // Normalise per character so positions in the normalised text are positions in the original.
  const norm = chars.map((c) => c.normalize('NFKC').toLowerCase());
  const text = norm.join('');
  const offsets: number[] = [];
  let pos = 0;
  for (const c of norm) {
    offsets.push(pos);
    pos += c.length;
  }
  const toIndex = (off: number) => {
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const forms = new Set<string>();
  for (const t of terms) {
    if (!t) continue;
    forms.add(t);
    for (const [from, to] of VARIANTS) if (t.includes(to)) forms.add(t.replaceAll(to, from));
  }
  const ranges: Array<[number, number]> = [];
  for (const form of forms) {
    const latin = isLatinTerm(form);
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      if (latin && at > 0 && /[a-z0-9]/.test(text[at - 1]!)) continue;
      let end = at + form.length;
      // A Latin match covers the whole word it starts (container -> containers).
      if (latin) while (end < text.length && /[a-z0-9]/.test(text[end]!)) end++;
      ranges.push([toIndex(at), toIndex(end - 1) + 1]);
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

/** Where to start a window of `length` so it holds the most matches. */
function bestStart(ranges: Array<[number, number]>, length: number, total: number): number {
  if (ranges.length === 0 || total <= length) return 0;
  let best = 0;
  let bestCount = -1;
  for (let i = 0; i < ranges.length; i++) {
    const start = ranges[i]![0];
    const count = ranges.filter((r) => r[0] >= start && r[1] <= start + length - LEAD).length;
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  return Math.max(0, Math.min(best - LEAD, total - length));
}

export function makeSnippet(text: string, terms: readonly string[], length = SNIPPET_LENGTH): SnippetPart[] {
  const chars = splitGraphemes(text.replace(/\s*\n+\s*/g, ' '));
  const ranges = findRanges(chars, terms);
  let start = bestStart(ranges, length, chars.length);
  // Prefer to begin at a sentence start shortly before the first match.
  if (start > 0) {
    for (let i = start; i < Math.min(start + LEAD, chars.length); i++) {
      const prev = chars[i - 1]!;
      if (/[。！？]/.test(prev)) {
        start = i;
        break;
      }
      if (/[.!?]/.test(prev) && chars[i] === ' ') {
        start = i + 1;
        break;
      }
    }
  }
  const end = Math.min(chars.length, start + length);
  const parts: SnippetPart[] = [];
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += t;
    else parts.push({ text: t, mark });
  };
  if (start > 0) push(ELLIPSIS, false);
  let i = start;
  for (const [a, b] of ranges) {
    if (b <= start || a >= end) continue;
    const s = Math.max(a, start);
    push(chars.slice(i, s).join(''), false);
    const e = Math.min(b, end);
    push(chars.slice(s, e).join(''), true);
    i = e;
  }
  push(chars.slice(i, end).join(''), false);
  if (end < chars.length) push(ELLIPSIS, false);
  return parts;
}

export function snippetText(parts: readonly SnippetPart[]): string {
  return parts.map((p) => p.text).join('');
}
