/**
 * The command line, run in process with its streams and environment passed in; two spawns check
 * the real entry point (JSON on stdout, a closed pipe) and `npm start`'s terminal mode.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { cli } from '../src/cli.ts';
import { EXIT } from '../src/cli/io.ts';
import { MAX_QUERY_LENGTH } from '../src/core/query.ts';
import { isScheduleFile } from '../src/core/corpus/schedule.ts';
import { realLibrary } from './helpers/bot.ts';

const ROOT = path.join(import.meta.dirname, '..');
const env = {
  ...process.env,
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kubecon-data-')),
  LOG_LEVEL: 'silent', BOT_LOCALE: '', CORPUS_DIR: '', NO_COLOR: '',
  SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', DISCORD_TOKEN: '',
};

async function run(args: string[], extra: Record<string, string> = {}, cwd = ROOT) {
  const stdout = new PassThrough({ encoding: 'utf8' });
  const stderr = new PassThrough({ encoding: 'utf8' });
  const chunks = { out: '', err: '' };
  stdout.on('data', (c: string) => (chunks.out += c));
  stderr.on('data', (c: string) => (chunks.err += c));
  const status = await cli(args, { stdout, stderr, env: { ...env, ...extra }, cwd });
  return { status, stdout: chunks.out, stderr: chunks.err };
}

describe('kubecon-bot CLI', () => {
  it('search --json prints one JSON object in rank order and nothing else', async () => {
    const r = await run(['search', 'gvisor', '--json', '--limit', '2']);
    assert.equal(r.status, EXIT.ok, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.query, 'gvisor');
    const library = await realLibrary();
    assert.equal(out.total, library.index.find('gvisor').matches.length);
    assert.equal(out.results.length, 2);
    assert.equal(out.results[0].title, 'Best Practice for Container Security at Scale');
    assert.ok(out.results[0].score >= out.results[1].score);
    for (const k of ['id', 'title', 'event', 'score', 'snippet', 'links']) assert.ok(k in out.results[0], k);
  });

  it('search --json counts only matching talks and lists the closest others apart, as related', async () => {
    const r = await run(['search', 'argo cd', '--json']);
    assert.equal(r.status, EXIT.noResults);
    const out = JSON.parse(r.stdout);
    assert.equal(out.total, 0);
    assert.deepEqual(out.results, []);
    assert.ok(out.related.length >= 1 && out.related.length <= 3);
    for (const k of ['id', 'title', 'event', 'score', 'snippet', 'links']) assert.ok(k in out.related[0], k);
    assert.ok(out.notices.some((n: { code: string }) => n.code === 'unmatched_words'));
  });

  it('gives the query as searched in JSON: cut to the maximum length', async () => {
    const long = `gvisor ${'x'.repeat(5000)}`;
    const r = await run(['search', long, '--json']);
    const out = JSON.parse(r.stdout);
    assert.equal([...out.query].length, MAX_QUERY_LENGTH);
    assert.ok(long.startsWith(out.query));
    const refused = JSON.parse((await run(['search', `wasm event:nope ${'y'.repeat(500)}`, '--json'])).stdout);
    assert.equal([...refused.query].length, MAX_QUERY_LENGTH);
  });

  it('search prints readable text, without colour when NO_COLOR is set', async () => {
    const r = await run(['search', 'カオスエンジニアリング']);
    assert.equal(r.status, EXIT.ok);
    assert.match(r.stdout, /1\. SLO策定までの道とChaosEngineeringを使った最適解の見つけ方/);
    const tty = Object.assign(new PassThrough({ encoding: 'utf8' }), { isTTY: true });
    let text = '';
    tty.on('data', (c: string) => (text += c));
    await cli(['search', 'gvisor'], { stdout: tty, stderr: new PassThrough(), env: { ...env, NO_COLOR: '1' }, cwd: ROOT });
    assert.ok(text.includes('gVisor') && !text.includes('\x1b['), 'no escape codes under NO_COLOR');
    text = '';
    await cli(['search', 'gvisor'], { stdout: tty, stderr: new PassThrough(), env, cwd: ROOT });
    assert.ok(text.includes('\x1b['), 'colour on a terminal otherwise');
  });

  it('exits with a distinct code for no results, a refused query and a usage error', async () => {
    assert.equal((await run(['search', 'zzqxvw'])).status, EXIT.noResults);
    const refused = await run(['search', 'wasm event:nosuchconf']);
    assert.equal(refused.status, EXIT.refused);
    assert.match(refused.stdout, /nosuchconf/);
    assert.equal((await run(['search', 'x', '--limit', 'lots'])).status, EXIT.usage);
    assert.equal((await run(['search', 'x', '--bogus'])).status, EXIT.usage);
    assert.equal((await run(['frobnicate'])).status, EXIT.usage);
    assert.equal(new Set(Object.values(EXIT)).size, Object.keys(EXIT).length);
  });

  it('--version prints the package version', async () => {
    const r = await run(['--version']);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(r.stdout, `${pkg.version}\n`);
    assert.equal(r.status, EXIT.ok);
  });

  it('corpus check counts posts and talks', async () => {
    const r = await run(['corpus', 'check']);
    assert.equal(r.status, EXIT.ok);
    const library = await realLibrary();
    const files = library.files.filter((f) => !isScheduleFile(f)).length;
    assert.match(r.stdout, new RegExp(`^ok: ${files} recap posts, ${library.index.talks.length} talks`));
    // It leaves a saved index behind, so the next start loads it instead of building.
    const again = await run(['corpus', 'check']);
    assert.match(r.stdout + again.stdout, /search index built and saved[\s\S]*search index already up to date/);
  });

  it('corpus check names the file, relative to where it runs, and line of a problem', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    writeFileSync(path.join(dir, 'bad.md'), '---\nevent: x\nevent_name: X\ndates: 2024-01-01\nrecap_title: R\n---\n\n## T\n\n- colour: red\n');
    const r = await run(['corpus', 'check', '--dir', '.'], {}, dir);
    assert.equal(r.status, EXIT.invalid);
    assert.match(r.stderr, /^bad\.md:10: unknown field "colour"/m);
  });

  it('a malformed setting names the variable', async () => {
    const r = await run(['search', 'x'], { BOT_LOCALE: 'fr' });
    assert.equal(r.status, EXIT.invalid);
    assert.match(r.stderr, /BOT_LOCALE: expected one of ja, en/);
  });
});

describe('the real entry point', () => {
  const bin = ['--import', 'tsx', path.join(ROOT, 'src', 'cli.ts')];

  it('prints pure JSON on stdout', () => {
    const r = spawnSync(process.execPath, [...bin, 'search', 'gvisor', '--json', '--limit', '1'], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, EXIT.ok, r.stderr);
    assert.equal(JSON.parse(r.stdout).results.length, 1);
  });

  it('ends quietly when the reader closes the pipe', async () => {
    const child = spawn(process.execPath, [...bin, 'search', 'kubernetes', '--limit', '50'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    const [code] = await once(child, 'exit');
    assert.equal(stderr, '');
    assert.equal(code, EXIT.ok);
  });
});

describe('npm start with no chat credentials (terminal mode)', () => {
  it('answers piped input and exits', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
      cwd: ROOT, input: 'gvisor\nhelp\n', encoding: 'utf8', env, timeout: 30_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /1\. Best Practice for Container Security at Scale/);
    assert.match(r.stdout, /event:kubecon-eu-2024/);
  });
});

