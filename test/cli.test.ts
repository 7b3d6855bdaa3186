import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.join(import.meta.dirname, '..');
const env = { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kubecon-data-')), LOG_LEVEL: 'silent', BOT_LOCALE: '', CORPUS_DIR: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', DISCORD_TOKEN: '' };

function run(file: string, args: string[], input?: string, extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', file), ...args], {
    cwd: ROOT, input, encoding: 'utf8', env: { ...env, ...extra }, timeout: 30_000,
  });
}

describe('kubecon-bot CLI', () => {
  it('search --json prints one JSON object in rank order and nothing else', () => {
    const r = run('cli.ts', ['search', 'gvisor', '--json', '--limit', '2']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.query, 'gvisor');
    assert.equal(out.total, 4);
    assert.equal(out.results.length, 2);
    assert.equal(out.results[0].title, 'Best Practice for Container Security at Scale');
    assert.ok(out.results[0].score >= out.results[1].score);
    for (const k of ['id', 'title', 'event', 'score', 'snippet', 'links']) assert.ok(k in out.results[0], k);
  });

  it('search --json counts only matching talks and lists the closest others apart, as related', () => {
    const r = run('cli.ts', ['search', 'argo cd', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.total, 0);
    assert.deepEqual(out.results, []);
    assert.ok(out.related.length >= 1 && out.related.length <= 3);
    for (const k of ['id', 'title', 'event', 'score', 'snippet', 'links']) assert.ok(k in out.related[0], k);
    assert.ok(out.notices.some((n: { code: string }) => n.code === 'unmatched_words'));
  });

  it('search prints readable text', () => {
    const r = run('cli.ts', ['search', 'カオスエンジニアリング']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /1\. SLO策定までの道とChaosEngineeringを使った最適解の見つけ方/);
  });

  it('rejects a bad --limit', () => {
    assert.equal(run('cli.ts', ['search', 'x', '--limit', 'lots']).status, 2);
  });

  it('corpus check counts posts and talks', () => {
    const r = run('cli.ts', ['corpus', 'check']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /5 recap posts, 55 talks/);
  });

  it('corpus check names the file and line of a problem and exits non-zero', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    writeFileSync(path.join(dir, 'bad.md'), '---\nevent: x\nevent_name: X\ndates: 2024-01-01\nrecap_title: R\n---\n\n## T\n\n- colour: red\n');
    const r = run('cli.ts', ['corpus', 'check', '--dir', dir]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /bad\.md:10: unknown field "colour"/);
  });

  it('a malformed setting names the variable', () => {
    const r = run('cli.ts', ['search', 'x'], undefined, { BOT_LOCALE: 'fr' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /BOT_LOCALE: expected one of ja, en/);
  });
});

describe('npm start with no chat credentials (shell adapter)', () => {
  it('answers piped input and exits', () => {
    const r = run('main.ts', [], 'gvisor\nhelp\n');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /1\. Best Practice for Container Security at Scale/);
    assert.match(r.stdout, /event:kubecon-eu-2024/);
  });
});
