/**
 * The longer fuzz run: `npm run fuzz` (1,000 queries and 1,000 corpus texts), or
 * `npm run fuzz -- 20000` for more; `npm run fuzz -- 20000 1234` replays a seed. Prints the
 * seed first, so a failure can be replayed, and the slowest query at the end.
 */
import fc from 'fast-check';
import { realBot } from '../helpers/bot.ts';
import { corpusTexts, loadCorpusText, queries, runQuery } from './properties.ts';

const runs = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
console.log(`fuzz: ${runs} cases each, seed ${seed}`);
const bot = await realBot();
let slowest = 0;
const started = performance.now();
fc.assert(
  fc.property(queries, fc.constantFrom('ja' as const, 'en' as const), (text, locale) => {
    slowest = Math.max(slowest, runQuery(bot, text, locale));
  }),
  { seed, numRuns: runs },
);
console.log(`queries: ${runs} passed; slowest ${slowest.toFixed(1)} ms`);
fc.assert(fc.property(corpusTexts, fc.boolean(), loadCorpusText), { seed, numRuns: runs });
console.log(`corpus texts: ${runs} passed; ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
