/**
 * What only HTTP mode has: request signatures, Slack's URL check, the health check, and paging
 * state that outlives the process.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readSlack, SIGNING_SECRET, startHarness, type Harness } from '../fakes/slack-harness.ts';
import { buttonPress, fixture, httpSender, slashCommand } from '../fakes/slack-payloads.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();

describe('slack over HTTP: the receiving end', { timeout: 10_000 }, () => {
  let h: Harness;
  let sender: ReturnType<typeof httpSender>;
  before(async () => {
    h = await startHarness('http', bot);
    sender = httpSender(`${h.url}/slack/events`, SIGNING_SECRET);
  });
  after(() => h.close());

  it('refuses a request with a bad signature (401) and answers nothing', async () => {
    const body = new URLSearchParams(slashCommand('gvisor', h.api.responseUrl('forged'))).toString();
    const res = await sender.post(body, 'application/x-www-form-urlencoded', {}, 'not-the-signing-secret');
    assert.equal(res.status, 401);
    await h.handle.idle();
    assert.equal(h.api.responded.length, 0);
  });

  it('refuses a replayed request whose timestamp is old (401)', async () => {
    const body = new URLSearchParams(slashCommand('gvisor', h.api.responseUrl('replayed'))).toString();
    const res = await sender.post(body, 'application/x-www-form-urlencoded', {
      'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000) - 600),
    });
    assert.equal(res.status, 401);
  });

  it("answers Slack's URL verification with the challenge", async () => {
    const challenge = fixture('url-verification');
    const res = await sender.post(JSON.stringify(challenge), 'application/json');
    assert.equal(res.status, 200);
    assert.match(await res.text(), new RegExp(String(challenge.challenge)));
  });

  it('serves GET /healthz with 200 once listening', async () => {
    const res = await fetch(`${h.url}/healthz`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'ok\n');
  });

  it('acks the slash command without waiting for its own answer to be delivered', async () => {
    const hold = h.api.holdResponses();
    try {
      // Had the app answered before acking, this ack would wait on the held response_url.
      assert.equal(await sender.command(slashCommand('wasm', h.api.responseUrl('deadline'))), 200);
      assert.equal((await h.api.response('deadline')).body.response_type, 'ephemeral');
    } finally {
      hold.release();
    }
  });
});

describe('slack over HTTP: paging after a restart', { timeout: 10_000 }, () => {
  it('a Next button from before the restart still shows the next page', async () => {
    const first = await startHarness('http', bot);
    assert.equal(await first.send.command(slashCommand('kubernetes', first.api.responseUrl('before'))), 200);
    const next = readSlack((await first.api.response('before')).body).button('kubecon_next');
    await first.close();

    const second = await startHarness('http', bot, { knownIds: true });
    try {
      assert.equal(await second.send.action(buttonPress(next!, second.api.responseUrl('after'))), 200);
      const page = readSlack((await second.api.response('after')).body);
      const expected = bot.handle({ text: 'kubernetes', locale: 'ja', offset: 5 });
      assert.ok(expected.kind === 'results');
      assert.deepEqual(page.titles, expected.hits.map((hit) => hit.title));
      assert.equal(second.api.calls.filter((c) => c.method === 'auth.test').length, 0, 'known bot ids skip auth.test');
    } finally {
      await second.close();
    }
  });
});
