/**
 * The buttons on a reply and the state they carry. Everything needed to run the search again
 * (query, offset, language) travels in the button's value, so paging and sharing still work
 * after the bot restarts, and no state is kept on our side.
 */
import type { Locale } from '../../core/types.ts';

export const ACTION = {
  next: 'kubecon_next',
  previous: 'kubecon_previous',
  share: 'kubecon_share',
  /** "Did you mean" buttons; numbered because action ids must be unique in a message. */
  suggest: 'kubecon_suggest',
  /** A hit's summary in the other language; numbered like suggest. */
  other: 'kubecon_other',
} as const;

/** Every action id the app answers: kubecon_next, kubecon_suggest_2, ... */
export const ACTION_PATTERN = /^kubecon_(next|previous|share|suggest|other)(_\d+)?$/;

/** Slack refuses a button value over 2,000 characters. */
const MAX_VALUE_LENGTH = 2000;

export interface PageState {
  query: string;
  offset: number;
  locale: Locale;
}

/** The button value for `state`, or undefined when it would not fit in a button. */
export function encodeState(state: PageState): string | undefined {
  const value = JSON.stringify({ q: state.query, o: state.offset, l: state.locale });
  return value.length <= MAX_VALUE_LENGTH ? value : undefined;
}

/** Reads a button value back; undefined when it is not one of ours or is damaged. */
export function decodeState(value: string | undefined): PageState | undefined {
  if (!value) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { q, o, l } = raw as Record<string, unknown>;
  if (typeof q !== 'string' || typeof o !== 'number' || !Number.isInteger(o) || o < 0) return undefined;
  if (l !== 'ja' && l !== 'en') return undefined;
  return { query: q, offset: o, locale: l };
}

export type ActionKind = 'next' | 'previous' | 'share' | 'suggest' | 'other';

export function actionKind(actionId: string): ActionKind | undefined {
  const m = ACTION_PATTERN.exec(actionId);
  return m ? (m[1] as ActionKind) : undefined;
}

/** The value of an "other language" button: which talk, in which language. */
export function encodeTalk(id: string, locale: Locale): string {
  return JSON.stringify({ t: id, l: locale });
}

export function decodeTalk(value: string | undefined): { id: string; locale: Locale } | undefined {
  try {
    const { t, l } = JSON.parse(value ?? '') as Record<string, unknown>;
    return typeof t === 'string' && (l === 'ja' || l === 'en') ? { id: t, locale: l } : undefined;
  } catch {
    return undefined;
  }
}
