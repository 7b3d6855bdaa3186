/**
 * The saved index: used when it matches the corpus, rebuilt (never used) when it is stale or
 * damaged, and a loaded index answers exactly like a freshly built one.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import fc from 'fast-check';
import { Bot } from '../../src/core/bot.ts';
import { CorpusInvalidError } from '../../src/core/corpus/errors.ts';
import { readCorpusFiles } from '../../src/core/corpus/load.ts';
import { decodeBody, decodeBodyAsync, encodeBody, INDEX_VERSION, indexKey, savedIndexPath } from '../../src/core/index-cache.ts';
import { loadLibrary, openLibrary, reloadLibrary, saveIndex, type Library } from '../../src/core/library.ts';
import { generateCorpus } from '../../bench/corpus.ts';
import { loadCases } from '../relevance/cases.ts';
import { CORPUS_DIR } from '../helpers/bot.ts';

function dirs() {
  const corpus = mkdtempSync(path.join(tmpdir(), 'kubecon-idx-corpus-'));
  cpSync(CORPUS_DIR, corpus, { recursive: true });
  return { corpus, data: mkdtempSync(path.join(tmpdir(), 'kubecon-idx-data-')) };
}

/**
 * What users would see for every relevance query, a typo and an unknown word, in both locales.
 * Scores are compared to ten digits: a loaded index sums the same numbers in another order.
 */
function answers(library: Library): unknown[] {
  const bot = new Bot({ library, today: () => undefined });
  const queries = [...loadCases().map((c) => c.query), 'kubernets', 'qzxwv', 'KubeCon 2022'];
  const replies = queries.flatMap((text) => [bot.handle({ text, locale: 'ja' }), bot.handle({ text, locale: 'en', offset: 0, limit: 50 })]);
  return JSON.parse(JSON.stringify(replies, (k, v: unknown) => (k === 'score' && typeof v === 'number' ? Number(v.toPrecision(10)) : v))) as unknown[];
}

const ZEBRA = `---\nevent: demo-2026\nevent_name: Demo 2026\ndates: 2026-01-01\nrecap_title: Demo\n---\n\n## Zebracorn Talk\n\n### ja\n\nzebracorn の話。\n\n### en\n\nAbout zebracorn.\n`;

it('builds and saves the index at the first start, then loads it, answering exactly like a fresh build', async () => {
  const d = dirs();
  // Generated recap and schedule files too: talks without a recap or summaries must round-trip.
  for (const f of (await generateCorpus(120)).files) writeFileSync(path.join(d.corpus, f.name), f.text);
  const first = await openLibrary(d.corpus, d.data);
  assert.equal(first.from, 'built');
  assert.equal(first.reason, 'no saved index yet');
  assert.ok(existsSync(savedIndexPath(d.data)));
  const second = await openLibrary(d.corpus, d.data);
  assert.equal(second.from, 'saved', second.reason);
  const fresh = await loadLibrary(d.corpus);
  assert.deepEqual(answers(second.library), answers(fresh));
  // Compared as JSON: a field left undefined is not saved, which no reader can tell apart.
  const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
  assert.deepEqual(plain(second.library.events), plain(fresh.events));
  assert.deepEqual(second.library.files, fresh.files);
  assert.deepEqual(plain(second.library.index.talks), plain(fresh.index.talks));
  assert.ok(fresh.index.talks.some((t) => !t.recap && t.abstract), 'schedule talks were part of it');
  // Autocomplete and "did you mean" read the vocabulary, which is saved too.
  assert.deepEqual(second.library.index.vocabulary.completions('kub', 5), fresh.index.vocabulary.completions('kub', 5));
});

it('rebuilds a damaged saved index instead of using it', async () => {
  const d = dirs();
  await openLibrary(d.corpus, d.data);
  const file = savedIndexPath(d.data);
  const good = readFileSync(file);
  // The JSON part of the file is UTF-16: a term is changed in that encoding.
  const term = Buffer.from('"gvisor"', 'utf16le');
  const at = good.indexOf(term);
  assert.ok(at > 0, 'the saved index holds the term gvisor');
  const changed = Buffer.from(good);
  changed.set(Buffer.from('"gvisoq"', 'utf16le'), at);
  const damages: Array<[string, Buffer]> = [
    ['truncated', good.subarray(0, Math.floor(good.length / 2))],
    ['a changed term', changed],
    ['garbage', Buffer.from('not an index at all')],
    ['empty', Buffer.alloc(0)],
  ];
  for (const [what, bytes] of damages) {
    assert.ok(!bytes.equals(good), what);
    writeFileSync(file, bytes);
    const opened = await openLibrary(d.corpus, d.data);
    assert.equal(opened.from, 'built', what);
    assert.match(opened.reason ?? '', /damaged/, what);
    assert.match(JSON.stringify(opened.library.index.search('gvisor')[0]?.talk.title), /Container Security/, what);
    assert.ok(readFileSync(file).equals(good), `${what}: a good index is saved again`);
  }
});

