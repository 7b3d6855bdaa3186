/**
 * The test runner's output for people: each failing test with its error, nothing for passing
 * ones, and the runner's closing summary (`# tests N`, `# pass N`, `# fail N`) exactly
 * as the TAP reporter prints it, which is what CI reads.
 */
import process from 'node:process';
import { inspect } from 'node:util';

function describeError(error) {
  const cause = error?.cause ?? error;
  return inspect(cause, { depth: 4, colors: false }).split('\n').map((l) => `    ${l}`).join('\n');
}

/** A reporter for `node --test --test-reporter=./test/reporter.mjs` (plain JS: reporters load without tsx). */
export default async function* reporter(source) {
  const path = [];
  /** What each test file printed to stderr: shown when the file itself fails (e.g. cannot load). */
  const stderr = new Map();
  for await (const { type, data } of source) {
    if (type === 'test:stderr' && data.file) stderr.set(data.file, ((stderr.get(data.file) ?? '') + data.message).slice(-4000));
    else if (type === 'test:start') {
      path.length = data.nesting ?? 0;
      path.push(data.name ?? '');
    } else if (type === 'test:fail' && data.details?.type !== 'suite') {
      const where = data.file ? ` (${data.file.replace(`${process.cwd()}/`, '')})` : '';
      const name = [...path.slice(0, data.nesting ?? 0), data.name].join(' > ');
      const printed = (data.nesting ?? 0) === 0 && data.file ? stderr.get(data.file) : undefined;
      yield `\nnot ok - ${name}${where}\n${describeError(data.details?.error)}\n${printed ? `${printed}\n` : ''}`;
    } else if (type === 'test:diagnostic' && (data.nesting ?? 0) === 0) {
      yield `# ${data.message}\n`;
    }
  }
}
