/**
 * `kubecon-bot import sched <source> [--event ID] [--dir DIR] [--prune] [--name N] [--city C] [--tz TZ]`:
 * parses the arguments, runs the import, prints what it did. Returns the exit code.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { saveIndex } from '../core/library.ts';
import { FetchError } from './fetch.ts';
import { NotCalendarError } from './ics.ts';
import { importSched, ImportError, type ImportReport } from './import.ts';

export const IMPORT_USAGE =
  '  kubecon-bot import sched <slug|url|file> [--event ID] [--dir DIR] [--prune]   import every session of an event from Sched';

const HELP = `Usage: kubecon-bot import sched <source> [options]

<source> is a Sched event slug (kccnceu2024), any URL on the event's Sched site, an .ics URL or
a local .ics file.

  --event ID   the corpus event id (default: from the slug, kccnceu2024 -> kubecon-eu-2024)
  --dir DIR    the corpus folder (default: CORPUS_DIR or ./corpus)
  --prune      drop sessions that are no longer in the calendar (default: keep and report them)
  --name NAME  the event's name, when the corpus does not know the event
  --city CITY  the event's city, when the corpus does not know the event
  --tz ZONE    the venue's time zone (IANA, e.g. Europe/Paris) for session days`;

export async function importCommand(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      event: { type: 'string' },
      dir: { type: 'string' },
      prune: { type: 'boolean' },
      name: { type: 'string' },
      city: { type: 'string' },
      tz: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [kind, source, ...extra] = positionals;
  if (values.help) {
    out(`${HELP}\n`);
    return 0;
  }
  if (kind !== 'sched' || !source || extra.length > 0) {
    err(`${HELP}\n`);
    return 2;
  }
  const config = loadConfig();
  try {
    const report = await importSched({
      source,
      dir: values.dir ?? config.corpusDir,
      event: values.event,
      name: values.name,
      city: values.city,
      timeZone: values.tz,
      prune: values.prune,
      dataDir: config.dataDir,
      fetch: { onRetry: (n, reason, wait) => err(`retry ${n} in ${wait / 1000} s: ${reason}\n`) },
    });
    out(formatReport(report));
    if (report.written) {
      // Save the search index for the new corpus now, so the next start loads it instead of building it.
      const dir = values.dir ?? config.corpusDir;
      const saved = await saveIndex(dir, config.dataDir);
      out(`search index ${saved.built ? 'built and saved' : 'already up to date'} in ${config.dataDir}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ImportError || e instanceof FetchError || e instanceof NotCalendarError) {
      err(`import failed: ${e.message}\nnothing was written.\n`);
      return 1;
    }
    throw e;
  }
}

function formatReport(r: ImportReport): string {
  const lines: string[] = [];
  const list = (items: string[]) => items.slice(0, 10).map((t) => `    ${t}`).concat(items.length > 10 ? [`    … and ${items.length - 10} more`] : []);
  lines.push(`${r.event}: ${r.written ? `wrote ${r.file}` : `no change to ${r.file}`}`);
  lines.push(`  added ${r.added.length}, updated ${r.updated.length}, unchanged ${r.unchanged}, removed ${r.removed.length}${r.pruned ? ' (pruned)' : r.removed.length ? ' (kept; --prune drops them)' : ''}, skipped non-talks ${r.skipped}`);
  if (r.updated.length) lines.push('  updated:', ...list(r.updated));
  if (r.removed.length) lines.push('  no longer in the calendar:', ...list(r.removed));
  lines.push(`  merged with recap talks: ${r.merged.length}`);
  for (const m of r.merged) lines.push(`    ${m.recap}  <-  ${m.title}  (${m.rule})`);
  lines.push(`  recap talks left unmatched: ${r.unmatched.length}${r.unmatched.length ? ' (pin one with "- recap: <id>" under its session)' : ''}`);
  for (const u of r.unmatched) lines.push(`    ${u.id}  ${u.title}`);
  for (const n of r.notes) lines.push(`  note: ${n}`);
  return `${lines.join('\n')}\n`;
}
