/**
 * The hardening properties, shared by `npm test` (a fixed seed, a modest number of cases) and
 * `npm run fuzz` (as many cases as asked for, a fresh seed each run):
 *
 * - nothing a stranger types makes the pipeline throw: search, paging, the other-language
 *   summary, and rendering for Slack, Discord and the terminal;
 * - each query is answered within a bounded time, however long or strange;
 * - no rendered reply holds a live mention or a link the user typed;
 * - every rendered reply keeps Slack's and Discord's limits;
 * - no corpus text, however broken, makes loading throw anything but a list of problems.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NO_PINGS, toMessage } from '../../src/adapters/discord/handlers.ts';
import { embedLength, hitsThatFit, LIMITS } from '../../src/adapters/discord/render.ts';
import { renderText } from '../../src/adapters/shell/render.ts';
import { renderReply as renderSlack } from '../../src/adapters/slack/render.ts';
import { link } from '../../src/adapters/slack/mrkdwn.ts';
import type { Bot } from '../../src/core/bot.ts';
import { CorpusInvalidError } from '../../src/core/corpus/errors.ts';
import { buildCorpus } from '../../src/core/corpus/load.ts';
import type { Reply } from '../../src/core/reply.ts';
import { assertWithinSlackLimits } from '../fakes/slack-harness.ts';

/** Far above any real answer (milliseconds), far below what the fixed bugs took (10 s to minutes). */
export const MAX_MS_PER_QUERY = 2000;

const EVIL = 'evil.example';
/** Pieces an attacker would type, mixed with real search words and filters. */
const TOKENS = [
  '<!channel>', '<!here>', '<!everyone>', '<@U0HANAKO01>', '<@U0HANAKO01|hanako>', '<#C0GENERAL|general>', '<!subteam^S1>',
  '@everyone', '@here', '@channel', '<@123456789012345678>', '<@&123456789012345678>', '<#123456789012345678>', '<t:1:R>',
  `https://${EVIL}/phish`, `http://${EVIL}/?a=1&b=2`, `[x](https://${EVIL})`, `<https://${EVIL}|click>`, `www.${EVIL}`,
  '#general', '&amp;', '&lt;', '&', '<', '>', '|', '*', '**bold**', '_it_', '~~s~~', '`code`', '||spoiler||', '> quote', '- item',
  'gvisor', 'wasm', 'kata', 'falco', 'security', 'container', 'コンテナ', 'について', 'セキュリティ', 'サンドボックス', 'ぜい弱性',
  'event:kubecon-eu-2024', 'event:kubecon', 'year:2022', 'event:nope', 'year:1999', 'イベント:cndt-2022',
  'help', 'today', 'next', '\u0000', '\u0007', '\u202e', '\u200b', '\uD800', '\uDC00', '👨‍👩‍👧', '🇯🇵', 'x\u0301\u0301', 'ｶﾞ', '\n', '\t',
];

const tokens = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(' '));
const glued = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(''));
/** Long input: a token repeated up to 60,000 times (past Slack's 40,000-character cap). */
const long = fc.tuple(fc.constantFrom(...TOKENS), fc.integer({ min: 500, max: 60_000 })).map(([t, n]) => t.repeat(Math.ceil(n / t.length)));

export const queries = fc.oneof(
  { weight: 3, arbitrary: tokens },
  { weight: 2, arbitrary: glued },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: long },
);

type TextObject = { type?: string; text?: string; verbatim?: boolean };

function mrkdwnTexts(message: object): TextObject[] {
  const out: TextObject[] = [];
  JSON.stringify(message, (_key, value: unknown) => {
    if (value && typeof value === 'object' && (value as TextObject).type === 'mrkdwn') out.push(value as TextObject);
    return value;
  });
  return out;
}

/** Links the bot itself makes: the hits' own URLs, as Slack markup targets. */
function ownTargets(reply: Reply): Set<string> {
  const hits = reply.kind === 'results' ? reply.hits : reply.kind === 'talk' ? [reply.hit] : reply.kind === 'message' ? (reply.related?.hits ?? []) : [];
  return new Set(hits.flatMap((h) => h.links.map((l) => /^<([^|]*)\|/.exec(link(l.url, 'x'))![1]!)));
}

