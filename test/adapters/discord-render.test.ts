/**
 * The pure parts of the Discord adapter: rendering within Discord's limits, escaping, button
 * ids and mention parsing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodePress, pagingIds, suggestionId } from '../../src/adapters/discord/ids.ts';
import { mentionQuery } from '../../src/adapters/discord/mention.ts';
import { embedLength, hitsThatFit, LIMITS, renderReply } from '../../src/adapters/discord/render.ts';
import { escapeText, fit } from '../../src/adapters/discord/text.ts';
import type { Hit, Reply } from '../../src/core/reply.ts';
import { realBot } from '../helpers/bot.ts';
import { visible } from '../fakes/discord-driver.ts';

const bot = await realBot();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function assertWithinLimits(reply: Reply): void {
  const out = renderReply(reply);
  assert.ok(out.content.length <= LIMITS.content, `content ${out.content.length}`);
  assert.ok(out.embeds.length <= LIMITS.embeds, `${out.embeds.length} embeds`);
  assert.ok(out.embeds.reduce((n, e) => n + embedLength(e), 0) <= LIMITS.total, 'total');
  for (const e of out.embeds) {
    assert.ok((e.title ?? '').length <= LIMITS.title);
    assert.ok((e.description ?? '').length <= LIMITS.description);
    assert.ok((e.footer?.text ?? '').length <= LIMITS.footer);
    assert.ok((e.author?.name ?? '').length <= LIMITS.author);
    assert.equal(((e.description ?? '').match(/(?<!\\)\*\*/g) ?? []).length % 2, 0, 'every bold marker is closed');
  }
  for (const row of out.components) {
    for (const b of row.components) if ('custom_id' in b) assert.ok(b.custom_id.length <= 100);
  }
}

describe('renderReply', () => {
  it('shows at most 10 embeds and 6,000 characters, and pages on from the last one shown', () => {
    const fit = (hits: readonly Hit[], first: number) => hitsThatFit(hits, 'ja', first);
    const reply = bot.handle({ text: 'kubernetes', locale: 'ja', limit: 20, fit });
    assert.equal(reply.kind, 'results');
    assert.equal(reply.hits.length, 10);
    assertWithinLimits(reply);
    const out = renderReply(reply);
    assert.equal(out.embeds.length, 10);
    const next = out.components[0]!.components.find((b) => 'label' in b && b.label === '次へ');
    assert.ok(next && 'custom_id' in next);
    const press = decodePress(next.custom_id);
    assert.equal(press?.kind === 'page' && press.offset, 10);
  });

  it('cuts huge corpus text to fit, keeping bold markers closed', () => {
    const real = bot.handle({ text: 'gvisor', locale: 'en' });
    assert.equal(real.kind, 'results');
    const big: Hit = {
      ...real.hits[0]!,
      title: 'T'.repeat(500),
      speakers: Array.from({ length: 300 }, (_, i) => `Speaker ${i}`),
      snippet: Array.from({ length: 400 }, (_, i) => ({ text: i % 2 ? 'gVisor' : ' sandbox * _ '.repeat(5), mark: i % 2 === 1 })),
      credit: 'c'.repeat(3000),
    };
    assertWithinLimits({ ...real, hits: [big, big, big, big, big] });
    assertWithinLimits({ kind: 'talk', locale: 'ja', header: 'h'.repeat(3000), hit: { ...big, other: { locale: 'en', text: 'x'.repeat(5000) } } });
  });

  it('renders any snippet text within limits', () => {
    const real = bot.handle({ text: 'gvisor', locale: 'ja' });
    assert.equal(real.kind, 'results');
    fc.assert(fc.property(fc.array(fc.record({ text: fc.string({ unit: 'grapheme', maxLength: 400 }), mark: fc.boolean() }), { maxLength: 60 }), (snippet) => {
      assertWithinLimits({ ...real, hits: real.hits.map((h) => ({ ...h, snippet })) });
    }), { numRuns: 100 });
  });

  it('leaves out paging it cannot encode instead of failing', () => {
    const reply = bot.handle({ text: 'kubernetes', locale: 'ja' });
    assert.equal(reply.kind, 'results');
    const emoji = '👩‍👩‍👧‍👦'.repeat(200);
    const out = renderReply({ ...reply, page: { ...reply.page, query: emoji } });
    const ids = out.components.flatMap((row) => row.components.map((b) => ('custom_id' in b ? b.custom_id : '')));
    assert.ok(!ids.some((id) => /^kq1[npi]\|/.test(id)), 'no paging buttons');
    assert.ok(ids.every((id) => id.startsWith('kq1o|')), 'only the other-language buttons remain');
    assert.equal(out.embeds.length, reply.hits.length);
  });
});

