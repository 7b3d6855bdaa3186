/**
 * The bot's handler: a request in, a neutral Reply out. Every adapter calls this and only
 * renders what it returns.
 */
import { talkLinks } from './corpus/links.ts';
import type { Library } from './library.ts';
import { messages } from './messages.ts';
import { cleanInput } from './normalize.ts';
import { answer } from './answer.ts';
import { FILTER_NAMES, MAX_QUERY_LENGTH, type QueryError } from './query.ts';
import type { Hit, Notice, Reply } from './reply.ts';
import type { Found, Match } from './search.ts';
import { makeSnippet } from './snippet.ts';
import type { Locale, Talk } from './types.ts';

export const PAGE_SIZE = 5;
export const MAX_PAGE_SIZE = 50;
/** The talk-of-the-day excerpt is longer than a search snippet. */
export const EXCERPT_LENGTH = 400;

export interface Request {
  text: string;
  locale?: Locale;
  offset?: number;
  limit?: number;
}

export interface BotOptions {
  library: Library;
  defaultLocale?: Locale;
  pageSize?: number;
  /** Chooses the talk of the day; the default picks one at random. */
  today?: () => Talk | undefined;
  /** Today's date as YYYY-MM-DD, for the talk-of-the-day heading. */
  date?: () => string;
}

const HELP_WORDS = new Set(['help', 'ヘルプ', '使い方', '?', '？']);
const TODAY_WORDS = new Set(['today', '今日', 'きょう']);

export class Bot {
  private library: Library;
  readonly defaultLocale: Locale;
  private readonly pageSize: number;
  private readonly pickToday: () => Talk | undefined;
  private readonly date: () => string;

  constructor(opts: BotOptions) {
    this.library = opts.library;
    this.defaultLocale = opts.defaultLocale ?? 'ja';
    this.pageSize = opts.pageSize ?? PAGE_SIZE;
    this.pickToday = opts.today ?? (() => randomTalk(this.library));
    this.date = opts.date ?? (() => new Date().toISOString().slice(0, 10));
  }

  get current(): Library {
    return this.library;
  }

  /** Swaps in a newly loaded corpus; requests already running finish on the old one. */
  setLibrary(library: Library): void {
    this.library = library;
  }

  handle(req: Request): Reply {
    const locale = req.locale ?? this.defaultLocale;
    const text = cleanInput(req.text);
    const word = text.toLowerCase();
    if (HELP_WORDS.has(word) || text === '') return this.help(locale);
    if (TODAY_WORDS.has(word)) return this.today(locale);
    return this.search(text, locale, req.offset ?? 0, req.limit ?? this.pageSize);
  }

  help(locale: Locale): Reply {
    const m = messages(locale);
    return { kind: 'help', locale, title: m.helpTitle, entries: m.help, footer: m.helpFooter };
  }

  today(locale: Locale): Reply {
    const talk = this.pickToday();
    if (!talk) return { kind: 'message', locale, notices: [{ code: 'no_talks', text: messages(locale).noTalks }] };
    return this.talkOfTheDay(locale, talk, this.date());
  }

  /** One talk's whole summary in `locale`: what an "other language" button shows. */
  summary(id: string, locale: Locale): Reply {
    const m = messages(locale);
    const talk = this.library.index.get(id);
    if (!talk) return { kind: 'message', locale, notices: [{ code: 'page_expired', text: m.pageExpired }] };
    const hit = toHit({ talk, score: 0, terms: [] }, locale, Number.MAX_SAFE_INTEGER);
    return { kind: 'talk', locale, header: m.summaryHeading, hit };
  }

  /** A talk with a longer excerpt, headed as the talk of the day for `date` (YYYY-MM-DD). */
  talkOfTheDay(locale: Locale, talk: Talk, date: string): Reply {
    const hit = toHit({ talk, score: 0, terms: [] }, locale, EXCERPT_LENGTH);
    return { kind: 'talk', locale, header: messages(locale).todayHeading({ date }), hit };
  }

