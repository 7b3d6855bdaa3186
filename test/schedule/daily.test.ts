import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Reply } from '../../src/core/reply.ts';
import { Daily, dailyQueryProblem, type DailyOptions } from '../../src/schedule/daily.ts';
import { FileStore } from '../../src/store/file.ts';
import { realBot } from '../helpers/bot.ts';
import { memoryLogger } from '../helpers/log.ts';
import { manualClock } from '../helpers/timers.ts';

const bot = await realBot();
const tmp = () => mkdtempSync(path.join(tmpdir(), 'kubecon-daily-'));

/** A target that records what it was sent. */
function collector(key = 'test:chan') {
  const posts: Reply[] = [];
  return { key, posts, post: async (r: Reply) => void posts.push(r), ids: () => posts.map((p) => (p.kind === 'talk' ? p.hit.id : '?')) };
}

function daily(dataDir: string, targets: DailyOptions['targets'], extra: Partial<DailyOptions> = {}) {
  return Daily.create({ cron: '0 9 * * 1-5', timezone: 'Asia/Tokyo', store: new FileStore(dataDir), targets, bot, log: memoryLogger().log, ...extra });
}

// Weekday 09:00 in Tokyo is 00:00 UTC.
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 0, 0, 0));

describe('talk of the day', () => {
  it('posts a different talk at each occurrence, with a dated heading and a longer excerpt', async () => {
    const target = collector();
    const d = await daily(tmp(), [target]);
    for (const n of [23, 24, 25]) await d.run(day(n));
    assert.equal(new Set(target.ids()).size, 3);
    const first = target.posts[0]!;
    assert.ok(first.kind === 'talk' && first.header.includes('2026-11-23'));
    assert.ok(first.kind === 'talk' && first.hit.snippet.map((p) => p.text).join('').length > 200);
  });

  it('continues the rotation without repeats after a restart', async () => {
    const dir = tmp();
    const target = collector();
    const before = await daily(dir, [target]);
    for (const n of [2, 3, 4]) await before.run(day(n));
    await before.stop();
    // An hour after the 09:00 post of Monday the 9th, Tokyo time.
    const after = await daily(dir, [target], { now: () => new Date(day(9).getTime() + 3600_000) });
    for (const n of [5, 6, 9]) await after.run(day(n));
    assert.equal(new Set(target.ids()).size, 6);
    assert.equal(after.current()?.id, target.ids().at(-1), '"today" shows the talk posted today');
  });

  it('never posts one occurrence twice, even when run again', async () => {
    const target = collector();
    const d = await daily(tmp(), [target]);
    await d.run(day(23));
    await d.run(day(23));
    assert.equal(target.posts.length, 1);
  });

  it('two processes sharing DATA_DIR post an occurrence once', async () => {
    const dir = tmp();
    const a = collector('slack:C1');
    const b = collector('slack:C1');
    const [one, two] = await Promise.all([daily(dir, [a]), daily(dir, [b])]);
    await Promise.all([one.run(day(23)), two.run(day(23))]);
    assert.equal(a.posts.length + b.posts.length, 1);
  });

  it('catches up an occurrence missed a few hours ago, not an older one', async () => {
    const recent = await daily(tmp(), [collector()], { now: () => new Date(Date.UTC(2026, 10, 23, 2, 30)) });
    assert.equal(recent.latestMissed()?.toISOString(), '2026-11-23T00:00:00.000Z');
    const late = await daily(tmp(), [collector()], { now: () => new Date(Date.UTC(2026, 10, 23, 5, 0)) });
    assert.equal(late.latestMissed(), undefined);
    const target = collector();
    const d = await daily(tmp(), [target], { now: () => new Date(Date.UTC(2026, 10, 23, 1, 0)) });
    d.start();
    await d.stop();
    assert.equal(target.posts.length, 1);
  });

  it('"today" names the talk the next occurrence posts: on every call, after a restart, on another process', async () => {
    const dir = tmp();
    const target = collector();
    const now = () => new Date(Date.UTC(2026, 10, 22, 12, 0));
    const first = await daily(dir, [target], { now });
    const shown = first.current()?.id;
    assert.ok(shown);
    for (let i = 0; i < 5; i++) assert.equal(first.current()?.id, shown);
    const restarted = await daily(dir, [target], { now });
    const other = await daily(dir, [collector()], { now });
    assert.equal(restarted.current()?.id, shown);
    assert.equal(other.current()?.id, shown);
    await restarted.run(day(23));
    assert.deepEqual(target.ids(), [shown]);
    const nextShown = restarted.current()?.id;
    await other.refresh();
    assert.equal(other.current()?.id, nextShown, 'the other process follows');
    assert.notEqual(nextShown, shown);
  });

  it('DAILY_QUERY filters work as in a search; an unknown event is named', async () => {
    const target = collector();
    const d = await daily(tmp(), [target], { query: 'event:kubecon-eu-2024' });
    const pool = d.pool();
    assert.ok(pool.length > 0);
    assert.ok(pool.every((id) => bot.current.index.get(id)?.event.id === 'kubecon-eu-2024'), pool.join(', '));
    for (const n of [23, 24, 25]) await d.run(day(n));
    assert.ok(target.ids().every((id) => bot.current.index.get(id)?.event.id === 'kubecon-eu-2024'));
    assert.match(dailyQueryProblem('wasm event:kubecon-xx-1999', bot.current.events) ?? '', /unknown event "kubecon-xx-1999".*kubecon-eu-2024/);
    assert.equal(dailyQueryProblem('wasm event:kubecon-eu-2024', bot.current.events), undefined);
  });

  it('picks only talks matching DAILY_QUERY', async () => {
    const target = collector();
    const d = await daily(tmp(), [target], { query: 'wasm' });
    for (const n of [23, 24, 25]) await d.run(day(n));
    const wasm = new Set(bot.current.index.search('wasm').map((m) => m.talk.id));
    assert.ok(target.ids().every((id) => wasm.has(id)));
  });

  it('keeps posting to the other targets when one fails', async () => {
    const ok = collector('discord:1');
    const failing = { key: 'slack:C1', post: async () => { throw new Error('channel_not_found'); } };
    const d = await daily(tmp(), [failing, ok]);
    await d.run(day(23));
    assert.equal(ok.posts.length, 1);
  });

  it('a seconds-level cron posts distinct talks at each tick', async () => {
    const target = collector();
    const clock = manualClock(new Date(Date.UTC(2026, 10, 23, 3, 0, 0, 500)));
    const d = await daily(tmp(), [target], { cron: '* * * * * *', now: clock.now, timers: clock.timers, catchUpMs: 0 });
    d.start();
    for (let tick = 0; tick < 3; tick++) {
      clock.advance(1000);
      await d.idle();
    }
    await d.stop();
    assert.equal(target.posts.length, 3);
    assert.equal(new Set(target.ids()).size, 3);
  });
});
