/**
 * What someone typed is shown back as inert text: a URL or #channel in a query is never a live
 * link in the bot's own answer (Slack mrkdwn is sent `verbatim`, Discord gets a zero-width space
 * in the scheme), and a long URL full of `&` cannot push a Slack section past 3,000 characters.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { renderReply } from '../../src/adapters/slack/render.ts';
import type { Reply } from '../../src/core/reply.ts';
import { startRunning } from '../fakes/discord-driver.ts';
import { assertWithinSlackLimits, startHarness, type Harness } from '../fakes/slack-harness.ts';
import { slashCommand } from '../fakes/slack-payloads.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();
const TYPED = 'https://evil.example/phish #general gvisor';

type TextObject = { type?: string; text?: string; verbatim?: boolean };

/** Every mrkdwn text object in a Block Kit message. */
function mrkdwnTexts(message: Record<string, unknown>): TextObject[] {
  const out: TextObject[] = [];
  JSON.stringify(message, (_key, value: unknown) => {
    if (value && typeof value === 'object' && (value as TextObject).type === 'mrkdwn') out.push(value as TextObject);
    return value;
  });
  return out;
}

describe('slack: typed text stays text', { timeout: 10_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness('http', bot);
  });
  after(() => h.close());

  it('a URL and a #channel in a query are echoed in verbatim mrkdwn, never as link markup', async () => {
    await h.send.command(slashCommand(TYPED, h.api.responseUrl('typed')));
    const body = (await h.api.response('typed')).body;
    const texts = mrkdwnTexts(body);
    const echoed = texts.filter((t) => t.text?.includes('evil.example'));
    assert.ok(echoed.length > 0, 'the query is shown back');
    for (const t of texts) assert.equal(t.verbatim, true, t.text);
    assert.ok(!JSON.stringify(body).includes('<https://evil.example'), 'never a link the bot made');
  });
});

describe('discord: typed text stays text', { timeout: 10_000 }, () => {
  it('a URL in a mention is not a link in the answer', async () => {
    const running = await startRunning(bot);
    try {
      const reply = await running.fake.replyTo(running.fake.mention(TYPED));
      // What Discord draws; custom ids are data it hands back, never shown.
      const sent = JSON.stringify(reply.body, (key, value: unknown) => (key === 'custom_id' ? undefined : value));
      assert.ok(sent.includes('evil.example'), 'the query is shown back');
      assert.ok(!sent.includes('https://evil.example'), sent.slice(0, 400));
    } finally {
      await running.close();
    }
  });
});

describe('slack limits', () => {
  it('a 499-character URL full of & and a long title keep every section within 3,000 characters', () => {
    const talk = bot.handle({ text: 'gvisor' });
    assert.equal(talk.kind, 'results');
    if (talk.kind !== 'results') return;
    const url = `https://e.example/?${'&'.repeat(480)}`;
    const hit = { ...talk.hits[0]!, title: 'T&'.repeat(400), links: talk.hits[0]!.links.map((l) => ({ ...l, url })) };
    for (const reply of [
      { kind: 'talk', locale: 'ja', header: 'h', hit } as Reply,
      { ...talk, hits: [hit, hit, hit] } as Reply,
    ]) {
      const message = renderReply(reply, { interactive: true, share: true });
      assertWithinSlackLimits(message as unknown as Record<string, unknown>);
    }
  });
});
