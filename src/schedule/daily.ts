/**
 * Talk of the day: on each scheduled occurrence, picks the next talk of the rotation and posts
 * it to every target (Slack channel, Discord channel, terminal). Each occurrence is claimed in the
 * store before posting, so it is posted at most once even across restarts and instances; when
 * the store cannot be reached the occurrence is skipped rather than risk a double post. The
 * rotation lives in the store too, with its next talk always decided, so `today` names the same
 * talk on every call, after a restart and on every instance.
 */
import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Bot } from '../core/bot.ts';
import { parseQuery } from '../core/query.ts';
import type { Reply } from '../core/reply.ts';
import type { EventInfo, Talk } from '../core/types.ts';
import type { Store } from '../store/store.ts';
import { peek, takeNext, upcoming } from './rotation.ts';
import { EMPTY_STATE, formatState, parseState, pruneOccurrences, STATE_DOC, type State } from './state.ts';

export interface Target {
  /** Stable name such as "slack:C0123"; recorded in the state. */
  key: string;
  post(reply: Reply): Promise<void>;
}

/** Timers, passed in so tests can run the schedule without waiting on the clock. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMERS: Timers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface DailyOptions {
  cron: string;
  timezone: string;
  store: Store;
  /** Only talks matching this search (filters such as event: included) are picked. */
  query?: string;
  /** `recap` (default): only talks with a recap summary; `all`: schedule-only talks too. */
  pool?: 'recap' | 'all';
  targets: Target[];
  bot: Bot;
  log: Logger;
  now?: () => Date;
  random?: () => number;
  timers?: Timers;
  /** A missed occurrence this recent is posted at start. */
  catchUpMs?: number;
}

const CATCH_UP_MS = 3 * 60 * 60 * 1000;
const KEEP_OCCURRENCES_MS = 30 * 24 * 60 * 60 * 1000;
/** Longer than the catch-up window, after which an occurrence is never run again. */
const CLAIM_TTL_MS = 2 * 24 * 60 * 60 * 1000;
/** How often the state is read again, so `today` follows what other instances posted. */
const REFRESH_MS = 5_000;
const MAX_TIMER_MS = 2 ** 31 - 1;
const UPDATE_TRIES = 10;

/** Why DAILY_QUERY cannot be used with these events, or undefined when it can. */
export function dailyQueryProblem(query: string | undefined, events: readonly EventInfo[]): string | undefined {
  if (!query) return undefined;
  const parsed = parseQuery(query, events);
  if (parsed.ok) return undefined;
  const e = parsed.error;
  switch (e.code) {
    case 'unknown_event': return `unknown event "${e.value}"; known events: ${e.known.join(', ')}`;
    case 'bad_year': return `unknown year "${e.value}"; years in the corpus: ${e.known.join(', ')}`;
    case 'no_event': return `no event in the corpus matches "${e.phrases.join('", "')}"; known events: ${e.known.map((k) => k.id).join(', ')}`;
  }
}

export class Daily {
  private readonly opts: DailyOptions;
  private readonly cron: Cron;
  private readonly store: Store;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly timers: Timers;
  private state: State = structuredClone(EMPTY_STATE);
  private timer: unknown;
  private refresher: unknown;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  private reportedText: string | undefined;

  private constructor(opts: DailyOptions) {
    this.opts = opts;
    this.cron = new Cron(opts.cron, { timezone: opts.timezone, paused: true });
    this.store = opts.store;
    this.now = opts.now ?? (() => new Date());
    this.random = opts.random ?? Math.random;
    this.timers = opts.timers ?? REAL_TIMERS;
  }

  /** Reads the state (a store that is down is not fatal: it is read again later). */
  static async create(opts: DailyOptions): Promise<Daily> {
    const daily = new Daily(opts);
    // Back from an outage: put back what this process knows if the store lost it, at once.
    opts.store.onReconnect(() => {
      if (!daily.stopped) daily.queue = daily.queue.then(() => daily.refresh());
    });
    await daily.refresh();
    return daily;
  }

  /** Ids of the talks that may be picked. */
  pool(): string[] {
    const { index, events } = this.opts.bot.current;
    let talks: readonly Talk[] = index.talks;
    if (this.opts.query) {
      const parsed = parseQuery(this.opts.query, events);
      // Checked at start; after a corpus reload the event may be gone: then nothing is picked.
      if (!parsed.ok) return [];
      const q = parsed.query;
      const inFilter = (t: Talk) => (!q.eventIds || q.eventIds.has(t.event.id)) && (q.year === undefined || t.event.year === q.year);
      // Filters alone (event:, year:) pick every talk they let through.
      talks = q.text ? index.search(q.text, { eventIds: q.eventIds, year: q.year }).map((m) => m.talk) : talks.filter(inFilter);
    }
    // Further pool filters narrow `talks` here (DAILY_POOL: recap summaries only, or all).
    return talks.filter((t) => this.opts.pool === 'all' || t.summary).map((t) => t.id);
  }

