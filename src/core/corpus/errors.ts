/** A problem in a corpus file, located at a line so an editor can jump to it. */
export interface CorpusError {
  file: string;
  line: number;
  message: string;
}

/** `file:line: message`, or `file: message` for a problem with the whole file (line 0). */
export function formatCorpusError(e: CorpusError): string {
  return e.line > 0 ? `${e.file}:${e.line}: ${e.message}` : `${e.file}: ${e.message}`;
}

/** Thrown when a corpus cannot be loaded; carries every problem found. */
export class CorpusInvalidError extends Error {
  readonly problems: CorpusError[];
  constructor(problems: CorpusError[]) {
    super(`corpus is invalid:\n${problems.map(formatCorpusError).join('\n')}`);
    this.name = 'CorpusInvalidError';
    this.problems = problems;
  }
}
