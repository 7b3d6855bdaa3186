/**
 * Schedule files (`<event>.schedule.md`, see corpus/README.md): every session of one event, as
 * imported from its published calendar. Parsing collects every problem with its line, like the
 * recap format, so one `corpus check` lists them all.
 */
import type { EventInfo, Talk } from '../types.ts';
import { isDate, isHttpUrl } from './dates.ts';
import type { CorpusError } from './errors.ts';
import { eventFromFront, readField, readFrontMatter, type Fail, type Front } from './file-format.ts';
import { TALK_ID } from './ids.ts';

export const SCHEDULE_SUFFIX = '.schedule.md';

const SCHEDULE_FRONT_KEYS = ['event', 'event_name', 'city', 'dates', 'time_zone', 'schedule_url', 'source'] as const;
const SESSION_FIELDS = [
  'id', 'uid', 'speakers', 'track', 'day', 'time', 'room', 'talk_url', 'video_url', 'tags', 'recap',
] as const;
type FrontKey = (typeof SCHEDULE_FRONT_KEYS)[number];
type SessionField = (typeof SESSION_FIELDS)[number];

/** One session as the file states it; `talk` is what the index sees when no recap covers it. */
export interface Session {
  uid: string;
  /** `- recap:` — the id of the recap talk this session is (a curator's pin), or "none". */
  recap?: string;
  /** Local start and end, "HH:MM-HH:MM", in the event's time zone. */
  time?: string;
  talk: Talk;
}

export interface ScheduleFile {
  event: EventInfo | null;
  /** The calendar it was imported from. */
  source?: string;
  sessions: Session[];
  errors: CorpusError[];
}

export function isScheduleFile(name: string): boolean {
  return name.toLowerCase().endsWith(SCHEDULE_SUFFIX);
}

/** True for a name the runtime knows as an IANA time zone. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

/** Splits "A (X, Inc.), B" at commas outside parentheses. */
function splitSpeakers(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === '、') && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

