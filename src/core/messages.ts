/**
 * Everything the bot says to users, in Japanese and English. The core builds replies from these;
 * adapters take only labels (buttons, link names, the speakers line) from here. Both languages
 * define every message (the help is one bilingual text, shared by both).
 */
import type { LinkKind, Locale } from './types.ts';

export interface HelpEntry {
  example: string;
  text: string;
}

export interface Messages {
  resultsHeader(p: { query: string; total: number; from: number; to: number }): string;
  listHeader(p: { total: number; from: number; to: number }): string;
  noResults(p: { query: string }): string;
  didYouMean(p: { suggestions: string[] }): string;
  /** With no match: the typed words no talk has. */
  unmatchedWords(p: { words: string[] }): string;
  /** Above results: the typed words no talk has, the results matching the rest. */
  partlyUnmatched(p: { words: string[] }): string;
  /** Label of the closest talks shown when no talk matches. */
  relatedHeader: string;
  unknownFilter(p: { filters: string[]; known: string[] }): string;
  noEvent(p: { query: string; phrases: string[]; known: string[] }): string;
  searchTips: string;
  queryTruncated(p: { max: number }): string;
  unknownEvent(p: { value: string; known: string[] }): string;
  badYear(p: { value: string; known: number[] }): string;
  emptyQuery: string;
  apology: string;
  pageExpired: string;
  /** "next" typed on the last page, "prev" on the first, or either before any search. */
  noMoreResults: string;
  firstPage: string;
  noSearchYet: string;
  /** The terminal's greeting, and how it says the words "next" and "prev" page. */
  welcome: string;
  typeNext: string;
  typePrevious: string;
  todayHeading(p: { date: string }): string;
  noTalks: string;
  link: Record<LinkKind, string>;
  credit(p: { publication?: string; title: string; author?: string }): string;
  /** Credit for a talk known only from its event's schedule. */
  scheduleCredit(p: { event: string }): string;
  /** Heads a talk's official (English) abstract from the schedule. */
  officialAbstract: string;
  speakers: string;
  next: string;
  previous: string;
  share: string;
  sharedBy(p: { user: string }): string;
  otherLanguage: string;
  /** Heading of a summary shown on its own, in this language. */
  summaryHeading: string;
  helpTitle: string;
  help: HelpEntry[];
  /** Help entries for where paging is typed rather than pressed (the terminal). */
  helpPaging: HelpEntry[];
  helpFooter: string;
  /** Discord's /kubecon command and its query option (100 characters at most each). */
  commandDescription: string;
  queryOptionDescription: string;
}

const ja: Messages = {
  resultsHeader: ({ query, total, from, to }) => `「${query}」の検索結果 ${total}件 (${from}〜${to}件目)`,
  listHeader: ({ total, from, to }) => `${total}件のトーク (${from}〜${to}件目)`,
  noResults: ({ query }) => `「${query}」に一致するトークはありません。`,
  didYouMean: ({ suggestions }) => `もしかして: ${suggestions.join(' / ')}`,
  unmatchedWords: ({ words }) => `どのトークにも出てこない語: ${words.join('、')}`,
  partlyUnmatched: ({ words }) => `「${words.join('、')}」はどのトークにも出てこないため、残りの語に一致するトークを表示しています。`,
  relatedHeader: '近いトーク (検索語のすべてには一致しません)',
  unknownFilter: ({ filters, known }) =>
    `${filters.join(' ')} は絞り込みとして使えないため無視しました。使える絞り込み: ${known.join(', ')}`,
  noEvent: ({ query, phrases, known }) =>
    `「${query}」に一致するトークはありません。「${phrases.join(' ')}」に当たるイベントを収録していません。収録イベント: ${known.join(', ')}`,
  searchTips: '製品名 (gvisor, falco)、テーマ (セキュリティ、wasm)、または文章 (「gVisorの話ある?」) で検索できます。',
  queryTruncated: ({ max }) => `検索語が長すぎるため、先頭の${max}文字だけで検索しました。`,
  unknownEvent: ({ value, known }) => `「${value}」というイベントはありません。指定できるイベント: ${known.join(', ')}`,
  badYear: ({ value, known }) => `「${value}」年のトークはありません。指定できる年: ${known.join(', ')}`,
  emptyQuery: '検索語を入力してください。',
  apology: 'すみません、処理中にエラーが発生しました。少し時間をおいてもう一度お試しください。',
  pageExpired: 'この検索結果は古くなっています。もう一度検索してください。',
  noMoreResults: 'これ以上の検索結果はありません。',
  firstPage: 'これが最初のページです。',
  noSearchYet: 'まだ検索していません。検索語を入力してください。',
  welcome: 'kubecon-bot: 検索語を入力してください。help で使い方、Ctrl-D で終了します。',
  typeNext: 'next: 次へ',
  typePrevious: 'prev: 前へ',
  todayHeading: ({ date }) => `今日のトーク (${date})`,
  noTalks: '表示できるトークがありません。',
  link: {
    recap: 'レポート記事',
    recap_search: 'レポート記事を検索',
    talk: 'セッションページ',
    schedule: 'イベントのスケジュール',
    video: '録画',
    video_search: '動画を検索',
  },
  credit: ({ publication, title, author }) =>
    `出典: ${[publication, `「${title}」`, author].filter(Boolean).join(' ')}`,
  scheduleCredit: ({ event }) => `出典: ${event} 公式スケジュール`,
  officialAbstract: '公式アブストラクト (英語)',
  speakers: '登壇者',
  next: '次へ',
  previous: '前へ',
  share: 'チャンネルに共有',
  sharedBy: ({ user }) => `${user} さんが共有しました`,
  otherLanguage: 'English summary',
  summaryHeading: '日本語の要約',
  helpTitle: 'kubecon-bot の使い方 / How to use kubecon-bot',
  help: [
    { example: 'gvisor', text: 'キーワードで検索 / search by keyword' },
    { example: 'gVisorについて話してたセッションある?', text: '文章でも検索できます / whole sentences work too' },
    { example: 'sandbox', text: '英語で日本語の要約も探します / English finds Japanese summaries' },
    { example: 'wasm event:kubecon-eu-2024', text: 'イベントで絞り込み / filter by event' },
    { example: 'security year:2022', text: '年で絞り込み / filter by year' },
    { example: 'today', text: '今日のトーク / talk of the day' },
    { example: 'help', text: 'この説明 / this help' },
  ],
  helpPaging: [
    { example: 'next', text: '次のページ / next page' },
    { example: 'prev', text: '前のページ / previous page' },
  ],
  helpFooter: 'KubeCon と CloudNative Days のレポート記事から作ったトークの要約を検索します。',
  commandDescription: 'KubeCon と CloudNative Days のトークを検索します',
  queryOptionDescription: 'キーワードや文章、today (今日のトーク)、help (使い方)',
};

