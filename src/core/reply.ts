/**
 * The neutral reply: what to say, not how a platform draws it. Adapters only render these.
 */
import type { HelpEntry } from './messages.ts';
import type { Link, Locale, SnippetPart } from './types.ts';

export interface Hit {
  id: string;
  title: string;
  event: { id: string; name: string; year: number };
  track?: string;
  speakers: string[];
  /** The summary in the reader's language around the matched words, matches marked. */
  snippet: SnippetPart[];
  /** The whole summary in the reader's language, and in the other one. */
  summary: string;
  other: { locale: Locale; text: string };
  links: Link[];
  /** "Source: publication "post title" by author", in the reader's language. */
  credit: string;
  score: number;
}

/** What paging needs to run the same search again at another offset. */
export interface Page {
  query: string;
  offset: number;
  limit: number;
  total: number;
}

export type NoticeCode =
  | 'no_results' | 'did_you_mean' | 'search_tips' | 'query_truncated' | 'unknown_event'
  | 'bad_year' | 'apology' | 'page_expired' | 'no_talks' | 'empty_query'
  /** Words no talk has: with no match, or above results that match the other words. */
  | 'unmatched_words' | 'partly_unmatched'
  /** `lang:en`: not a filter; names the filters there are. */
  | 'unknown_filter'
  /** Events named in words ("San Diego 2019") that no event fits. */
  | 'no_event';

export interface Notice {
  code: NoticeCode;
  text: string;
  /** For did_you_mean: the suggested terms, so an adapter can offer them as buttons. */
  suggestions?: string[];
}

/** Talks close to a query that no talk matches: shown under their own label, never as answers. */
export interface Related {
  header: string;
  hits: Hit[];
}

export type Reply =
  | { kind: 'results'; locale: Locale; header: string; hits: Hit[]; page: Page; notices: Notice[] }
  | { kind: 'message'; locale: Locale; notices: Notice[]; related?: Related }
  | { kind: 'help'; locale: Locale; title: string; entries: HelpEntry[]; footer: string }
  | { kind: 'talk'; locale: Locale; header: string; hit: Hit };

export function hasNext(page: Page): boolean {
  return page.offset + page.limit < page.total;
}

export function hasPrevious(page: Page): boolean {
  return page.offset > 0;
}