/** A line of abstract text that could be read as a heading gets a leading backslash. */
export function escapeAbstractLine(line: string): string {
  return /^\s*[#\\]/.test(line) ? `\\${line}` : line;
}

function unescapeAbstractLine(line: string): string {
  return line.startsWith('\\') ? line.slice(1) : line;
}

interface Draft {
  title: string;
  line: number;
  fields: Partial<Record<SessionField, { value: string; line: number }>>;
  abstract: string[] | null;
}

export function parseScheduleFile(file: string, text: string): ScheduleFile {
  const errors: CorpusError[] = [];
  const fail = (line: number, message: string) => errors.push({ file, line, message });
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const read = readFrontMatter(lines, SCHEDULE_FRONT_KEYS, fail);
  if (!read) return { event: null, sessions: [], errors };
  const { front } = read;
  const event = buildEvent(front, fail);
  const drafts = readSessions(lines, read.bodyStart, fail);
  const sessions: Session[] = [];
  const ids = new Map<string, number>();
  const uids = new Map<string, number>();
  for (const d of drafts) {
    const s = event ? buildSession(d, event, file, fail) : null;
    if (!s) continue;
    const prevId = ids.get(s.talk.id);
    const prevUid = uids.get(s.uid);
    if (prevId !== undefined) fail(d.line, `duplicate talk id "${s.talk.id}" (first at line ${prevId})`);
    else if (prevUid !== undefined) fail(d.line, `duplicate uid "${s.uid}" (first at line ${prevUid})`);
    else {
      ids.set(s.talk.id, d.line);
      uids.set(s.uid, d.line);
      sessions.push(s);
    }
  }
  return { event, source: front.get('source')?.value || undefined, sessions: errors.length ? [] : sessions, errors };
}

function buildEvent(front: Front<FrontKey>, fail: Fail): EventInfo | null {
  const get = (k: FrontKey) => front.get(k)?.value || undefined;
  const line = (k: FrontKey) => front.get(k)?.line ?? 1;
  const event = eventFromFront(front, fail);
  let ok = true;
  const tz = get('time_zone');
  if (tz && !isTimeZone(tz)) {
    fail(line('time_zone'), `unknown time zone "${tz}" (expected an IANA name such as Europe/Paris)`);
    ok = false;
  }
  for (const key of ['schedule_url', 'source'] as const) {
    const v = get(key);
    if (v && !isHttpUrl(v)) {
      fail(line(key), `${key} is not an http(s) URL: ${v}`);
      ok = false;
    }
  }
  return ok && event ? { ...event, timeZone: tz } : null;
}

function readSessions(lines: string[], start: number, fail: (l: number, m: string) => void): Draft[] {
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = i + 1;
    const trimmed = raw.trim();
    if (cur?.abstract && !/^##(?!#)/.test(trimmed)) {
      if (/^###(?!#)/.test(trimmed)) fail(line, 'only one "### abstract" section per session');
      else cur.abstract.push(unescapeAbstractLine(raw.trimEnd()));
      continue;
    }
    const heading = /^(#{1,6})(?:\s+(.*))?$/.exec(trimmed);
    if (heading?.[1] === '##') {
      cur = { title: (heading[2] ?? '').trim(), line, fields: {}, abstract: null };
      drafts.push(cur);
      if (!cur.title) fail(line, 'missing title: "##" must be followed by the session title');
      continue;
    }
    if (!cur) {
      if (trimmed) fail(line, 'text before the first session: each session starts with "## <title>"');
      continue;
    }
    if (heading?.[1] === '###' && (heading[2] ?? '').trim().toLowerCase() === 'abstract') {
      cur.abstract = [];
      continue;
    }
    if (heading) {
      fail(line, `unexpected heading "${trimmed}": sessions use "## <title>" and one "### abstract"`);
      continue;
    }
    if (!trimmed) continue;
    if (!readField(trimmed, line, SESSION_FIELDS, cur.fields, fail)) fail(line, 'expected a "- key: value" field or "### abstract" here');
  }
  return drafts;
}

const TIME_RANGE = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

function buildSession(d: Draft, event: EventInfo, file: string, report: (l: number, m: string) => void): Session | null {
  if (!d.title) return null;
  let bad = false;
  const fail = (line: number, msg: string) => {
    bad = true;
    report(line, msg);
  };
  const f = (k: SessionField) => d.fields[k]?.value || undefined;
  const at = (k: SessionField) => d.fields[k]?.line ?? d.line;
  const id = f('id');
  const uid = f('uid');
  if (!id) fail(d.line, `session "${d.title}" has no "- id:" field`);
  else if (!TALK_ID.test(id) || !id.startsWith(`${event.id}/`)) fail(at('id'), `id "${id}" must look like "${event.id}/some-slug"`);
  if (!uid) fail(d.line, `session "${d.title}" has no "- uid:" field (the calendar entry's UID)`);
  const day = f('day');
  if (day && !isDate(day)) fail(at('day'), `bad date "${day}" for day (expected YYYY-MM-DD)`);
  else if (day && (day < event.start || day > event.end)) fail(at('day'), `day ${day} is outside the event (${event.start}..${event.end})`);
  const time = f('time');
  if (time && !TIME_RANGE.test(time)) fail(at('time'), `bad time "${time}" (expected HH:MM-HH:MM)`);
  for (const key of ['talk_url', 'video_url'] as const) {
    const v = f(key);
    if (v && !isHttpUrl(v)) fail(at(key), `${key} is not an http(s) URL: ${v}`);
  }
  const recap = f('recap');
  if (recap && recap !== 'none' && !TALK_ID.test(recap)) fail(at('recap'), `recap "${recap}" must be a talk id ("${event.id}/some-slug") or "none"`);
  if (bad || !id || !uid) return null;
  const abstract = (d.abstract ?? []).join('\n').trim();
  return {
    uid,
    recap,
    time,
    talk: {
      id,
      title: d.title,
      speakers: splitSpeakers(f('speakers') ?? ''),
      track: f('track'),
      day,
      talkUrl: f('talk_url'),
      videoUrl: f('video_url'),
      tags: (f('tags') ?? '').split(/[,、]/).map((s) => s.trim()).filter(Boolean),
      abstract: abstract || undefined,
      room: f('room'),
      event,
      source: { file, line: d.line },
    },
  };
}
