/**
 * The hardening properties (see properties.ts) with a fixed seed and a modest number of cases,
 * so `npm test` stays quick and repeatable. `npm run fuzz` runs them longer with a fresh seed.
 */
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { realBot } from '../helpers/bot.ts';
import { corpusTexts, loadCorpusText, queries, runQuery } from './properties.ts';

const SEED = 20261128;
const bot = await realBot({ date: () => '2026-11-28' });

describe('fuzz (fixed seed)', { timeout: 60_000 }, () => {
  it('any query: never throws, answers in bounded time, no live mention or typed link, platform limits kept', () => {
    fc.assert(
      fc.property(queries, fc.constantFrom('ja' as const, 'en' as const), (text, locale) => void runQuery(bot, text, locale)),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('any corpus text: loading lists problems with file and line, and throws nothing else', () => {
    fc.assert(fc.property(corpusTexts, fc.boolean(), loadCorpusText), { seed: SEED, numRuns: 150 });
  });
});