  /**
   * The talk of the day: the one posted today (in DAILY_TZ) if there was one, otherwise the one
   * the next occurrence will post.
   */
  current(): Talk | undefined {
    const { index } = this.opts.bot.current;
    const tz = this.opts.timezone;
    const latest = Object.keys(this.state.occurrences).sort().at(-1);
    if (latest && dateIn(new Date(latest), tz) === dateIn(this.now(), tz)) {
      const talk = index.get(this.state.occurrences[latest]!.talkId);
      if (talk) return talk;
    }
    const pool = this.pool();
    if (peek(this.state.rotation, pool) === undefined) {
      // Not decided in the store yet (it was unreachable): decide here, the same for every call.
      this.state = { ...this.state, rotation: upcoming(this.state.rotation, pool, this.random) };
    }
    const id = peek(this.state.rotation, pool);
    return id ? index.get(id) : undefined;
  }

  /** Catches up a recently missed occurrence, then waits for the next ones. */
  start(): void {
    const missed = this.latestMissed();
    if (missed) void this.run(missed);
    this.arm();
    this.keepFresh();
  }

  /** Resolves when the occurrences and reads started so far are done. */
  idle(): Promise<void> {
    return this.queue;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.clear(this.timer);
    this.timers.clear(this.refresher);
    await this.queue;
  }

  /** The latest scheduled time within the catch-up window that has no record yet. */
  latestMissed(): Date | undefined {
    const now = this.now();
    let t = this.cron.nextRun(new Date(now.getTime() - (this.opts.catchUpMs ?? CATCH_UP_MS)));
    let last: Date | undefined;
    for (let i = 0; t && t <= now && i < 100_000; i++) {
      last = t;
      t = this.cron.nextRun(t);
    }
    return last && !this.state.occurrences[last.toISOString()] ? last : undefined;
  }

  /** Posts the occurrence scheduled at `at`, once; occurrences run one after another. */
  run(at: Date): Promise<void> {
    this.queue = this.queue.then(() => this.post(at)).catch((err: unknown) => {
      this.opts.log.error({ err, occurrence: at.toISOString() }, 'talk of the day failed');
    });
    return this.queue;
  }

  /** Reads the state again; decides the next talk if nobody has yet. */
  async refresh(): Promise<void> {
    try {
      await this.update((s) => this.prepared(s));
    } catch (err) {
      this.opts.log.debug({ err: (err as Error).message }, 'talk of the day: state not read');
    }
  }

