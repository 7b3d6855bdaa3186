/**
 * Parses one corpus file (see corpus/README.md) into talks, collecting every problem with its
 * line instead of stopping at the first, so one `corpus check` run lists them all.
 */
import type { EventInfo, Locale, Recap, Talk } from '../types.ts';
import { isDate, isDateOrMonth, isHttpUrl } from './dates.ts';
import type { CorpusError } from './errors.ts';
import { isOneOf } from '../one-of.ts';
import { eventFromFront, readField, readFrontMatter, type Fail, type Front } from './file-format.ts';
import { TALK_ID, talkId } from './ids.ts';

const FRONT_KEYS = [
  'event', 'event_name', 'city', 'dates', 'schedule_url',
  'recap_title', 'recap_publication', 'recap_author', 'recap_date', 'recap_url',
] as const;
const TALK_FIELDS = ['speakers', 'track', 'day', 'talk_url', 'video_url', 'recap_author', 'tags', 'id', 'sources'] as const;
const URL_KEYS = new Set(['schedule_url', 'recap_url', 'talk_url', 'video_url']);

type FrontKey = (typeof FRONT_KEYS)[number];
type TalkField = (typeof TALK_FIELDS)[number];

export interface ParsedFile {
  event: EventInfo | null;
  talks: Talk[];
  errors: CorpusError[];
}

interface Draft {
  title: string;
  line: number;
  fields: Partial<Record<TalkField, { value: string; line: number }>>;
  summary: Record<Locale, string[]>;
  section: Locale | null;
}

export function parseCorpusFile(file: string, text: string): ParsedFile {
  const errors: CorpusError[] = [];
  const fail = (line: number, message: string) => errors.push({ file, line, message });
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);

  const read = readFrontMatter(lines, FRONT_KEYS, fail);
  if (!read) return { event: null, talks: [], errors };
  const front = checkFront(read.front, fail);
  let event = eventFromFront(front, fail);
  if (!front.get('recap_title')?.value) {
    fail(front.get('recap_title')?.line ?? 1, 'front matter is missing "recap_title"');
    event = null;
  }
  const recap = buildRecap(front, file);
  const drafts = readTalks(lines, read.bodyStart, fail);
  const talks: Talk[] = [];
  const seen = new Map<string, number>();
  for (const d of drafts) {
    const talk = event ? buildTalk(d, event, recap, file, fail) : null;
    if (!talk) continue;
    const prev = seen.get(talk.id);
    if (prev !== undefined) fail(d.line, `duplicate talk id "${talk.id}" (first at line ${prev})`);
    else seen.set(talk.id, d.line);
    talks.push(talk);
  }
  if (drafts.length === 0) fail(read.bodyStart, 'no talks: add a "## <title>" heading for each talk');
  return { event, talks: errors.length ? [] : talks, errors };
}

/** Drops (and reports) front matter values that are not URLs or dates where those are expected. */
function checkFront(front: Front<FrontKey>, fail: Fail): Front<FrontKey> {
  for (const [key, { value, line }] of front) {
    if (value && URL_KEYS.has(key) && !isHttpUrl(value)) fail(line, `${key} is not an http(s) URL: ${value}`);
    else if (value && key === 'recap_date' && !isDateOrMonth(value)) {
      fail(line, `bad date "${value}" for recap_date (expected YYYY-MM-DD or YYYY-MM)`);
    } else continue;
    front.delete(key);
  }
  return front;
}

function buildRecap(front: Front<FrontKey>, file: string): Recap {
  const get = (k: FrontKey) => front.get(k)?.value || undefined;
  return {
    title: get('recap_title') ?? '',
    publication: get('recap_publication'),
    author: get('recap_author'),
    date: get('recap_date'),
    url: get('recap_url'),
    file,
  };
}

