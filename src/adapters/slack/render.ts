/**
 * Renders a core Reply as a Slack message: Block Kit blocks plus the plain `text` Slack shows
 * in notifications. Every piece of user or corpus text is escaped, and the result stays inside
 * Slack's limits (50 blocks, 3,000 characters a text) however many hits a page holds.
 */
import type { types } from '@slack/bolt';
import { messages } from '../../core/messages.ts';
import type { Hit, Notice, Reply } from '../../core/reply.ts';
import type { Locale } from '../../core/types.ts';
import { ACTION, encodeState, encodeTalk } from './actions.ts';
import { bold, escape, escapeWithin, link } from './mrkdwn.ts';

const MAX_BLOCKS = 50;
const MAX_TEXT = 3000;
/** Slack cuts a button's label at 75 characters. */
const MAX_BUTTON_TEXT = 75;
const MAX_SUGGESTIONS = 5;

type Block = types.KnownBlock;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface RenderOptions {
  /** Offer Next / Previous (and "did you mean" buttons) where the reply allows it. */
  interactive?: boolean;
  /** Offer "Share in channel": only on a reply that only the asker sees. */
  share?: boolean;
  /** Slack user id of the person who shared this reply in the channel. */
  sharedBy?: string;
  /** How the help's examples are typed, e.g. "/kubecon ". */
  prefix?: string;
}

/**
 * mrkdwn exactly as written: `verbatim` stops Slack from turning a URL, #channel or @name that
 * someone typed into a live link or mention in the bot's answer. Our own links and the
 * "shared by" mention are explicit `<...>` markup, which still works.
 */
const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text, verbatim: true });
const section = (text: string, blockId?: string, accessory?: types.Button): Block => ({
  type: 'section',
  ...(blockId ? { block_id: blockId } : {}),
  text: mrkdwn(text),
  ...(accessory ? { accessory } : {}),
});
const context = (text: string): Block => ({ type: 'context', elements: [mrkdwn(text)] });

function button(label: string, actionId: string, value: string, primary = false): types.Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: [...label].slice(0, MAX_BUTTON_TEXT).join(''), emoji: false },
    value,
    ...(primary ? { style: 'primary' as const } : {}),
  };
}

function actions(buttons: types.Button[]): Block[] {
  return buttons.length ? [{ type: 'actions', elements: buttons }] : [];
}

function snippet(hit: Hit, max: number): string {
  let out = '';
  for (const part of hit.snippet) {
    const room = max - out.length - (part.mark ? 4 : 0);
    if (room < 2) break;
    const text = escapeWithin(part.text, room);
    out += part.mark ? bold(text) : text;
    if (text.length < escape(part.text).length) break;
  }
  return out;
}

/**
 * One hit as mrkdwn of at most `max` characters: linked title, event, snippet, links (and the
 * credit when it cannot have its own block). Each part has a share of `max`; the snippet gets
 * what is left, so the whole always fits.
 */
export function hitText(hit: Hit, locale: Locale, max: number, withCredit = false): string {
  const m = messages(locale);
  // Six shares, less room for the markup and line breaks around them.
  const share = Math.floor((max - 12) / 6);
  const title = escapeWithin(hit.title, share);
  const titleUrl = hit.links[0]?.url;
  // The link is measured as sent: escaping can make a URL longer (& becomes &amp;).
  const linked = titleUrl ? link(titleUrl, title) : '';
  const head = linked && linked.length <= 2 * share ? `*${linked}*` : `*${title}*`;
  const meta = [hit.event.label, hit.track, hit.speakersLine]
    .filter(Boolean)
    .join(' · ');
  const links: string[] = [];
  for (const l of hit.links) {
    const label = link(l.url, escape(m.link[l.kind]));
    if ([...links, label].join('  ·  ').length > 2 * share) break;
    links.push(label);
  }
  const credit = withCredit ? `_${escapeWithin(hit.credit, share - 2)}_` : '';
  const lines = [head, escapeWithin(meta, share)];
  const tail = [links.join('  ·  '), credit].filter(Boolean);
  const fixed = [...lines, ...tail].join('\n').length + 1;
  return [...lines, snippet(hit, max - fixed), ...tail].filter(Boolean).join('\n');
}

/** The button that shows a hit's summary in the other language, to the presser alone. */
function otherLanguage(hit: Hit, n: number): types.Button {
  return button(messages(hit.other.locale).summaryHeading, `${ACTION.other}_${n}`, encodeTalk(hit.id, hit.other.locale));
}

