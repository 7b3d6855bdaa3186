/**
 * Sudachi's synonym dictionary (npm `sudachi-synonyms-dictionary`, Apache-2.0, a 14 MB JSON), as
 * the lexicon build scripts read it. The package exports only its loader; its data file sits
 * beside package.json.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface SudachiItem {
  /** 2 marks a form kept only as a deletion record: never expand it. */
  expandControl: 0 | 1 | 2;
  midashi: string;
  /** The group's fields (分野), such as ビジネス. */
  bunya: string[];
}

export function sudachiGroups(): { version: string; groups: Array<{ items: SudachiItem[] }> } {
  const dir = path.dirname(createRequire(import.meta.url).resolve('sudachi-synonyms-dictionary'));
  const groups = JSON.parse(readFileSync(path.join(dir, 'sudachi-synonyms-dictionary.json'), 'utf8')) as Array<{ items: SudachiItem[] }>;
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  return { version, groups };
}
