/**
 * The bot's handler: a request in, a neutral Reply out. Every adapter calls this and only
 * renders what it returns.
 */
import { completeQuery, type Choice, type CompleteOptions } from './complete.ts';
import { talkLinks } from './corpus/links.ts';
import type { Library } from './library.ts';
import { messages } from './messages.ts';
import { cleanInput } from './normalize.ts';
import { answer } from './answer.ts';
import { FILTER_NAMES, MAX_QUERY_LENGTH, type QueryError } from './query.ts';
import type { Hit, Notice, Page, PlainNoticeCode, Reply } from './reply.ts';
import type { Found, Match } from './search.ts';
import { makeSnippet } from './snippet.ts';
import type { Locale, Talk } from './types.ts';

const PAGE_SIZE = 5;
export const MAX_PAGE_SIZE = 50;
/** The talk-of-the-day excerpt is longer than a search snippet. */
const EXCERPT_LENGTH = 400;

export interface Request {
  text: string;
  locale?: Locale;
  offset?: number;
  limit?: number;
  /**
   * How many of a page's hits one message can show, measured by the adapter; the page is cut to
   * that many (at least one) and the next page starts after the last one shown.
   */
  fit?: (hits: readonly Hit[], firstNumber: number) => number;
  /** Paging is typed ("next", "prev") rather than pressed: the help lists those words too. */
  typedPaging?: boolean;
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
    if (HELP_WORDS.has(word) || text === '') return this.help(locale, req.typedPaging);
    if (TODAY_WORDS.has(word)) return this.today(locale);
    return this.search(text, locale, req.offset ?? 0, req.limit ?? this.pageSize, req.fit);
  }

  help(locale: Locale, typedPaging = false): Reply {
    const m = messages(locale);
    const entries = typedPaging ? [...m.help, ...m.helpPaging] : m.help;
    return { kind: 'help', locale, title: m.helpTitle, entries, footer: m.helpFooter };
  }

  /** A reply that is one notice from the catalogue: what adapters say without writing words. */
  notice(code: PlainNoticeCode, locale: Locale = this.defaultLocale): Reply {
    return { kind: 'message', locale, notices: [plainNotice(code, locale)] };
  }

  /** Completions for a query being typed (Discord's autocomplete, the terminal's Tab). */
  complete(typed: string, locale: Locale = this.defaultLocale, opts?: CompleteOptions): Choice[] {
    return completeQuery(typed, this.library.index, locale, opts);
  }

  today(locale: Locale): Reply {
    const talk = this.pickToday();
    if (!talk) return this.notice('no_talks', locale);
    return this.talkOfTheDay(locale, talk, this.date());
  }

  /** One talk's whole summary in `locale`: what an "other language" button shows. */
  summary(id: string, locale: Locale): Reply {
    const talk = this.library.index.get(id);
    if (!talk) return this.notice('page_expired', locale);
    const hit = toHit({ talk, score: 0, terms: [] }, locale, Number.MAX_SAFE_INTEGER);
    return { kind: 'talk', locale, header: messages(locale).summaryHeading, hit };
  }

  /** A talk with a longer excerpt, headed as the talk of the day for `date` (YYYY-MM-DD). */
  talkOfTheDay(locale: Locale, talk: Talk, date: string): Reply {
    const hit = toHit({ talk, score: 0, terms: [] }, locale, EXCERPT_LENGTH);
    return { kind: 'talk', locale, header: messages(locale).todayHeading({ date }), hit };
  }

  search(text: string, locale: Locale, offset: number, limit: number, fit?: Request['fit']): Reply {
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
      notices.push(plainNotice('page_expired', locale));
      return { kind: 'message', locale, notices };
    }
    const all = matches.slice(offset, offset + size).map((match) => toHit(match, locale));
    const shown = fit ? Math.max(1, Math.min(all.length, Math.floor(fit(all, offset + 1)) || 1)) : all.length;
    const hits = all.slice(0, shown);
    const range = { total, from: offset + 1, to: offset + hits.length };
    const header = q.text ? m.resultsHeader({ query: q.display, ...range }) : m.listHeader(range);
    const page: Page = { query: q.display, offset, limit: size, total };
    if (offset + shown < total) page.next = offset + shown;
    if (offset > 0) page.previous = Math.max(0, offset - size);
    return { kind: 'results', locale, header, hits, page, notices };
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

function plainNotice(code: PlainNoticeCode, locale: Locale): Notice {
  const m = messages(locale);
  const text: Record<PlainNoticeCode, string> = {
    apology: m.apology,
    page_expired: m.pageExpired,
    no_talks: m.noTalks,
    no_more_results: m.noMoreResults,
    first_page: m.firstPage,
    no_search_yet: m.noSearchYet,
    welcome: m.welcome,
  };
  return { code, text: text[code] };
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

function toHit(match: Match, locale: Locale, snippetLength?: number): Hit {
  const { talk } = match;
  const other: Locale = locale === 'ja' ? 'en' : 'ja';
  const m = messages(locale);
  return {
    id: talk.id,
    title: talk.title,
    event: { id: talk.event.id, name: talk.event.name, year: talk.event.year, label: eventLabel(talk.event.name, talk.event.year) },
    track: talk.track,
    speakers: talk.speakers,
    ...(talk.speakers.length ? { speakersLine: `${m.speakers}: ${talk.speakers.join(', ')}` } : {}),
    snippet: makeSnippet(talk.summary?.[locale] ?? labelledAbstract(talk, locale), match.terms, snippetLength),
    summary: talkText(talk, locale),
    other: { locale: other, text: talkText(talk, other) },
    links: talkLinks(talk),
    credit: talk.recap
      ? m.credit({ publication: talk.recap.publication, title: talk.recap.title, author: talk.recap.author })
      : m.scheduleCredit({ event: talk.event.name }),
    score: match.score,
  };
}

/** The official abstract headed by its label, or '' when the talk has none. */
function labelledAbstract(talk: Talk, locale: Locale): string {
  return talk.abstract ? `${messages(locale).officialAbstract}: ${talk.abstract}` : '';
}

/** Everything a reader gets about a talk: the recap summary first, then the official abstract. */
function talkText(talk: Talk, locale: Locale): string {
  return [talk.summary?.[locale], labelledAbstract(talk, locale)].filter(Boolean).join('\n\n');
}

function eventLabel(name: string, year: number): string {
  return name.includes(String(year)) ? name : `${name} ${year}`;
}

function randomTalk(library: Library): Talk | undefined {
  const talks = library.index.talks;
  return talks[Math.floor(Math.random() * talks.length)];
}
