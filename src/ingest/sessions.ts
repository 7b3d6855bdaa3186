/**
 * From calendar entries to sessions: title and speakers out of SUMMARY, the abstract, track,
 * room, the day and time in the event's time zone, and which entries are not talks at all.
 */
import type { CalendarEntry } from './ics.ts';

export interface SessionDraft {
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
 * before further speakers). The speakers are the part after the last " - ", when it reads as
 * a list of people: each item a name (no digits, at most five words, capitalised words or name
 * particles), optionally followed by ", Company". Otherwise the whole SUMMARY is the title.
 */
export function splitSummary(summary: string): { title: string; speakers: string[] } {
  const text = summary.replace(/\s+/g, ' ').trim();
  const cut = text.lastIndexOf(' - ');
  if (cut > 0) {
    const speakers = parseSpeakers(text.slice(cut + 3));
    if (speakers) return { title: text.slice(0, cut).trim(), speakers };
  }
  return { title: text, speakers: [] };
}

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
export function cleanAbstract(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line: no line breaks, single spaces. */
export function oneLine(text: string): string {
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
    sessions.push({
      uid: oneLine(e.uid),
      title: oneLine(title),
      speakers: speakers.map(oneLine),
      track: oneLine(e.categories.join(', ')) || undefined,
      day: start.day,
      time: end && end.day === start.day ? `${start.time}-${end.time}` : undefined,
      room: oneLine(e.location) || undefined,
      talkUrl: /^https?:\/\//i.test(e.url) ? oneLine(e.url) : undefined,
      abstract: abstract || undefined,
    });
  }
  return { sessions, skipped, withoutUid };
}
