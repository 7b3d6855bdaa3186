import path from 'node:path';
import { Bot, type BotOptions } from '../../src/core/bot.ts';
import { loadLibrary, type Library } from '../../src/core/library.ts';
import type { Locale } from '../../src/core/types.ts';

export const CORPUS_DIR = path.join(import.meta.dirname, '..', '..', 'corpus');

let cached: Promise<Library> | undefined;

/** The real corpus, loaded once per test file. */
export function realLibrary(): Promise<Library> {
  cached ??= loadLibrary(CORPUS_DIR);
  return cached;
}

export async function realBot(opts: Partial<BotOptions> = {}): Promise<Bot> {
  return new Bot({ library: await realLibrary(), ...opts });
}

/** The title of the first talk the bot answers `text` with; undefined when it answers none. */
export function firstTitle(bot: Bot, text: string, locale: Locale): string | undefined {
  const r = bot.handle({ text, locale });
  return r.kind === 'results' ? r.hits[0]?.title : undefined;
}