  private arm(): void {
    if (this.stopped) return;
    const next = this.cron.nextRun(this.now());
    if (!next) return;
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, next.getTime() - this.now().getTime()));
    this.timer = this.timers.set(() => {
      if (this.now() >= next) void this.run(next);
      this.arm();
    }, wait);
  }

  private keepFresh(): void {
    if (this.stopped) return;
    this.refresher = this.timers.set(() => {
      this.queue = this.queue.then(() => this.refresh());
      this.keepFresh();
    }, REFRESH_MS);
  }

  /** `s` with its next talk decided and old occurrences dropped, or undefined if nothing changes. */
  private prepared(s: State): State | undefined {
    const pool = this.pool();
    const next = pruneOccurrences(
      peek(s.rotation, pool) === undefined ? { ...s, rotation: upcoming(s.rotation, pool, this.random) } : s,
      new Date(this.now().getTime() - KEEP_OCCURRENCES_MS),
    );
    return formatState(next) === formatState(s) ? undefined : next;
  }

  private async post(at: Date): Promise<void> {
    const key = at.toISOString();
    const { log, bot, store } = this.opts;
    if (this.state.occurrences[key]) return;
    let claimed: boolean;
    try {
      claimed = await store.claim(`occurrence:${key}`, CLAIM_TTL_MS);
    } catch (err) {
      log.warn({ occurrence: key, err: (err as Error).message }, 'talk of the day skipped: the store is unavailable, and posting without a claim could post it twice');
      return;
    }
    if (!claimed) {
      log.info({ occurrence: key }, 'talk of the day already claimed by another process');
      await this.refresh();
      return;
    }
    let talk: Talk | undefined;
    try {
      await this.update((s) => {
        talk = undefined;
        if (s.occurrences[key]) return undefined;
        const pool = this.pool();
        const { id, rotation } = takeNext(s.rotation, pool, this.random);
        talk = id ? bot.current.index.get(id) : undefined;
        if (!talk) return undefined;
        const occurrences = { ...s.occurrences, [key]: { talkId: talk.id, posted: [] } };
        return { ...s, rotation: upcoming(rotation, pool, this.random), occurrences };
      });
    } catch (err) {
      log.warn({ occurrence: key, err: (err as Error).message }, 'talk of the day skipped: its pick could not be saved to the store');
      return;
    }
    if (!talk) {
      log.warn({ occurrence: key, query: this.opts.query }, 'no talk to post for the talk of the day');
      return;
    }
    const posted: string[] = [];
    const reply = bot.talkOfTheDay(bot.defaultLocale, talk, dateIn(at, this.opts.timezone));
    for (const target of this.opts.targets) {
      try {
        await target.post(reply);
        posted.push(target.key);
        log.info({ occurrence: key, target: target.key, talk: talk.id }, 'talk of the day posted');
      } catch (err) {
        log.error({ err, occurrence: key, target: target.key }, 'talk of the day could not be posted');
      }
    }
    try {
      await this.update((s) => {
        const o = s.occurrences[key];
        if (!o) return undefined;
        const next = { ...s, occurrences: { ...s.occurrences, [key]: { ...o, posted: [...new Set([...o.posted, ...posted])] } } };
        return pruneOccurrences(next, new Date(at.getTime() - KEEP_OCCURRENCES_MS));
      });
    } catch (err) {
      log.warn({ occurrence: key, err: (err as Error).message }, 'talk of the day posted, but where it went could not be saved');
    }
  }

  /**
   * Reads the state, applies `change` and writes the result only if nobody wrote in between
   * (otherwise reads again and retries). `change` returns undefined for "nothing to write".
   */
  private async update(change: (s: State) => State | undefined): Promise<void> {
    for (let i = 0; i < UPDATE_TRIES; i++) {
      const text = await this.store.read(STATE_DOC);
      const { state, repaired } = text === undefined ? this.restore() : this.newest(await this.parse(text));
      const next = change(state) ?? (repaired ? state : undefined);
      if (!next) {
        this.state = state;
        return;
      }
      if (await this.store.replace(STATE_DOC, text, formatState(next))) {
        this.state = next;
        return;
      }
    }
    throw new Error(`the state kept changing under ${UPDATE_TRIES} attempts to update it`);
  }

  /**
   * No state in the store. After a start on an empty store that is the empty state; after a
   * store lost its data (a Redis restarted without persistence) it is what this process last saw,
   * written back so the rotation goes on without repeating talks.
   */
  private restore(): { state: State; repaired: boolean } {
    const s = this.state;
    const seen = s.rotation.done.length > 0 || Object.keys(s.occurrences).length > 0;
    if (seen) this.opts.log.warn('talk-of-the-day state missing from the store; restored from this process');
    return { state: seen ? structuredClone(s) : structuredClone(EMPTY_STATE), repaired: seen };
  }

  /** The stored state, or this process's if it is further on (the store lost recent writes). */
  private newest(stored: { state: State; repaired: boolean }): { state: State; repaired: boolean } {
    const progress = (s: State) => s.rotation.round * 1_000_000 + s.rotation.done.length;
    if (progress(this.state) <= progress(stored.state)) return stored;
    this.opts.log.warn('talk-of-the-day state in the store is behind this process; restored from this process');
    return { state: structuredClone(this.state), repaired: true };
  }

  /** The state in `text`; an unusable one is set aside (kept under another name) and rebuilt. */
  private async parse(text: string | undefined): Promise<{ state: State; repaired: boolean }> {
    if (text === undefined) return { state: structuredClone(EMPTY_STATE), repaired: false };
    const parsed = parseState(text, this.now());
    const tell = this.reportedText !== text;
    this.reportedText = text;
    if (parsed.ok) {
      if (parsed.repairs.length && tell) this.opts.log.warn({ repairs: parsed.repairs }, 'talk-of-the-day state repaired');
      return { state: parsed.state, repaired: parsed.repairs.length > 0 };
    }
    const aside = `${STATE_DOC}.corrupt-${this.now().getTime()}`;
    await this.store.replace(aside, undefined, text).catch(() => false);
    this.opts.log.error({ err: parsed.reason, movedTo: aside }, 'talk-of-the-day state unreadable; set aside and rebuilt');
    return { state: structuredClone(EMPTY_STATE), repaired: true };
  }
}

/** YYYY-MM-DD of `at` in `timezone`. */
export function dateIn(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
