/**
 * Parses what a user typed: cleans it, cuts it to a sane length, takes out the filters
 * (`event:kubecon-eu-2024`, `year:2022`) and the events named in words (パリ, 2022年, CNDT).
 * Pure: returns a value or an error code, never text.
 */
import { findEventWords } from './event-words.ts';
import { cleanInput, truncate } from './normalize.ts';
import type { EventInfo } from './types.ts';

export const MAX_QUERY_LENGTH = 200;

export type QueryError =
  | { code: 'unknown_event'; value: string; known: string[] }
  | { code: 'bad_year'; value: string; known: number[] }
  /** Event words (a city, region, year or name) that no event in the corpus fits. */
  | { code: 'no_event'; phrases: string[]; known: EventInfo[] };

/** The filters a query may use, as `name:value`. */
export const FILTER_NAMES = ['event', 'year'] as const;

export interface ParsedQuery {
  /** The query as cleaned, filters included: what the user is shown and what paging repeats. */
  display: string;
  /** The words to search for, filters removed. */
  text: string;
  eventIds?: Set<string>;
  year?: number;
  truncated: boolean;
  /** Events named in words ("パリ", "2022年"), taken out of `text` and applied as filters. */
  eventWords: string[];
  /** `name:value` words whose name is no filter (`lang:en`), taken out of `text`. */
  unknownFilters: string[];
}

/** Chat mention markup (Slack <!channel>, <@U1>, Discord <@1>, <@&1>, @everyone) is never search content. */
const MENTIONS = /<[!@#][^>\s]*>|@(?:everyone|here|channel)\b/giu;

const FILTER = /(?:^|\s)(event|year|イベント|年)[:：]\s*(\S*)/giu;

/** Anything else shaped like a filter (`lang:en`, `foo:bar`); URLs are left alone. */
const OTHER_FILTER = /(?:^|\s)([a-z][a-z_-]{1,15})[:：](?!\/\/)(\S+)/giu;

/** The input cleaned and cut to the maximum length: what is searched and shown as the query. */
export function searchedText(input: string): string {
  return truncate(cleanInput(input), MAX_QUERY_LENGTH).text;
}

export function parseQuery(input: string, events: readonly EventInfo[]):
  | { ok: true; query: ParsedQuery }
  | { ok: false; error: QueryError; query: ParsedQuery } {
  const cut = truncate(cleanInput(input), MAX_QUERY_LENGTH);
  const display = cut.text;
  const query: ParsedQuery = { display, text: display, truncated: cut.cut, eventWords: [], unknownFilters: [] };
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
    .replace(OTHER_FILTER, (m: string) => {
      query.unknownFilters.push(m.trim());
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
  error ??= applyEventWords(query, events);
  return error ? { ok: false, error, query } : { ok: true, query };
}

/** Takes the events named in words out of the text and narrows the query's events to them. */
function applyEventWords(query: ParsedQuery, events: readonly EventInfo[]): QueryError | null {
  const words = findEventWords(query.text, events);
  if (!words.eventIds) return null;
  query.text = words.text;
  query.eventWords = words.phrases;
  const fits = [...words.eventIds].filter(
    (id) =>
      (!query.eventIds || query.eventIds.has(id)) &&
      (query.year === undefined || events.some((e) => e.id === id && e.year === query.year)),
  );
  if (fits.length === 0) return { code: 'no_event', phrases: words.phrases, known: [...events].sort((a, b) => a.start.localeCompare(b.start)) };
  query.eventIds = new Set(fits);
  return null;
}
