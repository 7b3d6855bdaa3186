/**
 * Wiring only: one validated config, the logger, the corpus, the bot, the adapters the settings
 * ask for, the talk of the day, and the signals. With no chat credentials the bot runs in the
 * terminal (shell adapter).
 */
import { pathToFileURL } from 'node:url';
import { Bot } from './core/bot.ts';
import { CorpusInvalidError } from './core/corpus/errors.ts';
import { openLibrary } from './core/library.ts';
import { renderText } from './adapters/shell/render.ts';
import { PromptGuard } from './adapters/shell/prompt-guard.ts';
import { runShell } from './adapters/shell/shell.ts';
import { colorWanted } from './adapters/shell/style.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { loadDotEnv } from './env.ts';
import { collectGarbage, handleSignals, reloadCorpus, settleAfterStart, stopAll, type Stoppable } from './lifecycle.ts';
import { logStrayRejections } from './last-resort.ts';
import { createLogger } from './log.ts';
import { Daily, dailyQueryProblem, dateIn, type Target } from './schedule/daily.ts';
import { openStore } from './store/index.ts';

/** How long after start loading's garbage is collected and the tables only some searches need begin to be built (see lifecycle.ts). */
const PREPARE_AFTER_MS = 1_000;

export async function main(): Promise<number> {
  let config: Config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`configuration error: ${err.message}\n`);
    return 1;
  }
  // In the terminal, log lines print above the prompt instead of into what is being typed.
  const guard = new PromptGuard();
  const log = createLogger({ level: config.logLevel, format: config.logFormat, destination: guard.stream(process.stderr) });
  logStrayRejections(log);
  if (config.production && !config.slack && !config.discord) {
    // A worker whose tokens were forgotten must not look healthy.
    log.fatal('NODE_ENV=production but no chat credentials: set SLACK_BOT_TOKEN (with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET) for Slack, or DISCORD_TOKEN and DISCORD_APPLICATION_ID for Discord');
    return 1;
  }
  let opened;
  try {
    opened = await openLibrary(config.corpusDir, config.dataDir);
  } catch (err) {
    if (!(err instanceof CorpusInvalidError)) throw err;
    log.fatal({ problems: err.problems }, 'corpus is invalid; fix it and start again');
    return 1;
  }
  const { library } = opened;
  if (opened.saveError) log.warn({ dataDir: config.dataDir, error: opened.saveError }, 'could not save the search index; the next start builds it again');
  log.info({ talks: library.index.talks.length, files: library.files.length, index: opened.from, why: opened.reason }, 'corpus loaded');
  // Loading's garbage is collected and the tables for typos and "did you mean" are built a second
  // after start, so that answers right after start do not wait behind them (searches do without
  // the tables until then). After a build, which leaves far more garbage and is slow anyway, the
  // collection runs now, before serving.
  const collectNow = opened.from === 'built';
  if (collectNow) collectGarbage();
  setTimeout(() => void settleAfterStart(library, log, { collect: !collectNow }), PREPARE_AFTER_MS).unref();
  const queryProblem = dailyQueryProblem(config.daily.query, library.events);
  if (queryProblem) {
    log.fatal(`DAILY_QUERY: ${queryProblem}`);
    return 1;
  }
  const store = await openStore({ dataDir: config.dataDir, redisUrl: config.redisUrl, log: log.child({ part: 'store' }) });

  // The scheduler needs the bot and the bot asks the scheduler for today's talk.
  const schedule: { daily?: Daily } = {};
  const bot = new Bot({
    library,
    defaultLocale: config.locale,
    today: () => schedule.daily?.current(),
    date: () => dateIn(new Date(), config.daily.timezone),
  });

  const parts: Stoppable[] = [];
  const targets: Target[] = [];
  /** Resolve when a platform is gone for good (Discord after a token reset). */
  const lost: Array<Promise<unknown>> = [];
  // Signals are handled from here on: a SIGTERM during start-up lets the start finish (within
  // the grace period), then stops what started.
  let startedUp!: () => void;
  const startup = new Promise<void>((resolve) => (startedUp = resolve));
  const shutdown = () => startup.then(() => stopAll(parts, log));
  const exit = handleSignals({ reload: () => reloadCorpus(bot, config, log), shutdown, log });
  let platform = '';
  try {
    // The platform SDKs load only when configured: importing them costs about half a second.
    if (config.slack) {
      platform = 'slack';
      const { startSlack } = await import('./adapters/slack/index.ts');
      const slack = await startSlack({ bot, config: config.slack, log: log.child({ part: 'slack' }), store });
      parts.push({ name: 'slack', stop: () => slack.stop() });
      const channel = config.daily.slackChannel;
      if (channel) targets.push({ key: `slack:${channel}`, post: (reply) => slack.post(channel, reply) });
    }
    if (config.discord) {
      platform = 'discord';
      const { startDiscord } = await import('./adapters/discord/index.ts');
      const discord = await startDiscord({ bot, config: config.discord, log: log.child({ part: 'discord' }) });
      parts.push({ name: 'discord', stop: () => discord.stop() });
      lost.push(discord.closed);
      const channel = config.daily.discordChannel;
      if (channel) targets.push({ key: `discord:${channel}`, post: (reply) => discord.post(channel, reply) });
    }
  } catch (err) {
    // A refused token or an unreachable platform: say which, stop what did start, and exit.
    log.fatal({ err, platform }, `${platform}: could not start: ${(err as Error).message}`);
    await stopAll(parts, log);
    await store.close();
    startedUp();
    return 1;
  }
  const shellMode = parts.length === 0;
  if (shellMode) {
    const color = colorWanted(process.stdout, process.env);
    targets.push({ key: 'shell', post: async (reply) => guard.write(process.stdout, `\n${renderText(reply, { color, width: process.stdout.columns })}\n`) });
  }

  const daily = await Daily.create({
    cron: config.daily.cron,
    timezone: config.daily.timezone,
    store,
    query: config.daily.query,
    pool: config.daily.pool,
    targets,
    bot,
    log: log.child({ part: 'daily' }),
  });
  schedule.daily = daily;
  daily.start();
  parts.push({ name: 'daily', stop: () => daily.stop() }, { name: 'store', stop: () => store.close() });
  startedUp();
  // Better stopped (and restarted by the supervisor) than running half-alive; the adapter has
  // logged why at fatal level.
  const gone = Promise.race(lost).then(async () => {
    await shutdown();
    return 1;
  });
  if (!shellMode) return Promise.race([exit, gone]);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const shell = runShell({ bot, input: process.stdin, output: process.stdout, interactive, color: interactive && colorWanted(process.stdout, process.env), guard })
    .then(async () => {
      await shutdown();
      return 0;
    });
  const code = await Promise.race([shell, exit]);
  // A signal ends the shell while it still waits for a line; let go of the terminal.
  process.stdin.destroy();
  return code;
}

// No top-level await here or in modules main imports: `npm start` runs them bundled as CommonJS.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void main().then((code) => {
    process.exitCode = code;
    // Everything was stopped; a connection someone holds open must not keep the process alive.
    setTimeout(() => process.exit(), 1_000).unref();
  });
}
