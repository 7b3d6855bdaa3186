/**
 * Events named in plain words narrow a search as `event:` and `year:` do, using the corpus's own
 * event data; a place or year no event has gives an answer saying so, never every talk.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuery } from '../../src/core/query.ts';
import type { EventInfo } from '../../src/core/types.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();
const events = bot.current.events;

/** A made-up event, to show phrases come from the data and not from a list of today's events. */
const madeUp: EventInfo = { id: 'kubecon-na-2031', name: 'KubeCon + CloudNativeCon North America 2031', city: 'Atlanta', start: '2031-11-10', end: '2031-11-13', year: 2031 };

function ids(text: string, evs: readonly EventInfo[] = events): string[] {
  const r = parseQuery(text, evs);
  assert.ok(r.ok, `${text}: ${JSON.stringify(!r.ok && r.error)}`);
  return [...(r.query.eventIds ?? [])].sort();
}

describe('events in words', () => {
  it('reads cities, regions, years and event names in both languages', () => {
    assert.deepEqual(ids('パリのKubeConでセキュリティ'), ['kubecon-eu-2024']);
    assert.deepEqual(ids('Paris security'), ['kubecon-eu-2024']);
    assert.deepEqual(ids('デトロイト wasm'), ['kubecon-na-2022']);
    assert.deepEqual(ids('コペンハーゲン gvisor'), ['kubecon-eu-2018']);
    assert.deepEqual(ids('北米 etcd'), ['kubecon-na-2022']);
    assert.deepEqual(ids('North America etcd'), ['kubecon-na-2022']);
    assert.deepEqual(ids('欧州 wasm'), ['kubecon-eu-2018', 'kubecon-eu-2024']);
    assert.deepEqual(ids('EU wasm'), ['kubecon-eu-2018', 'kubecon-eu-2024']);
    assert.deepEqual(ids('2022年のセキュリティ'), ['cndt-2022', 'kubecon-na-2022']);
    assert.deepEqual(ids('KubeCon 2024'), ['kubecon-eu-2024']);
    assert.deepEqual(ids('CNDT2022 kyverno'), ['cndt-2022']);
    assert.deepEqual(ids('CloudNative Days の分散トランザクション'), ['cndt-2022']);
  });

  it('reads a place written in kanji or kana only as a word of its own, not inside a longer word', () => {
    assert.deepEqual(ids('日本で開催された Kyverno の話'), ['cndt-2022']);
    assert.deepEqual(ids('日本企業の Kubernetes 事例'), ['cndt-2022']);
    assert.deepEqual(ids('北米開催の KubeCon で etcd'), ['kubecon-na-2022']);
    // 日本語 is the Japanese language, パリティ is parity: no place named.
    assert.deepEqual(ids('Kyverno を日本語で解説してる講演'), []);
    assert.deepEqual(ids('日本人エンジニアの登壇'), []);
    assert.deepEqual(ids('パリティチェック'), []);
  });

  it('reads a country no event is in as a word, unless a conference or year is named with it', () => {
    // A speaker who presented from China: the talk was at an event elsewhere.
    assert.deepEqual(ids('etcd のバグの話、中国から録画で登壇してた人'), []);
    const named = parseQuery('KubeCon China 2025', events);
    assert.ok(!named.ok && named.error.code === 'no_event');
    const city = parseQuery('シカゴのセキュリティのセッション', events);
    assert.ok(!city.ok && city.error.code === 'no_event');
  });

  it('takes the event words out of the words searched', () => {
    const r = parseQuery('2022年北米KubeConでGitHub Actionsのセキュリティ', events);
    assert.ok(r.ok);
    assert.doesNotMatch(r.query.text, /2022|北米|kubecon/i);
    assert.match(r.query.text, /GitHub Actions/);
    assert.deepEqual(r.query.eventWords, ['2022年', '北米', 'KubeCon']);
  });

  it('leaves topic words alone', () => {
    for (const q of ['cloud native security', 'gvisor', 'event sourcing', 'KEP-1281']) {
      const r = parseQuery(q, events);
      assert.ok(r.ok && r.query.eventIds === undefined && r.query.text === q, q);
    }
  });

  it('derives the phrases from the event data', () => {
    assert.deepEqual(ids('アトランタ 2031', [...events, madeUp]), ['kubecon-na-2031']);
    const without = parseQuery('アトランタ', events);
    assert.ok(!without.ok && without.error.code === 'no_event');
  });

  it('answers a place or year no event has with "no talk matches", not every talk', () => {
    for (const q of ['KubeCon San Diego 2019 の基調講演', 'KubeCon Chicago 2023', 'パリ 2022 wasm']) {
      const r = bot.handle({ text: q, locale: 'en' });
      assert.equal(r.kind, 'message', q);
      if (r.kind !== 'message') continue;
      const notice = r.notices.find((n) => n.code === 'no_event');
      assert.ok(notice, q);
      assert.match(notice.text, /No talk matches/);
      assert.match(notice.text, /Paris/);
    }
  });

  it('narrows the bot\'s results to the event named', () => {
    const r = bot.handle({ text: 'パリのKubeConでセキュリティ系のセッション何があった?', limit: 50 });
    assert.equal(r.kind, 'results');
    if (r.kind !== 'results') return;
    assert.ok(r.hits.length >= 4);
    for (const h of r.hits) assert.equal(h.event.id, 'kubecon-eu-2024');
  });
});

describe('filter names', () => {
  it('names the filters there are for an unknown one, and does not search its words', () => {
    for (const q of ['gvisor lang:en', 'foo:bar gvisor']) {
      const r = bot.handle({ text: q, locale: 'en' });
      assert.equal(r.kind, 'results', q);
      if (r.kind !== 'results') continue;
      const notice = r.notices.find((n) => n.code === 'unknown_filter');
      assert.ok(notice, q);
      assert.match(notice.text, /event:/);
      assert.match(notice.text, /year:/);
      assert.match(notice.text, q.includes('lang') ? /lang:en/ : /foo:bar/);
      assert.deepEqual(r.hits.map((h) => h.id), (bot.handle({ text: 'gvisor', locale: 'en' }) as { hits: Array<{ id: string }> }).hits.map((h) => h.id));
    }
  });

  it('leaves links alone', () => {
    const r = parseQuery('https://github.com/google/gvisor', events);
    assert.ok(r.ok && r.query.unknownFilters.length === 0);
  });
});
