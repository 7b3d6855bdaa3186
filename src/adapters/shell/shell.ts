/**
 * The terminal adapter: each line typed is answered as a chat message would be. `next` and
 * `prev` page through the last results; Tab completes from the core; Ctrl-D (end of input)
 * quits. Works with piped input.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from '../../core/bot.ts';
import type { Page, Reply } from '../../core/reply.ts';
import type { Locale } from '../../core/types.ts';
import type { PromptGuard } from './prompt-guard.ts';
import { renderText } from './render.ts';

export interface ShellOptions {
  bot: Bot;
  input: Readable;
  output: Writable;
  /** A prompt, Tab completion and wrapping to the terminal's width only on an interactive terminal. */
  interactive: boolean;
  /** Bold marks; defaults to `interactive`. */
  color?: boolean;
  locale?: Locale;
  /** Lets log lines and scheduled posts print above the prompt. */
  guard?: PromptGuard;
}

const QUIT = new Set(['quit', 'exit', ':q']);
const NEXT = new Set(['next', 'n']);
const PREVIOUS = new Set(['prev', 'p']);

export async function runShell(opts: ShellOptions): Promise<void> {
  const { bot, output, interactive } = opts;
  const locale = opts.locale ?? bot.defaultLocale;
  const color = opts.color ?? interactive;
  const completer = (line: string): [string[], string] => [bot.complete(line, locale, { maxLength: Infinity }).map((c) => c.value), line];
  const rl = createInterface({
    input: opts.input,
    output: interactive ? output : undefined,
    terminal: interactive,
    ...(interactive ? { completer } : {}),
  });
  const columns = () => (interactive ? (output as Writable & { columns?: number }).columns : undefined);
  const say = (text: string) => output.write(`${text}\n`);
  let last: Page | undefined;
  rl.on('SIGINT', () => rl.close());
  const answer = (line: string): Reply => {
    const word = line.toLowerCase();
    const paging = NEXT.has(word) ? 'next' : PREVIOUS.has(word) ? 'previous' : undefined;
    if (!paging) return bot.handle({ text: line, locale, typedPaging: true });
    if (!last) return bot.notice('no_search_yet', locale);
    const offset = last[paging];
    if (offset === undefined) return bot.notice(paging === 'next' ? 'no_more_results' : 'first_page', locale);
    return bot.handle({ text: last.query, locale, offset, limit: last.limit, typedPaging: true });
  };
  if (interactive) {
    say(renderText(bot.notice('welcome', locale), { color, width: columns() }));
    rl.setPrompt('kubecon> ');
    rl.prompt();
    opts.guard?.hold(rl, output);
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (QUIT.has(line.toLowerCase())) break;
    if (line) {
      const reply = answer(line);
      if (reply.kind === 'results') last = reply.page;
      say(renderText(reply, { color, width: columns() }));
      if (interactive) say('');
    }
    if (interactive) rl.prompt();
  }
  opts.guard?.release();
  rl.close();
}
