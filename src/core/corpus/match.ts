/**
 * Which schedule session is which recap talk. A recap talk and its session are one talk: the
 * loader merges them, and the importer reports the same pairs. Rules, first that applies wins:
 *
 * 1. a curator's pin on the session (`- recap: <talk id>`, or `none` to keep it apart);
 * 2. the same session page (the recap talk's `talk_url` is the session's URL);
 * 3. the same title once normalised (case, punctuation, `&` = `and`, a trailing
 *    "(Intermediate Skill Level)" or other parenthesis dropped);
 * 4. the same main title (the part before a colon, or a known prefix like "Keynote:" dropped);
 * 5. the recap title, three words or more, is how the session's title starts (a recap that
 *    shortened the title);
 * 6. the recap title is the slug of the session's URL (a session renamed after the recap).
 *
 * Rules 3-6 pair a recap talk and a session only when each is the other's one candidate.
 */
import type { Talk } from '../types.ts';
import type { CorpusError } from './errors.ts';
import type { Session } from './schedule.ts';

export type MatchRule = 'pin' | 'url' | 'title' | 'main-title' | 'title-prefix' | 'url-slug';

interface Pair {
  session: Session;
  recap: Talk;
  rule: MatchRule;
}

export interface Matching {
  pairs: Pair[];
  /** Recap talks of scheduled events that no session matched. */
  unmatched: Talk[];
  errors: CorpusError[];
}

const SUFFIX = /\s*[([](?:[^()[\]]*\b(?:level|skill|beginner|intermediate|advanced)\b[^()[\]]*)[)\]]\s*$/i;
const PREFIX = /^(?:keynote|sponsored keynote|lightning talk|panel(?: discussion)?|tutorial|workshop|project lightning talk|birds of a feather|bof|maintainer track|contribfest)\s*:\s*/i;

