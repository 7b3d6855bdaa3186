import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EventInfo, Talk } from '../types.ts';
import { CorpusInvalidError, type CorpusError } from './errors.ts';
import { parseCorpusFile } from './parse.ts';

export interface Corpus {
  talks: Talk[];
  files: string[];
  events: EventInfo[];
}

/** Loads and validates every `*.md` file in `dir` (README.md excepted); throws CorpusInvalidError. */
export async function loadCorpus(dir: string): Promise<Corpus> {
  return buildCorpus(await readCorpusFiles(dir));
}

/** The corpus files of `dir` (`*.md`, README.md excepted) in name order, read but not parsed. */
export async function readCorpusFiles(dir: string): Promise<Array<{ file: string; text: string }>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md').sort();
  } catch (err) {
    throw new CorpusInvalidError([{ file: dir, line: 0, message: `cannot read the corpus folder: ${(err as Error).message}` }]);
  }
  return Promise.all(names.map(async (n) => ({ file: path.join(dir, n), text: await readFile(path.join(dir, n), 'utf8') })));
}

/** Validates parsed files together: ids unique across files, one description per event. */
export function buildCorpus(sources: Array<{ file: string; text: string }>): Corpus {
  const problems: CorpusError[] = [];
  const talks: Talk[] = [];
  const events = new Map<string, { event: EventInfo; file: string }>();
  const ids = new Map<string, Talk>();
  if (sources.length === 0) problems.push({ file: 'corpus', line: 0, message: 'no corpus files (*.md) found' });
  for (const { file, text } of sources) {
    const parsed = parseCorpusFile(file, text);
    problems.push(...parsed.errors);
    const ev = parsed.event;
    if (ev) {
      const known = events.get(ev.id);
      if (!known) events.set(ev.id, { event: ev, file });
      else if (known.event.name !== ev.name || known.event.start !== ev.start || known.event.end !== ev.end) {
        problems.push({ file, line: 1, message: `event "${ev.id}" differs from its description in ${known.file} (name and dates must agree)` });
      }
    }
    for (const t of parsed.talks) {
      const prev = ids.get(t.id);
      if (prev) {
        problems.push({ file, line: t.source.line, message: `duplicate talk id "${t.id}" (also ${prev.source.file}:${prev.source.line})` });
        continue;
      }
      ids.set(t.id, t);
      talks.push(t);
    }
  }
  if (problems.length > 0) throw new CorpusInvalidError(problems);
  return { talks, files: sources.map((s) => s.file), events: [...events.values()].map((e) => e.event) };
}
