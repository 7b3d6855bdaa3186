import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';

const CORE = path.join(import.meta.dirname, '..', '..', 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

it('the core imports no chat platform or adapter', () => {
  const bad = /from ['"](@slack\/|discord\.js|@discordjs\/|\.\.\/adapters|\.\.\/\.\.\/adapters|pino)/;
  for (const f of files(CORE)) assert.doesNotMatch(readFileSync(f, 'utf8'), bad, f);
});