it('reads an index checksummed with SHA-256 (as a Node without CRC-32 writes it), and sees damage in one', async () => {
  const d = dirs();
  await openLibrary(d.corpus, d.data);
  const file = savedIndexPath(d.data);
  const saved = readFileSync(file);
  const nl = saved.indexOf(0x0a);
  const header = JSON.parse(saved.subarray(0, nl).toString()) as { checksum: string };
  assert.match(header.checksum, /^(crc32|sha256):[0-9a-f]+$/);
  const body = saved.subarray(nl + 1);
  const withSha = (b: Buffer) =>
    Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, checksum: `sha256:${createHash('sha256').update(b).digest('hex')}` })}\n`), b]);
  writeFileSync(file, withSha(body));
  assert.equal((await openLibrary(d.corpus, d.data)).from, 'saved');
  const changed = Buffer.from(body);
  changed[changed.length - 2] = changed.at(-2)! ^ 1;
  writeFileSync(file, Buffer.concat([withSha(body).subarray(0, withSha(body).indexOf(0x0a) + 1), changed]));
  const opened = await openLibrary(d.corpus, d.data);
  assert.equal(opened.from, 'built');
  assert.match(opened.reason ?? '', /checksum mismatch/);
});

it('rebuilds when a corpus file changes, and when the index version changes', async () => {
  const d = dirs();
  await openLibrary(d.corpus, d.data);
  writeFileSync(path.join(d.corpus, 'zebra.md'), ZEBRA);
  const changed = await openLibrary(d.corpus, d.data);
  assert.equal(changed.from, 'built');
  assert.match(changed.reason ?? '', /changed/);
  assert.equal(changed.library.index.search('zebracorn')[0]?.talk.title, 'Zebracorn Talk');
  assert.equal((await openLibrary(d.corpus, d.data)).from, 'saved');

  // An edit inside a file (not only a new file) makes it stale too.
  appendFileSync(path.join(d.corpus, 'zebra.md'), '\n## Quokkaverse Talk\n\n### ja\n\nquokkaverse の話。\n\n### en\n\nAbout quokkaverse.\n');
  const edited = await openLibrary(d.corpus, d.data);
  assert.equal(edited.from, 'built');
  assert.equal(edited.library.index.search('quokkaverse')[0]?.talk.title, 'Quokkaverse Talk');

  // A saved index from another analyzer version: its key differs, so it is rebuilt.
  const sources = await readCorpusFiles(d.corpus);
  const file = savedIndexPath(d.data);
  const text = readFileSync(file, 'utf8');
  const key = indexKey(sources);
  assert.notEqual(indexKey(sources, INDEX_VERSION + 1), key);
  writeFileSync(file, text.replace(key, indexKey(sources, INDEX_VERSION + 1)));
  const other = await openLibrary(d.corpus, d.data);
  assert.equal(other.from, 'built');
  assert.match(other.reason ?? '', /changed/);
});

it('uses the saved index when the files were only touched (same content, new times)', async () => {
  const d = dirs();
  assert.equal((await openLibrary(d.corpus, d.data)).from, 'built');
  const later = new Date(Date.now() + 60_000);
  for (const name of readdirSync(d.corpus)) utimesSync(path.join(d.corpus, name), later, later);
  const touched = await openLibrary(d.corpus, d.data);
  assert.equal(touched.from, 'saved', 'the stamp differs, the content matches');
  assert.equal(touched.library.index.search('gvisor')[0]?.talk.title, 'Best Practice for Container Security at Scale');
});

it('saveIndex (for corpus check and import) builds only when needed and refuses a bad corpus', async () => {
  const d = dirs();
  assert.deepEqual(await saveIndex(d.corpus, d.data), { built: true, talks: (await loadLibrary(d.corpus)).index.talks.length });
  assert.equal((await saveIndex(d.corpus, d.data)).built, false);
  assert.equal((await openLibrary(d.corpus, d.data)).from, 'saved');
  writeFileSync(path.join(d.corpus, 'broken.md'), '---\nevent: Bad Id\n---\n');
  await assert.rejects(saveIndex(d.corpus, d.data), CorpusInvalidError);
});

it('still starts when the data folder cannot be written, and says why the index was not saved', async () => {
  const d = dirs();
  const blocked = path.join(d.data, 'file-not-folder');
  writeFileSync(blocked, 'x');
  const opened = await openLibrary(d.corpus, blocked);
  assert.equal(opened.from, 'built');
  assert.ok(opened.saveError);
  assert.match(JSON.stringify(opened.library.index.search('gvisor')[0]?.talk.title), /Container Security/);
});

it('a reload built in a worker answers like a fresh build, and reports a bad corpus', async () => {
  const d = dirs();
  writeFileSync(path.join(d.corpus, 'zebra.md'), ZEBRA);
  const reloaded = await reloadLibrary(d.corpus, d.data);
  assert.equal(reloaded.from, 'built');
  assert.deepEqual(answers(reloaded.library), answers(await loadLibrary(d.corpus)));
  assert.equal((await reloadLibrary(d.corpus, d.data)).from, 'saved');
  writeFileSync(path.join(d.corpus, 'broken.md'), '---\nevent: Bad Id\n---\n');
  await assert.rejects(reloadLibrary(d.corpus, d.data), (err: unknown) => err instanceof CorpusInvalidError && /broken\.md/.test(err.message + JSON.stringify(err.problems)));
});

it('a reload takes the saved form in a line at a time and gets the same lines as a start reads at once', async () => {
  // Text lines start with "{" (JSON, stored as UTF-16); the postings lines after them are ASCII.
  // Characters such as U+0A05 put the bytes of a line break at odd offsets.
  const text = fc.array(fc.constantFrom('a', 'ク', '\u0a05', '\u0a00', 'é', '😀', ' ', '"', '{'), { maxLength: 12 }).map((cs) => `{${cs.join('')}`);
  const postings = fc.array(fc.constantFrom('0', '9', ',', ';', 'x'), { maxLength: 8 }).map((cs) => `0${cs.join('')}`);
  await fc.assert(
    fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 8 }), fc.array(postings, { maxLength: 8 }), async (json, post) => {
      const lines = [...json, ...post];
      const { body, jsonBytes } = encodeBody(lines);
      assert.deepEqual(decodeBody(body, jsonBytes), lines);
      assert.deepEqual(await decodeBodyAsync(body, jsonBytes), lines);
    }),
  );
});
