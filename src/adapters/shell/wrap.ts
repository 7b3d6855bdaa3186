/**
 * Terminal layout by display width: a Japanese character takes two columns, an escape code none.
 * string-width measures (East Asian width, emoji, combining marks and ANSI codes all handled);
 * Intl.Segmenter finds word boundaries in Japanese, where there are no spaces to break at.
 */
import { createRequire } from 'node:module';
import type StringWidth from 'string-width';

// string-width (its grapheme segmenter and emoji tables: tens of milliseconds) loads on the
// first measurement, so a start whose output is piped, and never wrapped, does not pay for it.
const load = createRequire(import.meta.url);
let measure: typeof StringWidth | undefined;
function stringWidth(text: string): number {
  measure ??= (load('string-width') as { default: typeof StringWidth }).default;
  return measure(text);
}

/** Escape codes and URLs are never split: one measures nothing, the other must stay clickable. */
const WHOLE = /(\x1b\[[0-9;]*m|https?:\/\/\S+)/;
const words = new Intl.Segmenter('ja', { granularity: 'word' });

export function width(text: string): number {
  return stringWidth(text);
}

/** `text` followed by spaces up to `columns` display columns. */
export function padEnd(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - stringWidth(text)));
}

/** Words, spaces, URLs and escape codes, in order. */
function tokens(text: string): string[] {
  return text.split(WHOLE).flatMap((piece, i) => (i % 2 ? [piece] : Array.from(words.segment(piece), (s) => s.segment)));
}

/**
 * Wraps each line of `text` to `columns` at word boundaries; continuation lines start with
 * `indent`. A word wider than a line (a long URL) stays whole rather than being cut apart.
 */
export function wrap(text: string, columns: number, indent = ''): string {
  if (!Number.isFinite(columns)) return text;
  return text.split('\n').map((line) => wrapLine(line, columns, indent)).join('\n');
}

function wrapLine(line: string, columns: number, indent: string): string {
  const out: string[] = [];
  const start = stringWidth(indent);
  let cur = '';
  let used = 0;
  let fresh = true;
  for (const tok of tokens(line)) {
    const w = stringWidth(tok);
    const space = tok.trim() === '' && w > 0;
    if (used + w > columns && !fresh) {
      out.push(cur.trimEnd());
      cur = indent;
      used = start;
      fresh = true;
      if (space) continue;
    }
    if (space && fresh && out.length > 0) continue;
    cur += tok;
    used += w;
    if (w > 0 && !space) fresh = false;
  }
  out.push(cur.trimEnd());
  return out.join('\n');
}
