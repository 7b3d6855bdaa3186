/**
 * Load test of the Slack HTTP endpoint: the real bot (`npm start`'s entry, HTTP mode) on a generated
 * corpus, its Web API and response_urls pointed at the fake Slack on 127.0.0.1, fed signed
 * `/kubecon` commands at a steady rate, with a corpus change and a SIGHUP reload in the middle.
 * Reports ack latency (Slack's 3-second deadline) and reply latency (command sent to answer
 * posted), overall and while the reload ran. Bounded in requests and time; nothing leaves
 * 127.0.0.1.
 *
 *   node --import tsx bench/load-slack.ts [--talks 10000] [--rate 100] [--seconds 20] [--warmup 5]
 *
 * The first `--warmup` seconds of commands are reported apart from the measured ones (a cold
 * process answers its first requests slowly), as the answer benchmark leaves out its warm-up.
 *
 * The last line is one JSON object with every figure.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { FakeSlack } from '../test/fakes/slack-api.ts';
import { freePort } from '../test/helpers/redis.ts';
import { until } from '../test/helpers/until.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../test/fakes/slack-harness.ts';
import { signedHeaders, slashCommand } from '../test/fakes/slack-payloads.ts';
import { queries, writeCorpus } from './corpus.ts';

const ROOT = path.join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { talks: { type: 'string', default: '10000' }, rate: { type: 'string', default: '100' }, seconds: { type: 'string', default: '20' }, warmup: { type: 'string', default: '5' } } });
const TALKS = Number(values.talks);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const TOTAL = Math.round(RATE * SECONDS);
// Commands sent at the same rate before the measured ones, and reported apart: a process's first
// answers run before the JIT has compiled the search and before the postings they read are decoded.
const WARMUP = Math.round(RATE * Number(values.warmup));
const REPLY_PATIENCE_MS = 30_000;
const log = (s: string) => process.stderr.write(`${s}\n`);

function stats(samples: number[]) {
  if (samples.length === 0) return { n: 0 };
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]! * 10) / 10;
  return { n: s.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) };
}

/**
 * Signed slash commands over kept-alive connections, as Slack sends them; resolves with the
 * status once the whole answer is read. Plain http.request, not fetch: on a 2-core machine the
 * sender's own CPU is taken from the bot it measures, and fetch took about four times as much.
 */
function commandSender(eventsUrl: string): (fields: Record<string, string>) => Promise<number> {
  const agent = new http.Agent({ keepAlive: true });
  return (fields) =>
    new Promise((resolve, reject) => {
      const body = new URLSearchParams(fields).toString();
      const req = http.request(eventsUrl, {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          ...signedHeaders(SIGNING_SECRET, body),
        },
      }, (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      });
      req.once('error', reject);
      req.end(body);
    });
}

const dir = mkdtempSync(path.join(tmpdir(), 'kubecon-load-'));
const corpusDir = path.join(dir, 'corpus');
const dataDir = path.join(dir, 'data');
await writeCorpus(corpusDir, TALKS);
const slack = await FakeSlack.start();
const port = await freePort();
// The bot as `npm start` runs it (the bundled JavaScript), not through the TypeScript loader.
const child = spawn(process.execPath, ['--expose-gc', path.join(ROOT, 'scripts', 'start.cjs')], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'pipe'],
  env: {
    ...process.env,
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
    CORPUS_DIR: corpusDir,
    DATA_DIR: dataDir,
    PORT: String(port),
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: '',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: '',
    DISCORD_APPLICATION_ID: '',
  },
});
let logs = '';
child.stderr.on('data', (d: Buffer) => (logs += d.toString()));
const cleanup = async () => {
  child.kill('SIGKILL');
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
};

