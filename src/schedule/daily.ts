/**
 * Talk of the day: on each scheduled occurrence, picks the next talk of the rotation and posts
 * it to every target (Slack channel, Discord channel, terminal). An occurrence is claimed on disk
 * before posting, so it is posted at most once per target even across restarts and processes.
 */
import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Bot } from '../core/bot.ts';
import type { Reply } from '../core/reply.ts';
import type { Talk } from '../core/types.ts';
import { reconcile, takeNext } from './rotation.ts';
import { claim, StateStore, type State } from './store.ts';

export interface Target {
  /** Stable name such as "slack:C0123"; recorded in the state. */
  key: string;
  post(reply: Reply): Promise<void>;
}

export interface DailyOptions {
  cron: string;
  timezone: string;
  dataDir: string;
  /** Only talks matching this query are picked. */
  query?: string;
  /** `recap` (default): only talks with a recap summary; `all`: schedule-only talks too. */
  pool?: 'recap' | 'all';
  targets: Target[];
  bot: Bot;
  log: Logger;
  now?: () => Date;
  random?: () => number;
  /** A missed occurrence this recent is posted at start. */
  catchUpMs?: number;
}

export const CATCH_UP_MS = 3 * 60 * 60 * 1000;
const KEEP_OCCURRENCES_MS = 30 * 24 * 60 * 60 * 1000;
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Daily {
  private readonly opts: DailyOptions;
  private readonly cron: Cron;
  private readonly store: StateStore;
  private readonly now: () => Date;
  private readonly random: () => number;
  private state: State;
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  private constructor(opts: DailyOptions, store: StateStore, state: State) {
    this.opts = opts;
    this.cron = new Cron(opts.cron, { timezone: opts.timezone, paused: true });
    this.store = store;
    this.state = state;
    this.now = opts.now ?? (() => new Date());
    this.random = opts.random ?? Math.random;
  }

  static async create(opts: DailyOptions): Promise<Daily> {
    const store = new StateStore(opts.dataDir, opts.log);
    return new Daily(opts, store, await store.load());
  }

  /** Ids of the talks that may be picked. */
  pool(): string[] {
    const { index } = this.opts.bot.current;
    const talks = this.opts.query ? index.search(this.opts.query).map((m) => m.talk) : index.talks;
    return talks.filter((t) => this.opts.pool === 'all' || t.summary).map((t) => t.id);
  }

  /**
   * The talk of the latest occurrence; before the first one, the head of the rotation, which the
   * first occurrence usually but not always posts (talks added meanwhile join at random places).
   */
  current(): Talk | undefined {
    const { index } = this.opts.bot.current;
    const latest = Object.keys(this.state.occurrences).sort().at(-1);
    const talk = latest ? index.get(this.state.occurrences[latest]!.talkId) : undefined;
    if (talk) return talk;
    const r = reconcile(this.state.rotation, this.pool(), this.random);
    return index.get(r.queue[0] ?? this.pool()[0] ?? '');
  }

  /** Catches up a recently missed occurrence, then waits for the next ones. */
  start(): void {
    const missed = this.latestMissed();
    if (missed) void this.run(missed);
    this.arm();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
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

  private arm(): void {
    if (this.stopped) return;
    const next = this.cron.nextRun(this.now());
    if (!next) return;
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, next.getTime() - this.now().getTime()));
    this.timer = setTimeout(() => {
      if (this.now() >= next) void this.run(next);
      this.arm();
    }, wait);
    this.timer.unref();
  }

  /** Posts the occurrence scheduled at `at`, once; occurrences run one after another. */
  run(at: Date): Promise<void> {
    this.queue = this.queue.then(() => this.post(at)).catch((err: unknown) => {
      this.opts.log.error({ err, occurrence: at.toISOString() }, 'talk of the day failed');
    });
    return this.queue;
  }

  private async post(at: Date): Promise<void> {
    const key = at.toISOString();
    const { log, bot } = this.opts;
    if (this.state.occurrences[key]) return;
    if (!(await claim(this.opts.dataDir, key))) {
      log.info({ occurrence: key }, 'talk of the day already claimed by another process');
      return;
    }
    const { id, rotation } = takeNext(this.state.rotation, this.pool(), this.random);
    const talk = id ? bot.current.index.get(id) : undefined;
    if (!talk) {
      log.warn({ occurrence: key, query: this.opts.query }, 'no talk to post for the talk of the day');
      return;
    }
    const occurrence = { talkId: talk.id, posted: [] as string[] };
    this.state = { ...this.state, rotation, occurrences: { ...this.state.occurrences, [key]: occurrence } };
    await this.store.save(this.state);
    const reply = bot.talkOfTheDay(bot.defaultLocale, talk, dateIn(at, this.opts.timezone));
    for (const target of this.opts.targets) {
      try {
        await target.post(reply);
        occurrence.posted.push(target.key);
        log.info({ occurrence: key, target: target.key, talk: talk.id }, 'talk of the day posted');
      } catch (err) {
        log.error({ err, occurrence: key, target: target.key }, 'talk of the day could not be posted');
      }
    }
    this.prune(at);
    await this.store.save(this.state);
  }

  private prune(at: Date): void {
    const cutoff = new Date(at.getTime() - KEEP_OCCURRENCES_MS).toISOString();
    for (const k of Object.keys(this.state.occurrences)) if (k < cutoff) delete this.state.occurrences[k];
  }
}

/** YYYY-MM-DD of `at` in `timezone`. */
export function dateIn(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
