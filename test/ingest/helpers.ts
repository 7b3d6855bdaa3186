import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CORPUS = path.join(import.meta.dirname, '..', '..', 'corpus');
export const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'sched', 'kccnceu2024.ics');

/** A fresh copy of the shipped corpus in a temporary folder. */
export function corpusCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubecon-corpus-'));
  cpSync(CORPUS, dir, { recursive: true });
  return dir;
}

export function tempDir(prefix = 'kubecon-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Every file of a folder with its bytes, to compare a folder before and after. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of readdirSync(dir).sort()) out[n] = readFileSync(path.join(dir, n)).toString('base64');
  return out;
}
