/**
 * Benchmark of the whole bot at 1k, 10k and 50k generated talks (bench/corpus.ts), with
 * MiniSearch's default options on the same corpora as the baseline, in the same run. Every
 * measurement runs in its own process (bench/measure.ts, or the real `src/main.ts`):
 *
 * - build: our index vs MiniSearch defaults (parse excluded), heap and RSS after it; up to five
 *   builds of each, alternating, the median of each side and the median of the pairs' ratios;
 * - whole answer: `Bot.handle` (search, snippets, "did you mean") for 1,000+ queries, loaded from
 *   the saved index; MiniSearch: `search` plus the first page;
 * - start: process start to the first answer in the terminal, with the saved index (and, up to
 *   10k, without it), RSS after that answer, and idle RSS (once it has collected loading's
 *   garbage and built its typo tables, in a run of its own). The bot runs as `npm start` runs it
 *   (node on the bundle scripts/start.cjs keeps), and also through tsx (the TypeScript loader the
 *   tests use); baseline: a process that builds MiniSearch defaults and answers once;
 * - `npm start` on the real corpus, beside a Node process that only prints a line; where the
 *   environment sets NODE_EXTRA_CA_CERTS (read by Node 20 at every process start), both again
 *   without it.
 *
 * The machine is shared, so timings are noisy: both sides run in the same run, builds and starts
 * are repeated (median), and the figures are only comparable within one run.
 *
 *   npm run bench                         1k, 10k and 50k talks
 *   npm run bench -- 1000 10000           only these sizes
 *   npm run bench -- real --repeat 7      only the starts on the real corpus
 *   npm run bench -- --queries 2000 --repeat 5
 *
 * The last line is one JSON object with every figure and the goals.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { queries, writeCorpus } from './corpus.ts';

const ROOT = path.join(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { queries: { type: 'string', default: '1000' }, repeat: { type: 'string', default: '3' }, keep: { type: 'boolean' } },
});
const SIZES = positionals.length ? positionals.filter((p) => p !== 'real').map(Number) : [1_000, 10_000, 50_000];
const QUERIES = Number(values.queries);
const REPEAT = Number(values.repeat);
/** Builds per side and size: five up to 10,000 talks (about 7 s a build), three above. */
const buildsFor = (n: number) => Math.min(REPEAT, n > 10_000 ? 3 : 5);

/** The run whose `key` is the median. */
function medianBy(runs: Array<Record<string, number>>, key: string): Record<string, number> {
  return [...runs].sort((a, b) => a[key]! - b[key]!)[Math.floor(runs.length / 2)]!;
}
const CHILD_TIMEOUT_MS = 30 * 60_000;

function measure(kind: string, dir: string): Record<string, number> {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(import.meta.dirname, 'measure.ts'), kind, dir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    maxBuffer: 16 * 2 ** 20,
  });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) throw new Error(`${kind} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(last) as Record<string, number>;
}

function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 102.4) / 10 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Milliseconds from spawning `cmd` until its stdout matches `done`, and the process's RSS then;
 * with `settled`, the process is left running until its stderr matches that too, and its RSS
 * then is `settledRssMB`.
 */
function timeToAnswer(
  cmd: string,
  args: string[],
  env: Record<string, string>,
  done: RegExp,
  input?: string,
  settled?: RegExp,
): Promise<{ ms: number; rssMB: number; settledRssMB?: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let answered: { ms: number; rssMB: number } | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ${answered ? 'settling' : 'answer'} from ${cmd} ${args.join(' ')} within 120 s: ${err.slice(-1000)}`));
    }, 120_000);
    const finish = () => {
      if (!answered || (settled && !settled.test(err))) return;
      const result = { ...answered, ...(settled && { settledRssMB: rssOf(child.pid!) }) };
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.stderr.removeAllListeners('data');
      child.stdin.end();
      child.kill('SIGTERM');
      child.once('exit', () => resolve(result));
    };
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      finish();
    });
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (answered || !done.test(out)) return;
      answered = { ms: performance.now() - started, rssMB: rssOf(child.pid!) };
      finish();
    });
    if (input) child.stdin.write(input);
  });
}

async function median(times: number, run: () => Promise<{ ms: number; rssMB: number }>): Promise<{ ms: number; rssMB: number }> {
  const runs = [];
  for (let i = 0; i < times; i++) runs.push(await run());
  runs.sort((a, b) => a.ms - b.ms);
  const mid = runs[Math.floor(runs.length / 2)]!;
  return { ms: Math.round(mid.ms), rssMB: mid.rssMB };
}

