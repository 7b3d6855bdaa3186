import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messages } from '../../src/core/messages.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot({ date: () => '2026-11-23' });

describe('bot replies', () => {
  it('answers a search with hits, snippets, links and credits in Japanese by default', () => {
    const r = bot.handle({ text: 'gvisor' });
    assert.equal(r.kind, 'results');
    if (r.kind !== 'results') return;
    const top = r.hits[0]!;
    assert.equal(top.title, 'Best Practice for Container Security at Scale');
    assert.ok(top.snippet.some((p) => p.mark && /gvisor/i.test(p.text)));
    assert.match(top.summary, /[ぁ-ん]/);
    assert.equal(top.other.locale, 'en');
    assert.deepEqual(top.links.map((l) => l.kind), ['recap', 'talk', 'video_search']);
    assert.match(top.credit, /グリフォン/);
  });

  it('answers in English when asked', () => {
    const r = bot.handle({ text: 'gvisor', locale: 'en' });
    assert.ok(r.kind === 'results' && !/[ぁ-ん]/.test(r.hits[0]!.summary) && r.header.startsWith('4 talks'));
  });

  it('pages through results', () => {
    const first = bot.handle({ text: 'kubernetes' });
    assert.ok(first.kind === 'results' && first.page.next === 5 && first.page.previous === undefined);
    const second = bot.handle({ text: first.page.query, offset: first.page.next });
    assert.ok(second.kind === 'results' && second.page.offset === 5 && second.page.previous === 0);
    assert.notDeepEqual(second.hits.map((h) => h.id), first.hits.map((h) => h.id));
    const total = second.page.total;
    const last = bot.handle({ text: first.page.query, offset: total - 1 });
    assert.ok(last.kind === 'results' && last.page.next === undefined && last.page.previous === total - 6);
  });

  it('cuts a page to the hits the adapter says fit, and pages on from there', () => {
    const r = bot.handle({ text: 'kubernetes', fit: (hits, first) => (first === 1 && hits.length === 5 ? 2 : 99) });
    assert.ok(r.kind === 'results');
    assert.equal(r.hits.length, 2);
    assert.equal(r.page.next, 2);
    assert.match(r.header, /1〜2件目/);
    const none = bot.handle({ text: 'kubernetes', fit: () => 0 });
    assert.ok(none.kind === 'results' && none.hits.length === 1, 'a page always shows one hit');
  });

  it('treats an out-of-range page as expired', () => {
    const r = bot.handle({ text: 'gvisor', offset: 400 });
    assert.ok(r.kind === 'message' && r.notices[0]!.code === 'page_expired');
  });

  it('suggests close terms when nothing matches', () => {
    const r = bot.handle({ text: 'gvsr', locale: 'en' });
    assert.ok(r.kind === 'message');
    const codes = r.notices.map((n) => n.code);
    assert.deepEqual(codes, ['no_results', 'unmatched_words', 'did_you_mean', 'search_tips']);
    assert.equal(r.notices[2]!.suggestions![0], 'gvisor');
  });

  it('explains unknown filters instead of returning nothing', () => {
    const r = bot.handle({ text: 'wasm year:1999', locale: 'en' });
    assert.ok(r.kind === 'message' && /2018, 2022, 2024/.test(r.notices[0]!.text));
  });

  it('lists an event when only a filter is given', () => {
    const r = bot.handle({ text: 'event:kubecon-eu-2018', limit: 50 });
    assert.ok(r.kind === 'results' && r.page.total === 7);
  });

  it('shows help for empty input and the talk of the day for "today"', () => {
    assert.equal(bot.handle({ text: '   ' }).kind, 'help');
    const today = bot.handle({ text: 'today' });
    assert.ok(today.kind === 'talk' && today.header === messages('ja').todayHeading({ date: '2026-11-23' }));
  });

  it('asks for a search term when a query is only mention markup', () => {
    const r = bot.handle({ text: '<!channel> @everyone', locale: 'en' });
    assert.ok(r.kind === 'message');
    assert.deepEqual(r.notices.map((n) => n.code), ['empty_query', 'search_tips']);
  });

  it('keeps hostile text as plain text in notices', () => {
    const r = bot.handle({ text: '<!channel> @everyone zzqxv' });
    assert.ok(r.kind === 'message' && r.notices[0]!.text.includes('<!channel> @everyone zzqxv'));
  });
});

describe('the other language', () => {
  it('gives a talk\'s whole summary in the other language, by id', () => {
    const r = bot.handle({ text: 'gvisor' });
    assert.ok(r.kind === 'results');
    const hit = r.hits[0]!;
    const other = bot.summary(hit.id, hit.other.locale);
    assert.ok(other.kind === 'talk');
    assert.equal(other.header, 'English summary');
    assert.equal(other.hit.snippet.map((p) => p.text).join(''), hit.other.text.replace(/\s*\n+\s*/g, ' '));
  });

  it('answers an unknown id with the expired notice', () => {
    const r = bot.summary('nope/nothing', 'en');
    assert.ok(r.kind === 'message' && r.notices[0]!.code === 'page_expired');
  });
});
