/**
 * Reads what the bot sent back as a Discord user would see it, and drives the adapter through
 * the fake for the adapter contract: `/kubecon` for a query, a bare mention for an empty one,
 * and the Next button for paging.
 */
import pino from 'pino';
import { startDiscord, type DiscordHandle } from '../../src/adapters/discord/client.ts';
import type { Answerer } from '../../src/adapters/discord/handlers.ts';
import { messages } from '../../src/core/messages.ts';
import type { Driver, Seen } from '../contract/contract.ts';
import { FakeDiscord, type Sent } from './discord-fake.ts';

/** Quick retries, so a test of faults takes seconds, not minutes. */
export const FAST_REST = { retries: 1, timeout: 3000, offset: 0 };

export const quietLog = () => pino({ level: 'silent' });

/** Discord markdown as rendered: escapes resolved, bold markers gone. */
export function visible(text: string): string {
  return text.replace(/\*\*/g, '').replace(/\\([^\p{L}\p{N}\s])/gu, '$1');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function buttons(sent: Sent): any[] {
  return (sent.components ?? []).flatMap((row) => row.components ?? []);
}

export function readSeen(sent: Sent): Seen {
  const embeds = sent.embeds ?? [];
  const titles = embeds
    .map((e) => /^\d+\. (.*)$/s.exec(visible(e.title ?? ''))?.[1])
    .filter((t): t is string => t !== undefined);
  const parts = [
    sent.content ?? '',
    ...embeds.flatMap((e) => [e.author?.name, e.title, e.description, ...(e.fields ?? []).flatMap((f: { name: string; value: string }) => [f.name, f.value]), e.footer?.text]),
    ...buttons(sent).map((b) => b.label),
  ];
  const enabled = (label: string) => buttons(sent).some((b) => b.label === label && !b.disabled);
  return {
    titles,
    text: visible(parts.filter(Boolean).join('\n')),
    canNext: enabled(messages('ja').next) || enabled(messages('en').next),
    canPrevious: enabled(messages('ja').previous) || enabled(messages('en').previous),
  };
}

export function buttonId(sent: Sent, label: string): string {
  const b = buttons(sent).find((x) => x.label === label);
  if (!b) throw new Error(`no "${label}" button in ${JSON.stringify(sent.components)}`);
  return b.custom_id;
}

export interface Running {
  fake: FakeDiscord;
  handle: DiscordHandle;
  close(): Promise<void>;
}

export async function startRunning(bot: Answerer, extra: { deferAfterMs?: number } = {}): Promise<Running> {
  const fake = await FakeDiscord.start();
  const handle = await startDiscord({ bot, config: fake.config, log: quietLog(), rest: FAST_REST, ...extra });
  return {
    fake,
    handle,
    close: async () => {
      await handle.stop();
      await fake.close();
    },
  };
}

export async function discordDriver(bot: Answerer): Promise<Driver> {
  const running = await startRunning(bot);
  const { fake } = running;
  const shown = new WeakMap<Seen, Sent>();
  const seen = (sent: Sent) => {
    const s = readSeen(sent);
    shown.set(s, sent);
    return s;
  };
  return {
    async ask(text) {
      if (text === '') return seen((await fake.replyTo(fake.mention(''))).body);
      return seen((await fake.callback(fake.command(text))).body.data);
    },
    async next(previous) {
      const sent = shown.get(previous);
      if (!sent) throw new Error('next() needs a Seen returned by this driver');
      const press = fake.press(buttonId(sent, messages('ja').next), sent);
      return seen((await fake.callback(press)).body.data);
    },
    close: () => running.close(),
  };
}
