/**
 * Requests no real Slack sends, signed or not: bodies that are not objects, timestamps outside
 * the replay window either way, bodies beyond any Slack payload; and mentions from other bots.
 * Each is refused or ignored, and the bot goes on answering.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MAX_BODY_BYTES } from '../../src/adapters/slack/receiver.ts';
import { BOT_USER_ID } from '../fakes/slack-api.ts';
import { SIGNING_SECRET, startHarness, type Harness, type Mode } from '../fakes/slack-harness.ts';
import { mention, signedHeaders, slashCommand } from '../fakes/slack-payloads.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();
const ROOT = path.join(import.meta.dirname, '..', '..');

describe('slack over HTTP: requests Slack never sends', { timeout: 20_000 }, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness('http', bot);
  });
  after(() => h.close());

  /** A correctly signed POST, with the timestamp `skew` seconds from now. */
  async function signed(body: string | Buffer, contentType = 'application/json', skew = 0): Promise<number> {
    const res = await fetch(`${h.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...signedHeaders(SIGNING_SECRET, body.toString(), skew) },
      body,
    }).catch((err: Error) => err);
    if (res instanceof Error) return -1;
    await res.arrayBuffer();
    return res.status;
  }

  async function stillAnswers(name: string): Promise<void> {
    const status = await signed(new URLSearchParams(slashCommand('gvisor', h.api.responseUrl(name))).toString(), 'application/x-www-form-urlencoded');
    assert.equal(status, 200);
    assert.match(JSON.stringify((await h.api.response(name)).body), /gVisor/i);
  }

  it('refuses a signed body that is JSON but not an object (null, array, string, number) with 400', async () => {
    for (const body of ['null', '[]', '"x"', '42', 'true']) assert.equal(await signed(body), 400, body);
    assert.equal(await signed('payload=null', 'application/x-www-form-urlencoded'), 400, 'payload=null');
    await stillAnswers('after-null');
  });

  it('refuses a signed request from more than 5 minutes in the future, as one from the past (401)', async () => {
    const command = () => new URLSearchParams(slashCommand('gvisor', h.api.responseUrl('future'))).toString();
    assert.equal(await signed(command(), 'application/x-www-form-urlencoded', 10 * 60), 401);
    assert.equal(await signed(command(), 'application/x-www-form-urlencoded', -10 * 60), 401);
    await h.handle.idle();
    assert.equal(h.api.responded.filter((r) => r.name === 'future').length, 0);
    // Within the window either way is fine (clocks differ a little).
    assert.equal(await signed(new URLSearchParams(slashCommand('gvisor', h.api.responseUrl('skewed'))).toString(), 'application/x-www-form-urlencoded', 4 * 60), 200);
  });

  it('refuses a body larger than any Slack payload with 413, before reading it all', async () => {
    const huge = JSON.stringify(mention(`<@${BOT_USER_ID}> ${'について'.repeat(MAX_BODY_BYTES / 4)}`));
    assert.ok(Buffer.byteLength(huge) > MAX_BODY_BYTES);
    const status = await signed(huge);
    assert.ok(status === 413 || status === -1, `status ${status}`);
    await stillAnswers('after-huge');
  });
});

for (const mode of ['http', 'socket'] as const satisfies readonly Mode[]) {
  describe(`slack over ${mode}: other bots`, { timeout: 10_000 }, () => {
    let h: Harness;
    before(async () => {
      h = await startHarness(mode, bot);
    });
    after(() => h.close());

    it('does not answer a mention from another bot, so two bots cannot ping-pong', async () => {
      const fromBot = mention(`<@${BOT_USER_ID}> gvisor`);
      Object.assign(fromBot.event as object, { bot_id: 'B0OTHERBOT', bot_profile: { id: 'B0OTHERBOT', name: 'other' } });
      assert.equal(await h.send.event(fromBot), 200);
      // A person's mention afterwards is answered: the bot's one answer is to the person.
      assert.equal(await h.send.event(mention(`<@${BOT_USER_ID}> wasm`)), 200);
      await h.api.call('chat.postMessage', 1);
      await h.handle.idle();
      const posts = h.api.answered('chat.postMessage');
      assert.equal(posts.length, 1);
      assert.match(JSON.stringify(posts[0]!.body), /WebAssembly|wasm/i);
    });
  });
}

it('a promise rejected where nothing handles it is logged once, and the process keeps running', () => {
  const script = `
    const { default: pino } = await import('pino');
    const { logStrayRejections } = await import('./src/last-resort.ts');
    logStrayRejections(pino());
    for (let i = 0; i < 3; i++) Promise.reject(new TypeError("Cannot read properties of null (reading 'ssl_check')"));
    setTimeout(() => console.log(JSON.stringify({ msg: 'still running' })), 200);
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { msg: string; err?: { message: string } });
  assert.equal(lines.filter((l) => l.err?.message.includes('ssl_check')).length, 1, run.stdout);
  assert.equal(lines.at(-1)?.msg, 'still running');
});
