import assert from 'node:assert/strict';
import { test } from 'node:test';
import { realBot, realLibrary } from '../helpers/bot.ts';

// An event named in words with nothing else to search for lists that event's talks, however the
// sentence around it is written.
for (const text of ['パリのKubeCon', '2024年のKubeCon', 'KubeCon 2024', 'event:kubecon-eu-2024']) {
  test(`"${text}" lists every talk of KubeCon EU 2024`, async () => {
    const library = await realLibrary();
    const expected = library.index.talks.filter((t) => t.event.id === 'kubecon-eu-2024').length;
    assert.ok(expected > 0);
    const reply = (await realBot()).handle({ text, locale: 'en', limit: 50 });
    assert.equal(reply.kind, 'results', JSON.stringify(reply).slice(0, 300));
    if (reply.kind !== 'results') return;
    assert.equal(reply.page.total, expected);
    assert.ok(reply.hits.every((h) => h.event.id === 'kubecon-eu-2024'));
  });
}

test('a question of stop words alone, with no event, does not list every talk', async () => {
  const library = await realLibrary();
  const reply = (await realBot()).handle({ text: 'セッションある?', locale: 'en' });
  assert.ok(reply.kind !== 'results' || reply.page.total < library.index.talks.length);
});
