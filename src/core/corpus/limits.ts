/**
 * Size limits for the corpus, checked by loading (and so by `corpus check`). They sit far above
 * real data (the longest summary is about 1,500 characters, the longest official abstract about
 * 5,000) and far below what makes the bot slow: a 100,000-character summary made one search take
 * 13 s, and a 12 MB file made the index unusable.
 */
import type { Talk } from '../types.ts';
import type { CorpusError } from './errors.ts';

/**
 * The largest corpus file, in bytes. A schedule file of one KubeCon (about 600 sessions with
 * their official abstracts) is 1 to 3.5 MB.
 */
export const MAX_FILE_BYTES = 6 * 1024 * 1024;

/** Longest value per field, in characters (UTF-16 units). */
export const FIELD_LIMITS = {
  title: 300,
  /** Each of the two summaries. */
  summary: 4_000,
  abstract: 10_000,
  /** One speaker's name, with the company. */
  speaker: 200,
  tag: 60,
  track: 200,
  room: 200,
  url: 2_000,
} as const;

/** Most items in a list field. */
export const LIST_LIMITS = { speakers: 40, tags: 40 } as const;

/** Every limit the talk exceeds, at the talk's heading. */
export function checkLimits(talk: Talk): CorpusError[] {
  const problems: CorpusError[] = [];
  const at = (message: string) => problems.push({ file: talk.source.file, line: talk.source.line, message: `talk "${talk.title.slice(0, 80)}": ${message}` });
  const check = (name: string, value: string | undefined, max: number) => {
    if (value !== undefined && value.length > max) at(`${name} is ${value.length} characters, over the limit of ${max}`);
  };
  check('the title', talk.title, FIELD_LIMITS.title);
  check('the Japanese summary', talk.summary?.ja, FIELD_LIMITS.summary);
  check('the English summary', talk.summary?.en, FIELD_LIMITS.summary);
  check('the abstract', talk.abstract, FIELD_LIMITS.abstract);
  check('track', talk.track, FIELD_LIMITS.track);
  check('room', talk.room, FIELD_LIMITS.room);
  check('talk_url', talk.talkUrl, FIELD_LIMITS.url);
  check('video_url', talk.videoUrl, FIELD_LIMITS.url);
  if (talk.speakers.length > LIST_LIMITS.speakers) at(`${talk.speakers.length} speakers, over the limit of ${LIST_LIMITS.speakers}`);
  if (talk.tags.length > LIST_LIMITS.tags) at(`${talk.tags.length} tags, over the limit of ${LIST_LIMITS.tags}`);
  for (const s of talk.speakers) check('a speaker', s, FIELD_LIMITS.speaker);
  for (const t of talk.tags) check('a tag', t, FIELD_LIMITS.tag);
  return problems;
}
