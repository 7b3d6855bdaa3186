/**
 * Reads an iCalendar file (RFC 5545) into plain entries, with ical.js doing the parsing.
 *
 * Lines are unfolded on the raw bytes before the text is decoded: the RFC folds at 75 octets, so
 * a fold may fall inside a multi-byte UTF-8 character, and decoding first would turn both halves
 * into U+FFFD. Escapes (`\,` `\;` `\n` `\\`) and multi-valued CATEGORIES are ical.js's job.
 */
import ICAL from 'ical.js';

export interface CalendarEntry {
  uid: string;
  summary: string;
  description: string;
  categories: string[];
  location: string;
  url: string;
  /** UTC instants. */
  start: Date;
  end?: Date;
  status?: string;
}

export interface Calendar {
  /** X-WR-CALNAME, when the calendar gives one. */
  name?: string;
  /** X-WR-TIMEZONE, when it gives one (Sched says UTC). */
  timeZone?: string;
  entries: CalendarEntry[];
}

/** The calendar text is not iCalendar (an HTML page, an error message, an empty body). */
export class NotCalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotCalendarError';
  }
}

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

/** Removes every line break (CRLF or bare LF) followed by a space or tab, on bytes. */
export function unfoldBytes(bytes: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === CR && bytes[i + 1] === LF && (bytes[i + 2] === SPACE || bytes[i + 2] === TAB)) {
      i += 2;
      continue;
    }
    if (b === LF && (bytes[i + 1] === SPACE || bytes[i + 1] === TAB)) {
      i += 1;
      continue;
    }
    out[n++] = b;
  }
  return out.subarray(0, n);
}

/** Explains what a body that is not a calendar looks like, for the error message. */
function describeNonCalendar(text: string): string {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (!head) return 'the body is empty';
  if (head.startsWith('<') || head.includes('<html')) return 'it is an HTML page';
  return `it starts with ${JSON.stringify(text.trimStart().slice(0, 40))}`;
}

export function parseCalendar(input: Uint8Array | string): Calendar {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const text = new TextDecoder('utf-8').decode(unfoldBytes(bytes)).replace(/^\uFEFF/, '');
  if (!/^\s*BEGIN:VCALENDAR\r?\n/i.test(text)) {
    throw new NotCalendarError(`not an iCalendar file: ${describeNonCalendar(text)} (expected "BEGIN:VCALENDAR")`);
  }
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (err) {
    throw new NotCalendarError(`the calendar cannot be parsed: ${(err as Error).message}`);
  }
  for (const tz of root.getAllSubcomponents('vtimezone')) {
    const id = tz.getFirstPropertyValue('tzid');
    if (typeof id === 'string' && !ICAL.TimezoneService.has(id)) ICAL.TimezoneService.register(tz);
  }
  const entries: CalendarEntry[] = [];
  for (const ev of root.getAllSubcomponents('vevent')) {
    const start = instant(ev.getFirstProperty('dtstart'));
    if (!start) continue;
    const str = (name: string) => {
      const v = ev.getFirstPropertyValue(name);
      return typeof v === 'string' ? v : '';
    };
    entries.push({
      uid: str('uid').trim(),
      summary: str('summary'),
      description: str('description'),
      categories: ev.getAllProperties('categories').flatMap((p) => p.getValues().map(String)).map((c) => c.trim()).filter(Boolean),
      location: str('location'),
      url: str('url').trim(),
      start,
      end: instant(ev.getFirstProperty('dtend')),
      status: str('status').trim().toUpperCase() || undefined,
    });
  }
  const calName = root.getFirstPropertyValue('x-wr-calname');
  const calTz = root.getFirstPropertyValue('x-wr-timezone');
  return {
    name: typeof calName === 'string' && calName.trim() ? calName.trim() : undefined,
    timeZone: typeof calTz === 'string' && calTz.trim() ? calTz.trim() : undefined,
    entries,
  };
}

/** A DTSTART/DTEND as a UTC instant: UTC, a zone defined in the file, or an IANA TZID. */
function instant(prop: ICAL.Property | null): Date | undefined {
  if (!prop) return undefined;
  const value = prop.getFirstValue();
  if (!(value instanceof ICAL.Time)) return undefined;
  const tzid = prop.getParameter('tzid');
  const zone = value.zone?.tzid;
  if (typeof tzid === 'string' && zone !== tzid && zone !== 'UTC') return fromWallClock(value, tzid);
  return value.toJSDate();
}

/** Wall-clock time in an IANA zone the file did not define, through Intl. */
function fromWallClock(t: ICAL.Time, tz: string): Date | undefined {
  const guess = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  try {
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    const offset = (ms: number) => {
      const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
      return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!) - ms;
    };
    const first = guess - offset(guess);
    return new Date(guess - offset(first));
  } catch {
    return undefined;
  }
}