describe('escapeText', () => {
  it('shows markdown, mentions and links as typed', () => {
    const input = '**bold** _it_ ~~s~~ ||spoiler|| `code` <@123> <@&4> <#5> <t:1:R> [x](https://e.com) # h\n- item\n> quote \\';
    const out = escapeText(input);
    // Reads the same; the zero-width space after "https:" keeps the URL from being a live link.
    assert.equal(visible(out).replace(/\u200b/g, ''), input);
    assert.ok(!out.includes('https://'), out);
    assert.ok(!/(?<!\\)[*_~|`<[#>]/.test(out.replace(/^\\-/m, '')), out);
  });

  it('keeps @everyone and @here readable but inert', () => {
    assert.equal(escapeText('@everyone @Here'), '@\u200beveryone @\u200bHere');
  });

  it('fit cuts on a character boundary and never leaves an escape dangling', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 300 }), (s, max) => {
      const out = fit(escapeText(s), max);
      assert.ok(out.length <= max);
      assert.ok(!LONE_SURROGATE.test(out), 'no character cut in half');
      assert.ok(!/(?<!\\)(\\\\)*\\…$/.test(out), out);
    }));
  });
});

describe('button ids', () => {
  it('round-trip a page, short or long, within 100 characters each', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), fc.nat(5000), (query, offset) => {
      const ids = pagingIds([{ act: 'p', offset }, { act: 'i', offset }, { act: 'n', offset: offset + 5 }], { locale: 'en', limit: 5, query });
      if (!ids) return;
      assert.ok(ids.every((id) => id.length <= 100));
      const press = decodePress(ids[2]!, ids);
      assert.deepEqual(press, { kind: 'page', act: 'n', offset: offset + 5, limit: 5, locale: 'en', query });
    }));
  });

  it('always fit a 200-character query of letters, kana or kanji', () => {
    for (const query of ['a'.repeat(200), 'あ'.repeat(200), '漢'.repeat(200)]) {
      assert.ok(pagingIds([{ act: 'p', offset: 0 }, { act: 'i', offset: 0 }, { act: 'n', offset: 5 }], { locale: 'ja', limit: 5, query }));
    }
  });

  it('reject ids that are foreign, damaged or missing a part', () => {
    for (const id of ['', 'hello', 'kq1n|5|5|xx|01|q', 'kq1n|5|0|ja|01|q', 'kq1i|5|5|ja|01|q', 'kq1n|5|5|ja|01|', 'kq1n|5|5|ja|13|q', 'kq1s|ja|']) {
      assert.equal(decodePress(id), undefined, id);
    }
    assert.equal(decodePress('kq1n|5|5|ja|02|first half', ['kq1p|0|5|ja|02|first half']), undefined);
    assert.deepEqual(decodePress(suggestionId('en', 'gvisor')!), { kind: 'suggest', locale: 'en', term: 'gvisor' });
  });
});

describe('mentionQuery', () => {
  const BOT = '1180000000000000001';
  it('takes the text around a mention of the bot', () => {
    assert.equal(mentionQuery(`<@${BOT}> gvisor`, BOT, false), 'gvisor');
    assert.equal(mentionQuery(`gVisor の話 <@!${BOT}> ある?`, BOT, false), 'gVisor の話 ある?');
    assert.equal(mentionQuery(`<@${BOT}>`, BOT, false), '');
  });
  it('ignores messages not addressed to the bot, except in DMs', () => {
    assert.equal(mentionQuery('gvisor', BOT, false), null);
    assert.equal(mentionQuery('<@1180000000000000300> gvisor', BOT, false), null);
    assert.equal(mentionQuery('gvisor', BOT, true), 'gvisor');
  });
});