/** Hits as blocks within `budget` blocks: roomy when it fits, packed when the page is long. */
function hitBlocks(hits: Hit[], locale: Locale, budget: number, first: number): Block[] {
  const n = hits.length;
  const credit = (h: Hit) => context(escapeWithin(h.credit, MAX_TEXT));
  if (2 * n <= budget) {
    const dividers = 3 * n - 1 <= budget;
    return hits.flatMap((h, i) => [
      ...(dividers && i > 0 ? [{ type: 'divider' } as Block] : []),
      section(hitText(h, locale, MAX_TEXT), `hit_${first + i}`, otherLanguage(h, first + i)),
      credit(h),
    ]);
  }
  const perBlock = Math.ceil(n / Math.max(1, budget));
  const room = Math.floor((MAX_TEXT - 2 * (perBlock - 1)) / perBlock);
  const out: Block[] = [];
  for (let i = 0; i < n; i += perBlock) {
    const text = hits.slice(i, i + perBlock).map((h) => hitText(h, locale, room, true)).join('\n\n');
    out.push(section(text, `hit_${first + i}`));
  }
  return out;
}

/** Notices in order; "did you mean" is followed by its suggestions as buttons when interactive. */
function noticeBlocks(notices: Notice[], locale: Locale, interactive: boolean): Block[] {
  return notices.flatMap((n) => {
    const suggestions = interactive ? (n.suggestions ?? []).slice(0, MAX_SUGGESTIONS) : [];
    const buttons = suggestions.flatMap((s, i) => {
      const value = encodeState({ query: s, offset: 0, locale });
      return value ? [button(s, `${ACTION.suggest}_${i}`, value)] : [];
    });
    return [section(escapeWithin(n.text, MAX_TEXT)), ...actions(buttons)];
  });
}

/** "Shared by <@U123>", with the words from the catalogue and the mention left live. */
function sharedByLine(locale: Locale, userId: string): string {
  const marker = '\uE000';
  const mention = /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : escape(userId);
  return escape(messages(locale).sharedBy({ user: marker })).replace(marker, mention);
}

function fallback(lines: string[]): string {
  return escapeWithin(lines.filter(Boolean).join('\n'), MAX_TEXT);
}

export function renderReply(reply: Reply, opts: RenderOptions = {}): SlackMessage {
  const m = messages(reply.locale);
  const top = opts.sharedBy ? [context(sharedByLine(reply.locale, opts.sharedBy))] : [];
  switch (reply.kind) {
    case 'help': {
      const lines = reply.entries.map((e) => `\`${escape(`${opts.prefix ?? ''}${e.example}`)}\`  ${escape(e.text)}`);
      return {
        text: fallback([reply.title, reply.footer]),
        blocks: [...top, section(`*${escape(reply.title)}*`), section(lines.join('\n').slice(0, MAX_TEXT)), context(escape(reply.footer))],
      };
    }
    case 'message': {
      const head = [...top, ...noticeBlocks(reply.notices, reply.locale, Boolean(opts.interactive))];
      const related = reply.related;
      if (!related) return { text: fallback(reply.notices.map((n) => n.text)), blocks: head };
      const label = section(`*${escapeWithin(related.header, MAX_TEXT - 2)}*`);
      const hits = hitBlocks(related.hits, reply.locale, MAX_BLOCKS - head.length - 1, 0);
      const titles = related.hits.map((h, i) => `${i + 1}. ${h.title}`);
      return { text: fallback([...reply.notices.map((n) => n.text), related.header, ...titles]), blocks: [...head, label, ...hits] };
    }
    case 'talk':
      return {
        text: fallback([reply.header, reply.hit.title]),
        blocks: [
          ...top,
          section(`*${escapeWithin(reply.header, MAX_TEXT - 2)}*`),
          section(hitText(reply.hit, reply.locale, MAX_TEXT), 'hit_0'),
          context(escapeWithin(reply.hit.credit, MAX_TEXT)),
        ],
      };
    case 'results': {
      const { page } = reply;
      const state = (offset: number) => encodeState({ query: page.query, offset, locale: reply.locale });
      const nav: types.Button[] = [];
      const prev = page.previous === undefined ? undefined : state(page.previous);
      const next = page.next === undefined ? undefined : state(page.next);
      const here = state(page.offset);
      if (opts.interactive && prev) nav.push(button(m.previous, ACTION.previous, prev));
      if (opts.interactive && next) nav.push(button(m.next, ACTION.next, next, true));
      if (opts.share && here) nav.push(button(m.share, ACTION.share, here));
      const head = [...top, ...noticeBlocks(reply.notices, reply.locale, false), section(`*${escapeWithin(reply.header, MAX_TEXT - 2)}*`)];
      const tail = actions(nav);
      const hits = hitBlocks(reply.hits, reply.locale, MAX_BLOCKS - head.length - tail.length, page.offset);
      const titles = reply.hits.map((h, i) => `${page.offset + i + 1}. ${h.title}`);
      return {
        text: fallback([...reply.notices.map((n) => n.text), reply.header, ...titles]),
        blocks: [...head, ...hits, ...tail],
      };
    }
  }
}
