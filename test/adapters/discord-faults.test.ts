/**
 * The Discord adapter under faults, end to end against the fakes: rate limits, server errors, a
 * dropped gateway connection, a slow answer, a failing core, and stopping with work in flight.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { InteractionResponseType, MessageFlags } from 'discord.js';
import pino from 'pino';
import { startDiscord } from '../../src/adapters/discord/client.ts';
import type { Answerer } from '../../src/adapters/discord/handlers.ts';
import type { Request } from '../../src/core/bot.ts';
import { messages } from '../../src/core/messages.ts';
import { FakeDiscord } from '../fakes/discord-fake.ts';
import { FAST_REST, readSeen, startRunning, type Running } from '../fakes/discord-driver.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();
const titles = (text: string) => {
  const r = bot.handle({ text, locale: 'ja' });
  return r.kind === 'results' ? r.hits.map((h) => h.title) : [];
};
const MESSAGES = /\/channels\/\d+\/messages$/;

/** A core whose answers wait until the test lets them go. */
function gatedBot(): Answerer & { release(): void; asked: Promise<void> } {
  let open!: () => void;
  let ask!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const asked = new Promise<void>((resolve) => (ask = resolve));
  return {
    asked,
    defaultLocale: bot.defaultLocale,
    notice: (code, locale) => bot.notice(code, locale),
    complete: (typed, locale) => bot.complete(typed, locale),
    async handle(req: Request) {
      ask();
      await gate;
      return bot.handle(req);
    },
    summary: (id, locale) => bot.summary(id, locale),
    release: () => open(),
  };
}

describe('discord adapter under faults', { timeout: 15_000 }, () => {
  let run: Running;
  before(async () => {
    run = await startRunning(bot);
  });
  after(() => run.close());

  it('waits out a 429 on the reply and sends it after Retry-After', async () => {
    run.fake.rest.failNext({
      method: 'POST', path: MESSAGES, status: 429,
      headers: { 'retry-after': '0.3', 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.3', 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: 0.3, global: false },
    });
    const id = run.fake.mention('gvisor');
    const sent = await run.fake.replyTo(id);
    const tries = run.fake.rest.requests.filter((r) => r.body?.message_reference?.message_id === id);
    assert.deepEqual(tries.map((r) => r.status), [429, 200]);
    assert.ok(sent.at - tries[0]!.at >= 300, `retried after ${sent.at - tries[0]!.at} ms`);
    assert.deepEqual(readSeen(sent.body).titles, titles('gvisor'));
  });

  it('retries a 500 from Discord', async () => {
    run.fake.rest.failNext({ method: 'POST', path: MESSAGES, status: 500, body: { message: 'Internal Server Error', code: 0 } });
    const id = run.fake.mention('falco');
    const sent = await run.fake.replyTo(id);
    const tries = run.fake.rest.requests.filter((r) => r.body?.message_reference?.message_id === id);
    assert.deepEqual(tries.map((r) => r.status), [500, 200], 'the 500 was served, then the retry answered');
    assert.deepEqual(readSeen(sent.body).titles, titles('falco'));
  });

  it('resumes a dropped gateway connection and answers what was said meanwhile', async () => {
    const resumed = run.fake.gateway.resumed();
    run.fake.gateway.drop();
    const during = run.fake.mention('gvisor');
    await resumed;
    assert.equal(run.fake.gateway.identifies.length, 1, 'resumed, not identified again');
    assert.equal(run.fake.gateway.resumes.at(-1).session_id, run.fake.gateway.sessionId);
    assert.deepEqual(readSeen((await run.fake.replyTo(during)).body).titles, titles('gvisor'));
    const later = run.fake.command('falco');
    assert.deepEqual(readSeen((await run.fake.callback(later)).body.data).titles, titles('falco'));
  });
});

describe('discord adapter with a slow or failing core', { timeout: 15_000 }, () => {
  let fake: FakeDiscord;
  before(async () => {
    fake = await FakeDiscord.start();
  });
  after(() => fake.close());

  it('defers a slash command whose answer is slow, then edits the answer in', async (t) => {
    const slow = gatedBot();
    t.after(() => slow.release());
    const handle = await startDiscord({ bot: slow, config: fake.config, log: pino({ level: 'silent' }), rest: FAST_REST, deferAfterMs: 50 });
    t.after(() => handle.stop());
    const ref = fake.command('gvisor');
    const deferred = await fake.callback(ref);
    assert.equal(deferred.body.type, InteractionResponseType.DeferredChannelMessageWithSource);
    slow.release();
    const edited = await fake.edit(ref);
    assert.deepEqual(readSeen(edited.body).titles, titles('gvisor'));
  });

  it('logs a failure once and gives the user the apology', async (t) => {
    const lines: Array<{ level: number; msg: string }> = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const broken: Answerer = {
      defaultLocale: 'en',
      notice: (code, locale) => bot.notice(code, locale),
      complete: (typed, locale) => bot.complete(typed, locale),
      handle() {
        throw new Error('index exploded');
      },
      summary() {
        throw new Error('index exploded');
      },
    };
    const handle = await startDiscord({ bot: broken, config: fake.config, log: pino({ level: 'debug' }, sink), rest: FAST_REST });
    t.after(() => handle.stop());
    const ref = fake.command('gvisor', 'en-US');
    const { body } = await fake.callback(ref);
    assert.equal(body.data.content, messages('en').apology);
    assert.equal(body.data.flags, MessageFlags.Ephemeral);
    const mention = await fake.replyTo(fake.mention('gvisor'));
    assert.equal(mention.body.content, messages('en').apology);
    const other = await fake.callback(fake.press(`kq1o|ja|${bot.current.index.talks[0]!.id}`, { content: 'old' }, 'en-US'));
    assert.equal(other.body.data.content, messages('en').apology, 'the other-language button apologises too');
    assert.equal(other.body.data.flags, MessageFlags.Ephemeral);
    await handle.stop();
    const errors = lines.filter((l) => l.level >= 50);
    assert.equal(errors.length, 3, JSON.stringify(errors));
    assert.ok(!JSON.stringify(lines).includes(fake.config.token), 'the bot token is never logged');
    assert.ok(!JSON.stringify(lines).includes(ref.token), 'the interaction token is never logged');
  });

  it('lets an answer in flight finish when stopped', async (t) => {
    const slow = gatedBot();
    t.after(() => slow.release());
    const handle = await startDiscord({ bot: slow, config: fake.config, log: pino({ level: 'silent' }), rest: FAST_REST });
    t.after(() => handle.stop());
    const id = fake.mention('gvisor');
    await slow.asked;
    const stopped = handle.stop();
    slow.release();
    await stopped;
    const reply = fake.rest.requests.find((r) => r.body?.message_reference?.message_id === id);
    assert.ok(reply, 'the reply went out before stop() returned');
  });

  it('fails to start with a clear error when Discord refuses the token', async () => {
    const config = { ...fake.config, token: 'MTE4.wrong.token' };
    await assert.rejects(startDiscord({ bot, config, log: pino({ level: 'silent' }), rest: FAST_REST }), /token/i);
  });
});
