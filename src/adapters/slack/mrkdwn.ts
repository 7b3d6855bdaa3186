/**
 * Slack's text format both ways: escaping what we send so user or corpus text is shown as text
 * (never a ping or a link), reading what Slack sends back to plain words, and cutting text to
 * Slack's limits without breaking a character, an escape or a bold pair.
 */
import { stripControl } from '../../core/control.ts';
import { splitGraphemes } from '../../core/normalize.ts';

const ELLIPSIS = '…';
/** Slack only draws *bold* next to a word boundary; Japanese has none, so we add invisible ones. */
const ZWSP = '\u200B';

/** Text shown as-is: control characters become spaces, and &, <, > are escaped. */
export function escape(text: string): string {
  return stripControl(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Undoes Slack's own escaping of &, < and > in text it sends us. */
export function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * A message as Slack sends it (mentions and links as <...> markup) back to what the user saw:
 * `<@U1|ann>` -> `@ann`, `<!channel>` -> `@channel`, `<#C1|general>` -> `#general`,
 * `<https://x|label>` -> `label`.
 */
export function plainText(text: string): string {
  const plain = text.replace(/<([^<>]*)>/g, (_all, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) {
      if (label) return label;
      const word = target.slice(1).split('^')[0]!;
      return `@${word}`;
    }
    return label ?? target;
  });
  return unescape(plain);
}

/** Removes mentions of the bot (`<@UBOT>` or `<@UBOT|name>`) from a message's text. */
export function stripMention(text: string, botUserId: string | undefined): string {
  const id = botUserId ? botUserId.replace(/[^A-Z0-9]/gi, '') : '[A-Z0-9]+';
  const pattern = botUserId ? new RegExp(`<@${id}(?:\\|[^>]*)?>`, 'g') : new RegExp(`^\\s*<@${id}(?:\\|[^>]*)?>`);
  return text.replace(pattern, ' ').replace(/[ \t]+/g, ' ').trim();
}

/**
 * Cuts raw text so that its escaped form fits in `max` characters, ending with "…" when cut.
 * Returns the escaped text, so an escape such as `&amp;` is never split.
 */
export function escapeWithin(text: string, max: number): string {
  const whole = escape(text);
  if (whole.length <= max) return whole;
  let out = '';
  for (const ch of splitGraphemes(text)) {
    const e = escape(ch);
    if (out.length + e.length + ELLIPSIS.length > max) break;
    out += e;
  }
  return out + ELLIPSIS;
}

/** Bold for a matched word, or plain escaped text when bold would not render cleanly. */
export function bold(escaped: string): string {
  const trimmed = escaped.trim();
  if (!trimmed || trimmed.includes('*')) return escaped;
  const lead = escaped.slice(0, escaped.indexOf(trimmed));
  const tail = escaped.slice(lead.length + trimmed.length);
  return `${lead}${ZWSP}*${trimmed}*${ZWSP}${tail}`;
}

/** A link: `<url|label>`, with `label` already escaped. Markup characters in the URL are encoded. */
export function link(url: string, label: string): string {
  const safeUrl = url.replace(/[<>|\s]/g, encodeURIComponent).replace(/&/g, '&amp;');
  return `<${safeUrl}|${label}>`;
}
