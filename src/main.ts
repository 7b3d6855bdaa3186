/**
 * Wiring only: config, logger, corpus, bot, and the adapters the settings ask for. With no chat
 * credentials the bot runs in the terminal (shell adapter).
 */
import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { Bot } from './core/bot.ts';
import { CorpusInvalidError } from './core/corpus/errors.ts';
import { loadLibrary } from './core/library.ts';
import { runShell } from './adapters/shell/shell.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './log.ts';

export async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`configuration error: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const log = createLogger({ level: config.logLevel, format: config.logFormat });
  let library;
  try {
    library = await loadLibrary(config.corpusDir);
  } catch (err) {
    if (err instanceof CorpusInvalidError) {
      log.fatal({ problems: err.problems }, 'corpus is invalid; fix it and start again');
      return 1;
    }
    throw err;
  }
  log.debug({ talks: library.index.talks.length, files: library.files.length }, 'corpus loaded');
  const bot = new Bot({ library, defaultLocale: config.locale });
  await runShell({ bot, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) });
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main();
}
