import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RedisStore } from '../../src/store/redis.ts';
import { StoreUnavailableError } from '../../src/store/store.ts';
import { memoryLogger } from '../helpers/log.ts';
import { TestRedis } from '../helpers/redis.ts';
import { until } from '../helpers/until.ts';

const fast = () => 50;

describe('the Redis store', () => {
  let redis: TestRedis;
  before(async () => (redis = await TestRedis.start()));
  after(() => redis.stop());

  it('replaces a document only if unchanged, claims a key once, remembers an id for its TTL', async () => {
    const a = await RedisStore.open({ url: redis.url, log: memoryLogger().log });
    const b = await RedisStore.open({ url: redis.url, log: memoryLogger().log });
    try {
      assert.deepEqual(a.status(), { kind: 'redis', up: true });
      assert.equal(await a.read('doc'), undefined);
      assert.equal(await a.replace('doc', undefined, 'one'), true);
      assert.equal(await b.replace('doc', undefined, 'two'), false, 'the other instance wrote first');
      assert.equal(await b.read('doc'), 'one');
      const racers = await Promise.all([a.replace('doc', 'one', 'x'), b.replace('doc', 'one', 'y')]);
      assert.deepEqual(racers.sort(), [false, true]);

      const claims = await Promise.all([a.claim('occurrence:t1', 60_000), b.claim('occurrence:t1', 60_000)]);
      assert.deepEqual(claims.sort(), [false, true]);

      assert.equal(await a.remember('ev1', 200), true);
      assert.equal(await b.remember('ev1', 200), false, 'seen by the other instance');
      await new Promise((r) => setTimeout(r, 250));
      assert.equal(await b.remember('ev1', 200), true, 'forgotten after its TTL');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('when Redis goes away: one log line, claims refused, ids remembered per process; then back', async () => {
    const { log, lines } = memoryLogger();
    const store = await RedisStore.open({ url: redis.url, log, reconnectDelay: fast });
    try {
      await redis.stop();
      await until(() => !store.status().up, 'the store to notice', 10_000);
      await assert.rejects(store.claim('occurrence:t2', 60_000), StoreUnavailableError);
      await assert.rejects(store.read('doc'), StoreUnavailableError);
      assert.equal(await store.remember('ev2', 60_000), true);
      assert.equal(await store.remember('ev2', 60_000), false, 'still deduplicated within this process');
      // Several reconnect attempts fail meanwhile; the log says it once.
      await new Promise((r) => setTimeout(r, 300));
      const down = lines().filter((l) => /^redis: unreachable/.test(String(l.msg)));
      assert.equal(down.length, 2, down.map((l) => l.msg).join('\n'));
      assert.match(String(down[0]!.msg), /searches are answered/);
      assert.match(String(down[1]!.msg), /per process/);
      assert.doesNotMatch(JSON.stringify(lines()), /redis:\/\//, 'the URL is not logged');

      await redis.start();
      await until(() => store.status().up, 'the store to reconnect', 10_000);
      assert.ok(lines().some((l) => l.msg === 'redis: connected again; state is shared again'));
      assert.equal(await store.claim('occurrence:t2', 60_000), true);
    } finally {
      await store.close();
    }
  });
});
