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
  summary: Record<Locale, string>;
  event: EventInfo;
  recap: Recap;
  /** Where the talk's heading is, for error messages. */
  source: { file: string; line: number };
}

export type LinkKind = 'recap' | 'talk' | 'video';

export interface Link {
  kind: LinkKind;
  url: string;
}

/** A piece of snippet text; `mark` is true for the words the query matched. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}
