/**
 * The Discord adapter end to end: the real discord.js client against the fake REST API and
 * gateway, driven by recorded payloads. What is asserted is what Discord would have received.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GatewayIntentBits, InteractionResponseType, MessageFlags } from 'discord.js';
import { messages } from '../../src/core/messages.ts';
import { IDS, type Sent } from '../fakes/discord-fake.ts';
import { buttonId, readSeen, startRunning, visible, type Running } from '../fakes/discord-driver.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();
const ja = messages('ja');
const en = messages('en');
const titles = (text: string, offset = 0, locale: 'ja' | 'en' = 'ja') => {
  const r = bot.handle({ text, locale, offset });
  return r.kind === 'results' ? r.hits.map((h) => h.title) : [];
};
const NO_PINGS = { parse: [], replied_user: false };

describe('discord adapter', { timeout: 15_000 }, () => {
  let run: Running;
  before(async () => {
    run = await startRunning(bot);
  });
  after(() => run.close());

  it('identifies with only the Guilds, GuildMessages and DirectMessages intents', () => {
    const [identify] = run.fake.gateway.identifies;
    const wanted = GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages;
    assert.equal(identify.intents, wanted);
    assert.equal(identify.intents & GatewayIntentBits.MessageContent, 0);
  });

  it('replies to a mention with one embed per talk: linked title, event, bold matches, links, credit', async () => {
    const id = run.fake.mention('gvisor');
    const { body, headers } = await run.fake.replyTo(id);
    assert.equal(headers.authorization, `Bot ${run.fake.config.token}`);
    assert.equal(body.message_reference.message_id, id);
    assert.deepEqual(body.allowed_mentions, NO_PINGS);
    assert.deepEqual(readSeen(body).titles, titles('gvisor'));
    const [first] = body.embeds;
    assert.match(first.url, /^https:\/\//);
    assert.match(first.author.name, /KubeCon \+ CloudNativeCon Europe 2018/);
    assert.match(first.description, /\*\*gVisor\*\*/);
    assert.match(first.description, new RegExp(`\\[${ja.link.talk}\\]\\(https://`));
    assert.match(first.footer.text, /^出典: /);
    assert.match(body.content, /「gvisor」の検索結果/);
  });

  it('takes the query from around the mention, and answers a bare mention with help', async () => {
    const sentence = await run.fake.replyTo(run.fake.message(`falco <@${IDS.bot}> について`));
    assert.deepEqual(readSeen(sentence.body).titles, titles('falco について'));
    const bare = await run.fake.replyTo(run.fake.mention(''));
    assert.equal(bare.body.embeds[0].title, ja.helpTitle);
    assert.match(bare.body.embeds[0].description, /today/);
  });

  it('ignores messages that do not mention the bot', async () => {
    const ignored = run.fake.message('gvisor, anyone?');
    await run.fake.replyTo(run.fake.mention('falco'));
    assert.ok(!run.fake.rest.requests.some((r) => r.body?.message_reference?.message_id === ignored));
  });

  it('answers a direct message like a mention', async () => {
    const { path, body } = await run.fake.replyTo(run.fake.dm('falco'));
    assert.equal(path, `/api/v10/channels/${IDS.dmChannel}/messages`);
    assert.deepEqual(readSeen(body).titles, titles('falco'));
  });

  it('never pings: @everyone, @here, user and role mentions in a query stay text', async () => {
    const hostile = `@everyone @here <@${IDS.user}> <@&${IDS.guild}> **gvisor**`;
    const { body } = await run.fake.replyTo(run.fake.mention(hostile));
    assert.deepEqual(body.allowed_mentions, NO_PINGS);
    assert.ok(!/(^|[^\\])<@/.test(body.content), body.content);
    assert.ok(!/@(everyone|here)/.test(body.content), 'a zero-width space keeps them from being mentions');
    assert.match(visible(body.content), /@\u200beveryone @\u200bhere <@\d+> <@&\d+> \*\*gvisor\*\*/);
    const slash = await run.fake.callback(run.fake.command('@here gvisor'));
    assert.deepEqual(slash.body.data.allowed_mentions, NO_PINGS);
  });

  it('answers /kubecon with an interaction callback in the user\'s language, without the bot token', async () => {
    const { body, headers } = await run.fake.callback(run.fake.command('gvisor', 'en-US'));
    assert.equal(headers.authorization, undefined);
    assert.equal(body.type, InteractionResponseType.ChannelMessageWithSource);
    assert.deepEqual(readSeen(body.data).titles, titles('gvisor', 0, 'en'));
    assert.match(body.data.content, /talks? for "gvisor"/);
    assert.match(body.data.embeds[0].description, new RegExp(`\\[${en.link.talk}\\]`));
  });

  it('understands /kubecon today and /kubecon help as typed', async () => {
    const today = (await run.fake.callback(run.fake.command('today'))).body.data;
    assert.match(today.content, /今日のトーク/);
    assert.equal(today.embeds.length, 1);
    assert.ok(bot.current.index.talks.some((t) => visible(today.embeds[0].title) === t.title));
    const help = (await run.fake.callback(run.fake.command('help'))).body.data;
    assert.equal(help.embeds[0].title, ja.helpTitle);
  });

  it('autocompletes the query from known terms and talk titles', async () => {
    const { body } = await run.fake.callback(run.fake.autocomplete('kube'));
    assert.equal(body.type, InteractionResponseType.ApplicationCommandAutocompleteResult);
    const values = body.data.choices.map((c: { value: string }) => c.value);
    assert.ok(values.includes('kubernetes'), values.join(', '));
    assert.ok(values.includes('Kubernetes Project Update'), values.join(', '));
    assert.ok(body.data.choices.length <= 25);
    assert.ok(body.data.choices.every((c: { name: string; value: string }) => c.name.length <= 100 && c.value.length <= 100));
    const empty = await run.fake.callback(run.fake.autocomplete(''));
    const offered = empty.body.data.choices.map((c: { value: string }) => c.value);
    assert.ok(offered.includes('today') && offered.includes('help'), offered.join(', '));
  });

  it('pages with Next and Previous, updating the message in place', async () => {
    const first: Sent = (await run.fake.callback(run.fake.command('kubernetes'))).body.data;
    assert.equal(readSeen(first).canPrevious, false);
    const next = await run.fake.callback(run.fake.press(buttonId(first, ja.next), first));
    assert.equal(next.body.type, InteractionResponseType.UpdateMessage);
    const second: Sent = next.body.data;
    assert.deepEqual(readSeen(second).titles, titles('kubernetes', 5));
    assert.match(second.content!, /6〜10件目/);
    const back = await run.fake.callback(run.fake.press(buttonId(second, ja.previous), second));
    assert.deepEqual(readSeen(back.body.data).titles, titles('kubernetes'));
  });

  it('pages a query too long for one button id, its parts spread over the row', async () => {
    const query = `kubernetes ${'セキュリティの話'.repeat(24)}`;
    const first: Sent = (await run.fake.callback(run.fake.command(query))).body.data;
    const ids: string[] = first.components![0].components.map((b: { custom_id: string }) => b.custom_id);
    assert.ok(ids.every((id) => id.length <= 100), ids.join('\n'));
    assert.ok(ids.every((id) => !id.endsWith(query.slice(-150))), 'no single id holds the whole query');
    const next = await run.fake.callback(run.fake.press(buttonId(first, ja.next), first));
    assert.deepEqual(readSeen(next.body.data).titles, titles(query, 5));
  });

  it('shows a hit\'s summary in the other language, privately, from its button', async () => {
    const first: Sent = (await run.fake.callback(run.fake.command('gvisor'))).body.data;
    const { body } = await run.fake.callback(run.fake.press(buttonId(first, `1. ${ja.otherLanguage}`), first));
    assert.equal(body.type, InteractionResponseType.ChannelMessageWithSource);
    assert.equal(body.data.flags, MessageFlags.Ephemeral);
    assert.match(body.data.content, /English summary/);
    assert.equal(body.data.embeds[0].title.replace(/\\/g, ''), titles('gvisor')[0]);
    assert.match(body.data.embeds[0].description, /gVisor/);
    assert.doesNotMatch(JSON.stringify(body.data.embeds), /[ぁ-ん]{3}/, 'the English summary only, not the Japanese again');
    assert.deepEqual(body.data.allowed_mentions.parse, []);
  });

  it('answers a button it cannot read with a short private notice, not a failure', async () => {
    for (const customId of ['kq1n|zz', 'something-else', 'kq1n|5|5|ja|02|kubernetes']) {
      const { body } = await run.fake.callback(run.fake.press(customId, { content: 'old' }));
      assert.equal(body.type, InteractionResponseType.ChannelMessageWithSource, customId);
      assert.equal(body.data.flags, MessageFlags.Ephemeral);
      assert.equal(body.data.content, ja.pageExpired);
    }
  });

  it('tells only the presser when a page no longer exists, leaving the message alone', async () => {
    const { body } = await run.fake.callback(run.fake.press('kq1n|9k|5|en|01|kubernetes', { content: 'old' }));
    assert.equal(body.type, InteractionResponseType.ChannelMessageWithSource);
    assert.equal(body.data.flags, MessageFlags.Ephemeral);
    assert.equal(body.data.content, en.pageExpired);
  });

  it('offers "did you mean" terms as buttons that search for them', async () => {
    const miss: Sent = (await run.fake.callback(run.fake.command('gvsr'))).body.data;
    const found = await run.fake.callback(run.fake.press(buttonId(miss, 'gvisor'), miss));
    assert.equal(found.body.type, InteractionResponseType.UpdateMessage);
    assert.deepEqual(readSeen(found.body.data).titles, titles('gvisor'));
  });

  it('posts the talk of the day to a channel', async () => {
    const reply = bot.handle({ text: 'today', locale: 'ja' });
    if (reply.kind !== 'talk') throw new Error(`expected a talk, got ${reply.kind}`);
    await run.handle.post(IDS.channel, reply);
    const { body } = await run.fake.rest.waitFor((r) => r.path === `/api/v10/channels/${IDS.channel}/messages` && !r.body?.message_reference);
    assert.deepEqual(body.allowed_mentions, NO_PINGS);
    assert.equal(body.content, reply.header);
    assert.equal(visible(body.embeds[0].title), reply.hit.title);
    assert.equal(body.embeds[0].fields, undefined, 'one language in the post');
    assert.equal(body.components[0].components[0].label, ja.otherLanguage, 'the other language a button away');
    await assert.rejects(run.handle.post('1180000000000009999', reply));
  });
});

describe('discord adapter with a page size beyond 10 embeds', { timeout: 15_000 }, () => {
  let run: Running;
  let asked = 0;
  before(async () => {
    const core = await realBot({ pageSize: 20 });
    const counted = Object.assign(Object.create(core) as typeof core, {
      handle: (req: Parameters<typeof core.handle>[0]) => {
        asked++;
        return core.handle(req);
      },
    });
    run = await startRunning(counted);
  });
  after(() => run.close());

  it('has the core cut the page to what fits, so the header, embeds and Next agree', async () => {
    const first: Sent = (await run.fake.callback(run.fake.command('kubernetes'))).body.data;
    assert.equal(asked, 1, 'the core is asked once, with the measure, not again after it');
    assert.equal(first.embeds!.length, 10);
    assert.match(first.content!, /1〜10件目/);
    const second = await run.fake.callback(run.fake.press(buttonId(first, ja.next), first));
    const core = bot.handle({ text: 'kubernetes', locale: 'ja', offset: 10, limit: 10 });
    assert.equal(core.kind, 'results');
    assert.deepEqual(readSeen(second.body.data).titles, core.hits.map((h) => h.title));
  });
});
