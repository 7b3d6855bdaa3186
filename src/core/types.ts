/** Languages the bot writes in. Summaries exist in both. */
export type Locale = 'ja' | 'en';

export interface EventInfo {
  id: string;
  name: string;
  city?: string;
  start: string;
  end: string;
  year: number;
  scheduleUrl?: string;
  /** IANA time zone of the venue (e.g. Europe/Paris), when a schedule file gives it. */
  timeZone?: string;
}

export interface Recap {
  title: string;
  publication?: string;
  author?: string;
  date?: string;
  url?: string;
  file: string;
}

export interface Talk {
  id: string;
  title: string;
  speakers: string[];
  track?: string;
  day?: string;
  talkUrl?: string;
  videoUrl?: string;
  tags: string[];
  /** This project's summaries, written from a recap; absent for a talk known only from a schedule. */
  summary?: Record<Locale, string>;
  /** The session's official abstract (English), from the event's schedule. */
  abstract?: string;
  /** The room, from the event's schedule. */
  room?: string;
  event: EventInfo;
  /** The recap post the summaries come from; absent for a talk known only from a schedule. */
  recap?: Recap;
  /** Where the talk's heading is, for error messages. */
  source: { file: string; line: number };
}

/**
 * What a link points at, so that each is labelled for what it is: the recap post or a web search
 * for it, the talk's own page or the event's schedule, a known recording or a video search.
 */
export type LinkKind = 'recap' | 'recap_search' | 'talk' | 'schedule' | 'video' | 'video_search';

export interface Link {
  kind: LinkKind;
  url: string;
}

/** A piece of snippet text; `mark` is true for the words the query matched. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}
