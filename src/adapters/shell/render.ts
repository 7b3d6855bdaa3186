/**
 * Renders a core Reply as terminal text. Marks are bold when the terminal shows colour, and
 * wrapped in [brackets] otherwise, so piped output stays readable.
 */
import type { Hit, Reply } from '../../core/reply.ts';
import { messages } from '../../core/messages.ts';
import type { SnippetPart } from '../../core/types.ts';

export interface TextStyle {
  color: boolean;
}

const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

/** Terminal control sequences in corpus or user text must not reach the terminal. */
function safe(text: string): string {
  return text.replace(/[\p{Cc}]/gu, (c) => (c === '\n' ? '\n' : ' '));
}

function snippet(parts: readonly SnippetPart[], style: TextStyle): string {
  return parts
    .map((p) => (p.mark ? (style.color ? `${BOLD}${safe(p.text)}${RESET}` : `[${safe(p.text)}]`) : safe(p.text)))
    .join('');
}

function hitText(hit: Hit, n: number, style: TextStyle, locale: Reply['locale']): string {
  const m = messages(locale);
  const b = (s: string) => (style.color ? `${BOLD}${s}${RESET}` : s);
  const d = (s: string) => (style.color ? `${DIM}${s}${RESET}` : s);
  const lines = [`${n}. ${b(safe(hit.title))}`];
  const meta = [hit.event.name, hit.track, hit.speakers.length ? `${m.speakers}: ${hit.speakers.join(', ')}` : '']
    .filter(Boolean)
    .map((s) => safe(s!));
  lines.push(`   ${d(meta.join(' | '))}`);
  lines.push(`   ${snippet(hit.snippet, style)}`);
  for (const link of hit.links) lines.push(`   ${m.link[link.kind]}: ${link.url}`);
  lines.push(`   ${d(safe(hit.credit))}`);
  return lines.join('\n');
}

export function renderText(reply: Reply, style: TextStyle): string {
  const m = messages(reply.locale);
  switch (reply.kind) {
    case 'help':
      return [reply.title, ...reply.entries.map((e) => `  ${e.example.padEnd(40)} ${e.text}`), '', reply.footer].join('\n');
    case 'message': {
      const out = reply.notices.map((n) => safe(n.text));
      if (reply.related) {
        out.push('', safe(reply.related.header), '');
        reply.related.hits.forEach((h, i) => out.push(hitText(h, i + 1, style, reply.locale), ''));
      }
      return out.join('\n').trimEnd();
    }
    case 'talk':
      return `${reply.header}\n\n${hitText(reply.hit, 1, style, reply.locale)}`;
    case 'results': {
      const out = [...reply.notices.map((n) => safe(n.text)), safe(reply.header), ''];
      reply.hits.forEach((h, i) => out.push(hitText(h, reply.page.offset + i + 1, style, reply.locale), ''));
      const nav = [reply.page.previous === undefined ? '' : m.typePrevious, reply.page.next === undefined ? '' : m.typeNext]
        .filter(Boolean)
        .join('   ');
      if (nav) out.push(nav);
      return out.join('\n').trimEnd();
    }
  }
}
