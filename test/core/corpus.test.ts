import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildCorpus } from '../../src/core/corpus/load.ts';
import { CorpusInvalidError } from '../../src/core/corpus/errors.ts';
import { talkLinks } from '../../src/core/corpus/links.ts';
import { CORPUS_DIR, realLibrary } from '../helpers/bot.ts';

const FRONT = `---
event: demo-2024
event_name: Demo Conf 2024
city: Tokyo
dates: 2024-05-01..2024-05-02
schedule_url: https://demo.example/schedule
recap_title: Demo recap
recap_author: someone
---
`;

const talk = (title: string, fields = '', ja = '日本語の要約。', en = 'An English summary.') =>
  `\n## ${title}\n\n${fields}\n### ja\n\n${ja}\n\n### en\n\n${en}\n`;

function problems(text: string, file = 'corpus/demo.md'): string[] {
  try {
    buildCorpus([{ file, text }]);
  } catch (err) {
    assert.ok(err instanceof CorpusInvalidError);
    return err.message.split('\n').slice(1);
  }
  return [];
}

describe('the real corpus', async () => {
  const lib = await realLibrary();
  const talks = lib.index.talks;

  // Counts come from the files themselves, so adding a talk as the README says keeps this green.
  const sources = readdirSync(CORPUS_DIR)
    .filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md')
    .map((n) => readFileSync(path.join(CORPUS_DIR, n), 'utf8'));
  const headings = sources.flatMap((text) => [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim()));

  it('holds every file, event and talk heading of the corpus', () => {
    assert.equal(lib.files.length, sources.length);
    const eventIds = new Set(sources.map((text) => /^event: *(\S+)/m.exec(text)?.[1]));
    assert.deepEqual(lib.events.map((e) => e.id).sort(), [...eventIds].sort());
    const titles = new Set(talks.map((t) => t.title));
    for (const h of headings) assert.ok(titles.has(h), `talk "${h}" is loaded`);
    assert.ok(talks.length >= headings.length);
  });

  it('gives every recap talk both summaries and a credit; every talk a video or video search, and its own page or else the schedule where one is known', () => {
    for (const t of talks) {
      if (t.recap) assert.ok(t.summary?.ja.trim() && t.summary.en.trim() && t.recap.title, t.id);
      const kinds = talkLinks(t).map((l) => l.kind);
      assert.ok(kinds.includes('video') || kinds.includes('video_search'), `${t.id}: ${kinds.join(',')}`);
      assert.equal(kinds.includes('talk'), Boolean(t.talkUrl), `${t.id}: ${kinds.join(',')}`);
      assert.equal(kinds.includes('schedule'), !t.talkUrl && Boolean(t.event.scheduleUrl), `${t.id}: ${kinds.join(',')}`);
    }
  });

  it('links the recap post where its URL is known', () => {
    const cndt = talks.filter((t) => t.event.id === 'cndt-2022');
    assert.ok(cndt.every((t) => talkLinks(t)[0]?.url === 'https://zenn.dev/hrk091/articles/hrk091-202212-cndt-recap'));
  });

  it('finds every talk by its title and by each speaker name', () => {
    for (const t of talks) {
      assert.ok(lib.index.search(t.title).slice(0, 5).some((m) => m.talk.id === t.id), `title: ${t.title}`);
      for (const s of t.speakers) {
        const name = s.replace(/\s*\(.*\)$/, '');
        assert.ok(lib.index.search(name).some((m) => m.talk.id === t.id), `speaker ${name}: ${t.title}`);
      }
    }
  });
});