const en: Messages = {
  resultsHeader: ({ query, total, from, to }) =>
    `${total} talk${total === 1 ? '' : 's'} for "${query}" (${from}-${to})`,
  listHeader: ({ total, from, to }) => `${total} talk${total === 1 ? '' : 's'} (${from}-${to})`,
  noResults: ({ query }) => `No talk matches "${query}".`,
  didYouMean: ({ suggestions }) => `Did you mean: ${suggestions.join(' / ')}`,
  unmatchedWords: ({ words }) => `No talk mentions: ${words.join(', ')}`,
  partlyUnmatched: ({ words }) => `No talk mentions ${words.join(', ')}; these talks match your other words.`,
  relatedHeader: 'Closest talks (they do not match everything you asked)',
  unknownFilter: ({ filters, known }) =>
    `Ignored ${filters.join(' ')}: not a filter. Filters you can use: ${known.join(', ')}`,
  noEvent: ({ query, phrases, known }) =>
    `No talk matches "${query}": no event in the corpus fits "${phrases.join(' ')}". Events: ${known.join(', ')}`,
  searchTips: 'Try a product (gvisor, falco), a topic (security, wasm) or a question ("any talks about gVisor?").',
  queryTruncated: ({ max }) => `Your query was long, so only its first ${max} characters were searched.`,
  unknownEvent: ({ value, known }) => `There is no event "${value}". Known events: ${known.join(', ')}`,
  badYear: ({ value, known }) => `There are no talks from "${value}". Years with talks: ${known.join(', ')}`,
  emptyQuery: 'Please type something to search for.',
  apology: 'Sorry, something went wrong on our side. Please try again in a moment.',
  pageExpired: 'These results are out of date. Please search again.',
  noMoreResults: 'There are no more results.',
  firstPage: 'This is the first page.',
  noSearchYet: 'Nothing searched yet. Type something to search for.',
  welcome: 'kubecon-bot: type a search, "help" for help, Ctrl-D to quit.',
  typeNext: 'next: Next',
  typePrevious: 'prev: Previous',
  todayHeading: ({ date }) => `Talk of the day (${date})`,
  noTalks: 'There are no talks to show.',
  link: {
    recap: 'Recap post',
    recap_search: 'Search for the recap',
    talk: 'Talk page',
    schedule: 'Event schedule',
    video: 'Recording',
    video_search: 'Search for a video',
  },
  credit: ({ publication, title, author }) =>
    `Source: ${[publication, `"${title}"`, author ? `by ${author}` : ''].filter(Boolean).join(' ')}`,
  scheduleCredit: ({ event }) => `Source: the official schedule of ${event}`,
  officialAbstract: 'Official abstract',
  speakers: 'Speakers',
  next: 'Next',
  previous: 'Previous',
  share: 'Share in channel',
  sharedBy: ({ user }) => `Shared by ${user}`,
  otherLanguage: '日本語の要約',
  summaryHeading: 'English summary',
  helpTitle: ja.helpTitle,
  help: ja.help,
  helpPaging: ja.helpPaging,
  helpFooter: 'Searches summaries of KubeCon and CloudNative Days talks, written from Japanese recap posts.',
  commandDescription: 'Search KubeCon and CloudNative Days talks',
  queryOptionDescription: 'Keywords or a question, today (talk of the day) or help',
};

const CATALOGUE: Record<Locale, Messages> = { ja, en };

export function messages(locale: Locale): Messages {
  return CATALOGUE[locale];
}

/** Maps a platform locale such as "en-US" or "ja" to one we write in, or undefined. */
export function toLocale(platformLocale: string | undefined | null): Locale | undefined {
  if (!platformLocale) return undefined;
  const l = platformLocale.toLowerCase();
  if (l.startsWith('ja')) return 'ja';
  if (l.startsWith('en')) return 'en';
  return undefined;
}
