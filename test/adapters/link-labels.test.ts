/**
 * What a user sees next to each link, on every platform: the recap post or a search for it, the
 * talk's own page or the event's schedule, a recording or a video search.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render.ts';
import { renderText } from '../../src/adapters/shell/render.ts';
import { renderReply as renderSlack } from '../../src/adapters/slack/render.ts';
import { messages } from '../../src/core/messages.ts';
import type { Reply } from '../../src/core/reply.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();

/** The top hit of a real search, with the kinds of links it carries. */
function top(text: string, locale: 'ja' | 'en'): Extract<Reply, { kind: 'results' }> {
  const r = bot.handle({ text, locale, limit: 1 });
  assert.ok(r.kind === 'results' && r.hits.length === 1, text);
  return r;
}

const cases = [
  { query: 'SpinKube', title: 'Leveling up Wasm Support in Kubernetes', kinds: ['schedule', 'recap_search', 'video_search'] },
  { query: 'gVisor', title: 'Best Practice for Container Security at Scale', kinds: ['recap', 'talk', 'video_search'] },
  { query: 'Rook Ceph upstream', title: 'Rook/Cephストレージシステムを開発しながらupstream OSSに成果を還元してきた取り組み', kinds: ['recap', 'talk', 'video_search'] },
] as const;

describe('link labels as users see them', () => {
  for (const c of cases) {
    for (const locale of ['ja', 'en'] as const) {
      it(`${c.title.slice(0, 30)} (${locale}): each link carries its own label on Slack, Discord and the terminal`, () => {
        const r = top(c.query, locale);
        const hit = r.hits[0]!;
        assert.equal(hit.title, c.title);
        assert.deepEqual(hit.links.map((l) => l.kind), c.kinds);
        const label = messages(locale).link;
        const slack = JSON.stringify(renderSlack(r));
        const discord = JSON.stringify(renderDiscord(r));
        const shell = renderText(r, { color: false });
        for (const l of hit.links) {
          assert.ok(slack.includes(`<${l.url}|${label[l.kind]}>`), `Slack: ${l.kind}`);
          assert.ok(discord.includes(`[${label[l.kind]}](${new URL(l.url).href})`), `Discord: ${l.kind}`);
          assert.ok(shell.includes(`${label[l.kind]}: ${l.url}`), `terminal: ${l.kind}`);
        }
      });
    }
  }

  it('never labels the schedule as the talk page', () => {
    const r = top('SpinKube', 'en');
    const shell = renderText(r, { color: false });
    assert.match(shell, /Event schedule: https:\/\/kccnceu2024\.sched\.com\n/);
    assert.doesNotMatch(shell, /Talk page:/);
    assert.match(shell, /Search for the recap: https:\/\/duckduckgo\.com\//);
    assert.match(shell, /Search for a video: https:\/\/www\.youtube\.com\/results/);
  });
});
