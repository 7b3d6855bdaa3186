/** `kubecon-bot search <query> [--limit N] [--json]`. */
import { parseArgs } from 'node:util';
import { Bot, MAX_PAGE_SIZE } from '../core/bot.ts';
import { loadCorpus } from '../core/corpus/load.ts';
import { libraryFromCorpus } from '../core/library.ts';
import { searchedText } from '../core/query.ts';
import type { Hit, Reply } from '../core/reply.ts';
import { snippetText } from '../core/snippet.ts';
import { renderText } from '../adapters/shell/render.ts';
import { colorWanted } from '../adapters/shell/style.ts';
import { loadConfig } from '../config.ts';
import { EXIT, err, out, type Io } from './io.ts';

const DEFAULT_LIMIT = 10;

export async function searchCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { limit: { type: 'string', short: 'n' }, json: { type: 'boolean' } },
  });
  const query = positionals.join(' ');
  const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    err(io, `--limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
    return EXIT.usage;
  }
  const config = loadConfig(io.env);
  const bot = new Bot({ library: libraryFromCorpus(await loadCorpus(config.corpusDir)), defaultLocale: config.locale });
  const reply = query.trim() ? bot.search(query, config.locale, 0, limit) : bot.help(config.locale);
  if (values.json) out(io, JSON.stringify(toJson(query, reply)));
  else out(io, renderText(reply, { color: colorWanted(io.stdout, io.env) }));
  return exitCode(reply);
}

function exitCode(reply: Reply): number {
  if (reply.kind !== 'message') return EXIT.ok;
  return reply.notices.some((n) => n.code === 'no_results' || n.code === 'no_event') ? EXIT.noResults : EXIT.refused;
}

/** One hit as `--json` prints it, in `results` or `related`. */
function hitJson(h: Hit) {
  return { id: h.id, title: h.title, event: h.event, score: Number(h.score.toFixed(3)), snippet: snippetText(h.snippet), links: h.links };
}

function toJson(query: string, reply: Reply) {
  const hits = reply.kind === 'results' ? reply.hits : [];
  const related = reply.kind === 'message' ? (reply.related?.hits ?? []) : [];
  return {
    query: reply.kind === 'results' ? reply.page.query : searchedText(query),
    // Only talks that match; the closest others, when none does, are `related`.
    total: reply.kind === 'results' ? reply.page.total : 0,
    results: hits.map(hitJson),
    related: related.map(hitJson),
    notices: 'notices' in reply ? reply.notices.map((n) => ({ code: n.code, text: n.text })) : [],
  };
}
