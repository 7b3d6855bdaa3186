/**
 * Renders a core Reply as a Discord message: the header and notices as content, one embed per
 * talk, and a row of buttons for paging or "did you mean". Everything stays within Discord's
 * limits, whatever the corpus or the query holds.
 */
import {
  ButtonStyle, ComponentType,
  type APIActionRowComponent, type APIButtonComponent, type APIButtonComponentWithCustomId, type APIEmbed,
} from 'discord.js';
import { messages } from '../../core/messages.ts';
import { type Hit, type Page, type Reply } from '../../core/reply.ts';
import type { Locale, SnippetPart } from '../../core/types.ts';
import { otherLanguageId, pagingIds, suggestionId } from './ids.ts';
import { stripControl } from '../../core/control.ts';
import { escapeText, fit, safeUrl } from './text.ts';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  footer: 2048,
  author: 256,
  fieldValue: 1024,
  /** Title, description, footer, author and fields of all embeds together. */
  total: 6000,
  buttonsPerRow: 5,
  label: 80,
} as const;

type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface DiscordMessage {
  content: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
}

/** Kubernetes blue, so result embeds are recognisable at a glance. */
const COLOR = 0x326ce5;
/** Each embed gets at least this much room; hits past the 6,000 total are left for the next page. */
const MIN_BUDGET = 200;
/** A panel of dozens of speakers must not crowd out the snippet and links. */
const MAX_SPEAKERS = 300;

/** The snippet with matched words in bold, cut to `max` without leaving a bold marker open. */
function snippetText(parts: readonly SnippetPart[], max: number): string {
  const merged: SnippetPart[] = [];
  for (const p of parts) {
    const last = merged.at(-1);
    if (last && last.mark === p.mark) last.text += p.text;
    else merged.push({ ...p });
  }
  let out = '';
  for (const p of merged) {
    // "** word**" would not render bold: keep the spaces outside the markers.
    const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/su.exec(p.text)!;
    const bold = p.mark && core !== '';
    const piece = bold ? `${lead}**${escapeText(core!)}**${trail}` : escapeText(p.text);
    if (out.length + piece.length <= max) {
      out += piece;
      continue;
    }
    const room = max - out.length - (bold ? lead!.length + 4 : 0);
    if (room > 1) out += bold ? `${lead}**${fit(escapeText(core!), room)}**` : fit(piece, room);
    else if (out.length < max) out += '…';
    break;
  }
  return out;
}

function eventLine(hit: Hit): string {
  return stripControl([hit.event.label, hit.track].filter(Boolean).join(' · '));
}

function linkLine(hit: Hit, locale: Locale): string {
  const m = messages(locale);
  return hit.links
    .map((l) => ({ label: escapeText(m.link[l.kind]), url: safeUrl(l.url) }))
    .filter((l) => l.url)
    .map((l) => `[${l.label}](${l.url})`)
    .join(' · ');
}

function hitEmbed(hit: Hit, locale: Locale, budget: number, n?: number): APIEmbed {
  const url = hit.links.map((l) => safeUrl(l.url)).find(Boolean);
  const title = fit(`${n === undefined ? '' : `${n}. `}${escapeText(hit.title)}`, LIMITS.title);
  const embed: APIEmbed = {
    title,
    author: { name: fit(eventLine(hit), LIMITS.author) },
    footer: { text: fit(stripControl(hit.credit), LIMITS.footer) },
    color: COLOR,
  };
  if (url) embed.url = url;
  const tail = [
    hit.speakersLine ? fit(escapeText(hit.speakersLine), MAX_SPEAKERS) : '',
    linkLine(hit, locale),
  ].filter(Boolean).join('\n');
  const room = Math.max(0, Math.min(LIMITS.description, budget - embedLength(embed)));
  const snippetRoom = room - tail.length - 2;
  const description = snippetRoom > 0 ? [snippetText(hit.snippet, snippetRoom), tail].filter(Boolean).join('\n\n') : fit(tail, room);
  if (room > 1 && description) embed.description = description;
  return embed;
}

export function embedLength(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) + fields;
}

function content(lines: readonly string[]): string {
  return fit(lines.filter(Boolean).join('\n'), LIMITS.content);
}

function button(
  label: string, customId: string, style: APIButtonComponentWithCustomId['style'], disabled = false,
): APIButtonComponent {
  return { type: ComponentType.Button, style, label: fit(label, LIMITS.label), custom_id: customId, disabled };
}

