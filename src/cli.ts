#!/usr/bin/env node
/**
 * kubecon-bot command line: search the corpus, validate it, or start the bot.
 */
import { parseArgs } from 'node:util';
import { Bot, MAX_PAGE_SIZE } from './core/bot.ts';
import { loadCorpus } from './core/corpus/load.ts';
import { isScheduleFile } from './core/corpus/schedule.ts';
import { CorpusInvalidError, formatCorpusError } from './core/corpus/errors.ts';
import { libraryFromCorpus } from './core/library.ts';
import type { Hit } from './core/reply.ts';
import { snippetText } from './core/snippet.ts';
import { renderText } from './adapters/shell/render.ts';
import { ConfigError, loadConfig } from './config.ts';
import { importCommand, IMPORT_USAGE } from './ingest/command.ts';

const USAGE = `Usage:
  kubecon-bot search <query> [--limit N] [--json]   search the talks
  kubecon-bot corpus check [--dir DIR]              validate the corpus files
${IMPORT_USAGE}
  kubecon-bot start                                 run the bot (same as npm start)
  kubecon-bot help                                  this text`;

/** One hit as `--json` prints it. */
function hitJson(h: Hit) {
  return { id: h.id, title: h.title, event: h.event, score: Number(h.score.toFixed(3)), snippet: snippetText(h.snippet), links: h.links };
}

async function search(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { limit: { type: 'string', short: 'n' }, json: { type: 'boolean' } },
  });
  const query = positionals.join(' ');
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    process.stderr.write(`--limit must be a whole number from 1 to ${MAX_PAGE_SIZE}\n`);
    return 2;
  }
  const config = loadConfig();
  const bot = new Bot({ library: libraryFromCorpus(await loadCorpus(config.corpusDir)), defaultLocale: config.locale });
  const reply = query.trim() ? bot.search(query, config.locale, 0, limit) : bot.help(config.locale);
  if (values.json) {
    const results = reply.kind === 'results' ? reply.hits : [];
    const related = reply.kind === 'message' ? (reply.related?.hits ?? []) : [];
    const out = {
      query,
      total: reply.kind === 'results' ? reply.page.total : 0,
      results: results.map(hitJson),
      related: related.map(hitJson),
      notices: 'notices' in reply ? reply.notices.map((n) => ({ code: n.code, text: n.text })) : [],
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    process.stdout.write(`${renderText(reply, { color: Boolean(process.stdout.isTTY) })}\n`);
  }
  return 0;
}

async function corpusCheck(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' } } });
  const dir = values.dir ?? loadConfig().corpusDir;
  try {
    const corpus = await loadCorpus(dir);
    const schedules = corpus.files.filter(isScheduleFile).length;
    const recaps = corpus.files.length - schedules;
    const extra = schedules ? `, ${schedules} schedule file(s)` : '';
    process.stdout.write(`ok: ${recaps} recap posts, ${corpus.talks.length} talks, ${corpus.events.length} events${extra}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof CorpusInvalidError)) throw err;
    for (const p of err.problems) process.stderr.write(`${formatCorpusError(p)}\n`);
    process.stderr.write(`corpus check failed: ${err.problems.length} problem(s)\n`);
    return 1;
  }
}

export async function cli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'search':
        return await search(rest);
      case 'corpus':
        if (rest[0] === 'check') return await corpusCheck(rest.slice(1));
        break;
      case 'import':
        return await importCommand(rest, (s) => process.stdout.write(s), (s) => process.stderr.write(s));
      case 'start': {
        const { main } = await import('./main.ts');
        return await main();
      }
      case 'help':
      case '--help':
      case '-h':
      case undefined:
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
    }
  } catch (err) {
    if (err instanceof ConfigError || err instanceof CorpusInvalidError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  process.stderr.write(`unknown command: ${argv.join(' ')}\n${USAGE}\n`);
  return 2;
}

process.exitCode = await cli(process.argv.slice(2));
