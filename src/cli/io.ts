/**
 * What a CLI command reads and writes, passed in so tests run the commands in process, and the
 * exit codes they return (documented in the README).
 */
import type { Writable } from 'node:stream';

export interface Io {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Paths in messages are shown relative to this folder. */
  cwd: string;
}

export const EXIT = {
  ok: 0,
  /** The search ran and no talk matched (as grep does). */
  noResults: 1,
  /** The command line itself was wrong: unknown command, bad option. */
  usage: 2,
  /** The query was refused with a notice: unknown event, bad year, nothing to search for. */
  refused: 3,
  /** A setting or the corpus is invalid. */
  invalid: 4,
} as const;

export function out(io: Io, text: string): void {
  io.stdout.write(`${text}\n`);
}

export function err(io: Io, text: string): void {
  io.stderr.write(`${text}\n`);
}