export function checkSlack(reply: Reply, sharedBy: string): void {
  const message = renderSlack(reply, { interactive: true, share: true, sharedBy });
  assertWithinSlackLimits(message as unknown as Record<string, unknown>);
  const own = ownTargets(reply);
  for (const t of mrkdwnTexts(message)) {
    assert.equal(t.verbatim, true, 'mrkdwn is sent verbatim, so typed URLs and #channels stay text');
    for (const [, target] of t.text!.matchAll(/<([^|>]*)[|>]/g)) {
      // The only markup: links to the hits, and the one "shared by" mention.
      assert.ok(own.has(target!) || target === `@${sharedBy}`, `live markup <${target}> in ${JSON.stringify(t.text)}`);
    }
  }
}

export function checkDiscord(reply: Reply): void {
  const message = toMessage(reply);
  assert.deepEqual(message.allowedMentions, NO_PINGS);
  const embeds = (message.embeds ?? []) as Array<Parameters<typeof embedLength>[0]>;
  const content = message.content ?? '';
  assert.ok(content.length <= LIMITS.content, `content of ${content.length}`);
  assert.ok(embeds.length <= LIMITS.embeds, `${embeds.length} embeds`);
  assert.ok(embeds.reduce((n, e) => n + embedLength(e), 0) <= LIMITS.total, 'embeds over 6,000 in total');
  for (const e of embeds) {
    assert.ok((e.title ?? '').length <= LIMITS.title, 'title');
    assert.ok((e.description ?? '').length <= LIMITS.description, 'description');
    assert.ok((e.footer?.text ?? '').length <= LIMITS.footer, 'footer');
    assert.ok((e.author?.name ?? '').length <= LIMITS.author, 'author');
  }
  for (const text of [content, ...embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])]) {
    assert.doesNotMatch(text, /@(everyone|here)/i, 'a mass mention');
    assert.doesNotMatch(text, /(?<!\\)<(@|#|t:|a?:)/, 'mention, channel, timestamp or emoji markup');
    assert.ok(!text.includes(`://${EVIL}`), `a typed link: ${text.slice(0, 200)}`);
  }
}

/** Every path a typed text takes, with every check; returns how long the core took. */
export function runQuery(bot: Bot, text: string, locale: 'ja' | 'en'): number {
  const start = performance.now();
  const reply = bot.handle({ text, locale });
  const fitted = bot.handle({ text, locale, fit: (hits, first) => hitsThatFit(hits, locale, first) });
  let ms = performance.now() - start;
  assert.ok(ms < MAX_MS_PER_QUERY, `${Math.round(ms)} ms for a ${text.length}-character query`);
  for (const r of [reply, fitted]) {
    checkSlack(r, 'U0SHARER01');
    checkDiscord(r);
    renderText(r, { color: false });
  }
  if (reply.kind === 'results') {
    const t = performance.now();
    const { page } = reply;
    const more = [
      page.next === undefined ? undefined : bot.handle({ text, locale, offset: page.next }),
      bot.summary(reply.hits[0]!.id, reply.hits[0]!.other.locale),
    ];
    ms += performance.now() - t;
    for (const r of more) {
      if (!r) continue;
      checkSlack(r, 'U0SHARER01');
      checkDiscord(r);
    }
  }
  return ms;
}

/** Corpus text of any shape: loading lists problems or succeeds, and never throws anything else. */
export const corpusTexts = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc
    .array(
      fc.constantFrom('---', 'event: kubecon-eu-2024', 'event_name: X', 'dates: 2024-03-19..2024-03-22', 'dates: nope', 'recap_url: https://e.com', '## Title', '## ', '### ja', '### en', '- speakers: A', '- day: 2024-03-20', '- id: kubecon-eu-2024/x', '- tags: a, b', '- talk_url: javascript:alert(1)', 'text', '', '\\## x', '### abstract', '- uid: u@s', '- time: 10:00-10:30'),
      { maxLength: 60 },
    )
    .map((lines) => lines.join('\n')),
);

export function loadCorpusText(text: string, schedule: boolean): void {
  try {
    buildCorpus([{ file: schedule ? 'corpus/fuzz.schedule.md' : 'corpus/fuzz.md', text }]);
  } catch (err) {
    if (!(err instanceof CorpusInvalidError)) throw err;
    for (const p of err.problems) assert.ok(p.file && p.message && Number.isInteger(p.line), JSON.stringify(p));
  }
}
