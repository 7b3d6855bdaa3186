/**
 * Saying when nothing matches: a query whose distinctive words no talk has gets "no talk
 * matches", the words named, and at most three closest talks kept apart from the answers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSpecific, termQuality } from '../../src/core/confidence.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();

describe('confidence', () => {
  it('says no talk matches when only generic words do, naming the words no talk has', () => {
    const r = bot.handle({ text: 'Terraform Cloud の料金プラン', locale: 'en' });
    assert.equal(r.kind, 'message');
    if (r.kind !== 'message') return;
    assert.equal(r.notices[0]!.code, 'no_results');
    assert.match(r.notices[0]!.text, /No talk matches "Terraform Cloud の料金プラン"/);
    const words = r.notices.find((n) => n.code === 'unmatched_words');
    assert.ok(words && /terraform/.test(words.text) && /料金/.test(words.text), words?.text);
    assert.ok(!/cloud/.test(words.text), 'cloud is in many talks');
    assert.ok((r.related?.hits.length ?? 0) <= 3);
  });

  it('shows at most three closest talks under their own label when some words match', () => {
    const r = bot.handle({ text: 'argo cd', locale: 'en' });
    assert.ok(r.kind === 'message' && r.related);
    assert.ok(r.related.hits.length >= 1 && r.related.hits.length <= 3);
    assert.match(r.related.header, /Closest talks/);
    assert.ok(r.notices.some((n) => n.code === 'unmatched_words' && /argo/.test(n.text)));
  });

  it('says which words matched nothing above talks that match the rest', () => {
    const r = bot.handle({ text: 'falco threat detection jenkins', locale: 'en' });
    assert.equal(r.kind, 'results');
    if (r.kind !== 'results') return;
    assert.equal(r.hits[0]!.title, 'Detecting Threat in GitHub with Falco');
    assert.ok(r.notices.some((n) => n.code === 'partly_unmatched' && /jenkins/.test(n.text)));
  });

  it('counts only matching talks, not every talk sharing a word', () => {
    const r = bot.handle({ text: 'gvisor', locale: 'en', limit: 50 });
    assert.ok(r.kind === 'results' && r.page.total === 4);
    const broad = bot.handle({ text: 'gVisor のサンドボックス', locale: 'en', limit: 50 });
    assert.ok(broad.kind === 'results' && broad.page.total < 10, `${broad.kind === 'results' && broad.page.total}`);
  });

  it('weighs typo and prefix matches by how close they are', () => {
    assert.equal(termQuality('gvisor', 'gvisor'), 1);
    assert.ok(termQuality('gvisr', 'gvisor') >= 0.5);
    assert.ok(termQuality('kyver', 'kyverno') > 0.5);
    assert.ok(termQuality('clo', 'cloudnativecon') < termQuality('kyver', 'kyverno'));
    assert.equal(termQuality('argo', 'cargo'), 0);
    assert.equal(termQuality('knative', 'native'), 0, 'a typo in the first letter is not assumed');
  });

  it('tells names and terms from general words in a form the index lacks', () => {
    const has = (p: string) => ['reducing', 'reduction', 'security'].some((t) => t.startsWith(p));
    assert.ok(isSpecific('jenkins', has));
    assert.ok(isSpecific('料金', has));
    assert.ok(!isSpecific('reduce', has));
    assert.ok(!isSpecific('取る', has));
    assert.ok(!isSpecific('系', has));
    assert.ok(!isSpecific('1.30', has));
  });

  it('weighs everyday words as general in a sentence, but not among a few keywords', () => {
    const has = () => false;
    assert.ok(!isSpecific('hundreds', has, true));
    assert.ok(!isSpecific('mostly', has, true));
    assert.ok(isSpecific('hundreds', has, false));
    for (const name of ['terraform', 'backstage', 'helm', 'cobol', '料金']) assert.ok(isSpecific(name, has, true), name);
  });
});

describe('names in katakana', () => {
  it('takes the dotted parts of a katakana name as one name', async () => {
    const { katakanaNames } = await import('../../src/core/confidence.ts');
    assert.deepEqual(katakanaNames('リカルド・カッツの話'), [['リカルド', 'カッツ']]);
    assert.deepEqual(katakanaNames('セキュリティ'), []);
  });
});
