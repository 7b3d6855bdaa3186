import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CorpusInvalidError, formatCorpusError } from '../../src/core/corpus/errors.ts';
import { buildCorpus } from '../../src/core/corpus/load.ts';
import { parseScheduleFile } from '../../src/core/corpus/schedule.ts';
import { renderSchedule } from '../../src/ingest/render.ts';
import { CORPUS } from './helpers.ts';

const FILE = 'corpus/kubecon-eu-2024.schedule.md';
const HEAD = `---
event: kubecon-eu-2024
event_name: KubeCon + CloudNativeCon Europe 2024
city: Paris
dates: 2024-03-19..2024-03-22
time_zone: Europe/Paris
---
`;
const SESSION = `
## Tail Sampling at Scale

- id: kubecon-eu-2024/tail-sampling-at-scale
- uid: otel-1@sched
- speakers: Jo Sample (Example, Inc.), Lee Park
- day: 2024-03-20
- time: 15:00-15:30
- talk_url: https://kccnceu2024.sched.com/event/1Yc01/tail-sampling

### abstract

Tail-based sampling in the Collector.
`;

const errorsOf = (text: string) => parseScheduleFile(FILE, text).errors.map(formatCorpusError);

describe('schedule files', () => {
  it('a valid file gives sessions with speakers split outside parentheses and the abstract', () => {
    const p = parseScheduleFile(FILE, HEAD + SESSION);
    assert.deepEqual(p.errors, []);
    assert.equal(p.event?.timeZone, 'Europe/Paris');
    const s = p.sessions[0]!;
    assert.equal(s.uid, 'otel-1@sched');
    assert.deepEqual(s.talk.speakers, ['Jo Sample (Example, Inc.)', 'Lee Park']);
    assert.equal(s.talk.abstract, 'Tail-based sampling in the Collector.');
    assert.equal(s.talk.source.line, 9);
  });

  it('reports each problem as file:line', () => {
    const bad = `${HEAD}
## A Talk

- id: kubecon-eu-2024/a-talk
- uid: a@s
- day: 2024-04-01
- time: 9am
- talk_url: not a url
- speaker: Typo

## Another

- uid: b@s

## Third

- id: kubecon-eu-2024/third
- uid: c@s

## Fourth

- id: kubecon-eu-2024/fourth
- uid: c@s
`;
    assert.deepEqual(errorsOf(bad), [
      `${FILE}:16: unknown field "speaker" (known: id, uid, speakers, track, day, time, room, talk_url, video_url, tags, recap)`,
      `${FILE}:13: day 2024-04-01 is outside the event (2024-03-19..2024-03-22)`,
      `${FILE}:14: bad time "9am" (expected HH:MM-HH:MM)`,
      `${FILE}:15: talk_url is not an http(s) URL: not a url`,
      `${FILE}:18: session "Another" has no "- id:" field`,
      `${FILE}:27: duplicate uid "c@s" (first at line 22)`,
    ]);
  });

  it('checks front matter: time zone, unknown keys, missing keys', () => {
    const text = HEAD.replace('time_zone: Europe/Paris', 'time_zone: Paris/Nowhere').replace('city: Paris', 'venue: Palais');
    assert.deepEqual(errorsOf(text + SESSION), [
      `${FILE}:4: unknown front matter key "venue" (known: event, event_name, city, dates, time_zone, schedule_url, source)`,
      `${FILE}:6: unknown time zone "Paris/Nowhere" (expected an IANA name such as Europe/Paris)`,
    ]);
    assert.deepEqual(errorsOf('## x\n'), [`${FILE}:1: the file must start with front matter: a line "---", then "key: value" lines, then "---"`]);
  });

  it('abstract lines that look like headings round-trip through the writer', () => {
    const abstract = '## Not a heading\n### nor this\n\\ a backslash\nplain';
    const text = renderSchedule({ id: 'kubecon-eu-2024', name: 'X', start: '2024-03-19', end: '2024-03-22' }, undefined, [
      { id: 'kubecon-eu-2024/a', uid: 'a', title: 'A', speakers: [], tags: [], abstract },
    ]);
    const p = parseScheduleFile(FILE, text);
    assert.deepEqual(p.errors, []);
    assert.equal(p.sessions[0]!.talk.abstract, abstract);
    assert.deepEqual(errorsOf(`${HEAD}${SESSION}### abstract\n`), [`${FILE}:21: only one "### abstract" section per session`]);
  });

  it('with the recap files: the event must agree, a pin must name a recap talk, ids stay unique', () => {
    const recap = readFileSync(path.join(CORPUS, 'kubecon-eu-2024-zipair-day3.md'), 'utf8');
    const recapFile = { file: 'corpus/kubecon-eu-2024-zipair-day3.md', text: recap };
    const problems = (text: string) => {
      try {
        buildCorpus([recapFile, { file: FILE, text }]);
        return [];
      } catch (e) {
        assert.ok(e instanceof CorpusInvalidError);
        return e.problems.map(formatCorpusError);
      }
    };
    assert.deepEqual(problems(HEAD + SESSION), []);
    assert.match(problems(HEAD.replace('Europe 2024', 'EU 2024') + SESSION)[0]!, /:1: event "kubecon-eu-2024" differs from its description in .*zipair-day3\.md/);
    assert.match(problems(HEAD.replace('2024-03-19..', '2024-03-20..') + SESSION)[0]!, /dates that cover 2024-03-19\.\.2024-03-22/);
    assert.deepEqual(problems(HEAD + SESSION.replace('- day:', '- recap: kubecon-eu-2024/nope\n- day:')), [`${FILE}:9: recap "kubecon-eu-2024/nope" is not a talk id in any recap file`]);
    const clash = SESSION.replace('kubecon-eu-2024/tail-sampling-at-scale', 'kubecon-eu-2024/the-rustvolution-how-rust-is-the-future-of-cloud');
    assert.match(problems(HEAD + clash)[0]!, /:9: duplicate talk id "kubecon-eu-2024\/the-rustvolution-how-rust-is-the-future-of-cloud"/);
  });
});
