/**
 * Writes a schedule file (corpus/README.md, "Schedule files"). The output depends only on its
 * input: sessions in day and time order, fields in a fixed order, empty fields left out, so
 * importing the same calendar twice changes no byte.
 */
import { escapeAbstractLine } from '../core/corpus/schedule.ts';

export interface ScheduleEvent {
  id: string;
  name: string;
  city?: string;
  start: string;
  end: string;
  timeZone?: string;
  scheduleUrl?: string;
}

export interface SessionRecord {
  id: string;
  uid: string;
  title: string;
  speakers: string[];
  track?: string;
  day?: string;
  time?: string;
  room?: string;
  talkUrl?: string;
  /** Curator fields: the importer keeps them as they are. */
  videoUrl?: string;
  tags: string[];
  recap?: string;
  abstract?: string;
}

function compareSessions(a: SessionRecord, b: SessionRecord): number {
  const key = (s: SessionRecord) => [s.day ?? '9999', s.time ?? '99', s.title.toLowerCase(), s.uid];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i]! < kb[i]!) return -1;
    if (ka[i]! > kb[i]!) return 1;
  }
  return 0;
}

/** One session as text, from its "## " heading to the end of its abstract. */
export function renderSession(s: SessionRecord): string {
  const fields: Array<[string, string | undefined]> = [
    ['id', s.id],
    ['uid', s.uid],
    ['speakers', s.speakers.join(', ')],
    ['track', s.track],
    ['day', s.day],
    ['time', s.time],
    ['room', s.room],
    ['talk_url', s.talkUrl],
    ['video_url', s.videoUrl],
    ['tags', s.tags.join(', ')],
    ['recap', s.recap],
  ];
  const lines = [`## ${s.title}`, ''];
  for (const [k, v] of fields) if (v) lines.push(`- ${k}: ${v}`);
  if (s.abstract) lines.push('', '### abstract', '', ...s.abstract.split('\n').map(escapeAbstractLine));
  return `${lines.join('\n')}\n`;
}

export function renderSchedule(event: ScheduleEvent, source: string | undefined, sessions: readonly SessionRecord[]): string {
  const front: Array<[string, string | undefined]> = [
    ['event', event.id],
    ['event_name', event.name],
    ['city', event.city],
    ['dates', event.start === event.end ? event.start : `${event.start}..${event.end}`],
    ['time_zone', event.timeZone],
    ['schedule_url', event.scheduleUrl],
    ['source', source],
  ];
  const head = ['---', ...front.filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`), '---', ''].join('\n');
  const body = [...sessions].sort(compareSessions).map(renderSession);
  return `${head}\n${body.join('\n')}`;
}
