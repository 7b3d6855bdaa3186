/**
 * The Slack renderer and text helpers on their own: escaping, reading Slack's markup, Slack's
 * limits on long pages and long texts, and the state a button carries.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeState, encodeState } from '../../src/adapters/slack/actions.ts';
import { Dedupe } from '../../src/adapters/slack/dedupe.ts';
import { escape, escapeWithin, plainText, stripMention } from '../../src/adapters/slack/mrkdwn.ts';
import { hitText, renderReply } from '../../src/adapters/slack/render.ts';
import { messages } from '../../src/core/messages.ts';
import type { Hit } from '../../src/core/reply.ts';
import { assertWithinSlackLimits, readSlack } from '../fakes/slack-harness.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();

describe('slack text', () => {
  it('escapes &, < and > so markup in user text shows as text', () => {
    assert.equal(escape('<!channel> & <@U123> <https://evil|click>'), '&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;');
    assert.equal(escape('a\u0000b\u001b[31m'), 'a b [31m');
  });

  it("reads Slack's markup back to what the user typed", () => {
    assert.equal(plainText('<!here> <@U1|hanako> in <#C1|kubecon>: <https://gvisor.dev|gVisor> &amp; &lt;b&gt;'), '@here @hanako in #kubecon: gVisor & <b>');
    assert.equal(plainText('<@U1> <!subteam^S1|@sre> <https://falco.org>'), '@U1 @sre https://falco.org');
  });

  it("removes the bot's own mention wherever it is", () => {
    assert.equal(stripMention('<@UBOT> gvisor の話ある?', 'UBOT'), 'gvisor の話ある?');
    assert.equal(stripMention('hey <@UBOT|kubecon-bot> falco <@U2>', 'UBOT'), 'hey falco <@U2>');
    assert.equal(stripMention('<@UBOT> wasm', undefined), 'wasm');
  });

  it('cuts long text without splitting an escape or a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('&', '<', 'a', 'あ', '👨‍👩‍👧'), maxLength: 200 }), fc.integer({ min: 1, max: 80 }), (text, max) => {
        const out = escapeWithin(text, max);
        assert.ok(out.length <= max || out === '…', `${out.length} > ${max}`);
        assert.ok(!/&(?!amp;|lt;|gt;)/.test(out), out);
        assert.ok(!out.includes('\uFFFD'));
      }),
    );
  });
});

function bigHit(): Hit {
  const long = '& <b> ゲーム'.repeat(700);
  return {
    id: 'x/huge',
    title: `Huge ${'タイトル&'.repeat(200)}`,
    event: { id: 'kubecon-eu-2024', name: 'KubeCon + CloudNativeCon Europe', year: 2024, label: 'KubeCon + CloudNativeCon Europe 2024' },
    speakers: ['A'.repeat(500)],
    speakersLine: `Speakers: ${'A'.repeat(500)}`,
    snippet: [{ text: '…', mark: false }, { text: 'gVisor', mark: true }, { text: long, mark: false }],
    summary: long,
    other: { locale: 'en', text: long },
    links: [
      { kind: 'recap', url: 'https://example.com/recap?a=1&b=<2>' },
      { kind: 'video', url: `https://www.youtube.com/results?search_query=${'x'.repeat(3000)}` },
    ],
    credit: `出典: ${'長い出典&'.repeat(1000)}`,
    score: 1,
  };
}

describe('slack rendering within limits', () => {
  it('keeps a long page within 50 blocks, every hit shown in order', () => {
    const reply = bot.handle({ text: 'kubernetes', locale: 'ja', limit: 50 });
    assert.ok(reply.kind === 'results' && reply.hits.length > 16, 'enough hits to need packing');
    const message = renderReply(reply, { interactive: true, share: true });
    const seen = readSlack(message as unknown as Record<string, unknown>);
    assert.deepEqual(seen.titles, reply.hits.map((h) => h.title));
  });

  it('cuts a huge hit to 3,000 characters a block with links and escapes intact', () => {
    const hit = bigHit();
    const reply = { kind: 'results' as const, locale: 'ja' as const, header: 'h', hits: [hit], page: { query: 'q', offset: 0, limit: 5, total: 1 }, notices: [] };
    const message = renderReply(reply, { interactive: true, share: true });
    assertWithinSlackLimits(message as unknown as Record<string, unknown>);
    for (const max of [3000, 1500, 600]) {
      const text = hitText(hit, 'ja', max, true);
      assert.ok(text.length <= max, `${text.length} > ${max}`);
      assert.ok(!/&(?!amp;|lt;|gt;)/.test(text), 'no broken escape');
      assert.ok(!/<(?!https:\/\/example\.com\/recap\?a=1&amp;b=%3C2%3E\|)/.test(text), 'the only < opens the recap link');
    }
    assert.match(JSON.stringify(message.blocks), /\*gVisor\*/);
    const fifty = renderReply({ ...reply, hits: Array.from({ length: 50 }, bigHit), page: { ...reply.page, limit: 50, total: 60 } }, { interactive: true });
    assert.equal(readSlack(fifty as unknown as Record<string, unknown>).titles.length, 50);
  });

  it('always sets a plain text fallback, and help lists the commands with the prefix', () => {
    const help = renderReply(bot.handle({ text: 'help', locale: 'en' }), { prefix: '/kubecon ' });
    assert.ok(help.text.length > 0);
    assert.match(JSON.stringify(help.blocks), /`\/kubecon wasm event:kubecon-eu-2024`/);
    const none = renderReply(bot.handle({ text: 'zzqxvw', locale: 'en' }), { interactive: true });
    assert.ok(none.text.includes(messages('en').noResults({ query: 'zzqxvw' })));
  });

  it('offers "did you mean" suggestions as buttons that search for them', () => {
    const seen = readSlack(renderReply(bot.handle({ text: 'gvsr', locale: 'ja' }), { interactive: true }) as unknown as Record<string, unknown>);
    const button = seen.button('kubecon_suggest_0');
    assert.deepEqual(decodeState(button?.value), { query: 'gvisor', offset: 0, locale: 'ja' });
  });
});

describe('slack button state', () => {
  it('round-trips the query, offset and language, and refuses anything else', () => {
    const state = { query: 'wasm event:kubecon-eu-2024 & <x>', offset: 10, locale: 'en' as const };
    assert.deepEqual(decodeState(encodeState(state)), state);
    for (const junk of [undefined, '', 'next', '{"q":1,"o":0,"l":"ja"}', '{"q":"a","o":-5,"l":"ja"}', '{"q":"a","o":0,"l":"fr"}']) {
      assert.equal(decodeState(junk), undefined, String(junk));
    }
    assert.equal(encodeState({ query: '👨‍👩‍👧'.repeat(300), offset: 0, locale: 'ja' }), undefined, 'too long for a button');
  });
});

describe('slack repeated events', () => {
  it('remembers keys for the TTL only', async () => {
    let now = 0;
    const seen = new Dedupe({ ttlMs: 1000, now: () => now });
    assert.equal(await seen.first('event:Ev1'), true);
    assert.equal(await seen.first('message:C1:1.0'), true);
    assert.equal(await seen.first('event:Ev1'), false);
    assert.equal(await seen.first('message:C1:1.0'), false, 'same message under another event');
    assert.equal(await seen.first(undefined), true, 'no key, no repeat');
    now = 1001;
    assert.equal(await seen.first('event:Ev1'), true);
  });
});
