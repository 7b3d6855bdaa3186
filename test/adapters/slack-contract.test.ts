/**
 * The adapter contract, run against Slack through the real Bolt app: over HTTP with signed
 * requests, and over Socket Mode with a local websocket.
 */
import assert from 'node:assert/strict';
import type { Bot } from '../../src/core/bot.ts';
import { adapterContract, type Driver } from '../contract/contract.ts';
import { readSlack, startHarness, type Mode, type SlackSeen } from '../fakes/slack-harness.ts';
import { buttonPress, slashCommand } from '../fakes/slack-payloads.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();

/** A user typing `/kubecon <text>` and pressing Next on the ephemeral answer. */
async function slackDriver(mode: Mode, b: Bot): Promise<Driver> {
  const h = await startHarness(mode, b);
  let n = 0;
  return {
    async ask(text) {
      const name = `ask-${++n}`;
      assert.equal(await h.send.command(slashCommand(text, h.api.responseUrl(name))), 200);
      return readSlack((await h.api.response(name)).body);
    },
    async next(seen) {
      const button = (seen as SlackSeen).button('kubecon_next');
      assert.ok(button, 'the reply has a Next button');
      const name = `next-${++n}`;
      assert.equal(await h.send.action(buttonPress(button, h.api.responseUrl(name))), 200);
      return readSlack((await h.api.response(name)).body);
    },
    close: () => h.close(),
  };
}

adapterContract('slack (HTTP)', { bot: () => bot, driver: () => slackDriver('http', bot) });
adapterContract('slack (Socket Mode)', { bot: () => bot, driver: () => slackDriver('socket', bot) });
