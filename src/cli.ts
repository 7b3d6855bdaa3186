#!/usr/bin/env node
/**
 * kubecon-bot command line: search the corpus, validate it, import a schedule, or start the bot.
 * `cli()` takes its streams and environment, so tests run it in process; the process only runs
 * it when this file is the entry point.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CorpusInvalidError } from './core/corpus/errors.ts';
import { ConfigError } from './config.ts';
import { printProblems } from './cli/corpus.ts';
import { EXIT, err, out, type Io } from './cli/io.ts';
import { IMPORT_USAGE } from './ingest/command.ts';

const USAGE = `Usage:
  kubecon-bot search <query> [--limit N] [--json]   search the talks
  kubecon-bot corpus check [--dir DIR]              validate the corpus files and save the search index
${IMPORT_USAGE}
  kubecon-bot start                                 run the bot (same as npm start)
  kubecon-bot help                                  this text
  kubecon-bot --version                             the version

Exit codes: 0 found, 1 no talk matched, 2 usage error, 3 query refused (unknown event or year),
4 invalid setting or corpus.`;

function version(): string {
  // One level above both src/cli.ts and dist/cli.js.
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function cli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'search': {
        const { searchCommand } = await import('./cli/search.ts');
        return await searchCommand(rest, io);
      }
      case 'corpus':
        if (rest[0] === 'check') {
          const { corpusCheck } = await import('./cli/corpus.ts');
          return await corpusCheck(rest.slice(1), io);
        }
        break;
      case 'import': {
        const { importCommand } = await import('./ingest/command.ts');
        return await importCommand(rest, (s) => io.stdout.write(s), (s) => io.stderr.write(s));
      }
      case 'start': {
        const { main } = await import('./main.ts');
        return await main();
      }
      case '--version':
      case '-v':
        out(io, version());
        return EXIT.ok;
      case 'help':
      case '--help':
      case '-h':
      case undefined:
        (command === undefined ? err : out)(io, USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
    }
  } catch (e) {
    if (e instanceof CorpusInvalidError) {
      printProblems(io, e.problems);
      return EXIT.invalid;
    }
    if (e instanceof ConfigError) {
      err(io, e.message);
      return EXIT.invalid;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      err(io, `${e.message}\n${USAGE}`);
      return EXIT.usage;
    }
    throw e;
  }
  err(io, `unknown command: ${argv.join(' ')}\n${USAGE}`);
  return EXIT.usage;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    // Through npx or a global install, argv[1] is a symlink to this file.
    return pathToFileURL(realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // `kubecon-bot search … | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? EXIT.ok);
    });
  }
  process.exitCode = await cli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
}
