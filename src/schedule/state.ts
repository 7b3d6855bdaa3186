/**
 * The talk-of-the-day state, kept in the store as one JSON document called "state" (with the
 * file store: DATA_DIR/state.json). Checked on load: a document that is not this shape is set
 * aside; a hand edit that is almost right is repaired and the repairs are logged.
 */
import { EMPTY_ROTATION, type Rotation } from './rotation.ts';

interface Occurrence {
  talkId: string;
  /** Targets ("slack:C123") this occurrence was posted to. */
  posted: string[];
}

export interface State {
  version: 1;
  rotation: Rotation;
  /** By scheduled time (ISO 8601, UTC). */
  occurrences: Record<string, Occurrence>;
}

export const STATE_DOC = 'state';
export const EMPTY_STATE: State = { version: 1, rotation: EMPTY_ROTATION, occurrences: {} };

/** An occurrence is recorded when it runs, so one later than this is a hand edit. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export type Parsed = { ok: true; state: State; repairs: string[] } | { ok: false; reason: string };

/** The state in `text`, repaired where a hand edit went slightly wrong; or why it is unusable. */
export function parseState(text: string, now: Date): Parsed {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  if (!isObject(v) || v.version !== 1) return { ok: false, reason: 'expected an object with "version": 1' };
  const r = v.rotation;
  if (!isObject(r) || !isStrings(r.queue) || !isStrings(r.done)) return { ok: false, reason: 'expected "rotation" with "queue" and "done" lists of talk ids' };
  if (!isObject(v.occurrences)) return { ok: false, reason: 'expected "occurrences" to be an object' };
  const repairs: string[] = [];

  let round = r.round;
  if (typeof round !== 'number' || !Number.isSafeInteger(round) || round < 0) {
    repairs.push(`rotation.round ${JSON.stringify(round)} is not a whole number; set to 0`);
    round = 0;
  }
  const done = [...new Set(r.done)];
  const doneSet = new Set(done);
  const queue = [...new Set(r.queue)].filter((id) => !doneSet.has(id));
  if (done.length !== r.done.length || queue.length !== r.queue.length) repairs.push('rotation: a talk listed twice kept once');

  const occurrences: Record<string, Occurrence> = {};
  for (const [key, o] of Object.entries(v.occurrences)) {
    if (!ISO_TIME.test(key) || Number.isNaN(Date.parse(key))) {
      repairs.push(`occurrence ${JSON.stringify(key)} is not a time such as 2026-01-05T00:00:00.000Z; dropped`);
      continue;
    }
    if (Date.parse(key) > now.getTime() + FUTURE_SLACK_MS) {
      repairs.push(`occurrence ${key} is in the future; dropped`);
      continue;
    }
    if (!isObject(o) || typeof o.talkId !== 'string' || !isStrings(o.posted)) {
      repairs.push(`occurrence ${key} has no talkId and posted list; dropped`);
      continue;
    }
    occurrences[key] = { talkId: o.talkId, posted: [...new Set(o.posted)] };
  }
  return { ok: true, state: { version: 1, rotation: { round: round as number, queue, done }, occurrences }, repairs };
}

export function formatState(state: State): string {
  return `${JSON.stringify(state, null, 1)}\n`;
}

/** The state without occurrences scheduled before `cutoff`. */
export function pruneOccurrences(state: State, cutoff: Date): State {
  const c = cutoff.toISOString();
  const occurrences = Object.fromEntries(Object.entries(state.occurrences).filter(([k]) => k >= c));
  return { ...state, occurrences };
}
