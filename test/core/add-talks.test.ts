/**
 * addTalks is MiniSearch's addAll made faster: the index it makes must be the one addAll makes,
 * term for term, count for count, field length for field length.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import MiniSearch from 'minisearch';
import { addTalks, fieldText } from '../../src/core/add-talks.ts';
import { analyze } from '../../src/core/analyzer.ts';
import { loadCorpus } from '../../src/core/corpus/load.ts';
import { FIELDS, type Field } from '../../src/core/search-options.ts';
import type { Talk } from '../../src/core/types.ts';
import { generateCorpus } from '../../bench/corpus.ts';
import { CORPUS_DIR } from '../helpers/bot.ts';

function empty(): MiniSearch<Talk> {
  return new MiniSearch<Talk>({
    fields: [...FIELDS],
    storeFields: [],
    extractField: (doc, field) => (field === 'id' ? doc.id : fieldText(doc, field as Field)),
    tokenize: analyze,
    processTerm: (term) => term,
  });
}

async function talks(): Promise<Talk[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'add-talks-'));
  try {
    for (const f of (await generateCorpus(150)).files) writeFileSync(path.join(dir, f.name), f.text);
    return [...(await loadCorpus(CORPUS_DIR)).talks, ...(await loadCorpus(dir)).talks];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

it('makes the same index as MiniSearch addAll, on the real corpus and generated talks', async () => {
  const all = await talks();
  const theirs = empty();
  theirs.addAll(all);
  const ours = empty();
  addTalks(ours, all);
  assert.ok(theirs.termCount > 1000);
  assert.deepEqual(JSON.parse(JSON.stringify(ours)), JSON.parse(JSON.stringify(theirs)));
  for (const q of ['gvisor', 'セキュリティ', 'kubernetes scheduler']) assert.deepEqual(ours.search(q), theirs.search(q));
});

it('refuses a talk id twice, as addAll does', async () => {
  const [talk] = (await loadCorpus(CORPUS_DIR)).talks;
  const mini = empty();
  addTalks(mini, [talk!]);
  assert.throws(() => addTalks(mini, [talk!]), /duplicate ID/);
});
