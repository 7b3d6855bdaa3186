/**
 * Everyday words that talks write in one language and users type in the other: a Japanese word
 * finds the talks that say it in English, and counts as found there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { realBot, firstTitle } from '../helpers/bot.ts';

const bot = await realBot();

const titles = (text: string): string[] => {
  const r = bot.handle({ text, locale: 'ja', limit: 50 });
  return r.kind === 'results' ? r.hits.map((h) => h.title) : [];
};

describe('everyday words across languages', () => {
  it('reads 原因 as cause: a talk on root-causing answers a question about causes', () => {
    assert.equal(firstTitle(bot, '本番でログが足りなくて原因が追えない。再デプロイしないで調べる方法ある?', 'ja'), 'When the Logs Just Don’t Cut It: Root-Causing Incidents Without Re-Deploying Prod');
  });

  it('finds the talks that say "team" for チーム and "at scale" for 大規模', () => {
    assert.ok(titles('チーム').includes('The Insider Threat: Third-Party Applications In Your Cluster'), titles('チーム').join(' / '));
    assert.ok(titles('大規模').includes('Best Practice for Container Security at Scale'), titles('大規模').join(' / '));
  });

  it('reads 共有 as shared: a shared cluster in English counts as the 共有 asked for', () => {
    const r = bot.handle({ text: 'みんなで共有しているクラスタなのに開発者ごとに専用環境があるように見せる方法', locale: 'ja' });
    assert.equal(r.kind, 'results');
    if (r.kind !== 'results') return;
    assert.match(r.hits[0]!.title, /^kubefork/);
  });

  it('reads 怪しい as suspicious (不審): the talk that says so is found', () => {
    assert.ok(titles('怪しい').includes('Detecting Threat in GitHub with Falco'), titles('怪しい').join(' / '));
  });
});
