import assert from 'node:assert/strict';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { it } from 'node:test';
import { runShell } from '../../src/adapters/shell/shell.ts';
import type { Bot } from '../../src/core/bot.ts';
import { adapterContract, type Driver, type Seen } from '../contract/contract.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();

/** Reads the shell's answer back into what a user saw. */
function read(text: string): Seen {
  const titles = [...text.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]!);
  return { titles, text, canNext: /^.*next: /m.test(text), canPrevious: /prev: /.test(text) };
}

async function shellDriver(b: Bot): Promise<Driver> {
  const input = new PassThrough();
  const output = new PassThrough({ encoding: 'utf8' });
  const done = runShell({ bot: b, input, output, interactive: false });
  const answer = async (line: string) => {
    const next = once(output, 'data');
    input.write(`${line}\n`);
    const [chunk] = await next;
    return read(String(chunk));
  };
  return {
    ask: (text) => (text === '' ? answer('help') : answer(text)),
    next: () => answer('next'),
    close: async () => {
      input.end();
      await done;
    },
  };
}

adapterContract('shell', { bot: () => bot, driver: () => shellDriver(bot) });

it('shell: marks matched words in brackets when output is not a terminal', async () => {
  const d = await shellDriver(bot);
  const seen = await d.ask('gvisor');
  assert.match(seen.text, /\[gVisor\]/);
  await d.close();
});

it('shell: "prev" goes back a page after "next"', async () => {
  const d = await shellDriver(bot);
  const first = await d.ask('kubernetes');
  await d.next(first);
  const back = read(await (async () => {
    const out = await d.ask('prev');
    return out.text;
  })());
  assert.deepEqual(back.titles, first.titles);
  await d.close();
});