/** Lowercase words of a title: punctuation dropped, `&` read as "and", level notes removed. */
function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(SUFFIX, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The title without a session-type prefix or, failing that, without the subtitle after a colon. */
function mainTitle(title: string): string {
  const t = title.normalize('NFKC').replace(SUFFIX, '').trim();
  if (PREFIX.test(t)) return normalizeTitle(t.replace(PREFIX, ''));
  const colon = t.search(/[:：]\s/);
  return normalizeTitle(colon > 0 ? t.slice(0, colon) : t);
}

/** A comparable form of a talk page URL: host and path, lower case, no trailing slash. */
function pageKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    const event = /^\/event\/([^/]+)/.exec(u.pathname);
    // Sched pages are /event/<code>/<slug>: the code alone names the session, whatever its slug.
    if (u.hostname.toLowerCase().endsWith('.sched.com') && event) return `${u.hostname.toLowerCase()}/event/${event[1]}`;
    return `${u.hostname.toLowerCase()}${u.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Words of the slug in a Sched session URL (/event/<code>/<slug>), "and" dropped. */
function urlSlugWords(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const m = /^\/event\/[^/]+\/([^/?#]+)/.exec(new URL(url).pathname);
    return m ? slugWords(decodeURIComponent(m[1]!).replace(/-/g, ' ')) : [];
  } catch {
    return [];
  }
}

function slugWords(text: string): string[] {
  return normalizeTitle(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).split(' ').filter((w) => w && w !== 'and');
}

function startsWithWords(long: string[], start: string[]): boolean {
  return start.length <= long.length && start.every((w, i) => long[i] === w);
}

/** True when one word list starts with the other and the shorter has 4 words or more. */
function slugMatches(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && short.every((w, i) => long[i] === w);
}

export function matchSessions(recaps: readonly Talk[], sessions: readonly Session[]): Matching {
  const errors: CorpusError[] = [];
  const pairs: Pair[] = [];
  const byId = new Map(recaps.map((t) => [t.id, t]));
  const takenRecap = new Set<string>();
  const takenSession = new Set<Session>();
  const take = (session: Session, recap: Talk, rule: MatchRule) => {
    pairs.push({ session, recap, rule });
    takenRecap.add(recap.id);
    takenSession.add(session);
  };

  for (const s of sessions) {
    if (!s.recap || s.recap === 'none') continue;
    const recap = byId.get(s.recap);
    const where = { file: s.talk.source.file, line: s.talk.source.line };
    if (!recap) errors.push({ ...where, message: `recap "${s.recap}" is not a talk id in any recap file` });
    else if (recap.event.id !== s.talk.event.id) errors.push({ ...where, message: `recap "${s.recap}" belongs to event ${recap.event.id}, not ${s.talk.event.id}` });
    else if (takenRecap.has(recap.id)) errors.push({ ...where, message: `recap "${s.recap}" is pinned to two sessions` });
    else take(s, recap, 'pin');
  }
  const open = () => sessions.filter((s) => !takenSession.has(s) && s.recap !== 'none');
  const scheduled = new Set(sessions.map((s) => s.talk.event.id));
  const waiting = () => recaps.filter((t) => scheduled.has(t.event.id) && !takenRecap.has(t.id));

  // Rule 2: the same page. A URL names one session, so no uniqueness test is needed.
  const byPage = new Map<string, Session>();
  for (const s of open()) {
    const key = pageKey(s.talk.talkUrl);
    if (key) byPage.set(key, s);
  }
  for (const t of waiting()) {
    const s = byPage.get(pageKey(t.talkUrl) ?? '');
    if (s && !takenSession.has(s) && s.talk.event.id === t.event.id) take(s, t, 'url');
  }

  const unique = (rule: MatchRule, keyOf: (title: string) => string, sessionKeys: (s: Session) => string[]) => {
    const sessionsByKey = new Map<string, Session[]>();
    for (const s of open()) {
      for (const k of new Set(sessionKeys(s))) {
        if (!k) continue;
        const id = `${s.talk.event.id}\n${k}`;
        sessionsByKey.set(id, [...(sessionsByKey.get(id) ?? []), s]);
      }
    }
    const recapsByKey = new Map<string, Talk[]>();
    for (const t of waiting()) {
      const k = keyOf(t.title);
      if (!k) continue;
      const id = `${t.event.id}\n${k}`;
      recapsByKey.set(id, [...(recapsByKey.get(id) ?? []), t]);
    }
    for (const [k, ts] of recapsByKey) {
      const ss = sessionsByKey.get(k);
      if (ts.length === 1 && ss?.length === 1 && !takenSession.has(ss[0]!)) take(ss[0]!, ts[0]!, rule);
    }
  };
  /** Pairs a recap talk and a session when each is the other's only candidate under `fits`. */
  const uniquePairs = (rule: MatchRule, fits: (t: Talk, s: Session) => boolean) => {
    const found = new Map<Talk, Session[]>();
    const claims = new Map<Session, number>();
    for (const t of waiting()) {
      const candidates = open().filter((s) => s.talk.event.id === t.event.id && fits(t, s));
      found.set(t, candidates);
      for (const s of candidates) claims.set(s, (claims.get(s) ?? 0) + 1);
    }
    for (const [t, candidates] of found) {
      const s = candidates[0];
      if (candidates.length === 1 && s && claims.get(s) === 1 && !takenSession.has(s)) take(s, t, rule);
    }
  };
  unique('title', normalizeTitle, (s) => [normalizeTitle(s.talk.title)]);
  unique('main-title', mainTitle, (s) => [mainTitle(s.talk.title)]);

  // Rule 5: a recap that shortened the title ("Pwning the CI" for "Pwning the CI: ...").
  uniquePairs('title-prefix', (t, s) => {
    const words = normalizeTitle(t.title).split(' ').filter(Boolean);
    if (words.length < 3) return false;
    return [normalizeTitle(s.talk.title), mainTitle(s.talk.title)].some((title) => startsWithWords(title.split(' '), words));
  });
  // Rule 6: a renamed session whose URL slug still carries the title the recap used.
  uniquePairs('url-slug', (t, s) => slugMatches(slugWords(t.title), urlSlugWords(s.talk.talkUrl)));
  return { pairs, unmatched: waiting(), errors };
}

/**
 * The one talk a recap talk and its session make: the recap's id, title, summaries, credit and
 * links, plus the official abstract, the room, the session page and, where the recap named
 * none, the schedule's speakers, track and day.
 */
export function mergeTalk(recap: Talk, session: Talk): Talk {
  return {
    ...recap,
    speakers: recap.speakers.length > 0 ? recap.speakers : session.speakers,
    track: recap.track ?? session.track,
    day: recap.day ?? session.day,
    talkUrl: recap.talkUrl ?? session.talkUrl,
    videoUrl: recap.videoUrl ?? session.videoUrl,
    tags: [...new Set([...recap.tags, ...session.tags])],
    abstract: session.abstract,
    room: session.room,
  };
}
