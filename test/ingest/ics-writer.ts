/**
 * Writes calendars in Sched's shape for the tests: CRLF line ends, RFC 5545 escapes, content
 * lines folded at 75 octets counted in bytes, so a fold can fall inside a multi-byte character.
 */
export interface FixtureEntry {
  uid: string;
  summary: string;
  description?: string;
  categories?: string[];
  location?: string;
  url?: string;
  /** UTC, "2024-03-20T13:30" */
  start: string;
  end?: string;
  status?: string;
}

export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Splits a content line into physical lines of at most 75 octets, on bytes. */
export function fold(line: string): Buffer[] {
  const bytes = Buffer.from(line, 'utf8');
  const out: Buffer[] = [];
  let pos = 0;
  let room = 75;
  while (pos < bytes.length) {
    const piece = bytes.subarray(pos, pos + room);
    out.push(out.length === 0 ? piece : Buffer.concat([Buffer.from(' '), piece]));
    pos += room;
    room = 74;
  }
  return out.length ? out : [Buffer.alloc(0)];
}

const stamp = (iso: string) => `${iso.replace(/[-:]/g, '').slice(0, 13)}00Z`;

export function writeIcs(entries: readonly FixtureEntry[], opts: { name?: string; eol?: string } = {}): Buffer {
  const eol = Buffer.from(opts.eol ?? '\r\n');
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//kubecon-bot tests//Sched-shaped calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(opts.name ? [`X-WR-CALNAME:${escapeText(opts.name)}`] : []),
    'X-WR-TIMEZONE:UTC',
  ];
  for (const e of entries) {
    lines.push('BEGIN:VEVENT', 'DTSTAMP:20240301T000000Z', `DTSTART:${stamp(e.start)}`);
    if (e.end) lines.push(`DTEND:${stamp(e.end)}`);
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    lines.push('SEQUENCE:0', `UID:${e.uid}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  const parts: Buffer[] = [];
  for (const l of lines) for (const p of fold(l)) parts.push(p, eol);
  return Buffer.concat(parts);
}
