/**
 * `import sched`: a calendar in, one schedule file in the corpus out, merged with the recaps.
 * Everything is computed and validated with the rest of the corpus before anything is written;
 * the file is then written to a temporary name and renamed, so a failed import changes nothing.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CorpusInvalidError, formatCorpusError } from '../core/corpus/errors.ts';
import { talkId } from '../core/corpus/ids.ts';
import { buildCorpus } from '../core/corpus/load.ts';
import type { MatchRule } from '../core/corpus/match.ts';
import { parseCorpusFile } from '../core/corpus/parse.ts';
import { isScheduleFile, isTimeZone, parseScheduleFile, SCHEDULE_SUFFIX, type Session } from '../core/corpus/schedule.ts';
import type { EventInfo } from '../core/types.ts';
import { eventFromSlug, schedSlug, zoneOfCity } from './event.ts';
import { fetchCalendar, FetchError, type FetchOptions, type Validators } from './fetch.ts';
import { parseCalendar } from './ics.ts';
import { renderSchedule, renderSession, type ScheduleEvent, type SessionRecord } from './render.ts';
import { mapEntries } from './sessions.ts';
import { readValidators, saveValidators, writeAtomic } from './store.ts';

export interface ImportOptions {
  source: string;
  /** The corpus folder. */
  dir: string;
  event?: string;
  name?: string;
  city?: string;
  timeZone?: string;
  prune?: boolean;
  /** Where ETag / Last-Modified of downloaded calendars are remembered; none = no conditional requests. */
  dataDir?: string;
  fetch?: FetchOptions;
}

export interface ImportReport {
  event: string;
  file: string;
  /** The calendar answered 304: nothing was read or written. */
  notModified: boolean;
  written: boolean;
  added: string[];
  updated: string[];
  unchanged: number;
  /** Sessions no longer in the calendar, kept in the file (or dropped with --prune). */
  removed: string[];
  pruned: boolean;
  skipped: number;
  merged: Array<{ title: string; recap: string; rule: MatchRule }>;
  unmatched: Array<{ id: string; title: string }>;
  notes: string[];
}