function pagingRow(page: Page, shown: number, locale: Locale): ButtonRow | undefined {
  const m = messages(locale);
  const canPrev = page.previous !== undefined;
  const canNext = page.next !== undefined;
  if (!canPrev && !canNext) return undefined;
  const ids = pagingIds(
    [{ act: 'p', offset: page.previous ?? 0 }, { act: 'i', offset: page.offset }, { act: 'n', offset: page.next ?? page.offset + shown }],
    { locale, limit: page.limit, query: page.query },
  );
  if (!ids) return undefined;
  const [prevId, infoId, nextId] = ids as [string, string, string];
  const info = `${page.offset + 1}–${page.offset + shown} / ${page.total}`;
  return {
    type: ComponentType.ActionRow,
    components: [
      button(m.previous, prevId, ButtonStyle.Secondary, !canPrev),
      button(info, infoId, ButtonStyle.Secondary, true),
      button(m.next, nextId, ButtonStyle.Primary, !canNext),
    ],
  };
}

function suggestionRow(suggestions: readonly string[], locale: Locale): ButtonRow | undefined {
  const buttons = suggestions
    .map((s) => ({ s, id: suggestionId(locale, s) }))
    .filter((b): b is { s: string; id: string } => b.id !== undefined)
    .slice(0, LIMITS.buttonsPerRow)
    .map(({ s, id }) => button(stripControl(s), id, ButtonStyle.Secondary));
  return buttons.length ? { type: ComponentType.ActionRow, components: buttons } : undefined;
}

/**
 * "1. English summary"…: each shown hit's summary in the other language, for the presser alone.
 * A lone talk's button has no number.
 */
function otherLanguageRow(hits: readonly Hit[], firstNumber?: number): ButtonRow | undefined {
  const buttons = hits.slice(0, LIMITS.buttonsPerRow).flatMap((hit, i) => {
    const id = otherLanguageId(hit.other.locale, hit.id);
    const label = messages(hit.other.locale).summaryHeading;
    return id ? [button(firstNumber === undefined ? label : `${firstNumber + i}. ${label}`, id, ButtonStyle.Secondary)] : [];
  });
  return buttons.length ? { type: ComponentType.ActionRow, components: buttons } : undefined;
}

/** Hit embeds that fit together: at most 10, descriptions shortened to share the 6,000 total. */
function hitEmbeds(hits: readonly Hit[], locale: Locale, firstNumber: number): APIEmbed[] {
  const count = Math.min(hits.length, LIMITS.embeds);
  const budget = Math.floor(LIMITS.total / Math.max(1, count));
  const out: APIEmbed[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const embed = hitEmbed(hits[i]!, locale, Math.max(budget, MIN_BUDGET), firstNumber + i);
    if (out.length && total + embedLength(embed) > LIMITS.total) break;
    total += embedLength(embed);
    out.push(embed);
  }
  return out;
}

export function renderReply(reply: Reply): DiscordMessage {
  switch (reply.kind) {
    case 'help': {
      const lines = reply.entries.map((e) => `\`${e.example.replace(/`/g, '')}\` ${escapeText(e.text)}`);
      const embed: APIEmbed = {
        title: fit(escapeText(reply.title), LIMITS.title),
        description: fit(lines.join('\n'), LIMITS.description),
        footer: { text: fit(stripControl(reply.footer), LIMITS.footer) },
        color: COLOR,
      };
      return { content: '', embeds: [embed], components: [] };
    }
    case 'message': {
      const suggestions = reply.notices.flatMap((n) => n.suggestions ?? []);
      const related = reply.related;
      const embeds = related ? hitEmbeds(related.hits, reply.locale, 1) : [];
      const rows = [suggestionRow(suggestions, reply.locale), related ? otherLanguageRow(related.hits.slice(0, embeds.length), 1) : undefined];
      const lines = [...reply.notices.map((n) => escapeText(n.text)), related ? `**${escapeText(related.header)}**` : ''];
      return { content: content(lines), embeds, components: rows.filter((r): r is ButtonRow => r !== undefined) };
    }
    case 'talk': {
      // The summary in the reply's language only: the other language is a button away.
      const embed = hitEmbed(reply.hit, reply.locale, LIMITS.total);
      const row = otherLanguageRow([reply.hit]);
      return { content: content([escapeText(reply.header)]), embeds: [embed], components: row ? [row] : [] };
    }
    case 'results': {
      const embeds = hitEmbeds(reply.hits, reply.locale, reply.page.offset + 1);
      const rows = [pagingRow(reply.page, embeds.length, reply.locale), otherLanguageRow(reply.hits.slice(0, embeds.length), reply.page.offset + 1)];
      const lines = [...reply.notices.map((n) => escapeText(n.text)), escapeText(reply.header)];
      return { content: content(lines), embeds, components: rows.filter((r): r is ButtonRow => r !== undefined) };
    }
  }
}

/** How many of these hits one message can show, numbered from `firstNumber`. */
export function hitsThatFit(hits: readonly Hit[], locale: Locale, firstNumber: number): number {
  return hitEmbeds(hits, locale, firstNumber).length;
}
