/**
 * Renders a core Reply as terminal text. Marks are bold when the terminal shows colour, and
 * wrapped in [brackets] otherwise, so piped output stays readable. Given a width, lines wrap by
 * display width at word boundaries; links stay whole, one to a line.
 */
import { messages } from '../../core/messages.ts';
import { stripControl } from '../../core/control.ts';
import type { Hit, Reply } from '../../core/reply.ts';
import type { SnippetPart } from '../../core/types.ts';
import { padEnd, width, wrap } from './wrap.ts';

export interface TextStyle {
  color: boolean;
  /** Terminal columns to wrap at; no wrapping when absent (piped output) or 0 (a terminal that reports no size). */
  width?: number;
}

const columnsOf = (style: TextStyle): number => (style.width && style.width > 0 ? style.width : Infinity);

const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
const INDENT = '   ';

function snippet(parts: readonly SnippetPart[], style: TextStyle): string {
  return parts
    .map((p) => (p.mark ? (style.color ? `${BOLD}${stripControl(p.text)}${RESET}` : `[${stripControl(p.text)}]`) : stripControl(p.text)))
    .join('');
}

function hitText(hit: Hit, n: number, style: TextStyle, locale: Reply['locale']): string {
  const m = messages(locale);
  const columns = columnsOf(style);
  const b = (s: string) => (style.color ? `${BOLD}${s}${RESET}` : s);
  const d = (s: string) => (style.color ? `${DIM}${s}${RESET}` : s);
  const para = (s: string) => wrap(`${INDENT}${s}`, columns, INDENT);
  const meta = [hit.event.label, hit.track, hit.speakersLine].filter(Boolean).map((s) => stripControl(s!));
  return [
    wrap(`${n}. ${b(stripControl(hit.title))}`, columns, INDENT),
    para(d(meta.join(' | '))),
    para(snippet(hit.snippet, style)),
    ...hit.links.map((link) => `${INDENT}${m.link[link.kind]}: ${link.url}`),
    para(d(stripControl(hit.credit))),
  ].join('\n');
}

export function renderText(reply: Reply, style: TextStyle): string {
  const m = messages(reply.locale);
  const columns = columnsOf(style);
  const lines = (texts: readonly string[]) => texts.map((t) => wrap(stripControl(t), columns)).join('\n');
  switch (reply.kind) {
    case 'help': {
      const column = Math.max(...reply.entries.map((e) => width(e.example))) + 2;
      const entries = reply.entries.map((e) => wrap(`  ${padEnd(e.example, column)}${e.text}`, columns, ' '.repeat(column + 2)));
      return [lines([reply.title]), ...entries, '', lines([reply.footer])].join('\n');
    }
    case 'message': {
      const out = [lines(reply.notices.map((n) => n.text))];
      if (reply.related) {
        out.push('', lines([reply.related.header]), '');
        reply.related.hits.forEach((h, i) => out.push(hitText(h, i + 1, style, reply.locale), ''));
      }
      return out.join('\n').trimEnd();
    }
    case 'talk':
      return `${lines([reply.header])}\n\n${hitText(reply.hit, 1, style, reply.locale)}`;
    case 'results': {
      const out = [lines([...reply.notices.map((n) => n.text), reply.header]), ''];
      reply.hits.forEach((h, i) => out.push(hitText(h, reply.page.offset + i + 1, style, reply.locale), ''));
      const nav = [reply.page.previous === undefined ? '' : m.typePrevious, reply.page.next === undefined ? '' : m.typeNext]
        .filter(Boolean)
        .join('   ');
      if (nav) out.push(nav);
      return out.join('\n').trimEnd();
    }
  }
}