describe('corpus validation', () => {
  it('accepts a minimal valid file', () => {
    const c = buildCorpus([{ file: 'corpus/demo.md', text: FRONT + talk('First Talk', '- speakers: A (B), C') }]);
    assert.equal(c.talks[0]!.id, 'demo-2024/first-talk');
    assert.deepEqual(c.talks[0]!.speakers, ['A (B)', 'C']);
  });

  it('names file and line for a missing title', () => {
    assert.deepEqual(problems(FRONT + talk('')), ['corpus/demo.md:11: missing title: "##" must be followed by the talk title']);
  });

  it('names file and line for an unknown field, a bad date and a day outside the event', () => {
    const out = problems(FRONT + talk('A', '- speaker: X') + talk('B', '- day: 2024-13-01') + talk('C', '- day: 2024-06-01'));
    assert.equal(out.length, 3);
    assert.match(out[0]!, /^corpus\/demo\.md:13: unknown field "speaker"/);
    assert.match(out[1]!, /^corpus\/demo\.md:\d+: bad date "2024-13-01"/);
    assert.match(out[2]!, /outside the event/);
  });

  it('checks that a sources field names fields this talk sets, and where they come from', () => {
    const ok = talk('A', '- speakers: Jane Doe\n- talk_url: https://demo.example/a\n- sources: speakers, talk_url from the event schedule\n');
    assert.deepEqual(problems(FRONT + ok), []);
    const out = problems(
      FRONT +
        talk('B', '- sources: speakers from the schedule\n') +
        talk('C', '- speakers: X\n- sources: speakers\n') +
        talk('D', '- speakers: X\n- sources: summary from somewhere\n'),
    );
    assert.equal(out.length, 3, out.join('\n'));
    assert.match(out[0]!, /^corpus\/demo\.md:13: sources names "speakers", but this talk has no speakers/);
    assert.match(out[1]!, /:\d+: sources must read "<field>, <field> from <where>"/);
    assert.match(out[2]!, /:\d+: sources names "summary", which is not a talk field/);
  });

  it('reports duplicate ids within a file and across files', () => {
    assert.match(problems(FRONT + talk('Same') + talk('Same'))[0]!, /:\d+: duplicate talk id "demo-2024\/same" \(first at line 11\)/);
    assert.throws(
      () => buildCorpus([{ file: 'a.md', text: FRONT + talk('Same') }, { file: 'b.md', text: FRONT + talk('Same') }]),
      /b\.md:11: duplicate talk id "demo-2024\/same" \(also a\.md:11\)/,
    );
  });

  it('reports a missing summary, missing front matter and a bad date range', () => {
    assert.match(problems(FRONT + '\n## Lonely\n\n### ja\n\n本文\n')[0]!, /:11: talk "Lonely" has no English summary/);
    assert.match(problems('## No front matter\n')[0]!, /^corpus\/demo\.md:1: the file must start with front matter/);
    assert.match(problems(FRONT.replace('2024-05-01..2024-05-02', '2024-05-02..2024-05-01') + talk('A'))[0]!, /:5: bad date range/);
  });

  it('reports unknown front matter keys and events described two ways', () => {
    assert.match(problems(FRONT.replace('city:', 'town:') + talk('A'))[0]!, /:4: unknown front matter key "town"/);
    const other = FRONT.replace('Demo Conf 2024', 'Other name');
    assert.throws(() => buildCorpus([{ file: 'a.md', text: FRONT + talk('A') }, { file: 'b.md', text: other + talk('B') }]), /b\.md:1: event "demo-2024" differs/);
  });

  it('keeps ids stable when talks are added, reordered or edited', () => {
    const before = buildCorpus([{ file: 'x.md', text: FRONT + talk('Alpha') + talk('Beta') }]).talks.map((t) => t.id);
    const after = buildCorpus([{ file: 'x.md', text: FRONT + talk('New') + talk('Beta', '- track: T', '別の要約') + talk('Alpha') }])
      .talks.map((t) => t.id);
    for (const id of before) assert.ok(after.includes(id), id);
  });

  it('lets a pinned id survive a title change, and hashes Japanese titles', () => {
    const c = buildCorpus([{ file: 'x.md', text: FRONT + talk('Renamed', '- id: demo-2024/alpha') + talk('日本語のタイトル') }]);
    assert.equal(c.talks[0]!.id, 'demo-2024/alpha');
    assert.match(c.talks[1]!.id, /^demo-2024\/[0-9a-f]{8}$/);
  });
});
