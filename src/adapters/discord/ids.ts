/**
 * Button custom_ids that carry their own state, so buttons keep working after a restart and no
 * store is needed. A custom_id holds at most 100 characters and a query up to 200, so a long
 * query is split across the buttons of the paging row; each id says which part it holds.
 *
 *   kq1n|a|5|ja|01|kubernetes      Next: offset 10 (base 36), limit 5, locale, part 0 of 1, query
 *   kq1s|ja|gvisor                 a "did you mean" suggestion
 *   kq1o|en|kubecon-eu-2018/best-… a talk's summary in another language
 */
import { isLocale, isOneOf } from '../../core/one-of.ts';
import type { Locale } from '../../core/types.ts';

const MAX_CUSTOM_ID = 100;
const VERSION = 'kq1';
const MAX_PARTS = 5;

const ACTS = ['n', 'p', 'i'] as const;
export type PageAct = (typeof ACTS)[number];

interface PageTarget {
  locale: Locale;
  offset: number;
  limit: number;
  query: string;
}

export type Press =
  | ({ kind: 'page'; act: PageAct } & PageTarget)
  | { kind: 'suggest'; locale: Locale; term: string }
  | { kind: 'other'; locale: Locale; talkId: string };

function head(act: PageAct, offset: number, limit: number, locale: Locale, index: number, count: number): string {
  return `${VERSION}${act}|${offset.toString(36)}|${limit.toString(36)}|${locale}|${index}${count}|`;
}

/** Splits `text` into at most `parts` pieces of at most `size` UTF-16 units, never mid-character. */
function split(text: string, size: number, parts: number): string[] | undefined {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (cur.length + ch.length > size) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  out.push(cur);
  return out.length <= parts ? out : undefined;
}

/**
 * Ids for a row of paging buttons, in order: each button goes to its own offset. Undefined when
 * the query cannot fit in the row's ids (only possible for very long emoji-heavy queries).
 */
export function pagingIds(
  buttons: ReadonlyArray<{ act: PageAct; offset: number }>,
  common: { locale: Locale; limit: number; query: string },
): string[] | undefined {
  const { locale, limit, query } = common;
  const longest = Math.max(...buttons.map((b) => head(b.act, b.offset, limit, locale, 0, 0).length));
  const room = MAX_CUSTOM_ID - longest;
  if (query.length <= room) return buttons.map((b) => head(b.act, b.offset, limit, locale, 0, 1) + query);
  const parts = split(query, room, Math.min(buttons.length, MAX_PARTS));
  if (!parts) return undefined;
  return buttons.map((b, i) => head(b.act, b.offset, limit, locale, i, parts.length) + (parts[i] ?? ''));
}

export function suggestionId(locale: Locale, term: string): string | undefined {
  const id = `${VERSION}s|${locale}|${term}`;
  return id.length <= MAX_CUSTOM_ID ? id : undefined;
}

export function otherLanguageId(locale: Locale, talkId: string): string | undefined {
  const id = `${VERSION}o|${locale}|${talkId}`;
  return id.length <= MAX_CUSTOM_ID ? id : undefined;
}

interface Part {
  act: PageAct;
  offset: number;
  limit: number;
  locale: Locale;
  index: number;
  count: number;
  chunk: string;
}

const PAGE_ID = /^kq1([npi])\|([0-9a-z]{1,8})\|([0-9a-z]{1,4})\|([a-z]{2})\|(\d)(\d)\|(.*)$/su;

function parsePart(id: string): Part | undefined {
  const m = PAGE_ID.exec(id);
  if (!m) return undefined;
  const [, act, offset, limit, locale, index, count, chunk] = m;
  if (!isOneOf(ACTS, act) || !isLocale(locale)) return undefined;
  const part: Part = {
    act,
    offset: parseInt(offset!, 36),
    limit: parseInt(limit!, 36),
    locale,
    index: Number(index),
    count: Number(count),
    chunk: chunk!,
  };
  const ok = part.limit >= 1 && part.count >= 1 && part.count <= MAX_PARTS;
  return ok ? part : undefined;
}

/**
 * What a pressed button asks for. `siblings` are the custom_ids of every component on the
 * message, for queries split across buttons. Undefined when the id is not ours, is damaged, or
 * a part of the query is missing.
 */
export function decodePress(pressed: string, siblings: readonly string[] = []): Press | undefined {
  const simple = /^kq1([so])\|([a-z]{2})\|(.+)$/su.exec(pressed);
  if (simple) {
    const [, kind, locale, rest] = simple;
    if (!isLocale(locale)) return undefined;
    return kind === 's' ? { kind: 'suggest', locale, term: rest! } : { kind: 'other', locale, talkId: rest! };
  }
  const own = parsePart(pressed);
  if (!own || own.act === 'i') return undefined;
  const { act, offset, limit, locale } = own;
  if (own.count === 1) return own.chunk ? { kind: 'page', act, offset, limit, locale, query: own.chunk } : undefined;
  const chunks: string[] = [];
  for (const id of new Set([pressed, ...siblings])) {
    const p = parsePart(id);
    if (p && p.count === own.count && p.limit === limit && p.locale === locale && p.index < p.count) chunks[p.index] = p.chunk;
  }
  for (let i = 0; i < own.count; i++) if (!chunks[i]) return undefined;
  return { kind: 'page', act, offset, limit, locale, query: chunks.join('') };
}