const SHELL_ENV = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', LOG_LEVEL: 'warn', BOT_LOCALE: 'en' };
const ANSWERED = /\b1\. /;

/** The bot as `npm start` runs it (without npm): node on the JavaScript bundle of src/, kept up to date by scripts/start.cjs. */
function startOurs(corpusDir: string, dataDir: string) {
  // With package.json's start flags (--expose-gc: one collection after start, see src/lifecycle.ts).
  return timeToAnswer(process.execPath, ['--expose-gc', path.join(ROOT, 'scripts', 'start.cjs')], { ...SHELL_ENV, CORPUS_DIR: corpusDir, DATA_DIR: dataDir }, ANSWERED, 'gvisor\n');
}

/**
 * Idle RSS: the bot as `startOurs` runs it, after its first answer, once it has collected
 * loading's garbage and built its typo tables (it logs "search tables ready", a second or two
 * after start). Not timed.
 */
async function settledRss(corpusDir: string, dataDir: string): Promise<number> {
  const env = { ...SHELL_ENV, LOG_LEVEL: 'info', LOG_FORMAT: 'json', CORPUS_DIR: corpusDir, DATA_DIR: dataDir };
  const r = await timeToAnswer(process.execPath, ['--expose-gc', path.join(ROOT, 'scripts', 'start.cjs')], env, ANSWERED, 'gvisor\n', /search tables ready/);
  return r.settledRssMB!;
}

/** The bot run from its TypeScript sources through tsx, as the tests do: the loader's own cost included. */
function startTsx(corpusDir: string, dataDir: string) {
  return timeToAnswer(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], { ...SHELL_ENV, CORPUS_DIR: corpusDir, DATA_DIR: dataDir }, ANSWERED, 'gvisor\n');
}

const results: Record<string, unknown> = {};
const log = (s: string) => process.stderr.write(`${s}\n`);

// Once untimed, so the bundle that start.cjs keeps is up to date before any start is timed.
await startOurs(path.join(ROOT, 'corpus'), mkdtempSync(path.join(tmpdir(), 'kubecon-bench-bundle-')));

for (const n of SIZES) {
  const dir = mkdtempSync(path.join(tmpdir(), `kubecon-bench-${n}-`));
  const corpusDir = path.join(dir, 'corpus');
  await writeCorpus(corpusDir, n);
  writeFileSync(path.join(dir, 'queries.json'), JSON.stringify(queries(QUERIES)));
  log(`${n} talks: corpus in ${corpusDir}`);
  // Builds alternate ours and MiniSearch's, the median of each: one build of each side swung the
  // ratio by a fifth between runs on this machine. The ratio is the median of each pair's ratio:
  // two builds run one after the other share the machine's mood, which drifts over a run.
  const BUILDS = buildsFor(n);
  const oursBuilds: Array<Record<string, number>> = [];
  const miniBuilds: Array<Record<string, number>> = [];
  for (let i = 0; i < BUILDS; i++) {
    oursBuilds.push(measure('build-ours', dir));
    miniBuilds.push(measure('build-mini', dir));
  }
  const buildOurs = medianBy(oursBuilds, 'buildMs');
  const buildMini = medianBy(miniBuilds, 'buildMs');
  const pairRatios = oursBuilds.map((b, i) => b.buildMs! / miniBuilds[i]!.buildMs!).sort((a, b) => a - b);
  const ratio = Math.round(pairRatios[Math.floor(pairRatios.length / 2)]! * 100) / 100;
  log(`  build (median of ${BUILDS}): ours ${buildOurs.buildMs} ms (${oursBuilds.map((b) => b.buildMs).join(', ')}), MiniSearch ${buildMini.buildMs} ms (${miniBuilds.map((b) => b.buildMs).join(', ')}); ratio, median of the pairs' ${ratio} (${oursBuilds.map((b, i) => (b.buildMs! / miniBuilds[i]!.buildMs!).toFixed(2)).join(', ')})`);
  const queryOurs = measure('query-ours', dir);
  const queryMini = measure('query-mini', dir);
  log(`  answer p50/p99: ours ${queryOurs.p50}/${queryOurs.p99} ms, MiniSearch ${queryMini.p50}/${queryMini.p99} ms`);
  const start = await median(REPEAT, () => startOurs(corpusDir, path.join(dir, 'data')));
  const startViaTsx = await median(REPEAT, () => startTsx(corpusDir, path.join(dir, 'data')));
  const startMini = await median(REPEAT, () =>
    timeToAnswer(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'measure.ts'), 'start-mini', dir], {}, /answer/),
  );
  const idleRssMB = await settledRss(corpusDir, path.join(dir, 'data'));
  const cold = n <= 10_000 ? await startOurs(corpusDir, mkdtempSync(path.join(tmpdir(), 'kubecon-bench-cold-'))) : undefined;
  log(`  start to first answer: saved index ${start.ms} ms (RSS ${start.rssMB} MB; through tsx ${startViaTsx.ms} ms, RSS ${startViaTsx.rssMB} MB), no saved index ${cold ? Math.round(cold.ms) : '-'} ms, MiniSearch build+answer ${startMini.ms} ms; idle RSS ${idleRssMB} MB`);
  results[String(n)] = {
    talks: n,
    build: { ours: buildOurs, minisearch: buildMini, ratio },
    answer: { ours: queryOurs, minisearch: queryMini },
    idleRssMB,
    start: { savedIndex: start, savedIndexTsx: startViaTsx, noSavedIndex: cold && { ms: Math.round(cold.ms), rssMB: cold.rssMB }, minisearch: startMini },
  };
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}

