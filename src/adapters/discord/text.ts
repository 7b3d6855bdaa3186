/**
 * Making corpus and user text safe to show in Discord markdown: it reads exactly as written,
 * never formats, links or mentions anything, and fits the field it goes in.
 */
import { stripControl } from '../../core/control.ts';

const ELLIPSIS = '…';
const ZWSP = '\u200b';

/** Characters that start markdown, mentions, custom emoji or timestamps anywhere in a line. */
const INLINE = /[\\*_~|`<>[\]#]/g;
/** Lists and block quotes only start a line. */
const LINE_START = /^(\s*)([-+]|\d+\.)(?=\s)/gm;


/**
 * Escapes Discord markdown so `**`, `<@123>`, `<#1>`, `[x](y)` and the like show as typed.
 * `@everyone` and `@here` get a zero-width space after the `@`: they still read the same but
 * are no longer mentions, even where allowed mentions would not apply. A URL typed in the text
 * gets one after its `:`, so Discord shows it as text instead of a live link.
 */
export function escapeText(text: string): string {
  return stripControl(text)
    .replace(INLINE, '\\$&')
    .replace(LINE_START, '$1\\$2')
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/([a-z][a-z0-9+.-]*):\/\//gi, `$1:${ZWSP}//`);
}

/** Cuts `text` to at most `max` UTF-16 units, ending with an ellipsis, never mid-character. */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - ELLIPSIS.length) break;
    out += ch;
  }
  // A cut right after a backslash would escape the ellipsis instead of the character it guarded.
  return `${out.replace(/\\+$/, (s) => (s.length % 2 ? s.slice(0, -1) : s))}${ELLIPSIS}`;
}

/** A URL safe for an embed or a masked link: http(s) only, and no character that ends the link. */
export function safeUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  } catch {
    return undefined;
  }
}
