/**
 * The adapter contract: every adapter (shell, Slack, Discord) must pass these, driven through
 * its real platform wiring. Same query in, same talks out, same paging and notices.
 */
import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';
import type { Bot } from '../../src/core/bot.ts';
import { messages } from '../../src/core/messages.ts';
import type { Locale } from '../../src/core/types.ts';

/** What a user saw, read back from the platform's rendering. */
export interface Seen {
  /** Titles of the talks shown, in order. */
  titles: string[];
  /** Everything visible, as plain text (markup removed or left as the platform shows it). */
  text: string;
  canNext: boolean;
  canPrevious: boolean;
}

export interface Driver {
  /** Sends `text` as a user would (slash command, mention, typed line) and returns what was shown. */
  ask(text: string): Promise<Seen>;
  /** Presses "Next" on the reply `seen`. */
  next(seen: Seen): Promise<Seen>;
  close(): Promise<void>;
}

export function adapterContract(name: string, opts: { bot: () => Bot; driver: () => Promise<Driver>; locale?: Locale }): void {
  describe(`adapter contract: ${name}`, () => {
    let driver: Driver;
    const locale = opts.locale ?? 'ja';
    const m = messages(locale);
    const coreTitles = (text: string, offset = 0) => {
      const r = opts.bot().handle({ text, locale, offset });
      return r.kind === 'results' ? r.hits.map((h) => h.title) : [];
    };
    before(async () => {
      driver = await opts.driver();
    });
    after(async () => {
      await driver.close();
    });

    for (const q of ['gvisor', 'サンドボックス', 'gVisorについて話してたセッションある?', 'wasm event:kubecon-eu-2024', 'kyvrno']) {
      it(`shows the core's hits for "${q}"`, async () => {
        const seen = await driver.ask(q);
        const expected = coreTitles(q);
        assert.ok(expected.length > 0);
        assert.deepEqual(seen.titles, expected);
      });
    }

    it('pages with Next', async () => {
      const first = await driver.ask('kubernetes');
      assert.deepEqual(first.titles, coreTitles('kubernetes'));
      assert.equal(first.canNext, true);
      assert.equal(first.canPrevious, false);
      const second = await driver.next(first);
      assert.deepEqual(second.titles, coreTitles('kubernetes', first.titles.length));
      assert.equal(second.canPrevious, true);
    });

    it('answers an empty query and "help" with the help text', async () => {
      for (const q of ['', 'help']) {
        const seen = await driver.ask(q);
        assert.equal(seen.titles.length, 0);
        assert.match(seen.text, /event:kubecon-eu-2024/);
      }
    });

    it('says so when nothing matches, with tips', async () => {
      const seen = await driver.ask('zzqxvw');
      assert.equal(seen.titles.length, 0);
      assert.ok(seen.text.includes(m.searchTips.slice(0, 12)), seen.text);
    });

    it('says no talk matches, names the word no talk has, and labels the closest talks apart', async () => {
      const reply = opts.bot().handle({ text: 'argo cd', locale });
      assert.ok(reply.kind === 'message' && reply.related, 'the core offers related talks');
      const seen = await driver.ask('argo cd');
      assert.ok(seen.text.includes(m.noResults({ query: 'argo cd' }).slice(0, 8)), seen.text.slice(0, 300));
      assert.ok(seen.text.includes(m.relatedHeader.slice(0, 8)), seen.text.slice(0, 300));
      assert.match(seen.text, /argo/);
      assert.deepEqual(seen.titles, reply.related.hits.map((h) => h.title));
    });

    it('suggests a close term for a bad typo', async () => {
      const seen = await driver.ask('gvsr');
      assert.equal(seen.titles.length, 0);
      assert.match(seen.text, /gvisor/);
    });

    it('explains an unknown event filter', async () => {
      const seen = await driver.ask('wasm event:nosuchconf');
      assert.equal(seen.titles.length, 0);
      assert.match(seen.text, /kubecon-eu-2024/);
      assert.match(seen.text, /nosuchconf/);
    });

    it('cuts a huge query with a notice and still answers', async () => {
      const seen = await driver.ask(`gvisor ${'あ'.repeat(5000)}`);
      assert.ok(seen.text.includes(m.queryTruncated({ max: 200 }).slice(0, 8)), seen.text.slice(0, 300));
      assert.deepEqual(seen.titles, coreTitles('gvisor'));
    });

    it('survives control characters', async () => {
      const q = 'gvisor\u0000\u001b[31m \u0007';
      const seen = await driver.ask(q);
      assert.deepEqual(seen.titles, coreTitles(q));
      assert.ok(seen.titles.length > 0, 'the words around the control characters are still searched');
      assert.ok(!seen.text.includes('\u001b'));
      assert.ok(!seen.text.includes('\u0000'));
      assert.ok(!seen.text.includes('\u0007'));
    });
  });
}
