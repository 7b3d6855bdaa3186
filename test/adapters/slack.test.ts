/**
 * The Slack adapter end to end, through the real Bolt app and the fake Slack, in both HTTP mode
 * (signed requests) and Socket Mode (a local websocket): what a user sees for each way in.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Bot } from '../../src/core/bot.ts';
import { messages } from '../../src/core/messages.ts';
import type { Reply } from '../../src/core/reply.ts';
import { BOT_USER_ID } from '../fakes/slack-api.ts';
import { BOT_TOKEN, readSlack, startHarness, type Harness, type Mode } from '../fakes/slack-harness.ts';
import { buttonPress, directMessage, mention, slashCommand } from '../fakes/slack-payloads.ts';
import { realBot, realLibrary } from '../helpers/bot.ts';

const bot = await realBot();
const ja = messages('ja');
const coreTitles = (text: string, offset = 0) => {
  const r = bot.handle({ text, locale: 'ja', offset });
  return r.kind === 'results' ? r.hits.map((h) => h.title) : [];
};

class BrokenBot extends Bot {
  override handle(): Reply {
    throw new Error('search index exploded');
  }
}

for (const mode of ['http', 'socket'] as const satisfies readonly Mode[]) {
  describe(`slack over ${mode === 'http' ? 'HTTP' : 'Socket Mode'}`, { timeout: 10_000 }, () => {
    let h: Harness;
    let n = 0;
    before(async () => {
      h = await startHarness(mode, bot);
    });
    after(() => h.close());

    /** `/kubecon <text>`: returns the ack status and the message posted to the response_url. */
    async function slash(text: string) {
      const name = `cmd-${++n}`;
      const status = await h.send.command(slashCommand(text, h.api.responseUrl(name)));
      return { status, body: (await h.api.response(name)).body };
    }

    async function press(button: { action_id: string; value?: string } | undefined, ephemeral = true) {
      assert.ok(button, 'the button is there');
      const name = `press-${++n}`;
      assert.equal(await h.send.action(buttonPress(button, h.api.responseUrl(name), ephemeral)), 200);
      return (await h.api.response(name)).body;
    }

    /** Sends an event and returns the chat.postMessage it caused. */
    async function event(body: Record<string, unknown>) {
      const count = h.api.answered('chat.postMessage').length;
      assert.equal(await h.send.event(body), 200);
      return (await h.api.call('chat.postMessage', count + 1)).body;
    }

    it('answers /kubecon only to the asker, with linked titles, bold matches, links and the credit', async () => {
      const { status, body } = await slash('gvisor');
      assert.equal(status, 200);
      assert.equal(body.response_type, 'ephemeral');
      const seen = readSlack(body);
      assert.deepEqual(seen.titles, coreTitles('gvisor'));
      assert.match(JSON.stringify(body.blocks), /\*<https:[^|>]+\|Best Practice for Container Security at Scale>\*/);
      assert.match(JSON.stringify(body.blocks), /\*gVisor\*/);
      assert.ok(seen.text.includes(ja.link.talk) && seen.text.includes(ja.link.video_search) && seen.text.includes(ja.link.recap));
      assert.ok(seen.text.includes('KubeCon + CloudNativeCon Europe 2018'));
      assert.ok(seen.text.includes('出典:'));
      assert.ok(String(body.text).includes(coreTitles('gvisor')[0]!), 'the notification text names the hits');
      assert.ok(seen.button('kubecon_share'));
    });

    it('"Share in channel" posts the same page publicly, saying who shared it', async () => {
      const asked = readSlack((await slash('gvisor')).body);
      const shared = await press(asked.button('kubecon_share'));
      assert.equal(shared.response_type, 'in_channel');
      assert.equal(shared.replace_original, false);
      const seen = readSlack(shared);
      assert.deepEqual(seen.titles, asked.titles);
      assert.ok(JSON.stringify(shared.blocks).includes(ja.sharedBy({ user: '<@U0HANAKO01>' })));
      assert.equal(seen.button('kubecon_share'), undefined);
      assert.equal(seen.canNext, false);
    });

    it('Next and Previous replace the reply with the next and previous page', async () => {
      const first = readSlack((await slash('kubernetes')).body);
      assert.equal(first.canPrevious, false);
      const nextBody = await press(first.button('kubecon_next'));
      assert.equal(nextBody.replace_original, true);
      const second = readSlack(nextBody);
      assert.deepEqual(second.titles, coreTitles('kubernetes', 5));
      assert.ok(second.button('kubecon_share'), 'still shareable');
      const back = readSlack(await press(second.button('kubecon_previous')));
      assert.deepEqual(back.titles, first.titles);
    });

    it('with no hits, offers the "did you mean" terms as buttons that search for them', async () => {
      const none = readSlack((await slash('gvsr')).body);
      assert.equal(none.titles.length, 0);
      assert.ok(none.text.includes(ja.searchTips));
      const found = readSlack(await press(none.button('kubecon_suggest_0')));
      assert.deepEqual(found.titles, coreTitles('gvisor'));
    });

    it('each hit has a button that shows its summary in the other language to the presser alone', async () => {
      const asked = readSlack((await slash('gvisor')).body);
      const shown = await press(asked.button('kubecon_other_0'));
      assert.equal(shown.response_type, 'ephemeral');
      assert.equal(shown.replace_original, false);
      const seen = readSlack(shown);
      assert.ok(seen.text.includes('English summary'));
      assert.match(seen.text, /gVisor/);
      assert.doesNotMatch(seen.text, /[ぁ-ん]{3}/, 'the English summary, not the Japanese one');
      const damaged = readSlack(await press({ action_id: 'kubecon_other_0', value: '{oops' }));
      assert.ok(damaged.text.includes(ja.pageExpired));
    });

    it('/kubecon today shows one talk under the talk-of-the-day heading', async () => {
      const seen = readSlack((await slash('today')).body);
      assert.equal(seen.titles.length, 1);
      assert.ok(seen.text.includes(ja.todayHeading({ date: '' }).split('(')[0]!.trim()));
    });

    it('pages in the language the buttons were made in, and explains a damaged button', async () => {
      const english = readSlack(await press({ action_id: 'kubecon_next', value: JSON.stringify({ q: 'kubernetes', o: 5, l: 'en' }) }));
      assert.match(english.text, /talks for "kubernetes" \(6-10\)/);
      const damaged = readSlack(await press({ action_id: 'kubecon_next', value: 'not-our-state' }));
      assert.equal(damaged.titles.length, 0);
      assert.ok(damaged.text.includes(ja.pageExpired));
    });

    it('answers a mention in a thread under the message', async () => {
      const body = mention(`<@${BOT_USER_ID}> gvisor の話ある?`);
      const posted = await event(body);
      const ev = body.event as { ts: string; channel: string };
      assert.equal(posted.channel, ev.channel);
      assert.equal(posted.thread_ts, ev.ts);
      assert.deepEqual(readSlack(posted).titles, coreTitles('gvisor の話ある?'));
      assert.equal(h.api.answered('chat.postMessage').at(-1)!.authorization, `Bearer ${BOT_TOKEN}`);
    });

    it('answers a direct message in the DM, and ignores bot messages and edits', async () => {
      const posted = await event(directMessage('falco'));
      assert.equal(posted.channel, 'D0KUBEDM01');
      assert.equal(posted.thread_ts, undefined);
      assert.deepEqual(readSlack(posted).titles, coreTitles('falco'));
      const count = h.api.answered('chat.postMessage').length;
      const fromBot = directMessage('falco');
      Object.assign(fromBot.event as object, { bot_id: 'B0OTHERBOT', subtype: 'bot_message' });
      const edited = directMessage('falco');
      Object.assign(edited.event as object, { subtype: 'message_changed' });
      await h.send.event(fromBot);
      await h.send.event(edited);
      await h.handle.idle();
      assert.equal(h.api.answered('chat.postMessage').length, count);
    });

    it('answers a DM that mentions the bot once, though it arrives as two events', async () => {
      const text = `<@${BOT_USER_ID}> wasm`;
      const asDm = directMessage(text);
      const ts = (asDm.event as { ts: string }).ts;
      const asMention = mention(text, { ts, eventId: `EvMention${ts}` });
      Object.assign(asMention.event as object, { channel: 'D0KUBEDM01' });
      const count = h.api.answered('chat.postMessage').length;
      await h.send.event(asMention);
      await h.send.event(asDm);
      await h.handle.idle();
      const posted = h.api.answered('chat.postMessage').slice(count);
      assert.equal(posted.length, 1);
      assert.deepEqual(readSlack(posted[0]!.body).titles, coreTitles('wasm'));
    });

    it('answers an event Slack retries only once', async () => {
      const body = mention(`<@${BOT_USER_ID}> falco`);
      await event(body);
      const count = h.api.answered('chat.postMessage').length;
      assert.equal(await h.send.event(body, { num: 1, reason: 'http_timeout' }), 200);
      assert.equal(await h.send.event(body, { num: 2, reason: 'http_timeout' }), 200);
      await h.handle.idle();
      assert.equal(h.api.answered('chat.postMessage').length, count);
      assert.ok(h.logs.some((l) => l.msg === 'slack: repeated event dropped' && l.retryNum === 1));
    });

    it('shows <!channel>, <!here>, <@user> and & in a query as text, never as markup', async () => {
      const { body } = await slash('<!channel> <!here> <@U0HANAKO01> & gvisor');
      // Everything Slack draws; button values are data it hands back, never shown.
      const raw = JSON.stringify(body, (key, value: unknown) => (key === 'value' ? undefined : value));
      for (const markup of ['<!channel>', '<!here>', '<@U0HANAKO01>']) assert.ok(!raw.includes(markup), markup);
      assert.ok(raw.includes('&lt;!channel&gt;') && raw.includes('&amp;'));
      assert.ok(readSlack(body).text.includes('<!channel> <!here> <@U0HANAKO01> &'), 'shown back as typed');
      const posted = await event(mention(`<@${BOT_USER_ID}> <!here> gvisor`));
      assert.ok(!JSON.stringify(posted).includes('<!here>'));
    });

    it('survives a 429 from chat.postMessage', async () => {
      h.api.rateLimit('chat.postMessage');
      const posted = await event(mention(`<@${BOT_USER_ID}> wasm`));
      assert.deepEqual(readSlack(posted).titles, coreTitles('wasm'));
      assert.ok(h.api.calls.some((c) => c.method === 'chat.postMessage' && c.rateLimited));
    });

    it('posts the talk of the day to a channel', async () => {
      const count = h.api.answered('chat.postMessage').length;
      await h.handle.post('C0TODAY001', bot.today('ja'));
      const posted = (await h.api.call('chat.postMessage', count + 1)).body;
      assert.equal(posted.channel, 'C0TODAY001');
      assert.equal(readSlack(posted).titles.length, 1);
    });
  });

  describe(`slack over ${mode}: a handler that fails`, { timeout: 10_000 }, () => {
    let h: Harness;
    before(async () => {
      h = await startHarness(mode, new BrokenBot({ library: await realLibrary() }));
    });
    after(() => h.close());

    it('logs the error once and still apologises to the user', async () => {
      await h.send.command(slashCommand('gvisor', h.api.responseUrl('broken')));
      const apology = (await h.api.response('broken')).body;
      assert.equal(apology.text, ja.apology);
      assert.equal(apology.response_type, 'ephemeral');
      await h.handle.idle();
      const errors = h.logs.filter((l) => l.level >= 50);
      assert.equal(errors.length, 1);
      assert.match(JSON.stringify(errors[0]), /search index exploded/);
      assert.equal(errors[0]!.command, '/kubecon');
      assert.ok(!JSON.stringify(h.logs).includes('xoxb-'), 'no token in the log');
    });

    it('apologises in the thread when a mention fails', async () => {
      const body = mention(`<@${BOT_USER_ID}> gvisor`);
      await h.send.event(body);
      const posted = (await h.api.call('chat.postMessage')).body;
      assert.equal(posted.text, ja.apology);
      assert.equal(posted.thread_ts, (body.event as { ts: string }).ts);
    });
  });
}
