/**
 * Two real bot processes (`src/main.ts`, Slack over HTTP against the fake Slack) sharing one real
 * redis-server, each with its own empty DATA_DIR, on a talk of the day every 2 seconds:
 * (a) a Slack event delivered to both (a retry landing on the other instance) is answered once;
 * (b) each occurrence is posted once, and no talk twice; (d) Redis restarted mid-run: both
 * recover without a double post; (c) one killed with SIGKILL: the other carries on, nothing twice.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeSlack } from '../fakes/slack-api.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../fakes/slack-harness.ts';
import { httpSender, mention } from '../fakes/slack-payloads.ts';
import { freePort, TestRedis } from '../helpers/redis.ts';
import { until } from '../helpers/until.ts';

const ROOT = path.join(import.meta.dirname, '..', '..');
const DAILY = 'C0DAILY';

interface Line {
  msg: string;
  occurrence?: string;
  talk?: string;
  [key: string]: unknown;
}

class BotProcess {
  readonly lines: Line[] = [];
  private readonly child: ChildProcess;

  constructor(
    readonly name: string,
    readonly port: number,
    env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...env, PORT: String(port), DATA_DIR: mkdtempSync(path.join(tmpdir(), `kubecon-${name}-`)) },
    });
    let rest = '';
    this.child.stderr!.on('data', (d: Buffer) => {
      const parts = (rest + d.toString()).split('\n');
      rest = parts.pop()!;
      for (const p of parts) if (p.startsWith('{')) this.lines.push(JSON.parse(p) as Line);
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  logged(msg: string | RegExp): Line[] {
    return this.lines.filter((l) => (typeof msg === 'string' ? l.msg === msg : msg.test(l.msg)));
  }

  kill(signal: NodeJS.Signals): Promise<unknown> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill(signal);
    return exited;
  }
}

describe('two instances sharing one Redis', () => {
  let redis: TestRedis;
  let slack: FakeSlack;
  let bots: BotProcess[] = [];

  const dailyPosts = () => slack.answered('chat.postMessage').filter((c) => c.body.channel === DAILY);
  const postedLines = () => bots.flatMap((b) => b.logged('talk of the day posted'));

  /** Every occurrence posted once, every post logged by exactly one instance, no talk twice. */
  async function assertNothingTwice(): Promise<void> {
    // A post reaches Slack a moment before its log line reaches the test.
    await until(() => postedLines().length >= dailyPosts().length, 'the log lines of every post', 5_000).catch(() => {});
    const occurrences = postedLines().map((l) => l.occurrence!);
    assert.equal(new Set(occurrences).size, occurrences.length, `an occurrence posted twice: ${occurrences.join(' ')}`);
    assert.equal(dailyPosts().length, occurrences.length, 'every post to Slack is one logged occurrence');
    const talks = postedLines().map((l) => l.talk!);
    assert.equal(new Set(talks).size, talks.length, `a talk posted twice in one round: ${talks.join(' ')}`);
  }

  async function morePosts(n: number, label: string): Promise<void> {
    const target = dailyPosts().length + n;
    await until(() => dailyPosts().length >= target, label, 30_000);
  }

  before(async () => {
    redis = await TestRedis.start();
    slack = await FakeSlack.start();
    const env = {
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      REDIS_URL: redis.url,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: slack.apiUrl,
      SLACK_DAILY_CHANNEL: DAILY,
      DISCORD_TOKEN: '',
      DISCORD_APPLICATION_ID: '',
      DAILY_CRON: '*/2 * * * * *',
      DAILY_QUERY: '',
    };
    bots = [new BotProcess('a', await freePort(), env), new BotProcess('b', await freePort(), env)];
    await until(() => bots.every((b) => b.logged('slack: ready').length > 0 && b.logged('redis: connected').length > 0), 'both bots to start', 30_000);
  });

  after(async () => {
    await Promise.all(bots.map((b) => b.kill('SIGKILL')));
    await slack?.close();
    await redis?.stop();
  });

  it('(a) an event delivered to both instances is answered once', async () => {
    const body = mention('<@U0KUBEBOT1> gvisor');
    const ts = (body.event as { ts: string }).ts;
    const [first, retry] = bots.map((b) => httpSender(`${b.url}/slack/events`, SIGNING_SECRET));
    assert.equal(await first!.event(body), 200);
    assert.equal(await retry!.event(body, { num: 1, reason: 'http_timeout' }), 200);
    await slack.waitFor(() => slack.answered('chat.postMessage').find((c) => c.body.thread_ts === ts), 'the answer');
    await until(() => bots.some((b) => b.logged('slack: repeated event dropped').length > 0), 'the repeat to be dropped', 10_000);
    const answers = slack.answered('chat.postMessage').filter((c) => c.body.thread_ts === ts);
    assert.equal(answers.length, 1);
  });

  it('(b) on an every-2-seconds schedule, each occurrence is posted once and no talk twice', async () => {
    await morePosts(4, 'four talks of the day');
    await assertNothingTwice();
    const res = await fetch(`${bots[0]!.url}/healthz`);
    assert.equal(await res.text(), 'ok\nstore: redis up\n');
  });

  it('(d) Redis restarted mid-run: both recover without a double post', async () => {
    await redis.stop();
    await until(() => bots.every((b) => b.logged(/^redis: unreachable;/).length === 1), 'both bots to notice', 30_000);
    const res = await fetch(`${bots[0]!.url}/healthz`);
    assert.equal(res.status, 200, 'searches are still answered');
    assert.match(await res.text(), /^ok\nstore: redis down/);
    await until(() => bots.some((b) => b.logged(/^talk of the day skipped/).length > 0), 'an occurrence to be skipped', 30_000);
    await redis.start();
    await until(() => bots.every((b) => b.logged('redis: connected again; state is shared again').length > 0), 'both bots to reconnect', 30_000);
    await morePosts(3, 'posts after the restart');
    await assertNothingTwice();
    assert.ok(bots.every((b) => b.logged(/^redis: unreachable;/).length === 1), 'one line per outage');
  });

  it('(c) one instance killed with SIGKILL: the other carries on, nothing twice', async () => {
    await bots[1]!.kill('SIGKILL');
    const before = bots[0]!.logged('talk of the day posted').length;
    await morePosts(3, 'posts after the kill');
    // A post reaches Slack a moment before its log line reaches the test.
    await until(() => bots[0]!.logged('talk of the day posted').length >= before + 3, 'the survivor to log its posts', 5_000);
    await assertNothingTwice();
  });
});