/** An import that cannot go ahead; the message says why and what to do. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

interface Resolved {
  url?: string;
  file?: string;
  slug?: string;
}

async function resolveSource(source: string): Promise<Resolved> {
  const isFile = await stat(source).then((s) => s.isFile(), () => false);
  if (isFile) return { file: source };
  if (/^https?:\/\//i.test(source)) {
    const slug = schedSlug(source) ?? undefined;
    const u = new URL(source);
    // Any page of an event's Sched site: its whole programme is the all.ics export.
    if (slug && !u.pathname.toLowerCase().endsWith('.ics')) return { url: `https://${slug}.sched.com/all.ics`, slug };
    return { url: source, slug };
  }
  if (/^[a-z0-9][a-z0-9-]*$/i.test(source)) {
    const slug = source.toLowerCase();
    return { url: `https://${slug}.sched.com/all.ics`, slug };
  }
  throw new ImportError(`"${source}" is not a file, an http(s) URL or a Sched event slug (e.g. kccnceu2024)`);
}

interface CorpusFiles {
  sources: Array<{ file: string; text: string }>;
}

async function readCorpusFiles(dir: string): Promise<CorpusFiles> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md').sort();
  } catch (err) {
    throw new ImportError(`cannot read the corpus folder ${dir}: ${(err as Error).message}`);
  }
  const sources = await Promise.all(names.map(async (n) => ({ file: path.join(dir, n), text: await readFile(path.join(dir, n), 'utf8') })));
  return { sources };
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 6);

function union(a: { start: string; end: string } | undefined, days: string[]): { start: string; end: string } | undefined {
  const all = [...days, ...(a ? [a.start, a.end] : [])].sort();
  return all.length ? { start: all[0]!, end: all.at(-1)! } : undefined;
}

export async function importSched(opts: ImportOptions): Promise<ImportReport> {
  const where = await resolveSource(opts.source);
  if (opts.timeZone && !isTimeZone(opts.timeZone)) throw new ImportError(`--tz "${opts.timeZone}" is not an IANA time zone (e.g. Europe/Paris)`);
  const { sources } = await readCorpusFiles(opts.dir);
  if (sources.length > 0) {
    try {
      buildCorpus(sources);
    } catch (err) {
      if (!(err instanceof CorpusInvalidError)) throw err;
      throw new ImportError(`the corpus has problems; fix them first:\n${err.problems.map(formatCorpusError).join('\n')}`);
    }
  }
  const recapEvents = new Map<string, EventInfo>();
  const recapIds = new Set<string>();
  const schedules = new Map<string, { file: string; text: string; event: EventInfo; source?: string; sessions: Session[] }>();
  for (const s of sources) {
    if (isScheduleFile(s.file)) {
      const p = parseScheduleFile(s.file, s.text);
      if (p.event) schedules.set(p.event.id, { ...s, event: p.event, source: p.source, sessions: p.sessions });
    } else {
      const p = parseCorpusFile(s.file, s.text);
      if (p.event && !recapEvents.has(p.event.id)) recapEvents.set(p.event.id, p.event);
      for (const t of p.talks) recapIds.add(t.id);
    }
  }

  // The event id, if it can be known before downloading: --event or the slug.
  const slugEvent = where.slug ? eventFromSlug(where.slug) : null;
  const earlyId = opts.event ?? slugEvent?.id;
  const earlySchedule = (earlyId ? schedules.get(earlyId) : undefined) ?? [...schedules.values()].find((s) => where.url && s.source === where.url);

  let body: Buffer;
  let validators: Validators | undefined;
  const notes: string[] = [];
  if (where.file) {
    body = await readFile(where.file);
  } else {
    const url = where.url!;
    const cached = opts.dataDir && earlySchedule?.source === url ? await readValidators(opts.dataDir, url) : undefined;
    const res = await fetchCalendar(url, { ...opts.fetch, validators: cached });
    if (res.status === 'not-modified') {
      if (!earlySchedule) throw new ImportError(`${url} answered 304 Not Modified to a request that was not conditional`);
      const corpus = buildCorpus(sources);
      const id = earlySchedule.event.id;
      return {
        event: id,
        file: earlySchedule.file,
        notModified: true,
        written: false,
        added: [],
        updated: [],
        unchanged: earlySchedule.sessions.length,
        removed: [],
        pruned: false,
        skipped: 0,
        merged: corpus.matching.pairs.filter((p) => p.recap.event.id === id).map((p) => ({ title: p.session.talk.title, recap: p.recap.id, rule: p.rule })),
        unmatched: corpus.matching.unmatched.filter((t) => t.event.id === id).map((t) => ({ id: t.id, title: t.title })),
        notes: ['the calendar has not changed since the last import (304 Not Modified)'],
      };
    }
    body = res.body;
    validators = res.validators;
  }

  const calendar = parseCalendar(body);
  // A local file or a plain .ics URL: the sessions' own URLs name the Sched site.
  const entrySlug = calendar.entries.map((e) => schedSlug(e.url)).find((s) => s);
  const slug = where.slug ?? entrySlug ?? undefined;
  const fromSlug = slug ? eventFromSlug(slug) : null;
  const eventId = opts.event ?? fromSlug?.id;
  if (!eventId) throw new ImportError('cannot tell which event this calendar is: pass --event <id> (e.g. --event kubecon-eu-2024)');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(eventId)) throw new ImportError(`--event "${eventId}" must be lowercase letters, digits and "-" (e.g. kubecon-eu-2024)`);

  const known = recapEvents.get(eventId);
  const existing = schedules.get(eventId);
  const city = known?.city ?? existing?.event.city ?? opts.city;
  let timeZone = opts.timeZone ?? existing?.event.timeZone ?? zoneOfCity(city);
  if (!timeZone && calendar.timeZone && calendar.timeZone !== 'UTC' && isTimeZone(calendar.timeZone)) timeZone = calendar.timeZone;
  if (!timeZone) {
    timeZone = 'UTC';
    notes.push(`no time zone known for ${eventId}: days are in UTC (pass --tz, e.g. --tz Europe/Paris)`);
  }
  const name = known?.name ?? existing?.event.name ?? opts.name ?? fromSlug?.name ?? calendar.name;
  if (!name) throw new ImportError(`the corpus does not know ${eventId} and the calendar has no name: pass --name "<event name>"`);
  if (known && opts.name && opts.name !== known.name) notes.push(`--name ignored: the corpus already calls ${eventId} "${known.name}"`);

  const mapped = mapEntries(calendar.entries, timeZone);
  if (mapped.withoutUid) notes.push(`${mapped.withoutUid} entries without a UID (or with a repeated one) were left out`);
  if (mapped.sessions.length === 0 && !existing) throw new ImportError('the calendar has no sessions (only non-talk entries, or none at all)');

  // Ids: kept by UID across imports; a new session gets the title's id, or that plus a short
  // hash of its UID when the id is already taken.
  const oldByUid = new Map((existing?.sessions ?? []).map((s) => [s.uid, s]));
  const taken = new Set<string>([...recapIds, ...(existing?.sessions ?? []).map((s) => s.talk.id)]);
  const records: SessionRecord[] = [];
  const added: string[] = [];
  const updated: string[] = [];
  let unchanged = 0;
  const drafts = [...mapped.sessions].sort((a, b) => (a.day + (a.time ?? '') + a.uid < b.day + (b.time ?? '') + b.uid ? -1 : 1));
  for (const d of drafts) {
    const old = oldByUid.get(d.uid);
    let id = old?.talk.id;
    if (!id) {
      const base = talkId(eventId, d.title);
      id = taken.has(base) || base.endsWith('/') ? `${base.replace(/\/$/, '/session')}-${shortHash(d.uid)}` : base;
      taken.add(id);
    }
    const rec: SessionRecord = {
      id,
      uid: d.uid,
      title: d.title,
      speakers: d.speakers,
      track: d.track,
      day: d.day,
      time: d.time,
      room: d.room,
      talkUrl: d.talkUrl,
      videoUrl: old?.talk.videoUrl,
      tags: old?.talk.tags ?? [],
      recap: old?.recap,
      abstract: d.abstract,
    };
    records.push(rec);
    if (!old) added.push(d.title);
    else if (renderSession(rec) !== renderSession(toRecord(old))) updated.push(d.title);
    else unchanged++;
  }
  const inCalendar = new Set(drafts.map((d) => d.uid));
  const gone = (existing?.sessions ?? []).filter((s) => !inCalendar.has(s.uid));
  if (!opts.prune) records.push(...gone.map(toRecord));

  const range = union(known ? { start: known.start, end: known.end } : undefined, records.flatMap((r) => (r.day ? [r.day] : [])));
  if (!range) throw new ImportError('no session has a date, and the corpus does not know the event\'s dates');
  const event: ScheduleEvent = {
    id: eventId,
    name,
    city,
    start: range.start,
    end: range.end,
    timeZone,
    scheduleUrl: slug ? `https://${slug}.sched.com` : (existing?.event.scheduleUrl ?? known?.scheduleUrl),
  };
  const text = renderSchedule(event, where.url ?? existing?.source, records);
  const file = existing?.file ?? path.join(opts.dir, `${eventId}${SCHEDULE_SUFFIX}`);
  const next = [...sources.filter((s) => s.file !== file), { file, text }].sort((a, b) => (a.file < b.file ? -1 : 1));
  let corpus;
  try {
    corpus = buildCorpus(next);
  } catch (err) {
    if (!(err instanceof CorpusInvalidError)) throw err;
    throw new ImportError(`the imported schedule would make the corpus invalid; nothing was written:\n${err.problems.map(formatCorpusError).join('\n')}`);
  }
  const changed = existing?.text !== text;
  if (changed) await writeAtomic(file, text);
  if (opts.dataDir && where.url && validators && (validators.etag || validators.lastModified)) {
    try {
      await saveValidators(opts.dataDir, where.url, validators);
    } catch (err) {
      notes.push(`could not remember the calendar's ETag in ${opts.dataDir}: ${(err as Error).message}`);
    }
  }
  return {
    event: eventId,
    file,
    notModified: false,
    written: changed,
    added,
    updated,
    unchanged,
    removed: gone.map((s) => s.talk.title),
    pruned: Boolean(opts.prune) && gone.length > 0,
    skipped: mapped.skipped,
    merged: corpus.matching.pairs
      .filter((p) => p.recap.event.id === eventId)
      .map((p) => ({ title: p.session.talk.title, recap: p.recap.id, rule: p.rule })),
    unmatched: corpus.matching.unmatched.filter((t) => t.event.id === eventId).map((t) => ({ id: t.id, title: t.title })),
    notes,
  };
}

function toRecord(s: Session): SessionRecord {
  const t = s.talk;
  return {
    id: t.id,
    uid: s.uid,
    title: t.title,
    speakers: t.speakers,
    track: t.track,
    day: t.day,
    time: s.time,
    room: t.room,
    talkUrl: t.talkUrl,
    videoUrl: t.videoUrl,
    tags: t.tags,
    recap: s.recap,
    abstract: t.abstract,
  };
}

export { FetchError };
