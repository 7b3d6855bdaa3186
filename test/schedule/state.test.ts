import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { Daily } from '../../src/schedule/daily.ts';
import { parseState } from '../../src/schedule/state.ts';
import { FileStore } from '../../src/store/file.ts';
import { realBot } from '../helpers/bot.ts';
import { memoryLogger } from '../helpers/log.ts';

const now = new Date(Date.UTC(2026, 10, 23, 12));

it('repairs a hand-edited state: a round that is not a number, a talk listed twice, keys that are not times', () => {
  const text = `{"version":1,"rotation":{"round":1e400,"queue":["a","b","a","c"],"done":["c"]},
    "occurrences":{"__proto__":{"talkId":"x","posted":[]},"9999-01-01T00:00:00.000Z":{"talkId":"y","posted":[]},
    "2026-11-23T00:00:00.000Z":{"talkId":"c","posted":["slack:C1"]}}}`;
  const parsed = parseState(text, now);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.state.rotation, { round: 0, queue: ['a', 'b'], done: ['c'] });
  assert.deepEqual(Object.keys(parsed.state.occurrences), ['2026-11-23T00:00:00.000Z']);
  assert.equal(parsed.repairs.length, 4, parsed.repairs.join('\n'));
});

it('refuses a document that is not the state at all', () => {
  for (const text of ['', '{"version":1,"rotation":', 'null', '[]', '{"version":2}', '{"version":1,"rotation":{"round":0,"queue":[1],"done":[]},"occurrences":{}}']) {
    assert.equal(parseState(text, now).ok, false, text);
  }
});

it('sets an unreadable state aside, logs it, and rebuilds; a repaired one is saved back', async () => {
  const bot = await realBot();
  const dir = mkdtempSync(path.join(tmpdir(), 'kubecon-state-'));
  writeFileSync(path.join(dir, 'state.json'), '{"version":1,"rotation":');
  const { log, lines } = memoryLogger();
  const opts = { cron: '0 9 * * 1-5', timezone: 'Asia/Tokyo', store: new FileStore(dir), targets: [], bot, log, now: () => now };
  const d = await Daily.create(opts);
  assert.ok(d.current(), 'a fresh rotation');
  assert.ok(readdirSync(dir).some((f) => f.startsWith('state.corrupt-')), readdirSync(dir).join(', '));
  assert.ok(lines().some((l) => /set aside/.test(String(l.msg))));

  writeFileSync(path.join(dir, 'state.json'), '{"version":1,"rotation":{"round":3,"queue":["a","a"],"done":[]},"occurrences":{}}');
  await Daily.create(opts);
  assert.ok(lines().some((l) => l.msg === 'talk-of-the-day state repaired'));
  const saved = parseState(String(await new FileStore(dir).read('state')), now);
  assert.ok(saved.ok && saved.repairs.length === 0 && saved.state.rotation.round === 3);
});
