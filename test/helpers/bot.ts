import path from 'node:path';
import { Bot, type BotOptions } from '../../src/core/bot.ts';
import { loadLibrary, type Library } from '../../src/core/library.ts';

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