// The real corpus with `npm start`: once to save the index, then timed.
const realData = mkdtempSync(path.join(tmpdir(), 'kubecon-bench-real-'));
const npmEnv = { ...SHELL_ENV, DATA_DIR: realData, CORPUS_DIR: '' };
const npmStartWith = (env: Record<string, string>) => timeToAnswer('npm', ['start', '--silent'], env, ANSWERED, 'gvisor\n');
await npmStartWith(npmEnv);
const npmStart = await median(REPEAT, () => npmStartWith(npmEnv));
const bundle = await median(REPEAT, () => startOurs(path.join(ROOT, 'corpus'), realData));
const direct = await median(REPEAT, () => startTsx(path.join(ROOT, 'corpus'), realData));
// The floor under every start: a Node process that prints one line. Node 20 reads the file
// NODE_EXTRA_CA_CERTS names (and its own CA list with it) before running any code, in npm's
// process and in the bot's; where the environment sets it, both starts are also timed without it.
const printLineWith = (env: Record<string, string>) => timeToAnswer(process.execPath, ['-e', 'console.log(1)'], env, /1/);
const nodeAlone = await median(REPEAT, () => printLineWith({}));
const noCa = { NODE_EXTRA_CA_CERTS: '' };
const withoutCa = process.env.NODE_EXTRA_CA_CERTS
  ? { npmStart: await median(REPEAT, () => npmStartWith({ ...npmEnv, ...noCa })), nodeAlone: await median(REPEAT, () => printLineWith(noCa)) }
  : undefined;
rmSync(realData, { recursive: true, force: true });
log(`real corpus: npm start to first answer ${npmStart.ms} ms; node scripts/start.cjs ${bundle.ms} ms; node --import tsx src/main.ts ${direct.ms} ms; node printing one line ${nodeAlone.ms} ms`);
if (withoutCa) log(`  without NODE_EXTRA_CA_CERTS (set here): npm start ${withoutCa.npmStart.ms} ms; node printing one line ${withoutCa.nodeAlone.ms} ms`);
results.real = { npmStart, startScript: bundle, nodeMain: direct, nodeAlone, withoutExtraCaCerts: withoutCa };

const ten = results['10000'] as
  | { build: { ratio: number }; answer: { ours: { p50: number; p99: number } }; idleRssMB: number; start: { savedIndex: { ms: number } } }
  | undefined;
const goals = {
  start10kSavedMs: { goal: 1000, value: ten?.start.savedIndex.ms },
  buildRatio10k: { goal: 2.5, value: ten?.build.ratio },
  answerP50Ms10k: { goal: 3, value: ten?.answer.ours.p50 },
  answerP99Ms10k: { goal: 15, value: ten?.answer.ours.p99 },
  idleRssMB10k: { goal: 200, value: ten?.idleRssMB },
  npmStartRealMs: { goal: 700, value: npmStart.ms },
};
const met = Object.fromEntries(Object.entries(goals).map(([k, g]) => [k, { ...g, met: g.value === undefined ? null : g.value <= g.goal }]));
for (const [k, g] of Object.entries(met)) log(`goal ${k}: ${g.value ?? '-'} (≤ ${g.goal}) ${g.met === null ? 'not measured' : g.met ? 'met' : 'NOT met'}`);
process.stdout.write(`${JSON.stringify({ node: process.version, queries: QUERIES, repeat: REPEAT, results, goals: met })}\n`);
