/**
 * Every link a talk offers says what it is: the recap post or a search for it, the talk's own
 * page or the event's schedule, a recording or a video search.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { talkLinks } from '../../src/core/corpus/links.ts';
import { messages } from '../../src/core/messages.ts';
import type { LinkKind, Talk } from '../../src/core/types.ts';
import { realLibrary } from '../helpers/bot.ts';

const lib = await realLibrary();
const byTitle = (title: string): Talk => {
  const t = lib.index.talks.find((x) => x.title === title);
  assert.ok(t, title);
  return t;
};
const kinds = (t: Talk) => talkLinks(t).map((l) => l.kind);

describe('talk links in the real corpus', () => {
  it('never shows an event schedule as a talk page', () => {
    for (const t of lib.index.talks) {
      for (const l of talkLinks(t)) {
        if (l.kind === 'talk') assert.notEqual(l.url, t.event.scheduleUrl, `${t.id} shows its event's schedule as its own page`);
        if (l.kind === 'schedule') assert.equal(l.url, t.event.scheduleUrl, t.id);
      }
    }
  });

  it("links a talk's own page where it is known, and the schedule otherwise", () => {
    const rook = byTitle('Rook/Cephストレージシステムを開発しながらupstream OSSに成果を還元してきた取り組み');
    assert.deepEqual(talkLinks(rook).find((l) => l.kind === 'talk')?.url, 'https://event.cloudnativedays.jp/cndt2022/talks/1525');
    const gvisor = byTitle('Best Practice for Container Security at Scale');
    assert.deepEqual(kinds(gvisor), ['recap', 'talk', 'video_search']);
    assert.equal(talkLinks(gvisor)[0]!.url, 'https://tech.griphone.co.jp/2018/05/06/kccnceu18-day2-report/');
    const keynote = byTitle('Kubernetes Project Update');
    assert.deepEqual(kinds(keynote), ['recap', 'schedule', 'video_search']);
  });

  it("offers a search for the recap's exact title where the post's address is unknown", () => {
    const spin = byTitle('Leveling up Wasm Support in Kubernetes');
    assert.deepEqual(kinds(spin), ['schedule', 'recap_search', 'video_search']);
    const search = new URL(talkLinks(spin).find((l) => l.kind === 'recap_search')!.url);
    assert.equal(search.searchParams.get('q'), '"KubeCon + CloudNativeCon Europe 2024 Day 3" ZIPAIR Tech Blog');
    const etcd = byTitle('Lessons Learned From Etcd the Data Inconsistency Issues');
    const q = new URL(talkLinks(etcd).find((l) => l.kind === 'recap_search')!.url).searchParams.get('q');
    assert.equal(q, '"KubeCon + CloudNativeCon NA 2022 レポート" 岩本 俊弘', 'with no publication, the author tells the post apart');
  });

  it('links a known recap post instead of a search', () => {
    for (const t of lib.index.talks.filter((x) => x.recap?.url)) assert.equal(kinds(t)[0], 'recap', t.id);
    const withUrl = new Set(lib.index.talks.filter((x) => x.recap?.url).map((x) => x.event.id + ' ' + x.recap!.title));
    assert.equal(withUrl.size, 3, 'CNDT, ZOZO and Griphone posts have confirmed addresses');
  });
});

describe('links of a talk with everything known', () => {
  const base = byTitle('Best Practice for Container Security at Scale');
  it('links the recording itself, and no search, when one is known', () => {
    const t: Talk = { ...base, videoUrl: 'https://www.youtube.com/watch?v=abc' };
    assert.deepEqual(talkLinks(t), [
      { kind: 'recap', url: 'https://tech.griphone.co.jp/2018/05/06/kccnceu18-day2-report/' },
      { kind: 'talk', url: base.talkUrl },
      { kind: 'video', url: 'https://www.youtube.com/watch?v=abc' },
    ]);
  });

  it('gives a talk known only from a schedule no recap link at all', () => {
    const t: Talk = { ...base, recap: undefined, talkUrl: undefined };
    assert.deepEqual(kinds(t), ['schedule', 'video_search']);
  });
});

describe('link labels', () => {
  const all: LinkKind[] = ['recap', 'recap_search', 'talk', 'schedule', 'video', 'video_search'];
  for (const locale of ['ja', 'en'] as const) {
    it(`names each kind of link differently (${locale})`, () => {
      const labels = all.map((k) => messages(locale).link[k]);
      assert.ok(labels.every((l) => l.length > 0));
      assert.equal(new Set(labels).size, all.length, labels.join(' / '));
    });
  }

  it('says which links are searches', () => {
    assert.match(messages('en').link.recap_search, /search/i);
    assert.match(messages('en').link.video_search, /search/i);
    assert.match(messages('ja').link.recap_search, /検索/);
    assert.match(messages('ja').link.video_search, /検索/);
    assert.doesNotMatch(messages('en').link.schedule, /talk/i);
  });
});
