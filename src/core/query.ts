/**
 * Parses what a user typed: cleans it, cuts it to a sane length, and takes out the filters
 * (`event:kubecon-eu-2024`, `year:2022`). Pure: returns a value or an error code, never text.
 */
import { cleanInput, truncate } from './normalize.ts';
import type { EventInfo } from './types.ts';

export const MAX_QUERY_LENGTH = 200;

export type QueryError =
  | { code: 'unknown_event'; value: string; known: string[] }
  | { code: 'bad_year'; value: string; known: number[] };

export interface ParsedQuery {
  /** The query as cleaned, filters included: what the user is shown and what paging repeats. */
  display: string;
  /** The words to search for, filters removed. */
  text: string;
  eventIds?: Set<string>;
  year?: number;
  truncated: boolean;
}

/** Chat mention markup (Slack <!channel>, <@U1>, Discord <@1>, <@&1>, @everyone) is never search content. */
const MENTIONS = /<[!@#][^>\s]*>|@(?:everyone|here|channel)\b/giu;

const FILTER = /(?:^|\s)(event|year|イベント|年)[:：]\s*(\S*)/giu;

/** The input cleaned and cut to the maximum length: what is searched and shown as the query. */
export function searchedText(input: string): string {
  return truncate(cleanInput(input), MAX_QUERY_LENGTH).text;
}

export function parseQuery(input: string, events: readonly EventInfo[]):
  | { ok: true; query: ParsedQuery }
  | { ok: false; error: QueryError; query: ParsedQuery } {
  const cut = truncate(cleanInput(input), MAX_QUERY_LENGTH);
  const display = cut.text;
  const query: ParsedQuery = { display, text: display, truncated: cut.cut };
  let error: QueryError | null = null;
  query.text = display
    .replace(MENTIONS, ' ')
    .replace(FILTER, (_m, key: string, value: string) => {
      const k = key.toLowerCase();
      const v = value.toLowerCase();
      if (k === 'event' || k === 'イベント') {
        const ids = events.map((e) => e.id).filter((id) => id === v || (v.length > 0 && id.startsWith(v)));
        if (ids.length === 0) error ??= { code: 'unknown_event', value, known: events.map((e) => e.id).sort() };
        else query.eventIds = new Set(ids);
      } else {
        const years = [...new Set(events.map((e) => e.year))].sort();
        const y = Number(v);
        if (!/^\d{4}$/.test(v) || !years.includes(y)) error ??= { code: 'bad_year', value, known: years };
        else query.year = y;
      }
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
  return error ? { ok: false, error, query } : { ok: true, query };
}
