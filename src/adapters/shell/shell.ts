/**
 * The terminal adapter: each line typed is answered as a chat message would be. `next` and
 * `prev` page through the last results; Ctrl-D (end of input) quits. Works with piped input.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from '../../core/bot.ts';
import type { Page } from '../../core/reply.ts';
import type { Locale } from '../../core/types.ts';
import { renderText } from './render.ts';

export interface ShellOptions {
  bot: Bot;
  input: Readable;
  output: Writable;
  /** Colour and a prompt only on an interactive terminal. */
  interactive: boolean;
  locale?: Locale;
}

const QUIT = new Set(['quit', 'exit', ':q']);

export async function runShell(opts: ShellOptions): Promise<void> {
  const { bot, output, interactive } = opts;
  const locale = opts.locale ?? bot.defaultLocale;
  const rl = createInterface({ input: opts.input, output: interactive ? output : undefined, terminal: interactive });
  const say = (text: string) => output.write(`${text}\n`);
  let last: Page | undefined;
  rl.on('SIGINT', () => rl.close());
  if (interactive) {
    say('kubecon-bot: type a search, "help" for help, Ctrl-D to quit.');
    rl.setPrompt('kubecon> ');
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (QUIT.has(line.toLowerCase())) break;
    if (line) {
      const word = line.toLowerCase();
      const paging = word === 'next' || word === 'n' ? 1 : word === 'prev' || word === 'p' ? -1 : 0;
      const reply = paging && last
        ? bot.handle({ text: last.query, locale, offset: Math.max(0, last.offset + paging * last.limit) })
        : bot.handle({ text: line, locale });
      if (reply.kind === 'results') last = reply.page;
      say(renderText(reply, { color: interactive }));
      if (interactive) say('');
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
