import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { FileReadError, readRegularText } from '../../files.ts';
import type { EventInfo, Talk } from '../types.ts';
import { CorpusInvalidError, type CorpusError } from './errors.ts';
import { checkLimits, MAX_FILE_BYTES } from './limits.ts';
import { matchSessions, mergeTalk, type Matching } from './match.ts';
import { parseCorpusFile } from './parse.ts';
import { isScheduleFile, parseScheduleFile, type Session } from './schedule.ts';

export interface Corpus {
  talks: Talk[];
  files: string[];
  events: EventInfo[];
  /** How schedule sessions were paired with recap talks (empty without schedule files). */
  matching: Matching;
}

/**
 * Loads and validates every `*.md` file in `dir` (README.md excepted): recap files, and schedule
 * files (`*.schedule.md`), whose sessions merge with the recap talks they cover. Throws
 * CorpusInvalidError.
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  return buildCorpus(await readCorpusFiles(dir));
}

/** Whether a file of the corpus folder is a corpus file: `*.md`, README.md excepted. */
export function isCorpusFileName(name: string): boolean {
  return name.endsWith('.md') && name.toLowerCase() !== 'readme.md';
}

/** The corpus files of `dir` (`*.md`, README.md excepted) in name order, read but not parsed; throws CorpusInvalidError if one cannot be read. */
export async function readCorpusFiles(dir: string): Promise<Array<{ file: string; text: string }>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isCorpusFileName).sort();
  } catch (err) {
    throw new CorpusInvalidError([{ file: dir, line: 0, message: `cannot read the corpus folder: ${(err as Error).message}` }]);
  }
  const unreadable: CorpusError[] = [];
  const read = await Promise.all(
    names.map(async (n) => {
      const file = path.join(dir, n);
      try {
        return { file, text: await readRegularText(file, MAX_FILE_BYTES) };
      } catch (err) {
        if (!(err instanceof FileReadError)) throw err;
        unreadable.push({ file, line: err.line, message: err.message });
        return undefined;
      }
    }),
  );
  const sources = read.filter((s) => s !== undefined);
  if (unreadable.length === 0) return sources;
  // Report the unreadable files together with whatever else is wrong in the others.
  try {
    buildCorpus(sources);
  } catch (err) {
    if (err instanceof CorpusInvalidError) throw new CorpusInvalidError([...unreadable, ...err.problems]);
    throw err;
  }
  throw new CorpusInvalidError(unreadable);
}

/**
 * Validates parsed files together: ids unique across files, one description per event (a
 * schedule may span more days than a recap says, for co-located events), sessions merged with
 * their recap talks.
 */
export function buildCorpus(sources: Array<{ file: string; text: string }>): Corpus {
  const problems: CorpusError[] = [];
  const recapTalks: Talk[] = [];
  const sessions: Session[] = [];
  const recapEvents = new Map<string, { event: EventInfo; file: string }>();
  const scheduleEvents = new Map<string, { event: EventInfo; file: string }>();
  if (sources.length === 0) problems.push({ file: 'corpus', line: 0, message: 'no corpus files (*.md) found' });
  for (const { file, text } of sources) {
    const schedule = isScheduleFile(file);
    const parsed = schedule ? parseScheduleFile(file, text) : parseCorpusFile(file, text);
    problems.push(...parsed.errors);
    if ('sessions' in parsed) sessions.push(...parsed.sessions);
    else recapTalks.push(...parsed.talks);
    const ev = parsed.event;
    if (!ev) continue;
    const known = (schedule ? scheduleEvents : recapEvents).get(ev.id);
    if (schedule && known) {
      problems.push({ file, line: 1, message: `event "${ev.id}" has a second schedule file (the other is ${known.file})` });
    } else if (!schedule && known && (known.event.name !== ev.name || known.event.start !== ev.start || known.event.end !== ev.end)) {
      problems.push({ file, line: 1, message: `event "${ev.id}" differs from its description in ${known.file} (name and dates must agree)` });
    } else if (!known) (schedule ? scheduleEvents : recapEvents).set(ev.id, { event: ev, file });
  }
  for (const [id, s] of scheduleEvents) {
    const r = recapEvents.get(id);
    if (r && (r.event.name !== s.event.name || s.event.start > r.event.start || s.event.end < r.event.end)) {
      problems.push({
        file: s.file,
        line: 1,
        message: `event "${id}" differs from its description in ${r.file} (same event_name, and dates that cover ${r.event.start}..${r.event.end})`,
      });
    }
  }
  const matching = matchSessions(recapTalks, sessions);
  problems.push(...matching.errors);
  const merged = new Map(matching.pairs.map((p) => [p.recap.id, mergeTalk(p.recap, p.session.talk)]));
  const paired = new Set(matching.pairs.map((p) => p.session));
  const talks: Talk[] = [];
  const ids = new Map<string, Talk>();
  const all = [...recapTalks.map((t) => merged.get(t.id) ?? t), ...sessions.filter((s) => !paired.has(s)).map((s) => s.talk)];
  for (const t of all) {
    const prev = ids.get(t.id);
    if (prev) {
      problems.push({ file: t.source.file, line: t.source.line, message: `duplicate talk id "${t.id}" (also ${prev.source.file}:${prev.source.line})` });
      continue;
    }
    ids.set(t.id, t);
    problems.push(...checkLimits(t));
    talks.push(t);
  }
  if (problems.length > 0) throw new CorpusInvalidError(problems);
  // The schedule's description wins: it knows the time zone and any co-located days.
  const events = new Map([...recapEvents, ...scheduleEvents].map(([id, e]) => [id, e.event]));
  return { talks, files: sources.map((s) => s.file), events: [...events.values()], matching };
}
