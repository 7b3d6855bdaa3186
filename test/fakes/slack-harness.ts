/**
 * Runs the real Slack adapter (real Bolt) against the fakes, in HTTP or Socket Mode, and reads
 * its messages back the way a user would see them.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { startSlack, type SlackHandle } from '../../src/adapters/slack/index.ts';
import type { SlackConfig } from '../../src/adapters/slack/config.ts';
import type { Bot } from '../../src/core/bot.ts';
import type { Seen } from '../contract/contract.ts';
import { BOT_ID, BOT_USER_ID, FakeSlack } from './slack-api.ts';
import { httpSender, socketSender, type SlackSender } from './slack-payloads.ts';
import { FakeSocketMode } from './slack-socket.ts';

export type Mode = SlackConfig['mode'];
export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const BOT_TOKEN = 'xoxb-1111-2222-fakebottoken';
export const APP_TOKEN = 'xapp-1-A0KUBECON1-3333-fakeapptoken';
/** Fast retries so a 429 costs its one second of Retry-After and no more. */
const FAST_RETRY = { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 };

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Harness {
  api: FakeSlack;
  send: SlackSender;
  handle: SlackHandle;
  logs: LogLine[];
  /** HTTP mode: the app's base URL. */
  url?: string;
  close(): Promise<void>;
}

export async function startHarness(mode: Mode, bot: Bot, opts: { knownIds?: boolean } = {}): Promise<Harness> {
  const api = await FakeSlack.start();
  const socket = mode === 'socket' ? await FakeSocketMode.start() : undefined;
  if (socket) api.socketUrl = socket.url;
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const config: SlackConfig = mode === 'socket'
    ? { mode, botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: api.apiUrl }
    : { mode, botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: api.apiUrl, port: 0 };
  const handle = await startSlack({
    bot,
    config,
    log: pino({ level: 'info' }, sink),
    port: 0,
    host: '127.0.0.1',
    retryConfig: FAST_RETRY,
    ...(opts.knownIds ? { botId: BOT_ID, botUserId: BOT_USER_ID } : {}),
  });
  const url = handle.port ? `http://127.0.0.1:${handle.port}` : undefined;
  const send = socket ? socketSender(socket) : httpSender(`${url}/slack/events`, SIGNING_SECRET);
  return {
    api,
    send,
    handle,
    logs,
    url,
    async close() {
      await handle.stop();
      await socket?.close();
      await api.close();
    },
  };
}

type Block = { type: string; block_id?: string; accessory?: { action_id?: string; value?: string }; text?: { text: string }; elements?: Array<{ text?: string | { text: string }; action_id?: string; value?: string }> };

/** What Slack would show for a message: its text, and the buttons it offers. */
export interface SlackSeen extends Seen {
  blocks: Block[];
  button(actionId: string): { action_id: string; value?: string } | undefined;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Slack refuses a message over these limits; every message a test reads is checked. */
export function assertWithinSlackLimits(message: Record<string, unknown>): void {
  const blocks = (message.blocks ?? []) as Block[];
  assert.ok(typeof message.text === 'string' && message.text.length > 0, 'a plain text fallback is set');
  assert.ok(blocks.length <= 50, `${blocks.length} blocks`);
  for (const b of blocks) {
    const texts = [b.text?.text, ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : undefined))];
    for (const t of texts) if (t !== undefined) assert.ok(t.length <= 3000, `a ${b.type} text of ${t.length} characters`);
    for (const e of b.elements ?? []) if (e.value !== undefined) assert.ok(e.value.length <= 2000, 'button value too long');
  }
}

/**
 * Reads a posted message back as a user sees it: hit titles are the bold first line of each
 * hit, links show as their labels, escapes as the characters. Checks Slack's limits too.
 */
export function readSlack(message: Record<string, unknown>): SlackSeen {
  assertWithinSlackLimits(message);
  const blocks = (message.blocks ?? []) as Block[];
  const texts: string[] = [];
  const titles: string[] = [];
  const buttons: Array<{ action_id: string; value?: string }> = [];
  for (const b of blocks) {
    if (b.text) texts.push(b.text.text);
    if (b.accessory?.action_id) buttons.push({ action_id: b.accessory.action_id, value: b.accessory.value });
    for (const e of b.elements ?? []) {
      if (typeof e.text === 'string') texts.push(e.text);
      else if (e.text) texts.push(e.text.text);
      if (e.action_id) buttons.push({ action_id: e.action_id, value: e.value });
    }
    if (b.type === 'section' && b.block_id?.startsWith('hit_') && b.text) {
      for (const m of b.text.text.matchAll(/^\*(?:<[^|>]*\|)?(.*?)>?\*$/gm)) titles.push(unescape(m[1]!));
    }
  }
  const text = unescape(texts.join('\n').replace(/<([^|>]*)\|([^>]*)>/g, '$2'));
  return {
    titles,
    text,
    blocks,
    canNext: buttons.some((b) => b.action_id === 'kubecon_next'),
    canPrevious: buttons.some((b) => b.action_id === 'kubecon_previous'),
    button: (id) => buttons.find((b) => b.action_id === id),
  };
}
