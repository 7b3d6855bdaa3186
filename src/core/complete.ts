/**
 * Completions for a query as the user types: the help examples (so `today` and `help` are
 * discoverable), known terms completing the word being typed, and talk titles. Pure and fast:
 * Discord drops answers that take longer than 3 seconds, and the terminal completes on Tab.
 */
import { messages } from './messages.ts';
import { cleanInput, normalize } from './normalize.ts';
import type { TalkIndex } from './search.ts';
import type { Locale } from './types.ts';

export interface Choice {
  /** What the list shows. */
  name: string;
  /** What the query becomes when the choice is taken. */
  value: string;
}

export interface CompleteOptions {
  /** At most this many choices (Discord shows 25). */
  max?: number;
  /** Names and values at most this many UTF-16 units (Discord allows 100). */
  maxLength?: number;
}

const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;
const MAX_TERMS = 10;

/** `text` cut to at most `max` UTF-16 units, never mid-character; `mark` ends a shortened text. */
function cut(text: string, max: number, mark = ''): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - mark.length) break;
    out += ch;
  }
  return out + mark;
}

export function completeQuery(
  typed: string, index: Pick<TalkIndex, 'talks' | 'vocabulary'>, locale: Locale, opts: CompleteOptions = {},
): Choice[] {
  const max = opts.max ?? MAX_CHOICES;
  const maxLength = opts.maxLength ?? MAX_CHOICE_LENGTH;
  const text = cleanInput(typed);
  const wanted = normalize(text);
  const out: Choice[] = [];
  const seen = new Set<string>();
  const add = (name: string, value: string) => {
    if (!value || value.length > maxLength || seen.has(value) || out.length >= max) return;
    seen.add(value);
    out.push({ name: cut(name, maxLength, '…'), value });
  };

  for (const e of messages(locale).help) {
    if (normalize(e.example).startsWith(wanted)) add(`${e.example} — ${e.text}`, e.example);
  }
  if (!wanted) return out;

  const split = text.lastIndexOf(' ') + 1;
  const before = text.slice(0, split);
  const word = text.slice(split);
  if (word) {
    for (const term of index.vocabulary.completions(word, MAX_TERMS)) add(before + term, before + term);
  }

  const titles = index.talks.map((t) => t.title).filter((t) => normalize(t).includes(wanted));
  const starts = (t: string) => (normalize(t).startsWith(wanted) ? 0 : 1);
  titles.sort((a, b) => starts(a) - starts(b) || a.localeCompare(b));
  for (const title of titles) add(title, cut(title, maxLength));
  return out;
}
