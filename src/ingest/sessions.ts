/**
 * From calendar entries to sessions: title and speakers out of SUMMARY, the abstract, track,
 * room, the day and time in the event's time zone, and which entries are not talks at all.
 */
import { FIELD_LIMITS, LIST_LIMITS } from '../core/corpus/limits.ts';
import type { CalendarEntry } from './ics.ts';

interface SessionDraft {
  uid: string;
  title: string;
  /** "Name (Company)", the shape recap talks use. */
  speakers: string[];
  track?: string;
  day: string;
  time?: string;
  room?: string;
  talkUrl?: string;
  abstract?: string;
}

/**
 * Sched writes SUMMARY as `Title - Speaker, Company & Speaker, Company` (a `;` or another ` & `
 * before further speakers; `A & B, Company` when two share a company). The speakers are the part after the last " - ", when it reads as
 * a list of people: each item a name (no digits, at most five words, capitalised words or name
 * particles), optionally followed by ", Company". Otherwise the whole SUMMARY is the title.
 */
export function splitSummary(summary: string): { title: string; speakers: string[] } {
  let text = summary.replace(/\s+/g, ' ').trim();
  // Older schedules end with the level after the speakers: "Title - A & B, Google (Intermediate
  // Skill Level)". The level belongs to the title.
  const level = LEVEL.exec(text);
  if (level) text = text.slice(0, level.index).trim();
  const withLevel = (title: string) => (level ? `${title} ${level[0].trim()}` : title);
  const cut = text.lastIndexOf(' - ');
  if (cut > 0) {
    const speakers = parseSpeakers(text.slice(cut + 3));
    if (speakers) return { title: withLevel(text.slice(0, cut).trim()), speakers };
  }
  return { title: withLevel(text), speakers: [] };
}

const LEVEL = /\s*\((?:any|beginner|intermediate|advanced|all)[^()]*level\)\s*$/i;

const PARTICLES = new Set(['de', 'da', 'di', 'del', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'dos', 'das', 'bin', 'al']);

function looksLikeName(name: string): boolean {
  const words = name.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 5 || /\d/.test(name)) return false;
  // A name written in a script without case (山田 太郎) passes; Latin words must be capitalised.
  return words.every((w) => PARTICLES.has(w) || !/^\p{Ll}/u.test(w));
}

function parseSpeakers(tail: string): string[] | null {
  const parts = tail.split(/\s+&\s+|;\s*/).map((p) => p.trim()).filter(Boolean);
  const people: Array<{ name: string; company?: string }> = [];
  for (const part of parts) {
    const comma = part.indexOf(', ');
    const name = (comma > 0 ? part.slice(0, comma) : part).trim();
    const company = comma > 0 ? part.slice(comma + 2).trim() : undefined;
    // "Jane Doe, Procter & Gamble": a one-word piece after " & " is the end of a company name.
    const prev = people.at(-1);
    if (!company && prev?.company && !name.includes(' ')) {
      prev.company = `${prev.company} & ${name}`;
      continue;
    }
    if (company ? /\d/.test(name) || name.split(' ').length > 5 : !looksLikeName(name)) return null;
    people.push({ name, company });
  }
  if (people.length === 0) return null;
  // "A & B, Google": Sched names a shared company once, after the last of its speakers.
  for (let i = people.length - 2; i >= 0; i--) {
    if (!people[i]!.company && people[i + 1]!.company) people[i]!.company = people[i + 1]!.company;
  }
  return people.map((p) => (p.company ? `${p.name} (${p.company})` : p.name));
}

/**
 * Entries that are not talks: registration, meals, breaks, receptions, expo hours and the like,
 * when no speaker is named; and cancelled entries. The words are matched against the title and
 * the categories.
 */
const NON_TALK = /\b(?:registration|badge pick-?up|breakfast|lunch|dinner|coffee|snacks?|break|breaks|meals?|reception|happy hour|party|networking|cloakroom|coat check|lounge|quiet room|prayer room|lactation|wellness|first aid|expo hall|exhibit hall|solutions showcase|showcase hours|booth crawl|sponsor hall|attendee welcome|doors open)\b/i;

export function isNonTalk(entry: CalendarEntry, title: string, speakers: string[]): boolean {
  if (entry.status === 'CANCELLED' || /^\W*cancel(?:l)?ed\b/i.test(title)) return true;
  if (!title) return true;
  if (speakers.length > 0) return false;
  return NON_TALK.test(title) || entry.categories.some((c) => NON_TALK.test(c));
}

const dateParts = (tz: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** "YYYY-MM-DD" and "HH:MM" of an instant in a time zone. */
export function localTime(d: Date, tz: string): { day: string; time: string } {
  const p = Object.fromEntries(dateParts(tz).formatToParts(d).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Abstract text: unified line ends, no trailing spaces, at most one blank line in a row. */
function cleanAbstract(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Text cut to the corpus limit (src/core/corpus/limits.ts) with an ellipsis, so one oversized
 * entry cannot make a whole import invalid. Real values are far below the limits.
 */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = [...text.slice(0, max - 1)];
  // Never leave half of a surrogate pair.
  return `${cut.join('').replace(/[\uD800-\uDBFF]$/, '').trimEnd()}…`;
}

/** One line: no line breaks, single spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface Mapped {
  sessions: SessionDraft[];
  skipped: number;
  /** Entries without a UID cannot be tracked across imports. */
  withoutUid: number;
}

export function mapEntries(entries: readonly CalendarEntry[], timeZone: string): Mapped {
  const sessions: SessionDraft[] = [];
  let skipped = 0;
  let withoutUid = 0;
  const seen = new Set<string>();
  for (const e of entries) {
    const { title, speakers } = splitSummary(e.summary);
    if (isNonTalk(e, title, speakers)) {
      skipped++;
      continue;
    }
    if (!e.uid || seen.has(e.uid)) {
      withoutUid++;
      continue;
    }
    seen.add(e.uid);
    const start = localTime(e.start, timeZone);
    const end = e.end ? localTime(e.end, timeZone) : undefined;
    const abstract = cleanAbstract(e.description);
    const url = oneLine(e.url);
    sessions.push({
      uid: oneLine(e.uid),
      title: clip(oneLine(title), FIELD_LIMITS.title),
      speakers: speakers.slice(0, LIST_LIMITS.speakers).map((s) => clip(oneLine(s), FIELD_LIMITS.speaker)),
      track: clip(oneLine(e.categories.join(', ')), FIELD_LIMITS.track) || undefined,
      day: start.day,
      time: end && end.day === start.day ? `${start.time}-${end.time}` : undefined,
      room: clip(oneLine(e.location), FIELD_LIMITS.room) || undefined,
      talkUrl: /^https?:\/\//i.test(url) && url.length <= FIELD_LIMITS.url ? url : undefined,
      abstract: clip(abstract, FIELD_LIMITS.abstract) || undefined,
    });
  }
  return { sessions, skipped, withoutUid };
}
