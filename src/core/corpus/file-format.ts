/**
 * What recap files and schedule files share: the front matter between two `---` lines, the event
 * it describes, and `- key: value` field lines. Every problem is reported with its line, none
 * stops the reading.
 */
import type { EventInfo } from '../types.ts';
import { isOneOf } from '../one-of.ts';
import { parseDateRange } from './dates.ts';
import { EVENT_ID } from './ids.ts';

export type Fail = (line: number, message: string) => void;
export type Front<K extends string> = Map<K, { value: string; line: number }>;

/** The keys every file's front matter uses to describe its event. */
type EventKey = 'event' | 'event_name' | 'city' | 'dates' | 'schedule_url';

/**
 * Reads the `key: value` lines of the front matter; `bodyStart` is the index of the first line
 * after it. Null (with the problem reported) when the file has no closed front matter.
 */
export function readFrontMatter<K extends string>(
  lines: readonly string[],
  keys: readonly K[],
  fail: Fail,
): { front: Front<K>; bodyStart: number } | null {
  if (lines[0]?.trim() !== '---') {
    fail(1, 'the file must start with front matter: a line "---", then "key: value" lines, then "---"');
    return null;
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) {
    fail(1, 'front matter is not closed by a "---" line');
    return null;
  }
  const front: Front<K> = new Map();
  for (let i = 1; i < close; i++) {
    const raw = lines[i] ?? '';
    const line = i + 1;
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    const m = /^([A-Za-z_]+)\s*:(.*)$/.exec(raw);
    if (!m) fail(line, `front matter line is not "key: value": ${JSON.stringify(raw.trim())}`);
    else if (!isOneOf(keys, m[1])) fail(line, `unknown front matter key "${m[1]}" (known: ${keys.join(', ')})`);
    else if (front.has(m[1])) fail(line, `front matter key "${m[1]}" is given twice`);
    else front.set(m[1], { value: (m[2] ?? '').trim(), line });
  }
  return { front, bodyStart: close + 1 };
}

/** The event described by `event`, `event_name`, `dates`, `city` and `schedule_url`; null if it is incomplete or malformed. */
export function eventFromFront<K extends string>(front: Front<K | EventKey>, fail: Fail): EventInfo | null {
  const get = (k: EventKey) => front.get(k)?.value || undefined;
  let ok = true;
  for (const key of ['event', 'event_name', 'dates'] as const) {
    if (!get(key)) {
      fail(front.get(key)?.line ?? 1, `front matter is missing "${key}"`);
      ok = false;
    }
  }
  const id = get('event');
  if (id && !EVENT_ID.test(id)) {
    fail(front.get('event')!.line, `event id "${id}" must be lowercase letters, digits and "-" (e.g. kubecon-eu-2024)`);
    ok = false;
  }
  const dates = get('dates');
  const range = dates ? parseDateRange(dates) : null;
  if (dates && !range) {
    fail(front.get('dates')!.line, `bad date range "${dates}" (expected YYYY-MM-DD..YYYY-MM-DD)`);
    ok = false;
  }
  if (!ok || !id || !range) return null;
  return {
    id,
    name: get('event_name')!,
    city: get('city'),
    start: range.start,
    end: range.end,
    year: Number(range.start.slice(0, 4)),
    scheduleUrl: get('schedule_url'),
  };
}

/**
 * Reads a `- key: value` line into `fields`; false when the line is not a field at all (the
 * caller says what was expected instead). An unknown or repeated key is reported.
 */
export function readField<K extends string>(
  trimmed: string,
  line: number,
  keys: readonly K[],
  fields: Partial<Record<K, { value: string; line: number }>>,
  fail: Fail,
): boolean {
  const m = /^[-*]\s+([A-Za-z_]+)\s*:(.*)$/.exec(trimmed);
  if (!m) return false;
  const key = m[1];
  if (!isOneOf(keys, key)) fail(line, `unknown field "${key}" (known: ${keys.join(', ')})`);
  else if (fields[key]) fail(line, `field "${key}" is given twice`);
  else fields[key] = { value: (m[2] ?? '').trim(), line };
  return true;
}
