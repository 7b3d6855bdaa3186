/**
 * The neutral reply: what to say, not how a platform draws it. Adapters render these; the only
 * words they add are labels (buttons, link names) from the message catalogue.
 */
import type { HelpEntry } from './messages.ts';
import type { Link, Locale, SnippetPart } from './types.ts';

export interface Hit {
  id: string;
  title: string;
  /** `label` is the name with the year, once: "KubeCon Europe 2024", "CloudNative Days Tokyo 2022". */
  event: { id: string; name: string; year: number; label: string };
  track?: string;
  speakers: string[];
  /** "Speakers: A, B" in the reader's language; absent when no speaker is known. */
  speakersLine?: string;
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

/**
 * What paging needs to run the same search again at another offset. The core works out where
 * the next and previous pages start, so no adapter repeats the arithmetic.
 */
export interface Page {
  query: string;
  offset: number;
  /** Hits asked for per page; this page may show fewer when the adapter said fewer fit. */
  limit: number;
  total: number;
  /** Where the next page starts; absent on the last page. */
  next?: number;
  /** Where the previous page starts; absent on the first page. */
  previous?: number;
}

/** Notices that need nothing filled in, so an adapter can ask the core for one by its code. */
export type PlainNoticeCode =
  | 'apology' | 'page_expired' | 'no_talks' | 'no_more_results' | 'first_page' | 'no_search_yet' | 'welcome';

type NoticeCode =
  | PlainNoticeCode
  | 'no_results' | 'did_you_mean' | 'search_tips' | 'query_truncated' | 'unknown_event' | 'bad_year' | 'empty_query'
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
interface Related {
  header: string;
  hits: Hit[];
}

export type Reply =
  | { kind: 'results'; locale: Locale; header: string; hits: Hit[]; page: Page; notices: Notice[] }
  | { kind: 'message'; locale: Locale; notices: Notice[]; related?: Related }
  | { kind: 'help'; locale: Locale; title: string; entries: HelpEntry[]; footer: string }
  | { kind: 'talk'; locale: Locale; header: string; hit: Hit };
