/**
 * What sits in the corpus folder is checked before it is trusted: only regular files are read
 * (a FIFO, a directory or a symlink loop named `x.md` is reported, never blocks, never throws a
 * stack trace), text must be UTF-8 (the bad line is named), and sizes have sane limits that a
 * whole KubeCon schedule file still fits.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CorpusInvalidError, formatCorpusError } from '../../src/core/corpus/errors.ts';
import { FIELD_LIMITS, MAX_FILE_BYTES } from '../../src/core/corpus/limits.ts';
import { loadCorpus } from '../../src/core/corpus/load.ts';
import { readRegularText } from '../../src/files.ts';
import { CORPUS_DIR } from '../helpers/bot.ts';

function corpusCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubecon-files-'));
  cpSync(CORPUS_DIR, dir, { recursive: true });
  return dir;
}

async function problems(dir: string): Promise<string[]> {
  try {
    await loadCorpus(dir);
  } catch (err) {
    assert.ok(err instanceof CorpusInvalidError, String((err as Error).stack));
    return err.problems.map((p) => formatCorpusError({ ...p, file: path.basename(p.file) }));
  }
  assert.fail('the corpus was accepted');
}

const firstRecap = () => readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.md') && n !== 'README.md').sort()[0]!;

describe('corpus files', { timeout: 30_000 }, () => {
  it('reports a FIFO, a directory and a symlink loop named x.md without blocking or throwing', async () => {
    const dir = corpusCopy();
    execFileSync('mkfifo', [path.join(dir, 'fifo.md')]);
    mkdirSync(path.join(dir, 'folder.md'));
    symlinkSync('loop.md', path.join(dir, 'loop.md'));
    const found = await problems(dir);
    assert.ok(found.includes('fifo.md: not a regular file'), found.join('\n'));
    assert.ok(found.includes('folder.md: not a regular file'), found.join('\n'));
    assert.ok(found.some((p) => p.startsWith('loop.md: ') && /symbolic link loop/.test(p)), found.join('\n'));
    assert.equal(found.length, 3, found.join('\n'));
  });

  it('a FIFO is refused by the shared reader too (as for the saved state)', async () => {
    const fifo = path.join(mkdtempSync(path.join(tmpdir(), 'kubecon-fifo-')), 'state.json');
    execFileSync('mkfifo', [fifo]);
    await assert.rejects(readRegularText(fifo), /not a regular file/);
  });

  it('reports invalid UTF-8 with its line', async () => {
    const dir = corpusCopy();
    const file = path.join(dir, firstRecap());
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('### en')) + 2;
    const bytes = Buffer.concat([Buffer.from(lines.slice(0, at - 1).join('\n') + '\nSolo'), Buffer.from([0xff, 0x28]), Buffer.from('io\n' + lines.slice(at).join('\n'))]);
    writeFileSync(file, bytes);
    assert.deepEqual(await problems(dir), [`${firstRecap()}:${at}: not valid UTF-8 (save the file as UTF-8)`]);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const dir = corpusCopy();
    const big = path.join(dir, 'big.md');
    writeFileSync(big, '');
    truncateSync(big, MAX_FILE_BYTES + 1);
    const found = await problems(dir);
    assert.deepEqual(found, [`big.md: ${MAX_FILE_BYTES + 1} bytes, over the limit of ${MAX_FILE_BYTES}`]);
  });

  it('refuses a summary over the length limit, at the talk', async () => {
    const dir = corpusCopy();
    const file = path.join(dir, firstRecap());
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('### en\n') + '### en\n'.length;
    writeFileSync(file, text.slice(0, at) + '\n' + 'Long. '.repeat(FIELD_LIMITS.summary) + text.slice(at));
    const found = await problems(dir);
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0]!, /^[^:]+:\d+: talk ".+": the English summary is \d+ characters, over the limit of 4000$/);
  });

  it('accepts a schedule file of one whole KubeCon: 600 sessions with 5,000-character abstracts', async () => {
    const dir = corpusCopy();
    const head = `---
event: kubecon-eu-2099
event_name: KubeCon + CloudNativeCon Europe 2099
city: Paris
dates: 2099-03-19..2099-03-22
time_zone: Europe/Paris
---
`;
    const sessions = Array.from({ length: 600 }, (_, i) => `
## Session number ${i} about sampling traces at scale

- id: kubecon-eu-2099/session-${i}
- uid: s${i}@sched
- speakers: Jo Sample (Example, Inc.), Lee Park
- day: 2099-03-20
- time: 15:00-15:30
- talk_url: https://example.sched.com/event/${i}

### abstract

${'Tail-based sampling in the Collector, across clusters and budgets. '.repeat(74).trim()}
`);
    writeFileSync(path.join(dir, 'kubecon-eu-2099.schedule.md'), head + sessions.join(''));
    const corpus = await loadCorpus(dir);
    assert.ok(corpus.talks.length >= 600);
  });
});
