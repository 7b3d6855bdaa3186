/**
 * The talk of the day end to end: a seconds-level schedule posting through the real Slack and
 * Discord adapters to their fake servers on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { Daily } from '../../src/schedule/daily.ts';
import { FileStore } from '../../src/store/file.ts';
import { IDS } from '../fakes/discord-fake.ts';
import { startRunning } from '../fakes/discord-driver.ts';
import { startHarness } from '../fakes/slack-harness.ts';
import { realBot } from '../helpers/bot.ts';
import { memoryLogger } from '../helpers/log.ts';

it('a seconds-level DAILY_CRON posts distinct talks to Slack and Discord at each tick', async () => {
  const bot = await realBot();
  const slack = await startHarness('socket', bot, { knownIds: true });
  const discord = await startRunning(bot);
  const daily = await Daily.create({
    cron: '* * * * * *',
    timezone: 'Asia/Tokyo',
    store: new FileStore(mkdtempSync(path.join(tmpdir(), 'kubecon-daily-e2e-'))),
    targets: [
      { key: 'slack:C0DAILY', post: (r) => slack.handle.post('C0DAILY', r) },
      { key: `discord:${IDS.channel}`, post: (r) => discord.handle.post(IDS.channel, r) },
    ],
    bot,
    log: memoryLogger().log,
  });
  const slackPosts = () => slack.api.answered('chat.postMessage').filter((c) => c.body.channel === 'C0DAILY');
  const discordPosts = () => discord.fake.rest.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${IDS.channel}/messages`);
  try {
    daily.start();
    const deadline = Date.now() + 15_000;
    while ((slackPosts().length < 2 || discordPosts().length < 2) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await daily.stop();
    // Slack's text escapes &, < and > (a title such as "Architecture & K8s"); compare what people see.
    const slackTexts = slackPosts().map((c) => String(c.body.text).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    const discordTitles = discordPosts().map((r) => String(r.body.embeds?.[0]?.title));
    assert.ok(slackTexts.length >= 2 && discordTitles.length >= 2, `slack ${slackTexts.length}, discord ${discordTitles.length}`);
    assert.equal(new Set(slackTexts).size, slackTexts.length, 'Slack got a different talk each tick');
    assert.equal(new Set(discordTitles).size, discordTitles.length, 'Discord got a different talk each tick');
    for (const title of discordTitles.slice(0, 2)) assert.ok(slackTexts.some((t) => t.includes(title)), `same pick on both: ${title}`);
  } finally {
    await daily.stop();
    await slack.close();
    await discord.close();
  }
});
