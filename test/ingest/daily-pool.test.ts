/**
 * DAILY_POOL: the talk of the day picks from talks with a recap summary unless told `all`, so an
 * imported schedule does not turn the daily post into a stream of bare abstracts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Bot } from '../../src/core/bot.ts';
import { loadLibrary } from '../../src/core/library.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { importSched } from '../../src/ingest/import.ts';
import { Daily } from '../../src/schedule/daily.ts';
import { FileStore } from '../../src/store/file.ts';
import { memoryLogger } from '../helpers/log.ts';
import { corpusCopy, FIXTURE, tempDir } from './helpers.ts';

const dir = corpusCopy();
await importSched({ source: FIXTURE, dir });
const bot = new Bot({ library: await loadLibrary(dir) });
const talks = bot.current.index.talks;

const daily = (pool?: 'recap' | 'all') =>
  Daily.create({ cron: '0 9 * * 1-5', timezone: 'Asia/Tokyo', store: new FileStore(tempDir()), targets: [], bot, log: memoryLogger().log, pool });

describe('DAILY_POOL', () => {
  it('recap (the default) leaves out talks known only from a schedule; merged talks stay in', async () => {
    const pool = (await daily()).pool();
    const withSummary = talks.filter((t) => t.summary).map((t) => t.id);
    assert.deepEqual(pool.sort(), withSummary.sort());
    assert.ok(pool.includes('kubecon-eu-2024/securing-900-kubernetes-clusters-without-psp'), 'a merged talk has a recap summary');
    assert.ok(!pool.includes('kubecon-eu-2024/tail-sampling-at-scale-with-the-opentelemetry'));
    assert.deepEqual((await daily('recap')).pool().sort(), pool);
  });

  it('all takes every talk', async () => {
    assert.equal((await daily('all')).pool().length, talks.length);
  });

  it('is read from the environment and checked once', () => {
    assert.equal(loadConfig({}).daily.pool, 'recap');
    assert.equal(loadConfig({ DAILY_POOL: 'all' }).daily.pool, 'all');
    assert.throws(() => loadConfig({ DAILY_POOL: 'everything' }), (e: Error) => e instanceof ConfigError && /DAILY_POOL/.test(e.message) && /recap, all/.test(e.message));
  });
});