function readTalks(lines: string[], start: number, fail: (line: number, msg: string) => void): Draft[] {
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = i + 1;
    const trimmed = raw.trim();
    const heading = /^(#{1,6})\s*(.*)$/.exec(trimmed);
    if (heading && heading[1] === '##') {
      cur = { title: (heading[2] ?? '').trim(), line, fields: {}, summary: { ja: [], en: [] }, section: null };
      drafts.push(cur);
      if (!cur.title) fail(line, 'missing title: "##" must be followed by the talk title');
      continue;
    }
    if (!cur) {
      if (trimmed) fail(line, 'text before the first talk: each talk starts with "## <title>"');
      continue;
    }
    if (heading && heading[1] === '###') {
      const lang = (heading[2] ?? '').trim().toLowerCase();
      if (lang !== 'ja' && lang !== 'en') {
        fail(line, `unknown section "### ${heading[2]}" (expected "### ja" or "### en")`);
        cur.section = null;
      } else if (cur.summary[lang].length > 0) {
        fail(line, `the "${lang}" summary is given twice`);
      } else {
        cur.section = lang;
        cur.summary[lang].push('');
      }
      continue;
    }
    if (heading) {
      fail(line, `unexpected heading level "${heading[1]}": talks use "##", summaries "### ja" / "### en"`);
      continue;
    }
    if (cur.section) {
      cur.summary[cur.section].push(raw);
      continue;
    }
    if (!trimmed) continue;
    if (!readField(trimmed, line, TALK_FIELDS, cur.fields, fail)) {
      fail(line, 'expected a "- key: value" field or a "### ja" / "### en" summary here');
    }
  }
  return drafts;
}

/** Paragraphs separated by blank lines; lines inside a paragraph are joined. */
function joinSummary(lines: string[], lang: Locale): string {
  const paragraphs: string[] = [];
  let para: string[] = [];
  for (const l of [...lines, '']) {
    if (l.trim()) para.push(l.trim());
    else if (para.length) {
      paragraphs.push(para.join(lang === 'ja' ? '' : ' '));
      para = [];
    }
  }
  return paragraphs.join('\n\n');
}

/**
 * `sources: speakers, talk_url from the event schedule` names the talk's fields that do not come
 * from its recap, and where they come from; each named field must be one this talk sets.
 */
function checkSources(value: string, fields: Draft['fields'], fail: (msg: string) => void): void {
  const m = /^(.+?)\s+from\s+(\S.*)$/.exec(value);
  if (!m) {
    fail(`sources must read "<field>, <field> from <where>", e.g. "speakers, talk_url from the event schedule"`);
    return;
  }
  for (const name of splitList(m[1]!)) {
    if (!isOneOf(TALK_FIELDS, name) || name === 'sources' || name === 'id') fail(`sources names "${name}", which is not a talk field that can have a source`);
    else if (!fields[name]?.value) fail(`sources names "${name}", but this talk has no ${name}`);
  }
}

function splitList(value: string): string[] {
  return value.split(/[,、]/).map((s) => s.trim()).filter((s) => s.length > 0);
}

function buildTalk(
  d: Draft,
  event: EventInfo,
  recap: Recap,
  file: string,
  report: (line: number, msg: string) => void,
): Talk | null {
  let bad = false;
  const fail = (line: number, msg: string) => {
    bad = true;
    report(line, msg);
  };
  const f = (k: TalkField) => d.fields[k]?.value || undefined;
  const ja = joinSummary(d.summary.ja, 'ja');
  const en = joinSummary(d.summary.en, 'en');
  if (!d.title) return null;
  if (!ja) fail(d.line, `talk "${d.title}" has no Japanese summary ("### ja")`);
  if (!en) fail(d.line, `talk "${d.title}" has no English summary ("### en")`);
  const day = f('day');
  if (day && !isDate(day)) fail(d.fields.day!.line, `bad date "${day}" for day (expected YYYY-MM-DD)`);
  else if (day && (day < event.start || day > event.end)) {
    fail(d.fields.day!.line, `day ${day} is outside the event (${event.start}..${event.end})`);
  }
  for (const key of ['talk_url', 'video_url'] as const) {
    const v = f(key);
    if (v && !isHttpUrl(v)) fail(d.fields[key]!.line, `${key} is not an http(s) URL: ${v}`);
  }
  const sources = d.fields.sources;
  if (sources) checkSources(sources.value, d.fields, (msg) => fail(sources.line, msg));
  const pinned = f('id');
  if (pinned && (!TALK_ID.test(pinned) || !pinned.startsWith(`${event.id}/`))) {
    fail(d.fields.id!.line, `id "${pinned}" must look like "${event.id}/some-slug"`);
  }
  if (bad) return null;
  return {
    id: pinned ?? talkId(event.id, d.title),
    title: d.title,
    speakers: splitList(f('speakers') ?? ''),
    track: f('track'),
    day,
    talkUrl: f('talk_url'),
    videoUrl: f('video_url'),
    tags: splitList(f('tags') ?? ''),
    summary: { ja, en },
    event,
    recap: { ...recap, author: f('recap_author') ?? recap.author },
    source: { file, line: d.line },
  };
}