try {
  const t0 = performance.now();
  await until(() => /corpus loaded/.test(logs), 'the bot to load the corpus (first start builds and saves the index)', 10 * 60_000);
  const url = `http://127.0.0.1:${port}`;
  await until(() => /listening|started|slack/i.test(logs), 'the Slack adapter', 60_000);
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 300) throw new Error('the HTTP endpoint never answered /healthz');
    await new Promise((r) => setTimeout(r, 50));
  }
  log(`bot ready after ${Math.round(performance.now() - t0)} ms; ${WARMUP} warm-up and ${TOTAL} measured commands at ${RATE}/s`);

  const send = commandSender(`${url}/slack/events`);
  const qs = queries(WARMUP + TOTAL, 11);
  const sent: Array<{ at: number; ack?: number; reply?: number; status?: number; error?: string }> = [];
  let reloadStart = NaN;
  let reloadEnd = NaN;
  const reloadLine = /corpus reloaded/;
  const start = performance.now();
  // This process's own delays add to every latency it measures: reported beside them.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const inFlight: Array<Promise<void>> = [];
  // The fake checks every waiting reply after each request it takes. Scanning all replies so far
  // for each of them grew with the square of the replies waited for, and when replies fell behind
  // this process spent more than a core on it, inflating the very latencies it measures.
  const repliedNames = new Set<string>();
  let indexed = 0;
  const replied = (name: string) => {
    for (; indexed < slack.responded.length; indexed++) repliedNames.add(slack.responded[indexed]!.name);
    return repliedNames.has(name) || undefined;
  };
  for (let i = 0; i < WARMUP + TOTAL; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (i === WARMUP + Math.floor(TOTAL / 3)) {
      appendFileSync(path.join(corpusDir, 'zebra.md'), `---\nevent: demo-2026\nevent_name: Demo 2026\ndates: 2026-01-01\nrecap_title: Demo\n---\n\n## Zebracorn Talk\n\n### ja\n\nzebracorn の話。\n\n### en\n\nAbout zebracorn.\n`);
      reloadStart = performance.now();
      child.kill('SIGHUP');
      void until(() => reloadLine.test(logs), 'the reload', 10 * 60_000).then(() => (reloadEnd = performance.now()), () => undefined);
    }
    const rec: (typeof sent)[number] = { at: performance.now() };
    sent.push(rec);
    const name = `r${i}`;
    inFlight.push(
      (async () => {
        try {
          rec.status = await send(slashCommand(qs[i]!, slack.responseUrl(name)));
          rec.ack = performance.now() - rec.at;
          // Slack takes a response_url answer for 30 minutes; a reply counts if it comes within REPLY_PATIENCE_MS of the command.
          await slack.waitFor(() => replied(name), `the reply to ${name}`, Math.max(0, REPLY_PATIENCE_MS - (performance.now() - rec.at)));
          rec.reply = performance.now() - rec.at;
        } catch (err) {
          rec.error = (err as Error).message;
        }
      })(),
    );
  }
  await Promise.race([Promise.all(inFlight), new Promise((r) => setTimeout(r, REPLY_PATIENCE_MS))]);
  await until(() => !Number.isNaN(reloadEnd), 'the reload to finish', 10 * 60_000).catch(() => undefined);
  const warm = sent.slice(0, WARMUP);
  const measured = sent.slice(WARMUP);
  const during = (r: (typeof sent)[number]) => r.at >= reloadStart && r.at <= reloadEnd;
  const acks = measured.flatMap((r) => (r.ack === undefined ? [] : [r.ack]));
  const replies = measured.flatMap((r) => (r.reply === undefined ? [] : [r.reply]));
  const result = {
    talks: TALKS,
    rate: RATE,
    seconds: SECONDS,
    sent: measured.length,
    acked200: measured.filter((r) => r.status === 200).length,
    ackOver3s: acks.filter((a) => a > 3000).length,
    errors: measured.filter((r) => r.error).length,
    ack: stats(acks),
    reply: stats(replies),
    reloadMs: Math.round(reloadEnd - reloadStart),
    duringReload: {
      ack: stats(sent.filter(during).flatMap((r) => (r.ack === undefined ? [] : [r.ack]))),
      reply: stats(sent.filter(during).flatMap((r) => (r.reply === undefined ? [] : [r.reply]))),
    },
    warmup: {
      sent: warm.length,
      errors: warm.filter((r) => r.error).length,
      ack: stats(warm.flatMap((r) => (r.ack === undefined ? [] : [r.ack]))),
      reply: stats(warm.flatMap((r) => (r.reply === undefined ? [] : [r.reply]))),
    },
    client: { loopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e5) / 10, loopDelayMaxMs: Math.round(loopDelay.max / 1e5) / 10 },
    goal: { ackP99Ms: 50 },
  };
  log(`warm-up (${WARMUP} commands, not counted below): ack p50/p99/max ${result.warmup.ack.p50}/${result.warmup.ack.p99}/${result.warmup.ack.max} ms, errors ${result.warmup.errors}`);
  log(`ack p50/p99/max ${result.ack.p50}/${result.ack.p99}/${result.ack.max} ms; reply p50/p99 ${result.reply.p50}/${result.reply.p99} ms`);
  log(`during the reload (${result.reloadMs} ms): ack p99 ${result.duringReload.ack.p99} ms (n=${result.duringReload.ack.n}), reply p99 ${result.duringReload.reply.p99} ms`);
  log(`errors ${result.errors}, acks over 3 s ${result.ackOver3s}; goal ack p99 ≤ 50 ms: ${(result.ack.p99 ?? Infinity) <= 50 && (result.duringReload.ack.p99 ?? Infinity) <= 50 ? 'met' : 'NOT met'}`);
  log(`this process's own event-loop delay p99/max ${result.client.loopDelayP99Ms}/${result.client.loopDelayMaxMs} ms (part of every latency above)`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await cleanup();
}
