/**
 * Builds src/core/data/ja-en.json, the compact Japanese -> English table used by query
 * expansion, from Sudachi's synonym dictionary (npm `sudachi-synonyms-dictionary`, Apache-2.0,
 * a 14 MB JSON). Only what expansion needs is kept: Japanese forms with a kanji (katakana
 * loanwords are matched by transliteration instead) mapped to the group's alphabet forms of at
 * most three words. Run: node --import tsx scripts/build-ja-en.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface Item {
  expandControl: 0 | 1 | 2;
  midashi: string;
}

const require = createRequire(import.meta.url);
// The package exports only its loader; its data file sits beside package.json.
const dir = path.dirname(require.resolve('sudachi-synonyms-dictionary'));
const source = path.join(dir, 'sudachi-synonyms-dictionary.json');
const groups = JSON.parse(readFileSync(source, 'utf8')) as Array<{ items: Item[] }>;
const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };

const ALPHABET = /^[a-z][a-z0-9 .+-]*$/;
const KANJI = /\p{Script=Han}/u;

const table: Record<string, string[]> = {};
for (const group of groups) {
  // expandControl 2 marks a form kept only as a deletion record: never expand it.
  const items = group.items.filter((i) => i.expandControl !== 2).map((i) => i.midashi.normalize('NFKC').toLowerCase());
  const english = [...new Set(items.filter((m) => ALPHABET.test(m) && m.split(' ').length <= 3))];
  if (english.length === 0) continue;
  for (const form of items) {
    if (form.length < 2 || !KANJI.test(form) || ALPHABET.test(form)) continue;
    const list = (table[form] ??= []);
    for (const e of english) if (!list.includes(e)) list.push(e);
  }
}

const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const out = path.join(import.meta.dirname, '..', 'src', 'core', 'data', 'ja-en.json');
const json = JSON.stringify({ source: `sudachi-synonyms-dictionary ${version} (Apache-2.0)`, entries: sorted });
writeFileSync(out, json + '\n');
console.log(`${out}: ${Object.keys(sorted).length} Japanese forms, ${json.length} bytes`);
