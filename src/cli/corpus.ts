/** `kubecon-bot corpus check [--dir DIR]`: every problem, each at its file and line; a valid corpus gets its search index saved. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../core/corpus/load.ts';
import { isScheduleFile } from '../core/corpus/schedule.ts';
import { CorpusInvalidError, formatCorpusError, type CorpusError } from '../core/corpus/errors.ts';
import { saveIndex } from '../core/library.ts';
import { loadConfig } from '../config.ts';
import { EXIT, err, out, type Io } from './io.ts';

export async function corpusCheck(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' } } });
  const config = loadConfig(io.env);
  const dir = values.dir === undefined ? config.corpusDir : path.resolve(io.cwd, values.dir);
  try {
    const corpus = await loadCorpus(dir);
    const schedules = corpus.files.filter(isScheduleFile).length;
    const recaps = corpus.files.length - schedules;
    const extra = schedules ? `, ${schedules} schedule file(s)` : '';
    out(io, `ok: ${recaps} recap posts, ${corpus.talks.length} talks, ${corpus.events.length} events${extra}`);
    // Save the search index now, so the next start loads it instead of building it.
    const saved = await saveIndex(dir, config.dataDir);
    out(io, `search index ${saved.built ? 'built and saved' : 'already up to date'} in ${config.dataDir}`);
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof CorpusInvalidError)) throw e;
    printProblems(io, e.problems);
    err(io, `corpus check failed: ${e.problems.length} problem(s)`);
    return EXIT.invalid;
  }
}

/** Problems with their paths relative to where the command was run, as an editor opens them. */
export function printProblems(io: Io, problems: readonly CorpusError[]): void {
  for (const p of problems) err(io, formatCorpusError({ ...p, file: path.relative(io.cwd, p.file) || p.file }));
}