  search(text: string, locale: Locale, offset: number, limit: number): Reply {
    const m = messages(locale);
    const a = answer(this.library, text);
    const q = a.query;
    const notices: Notice[] = [];
    if (q.truncated) notices.push({ code: 'query_truncated', text: m.queryTruncated({ max: MAX_QUERY_LENGTH }) });
    if (q.unknownFilters.length) {
      const known = FILTER_NAMES.map((f) => `${f}:`);
      notices.push({ code: 'unknown_filter', text: m.unknownFilter({ filters: q.unknownFilters, known }) });
    }
    if (!a.ok) {
      notices.push(queryErrorNotice(a.error, locale, q.display));
      return { kind: 'message', locale, notices };
    }
    if (!q.text && !q.eventIds && q.year === undefined) {
      // Nothing left to search for once mention markup is taken out ("<!channel>" alone).
      notices.push({ code: 'empty_query', text: m.emptyQuery }, { code: 'search_tips', text: m.searchTips });
      return { kind: 'message', locale, notices };
    }
    const { matches, unmatched } = a.found;
    if (matches.length === 0) return this.noMatch(locale, q.display, q.text, a.found, notices);
    if (unmatched.length) notices.push({ code: 'partly_unmatched', text: m.partlyUnmatched({ words: unmatched }) });
    const size = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(limit) || this.pageSize));
    const total = matches.length;
    if (offset >= total || offset < 0 || !Number.isInteger(offset)) {
      notices.push({ code: 'page_expired', text: m.pageExpired });
      return { kind: 'message', locale, notices };
    }
    const hits = matches.slice(offset, offset + size).map((match) => toHit(match, locale));
    const range = { total, from: offset + 1, to: offset + hits.length };
    const header = q.text ? m.resultsHeader({ query: q.display, ...range }) : m.listHeader(range);
    return { kind: 'results', locale, header, hits, page: { query: q.display, offset, limit: size, total }, notices };
  }

  /** No talk matches: say so, name the words no talk has, and show the closest talks apart. */
  private noMatch(locale: Locale, display: string, text: string, found: Found, notices: Notice[]): Reply {
    const m = messages(locale);
    notices.push({ code: 'no_results', text: m.noResults({ query: display }) });
    if (found.unmatched.length) notices.push({ code: 'unmatched_words', text: m.unmatchedWords({ words: found.unmatched }) });
    const suggestions = this.library.index.vocabulary.suggest(text);
    if (suggestions.length) notices.push({ code: 'did_you_mean', text: m.didYouMean({ suggestions }), suggestions });
    if (found.related.length === 0) {
      notices.push({ code: 'search_tips', text: m.searchTips });
      return { kind: 'message', locale, notices };
    }
    const related = { header: m.relatedHeader, hits: found.related.map((match) => toHit(match, locale)) };
    return { kind: 'message', locale, notices, related };
  }
}

function queryErrorNotice(error: QueryError, locale: Locale, query: string): Notice {
  const m = messages(locale);
  switch (error.code) {
    case 'unknown_event':
      return { code: 'unknown_event', text: m.unknownEvent(error) };
    case 'bad_year':
      return { code: 'bad_year', text: m.badYear(error) };
    case 'no_event': {
      const known = error.known.map((e) => (e.city ? `${e.name} (${e.city})` : e.name));
      return { code: 'no_event', text: m.noEvent({ query, phrases: error.phrases, known }) };
    }
  }
}

export function toHit(match: Match, locale: Locale, snippetLength?: number): Hit {
  const { talk } = match;
  const other: Locale = locale === 'ja' ? 'en' : 'ja';
  const m = messages(locale);
  return {
    id: talk.id,
    title: talk.title,
    event: { id: talk.event.id, name: talk.event.name, year: talk.event.year },
    track: talk.track,
    speakers: talk.speakers,
    snippet: makeSnippet(talk.summary[locale], match.terms, snippetLength),
    summary: talk.summary[locale],
    other: { locale: other, text: talk.summary[other] },
    links: talkLinks(talk),
    credit: m.credit({ publication: talk.recap.publication, title: talk.recap.title, author: talk.recap.author }),
    score: match.score,
  };
}

function randomTalk(library: Library): Talk | undefined {
  const talks = library.index.talks;
  return talks[Math.floor(Math.random() * talks.length)];
}
