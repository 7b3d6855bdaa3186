/**
 * Choices for the query option as the user types: the help examples (so `today` and `help` are
 * discoverable), known terms completing the word being typed, and talk titles. Pure and fast:
 * Discord drops answers that take longer than 3 seconds.
 */
import { messages } from '../../core/messages.ts';
import { cleanInput, normalize } from '../../core/normalize.ts';
import type { TalkIndex } from '../../core/search.ts';
import type { Locale } from '../../core/types.ts';
import { fit } from './text.ts';

export interface Choice {
  name: string;
  value: string;
}

export const MAX_CHOICES = 25;
/** Discord's limit for a choice's name and for a string value. */
const MAX_LENGTH = 100;
const MAX_TERMS = 10;

function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

export function completeQuery(typed: string, index: Pick<TalkIndex, 'talks' | 'vocabulary'>, locale: Locale): Choice[] {
  const text = cleanInput(typed);
  const wanted = normalize(text);
  const out: Choice[] = [];
  const seen = new Set<string>();
  const add = (name: string, value: string) => {
    if (!value || value.length > MAX_LENGTH || seen.has(value) || out.length >= MAX_CHOICES) return;
    seen.add(value);
    out.push({ name: fit(name, MAX_LENGTH), value });
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
  for (const title of titles) add(title, cut(title, MAX_LENGTH));
  return out;
}
