import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { corpusCopy, FIXTURE, snapshot, tempDir } from './helpers.ts';

const CLI = path.join(import.meta.dirname, '..', '..', 'src', 'cli.ts');
const run = (args: string[], dataDir = tempDir()) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, DATA_DIR: dataDir, CORPUS_DIR: '', LOG_LEVEL: 'silent' },
  });

describe('kubecon-bot import sched', () => {
  it('prints what it did, and corpus check passes on the result', () => {
    const dir = corpusCopy();
    const data = tempDir();
    const r = run(['import', 'sched', FIXTURE, '--dir', dir], data);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /search index built and saved in /);
    assert.match(r.stdout, /^kubecon-eu-2024: wrote .*kubecon-eu-2024\.schedule\.md\n/);
    assert.match(r.stdout, /added 14, updated 0, unchanged 0, removed 0, skipped non-talks 5/);
    assert.match(r.stdout, /merged with recap talks: 7\n/);
    assert.match(r.stdout, /kubecon-eu-2024\/securing-900-kubernetes-clusters-without-psp {2}<- {2}Life After PodSecurityPolicy: Hardening Hundreds of Clusters {2}\(url-slug\)/);
    assert.match(r.stdout, /recap talks left unmatched: 4 /);
    const check = run(['corpus', 'check', '--dir', dir], data);
    assert.equal(check.status, 0, check.stderr);
    // The import saved the index for the corpus it wrote, so the check (like the next start) finds it current.
    assert.match(check.stdout, /search index already up to date in /);
    assert.match(check.stdout, /ok: 5 recap posts, 62 talks, 4 events, 1 schedule file/);
    const again = run(['import', 'sched', FIXTURE, '--dir', dir]);
    assert.match(again.stdout, /no change to .*\n {2}added 0, updated 0, unchanged 14, removed 0/);
  });

  it('a failure exits 1, says nothing was written, and writes nothing', () => {
    const dir = corpusCopy();
    const before = snapshot(dir);
    const html = path.join(tempDir(), 'all.ics');
    writeFileSync(html, '<html><body>Forbidden</body></html>');
    const r = run(['import', 'sched', html, '--dir', dir, '--event', 'kubecon-eu-2024']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /import failed: not an iCalendar file: it is an HTML page.*\nnothing was written\./);
    assert.deepEqual(snapshot(dir), before);
  });

  it('usage mistakes exit 2 with the usage text', () => {
    const r = run(['import', 'ical', 'x']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Usage: kubecon-bot import sched <source>/);
    assert.match(run(['help']).stdout, /import sched <slug\|url\|file>/);
  });
});
