/**
 * A query from typed text to what answers it: parse (filters, events in words), then find the
 * talks that match and, when none does, the related ones. The bot and the relevance suite both
 * go through here, so the suite measures what users get.
 */
import type { Library } from './library.ts';
import { parseQuery, type ParsedQuery, type QueryError } from './query.ts';
import type { Found } from './search.ts';

export type Answer =
  | { ok: true; query: ParsedQuery; found: Found }
  | { ok: false; query: ParsedQuery; error: QueryError };

export function answer(library: Library, text: string): Answer {
  const parsed = parseQuery(text, library.events);
  if (!parsed.ok) return parsed;
  const q = parsed.query;
  const found = library.index.find(q.text, { eventIds: q.eventIds, year: q.year });
  return { ok: true, query: q, found };
}
