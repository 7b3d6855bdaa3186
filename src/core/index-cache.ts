/**
 * The saved index: a built library written to `DATA_DIR/search-index.jsonl`, so a start (or a
 * reload) with an unchanged corpus loads it in a fraction of the build time.
 *
 * It is keyed by a hash of the corpus files (their paths and contents), INDEX_VERSION, the ICU
 * version (Intl.Segmenter's word breaks come from ICU), the glossary and the analysis of a probe
 * text, so a change to any of them makes it stale. A stale or damaged file is never used: the
 * caller rebuilds and writes a new one. The file is lines: a JSON header with the key and a
 * checksum of the rest, then JSON lines of data in chunks, so a reload can parse it a piece at a
 * time. Each JSON line of terms is followed by one line per term holding its postings in the text
 * form of postings.ts, which a start keeps as text until a search reads it.
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AsPlainObject } from 'minisearch';
import { analyze } from './analyzer.ts';
import { isCorpusFileName, type Corpus } from './corpus/load.ts';
import type { CrossTables } from './cross.ts';
import { GLOSSARY } from './glossary.ts';
import { FIELDS } from './search-options.ts';
import type { IndexParts, TalkIndex } from './search.ts';
import type { EventInfo, Recap, Talk } from './types.ts';
import type { SavedVocabulary } from './vocabulary.ts';

/** Bump when the index's content or layout changes in a way the probe below would not show. */
export const INDEX_VERSION = 6;

const INDEX_FILE = 'search-index.jsonl';
const FORMAT = 'kubecon-bot/search-index';
const TALKS_PER_LINE = 1_000;
const TERMS_PER_LINE = 4_000;

/** Mixed text whose analysis changes whenever the analyzer's output does. */
const PROBE =
  'KubeCon の PodSecurityPolicy と gVisor サンドボックスで脆弱性を防ぐ。ぜい弱性、サーバー、Kubernetes 1.29 clusters, multi-tenant eBPF networking; Argo CD.';

export function savedIndexPath(dataDir: string): string {
  return path.join(dataDir, INDEX_FILE);
}

/** Hashes this code's part of a key: format, ICU, fields, glossary and the analysis of a probe text. */
function codeHash(version: number) {
  const h = createHash('sha256');
  const part = (s: string) => h.update(`${s.length}:${s}`);
  part(`${FORMAT}/${version}`);
  part(process.versions.icu ?? 'no-icu');
  part(JSON.stringify(FIELDS));
  part(JSON.stringify(GLOSSARY));
  part(analyze(PROBE).join(' '));
  return { h, part };
}

/** The key a saved index must carry to be used for these corpus files with this code. */
export function indexKey(sources: ReadonlyArray<{ file: string; text: string }>, version = INDEX_VERSION): string {
  const { h, part } = codeHash(version);
  for (const s of sources) {
    part(s.file);
    part(s.text);
  }
  return h.digest('hex');
}

/**
 * What the file system says of the corpus files (names, sizes, modification times to the
 * nanosecond, inodes) and of this code, hashed: a stamp that changes whenever a file is edited,
 * added or removed, cheap to take. The key of the content it last went with is remembered beside
 * the saved index (`rememberKey`), so a start whose stamp is unchanged checks the saved index
 * without reading the corpus, as make and git trust file times. Only a change that keeps a file's
 * size and time to the nanosecond would go unseen. Undefined when the folder cannot be listed.
 */
export async function corpusStamp(dir: string): Promise<string | undefined> {
  try {
    const names = (await readdir(dir)).filter(isCorpusFileName).sort();
    const stats = await Promise.all(names.map((n) => stat(path.join(dir, n), { bigint: true })));
    const { h, part } = codeHash(INDEX_VERSION);
    part(path.resolve(dir));
    names.forEach((n, i) => part(`${n}\t${stats[i]!.size}\t${stats[i]!.mtimeNs}\t${stats[i]!.ino}`));
    return h.digest('hex');
  } catch {
    return undefined;
  }
}

const STAMP_FILE = 'search-index.stamp';

/** The content key last seen with corpus stamp `stamp`, if that is the stamp remembered. */
export async function rememberedKey(dataDir: string, stamp: string): Promise<string | undefined> {
  try {
    const [was, key] = (await readFile(path.join(dataDir, STAMP_FILE), 'utf8')).split('\n');
    return was === stamp && key ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers that corpus stamp `stamp` goes with content key `key`; best effort (a failure only costs the next start a read of the corpus). */
export async function rememberKey(dataDir: string, stamp: string, key: string): Promise<void> {
  const file = path.join(dataDir, STAMP_FILE);
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFile(tmp, `${stamp}\n${key}`);
    await rename(tmp, file);
  } catch {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

interface Header {
  format: string;
  key: string;
  /** `crc32:<hex>` or `sha256:<hex>` of the bytes after the header line (see `checksum`). */
  checksum: string;
  /** Bytes of the JSON lines (UTF-16); a newline byte and the postings lines (ASCII) follow them. */
  jsonBytes: number;
}

/** A talk as saved: its event by id and its recap by number, since many talks share each. */
type StoredTalk = Omit<Talk, 'event' | 'recap'> & { event: string; recap?: number };

/** What a library needs of a corpus. */
export type LibraryCorpus = Pick<Corpus, 'talks' | 'events' | 'files'>;

/** A library's data as it is saved and restored. */
export interface SavedLibrary {
  corpus: LibraryCorpus;
  parts: IndexParts;
}

/** The data lines of a built library's saved form (`writeSavedLines` puts a header before them). */
export function serializeLibrary(corpus: LibraryCorpus, index: TalkIndex): string[] {
  const recaps: Recap[] = [];
  const recapIds = new Map<Recap, number>();
  const talks: StoredTalk[] = corpus.talks.map(({ recap, ...t }) => {
    if (!recap) return { ...t, event: t.event.id };
    let n = recapIds.get(recap);
    if (n === undefined) {
      n = recaps.push(recap) - 1;
      recapIds.set(recap, n);
    }
    return { ...t, event: t.event.id, recap: n };
  });
  const { mini, terms, postings, vocabulary, cross } = index.toParts();
  const lines = [JSON.stringify({ events: corpus.events, files: corpus.files, recaps })];
  for (let i = 0; i < talks.length; i += TALKS_PER_LINE) lines.push(JSON.stringify({ talks: talks.slice(i, i + TALKS_PER_LINE) }));
  lines.push(JSON.stringify({ vocabulary }));
  lines.push(JSON.stringify({ mini }));
  lines.push(JSON.stringify({ cross }));
  for (let i = 0; i < terms.length; i += TERMS_PER_LINE) lines.push(JSON.stringify({ terms: terms.slice(i, i + TERMS_PER_LINE) }));
  // The postings last, one line per term in the order of the terms: ASCII, read in one piece.
  lines.push(...postings);
  return lines;
}

/**
 * The file's bytes after its header line: the JSON lines (those before the first postings line)
 * as UTF-16, a newline byte, the postings lines as ASCII. Mostly Japanese and English text, the
 * JSON part is about 60% larger in UTF-16 than in UTF-8, but decoding it is a copy instead of
 * UTF-8 decoding: 25 ms instead of 110 ms at 10,000 talks, a tenth of a start.
 */
export function encodeBody(lines: readonly string[]): { body: Buffer; jsonBytes: number } {
  let split = lines.findIndex((line) => !line.startsWith('{'));
  if (split < 0) split = lines.length;
  const json = Buffer.from(lines.slice(0, split).join('\n'), 'utf16le');
  if (split === lines.length) return { body: json, jsonBytes: json.length };
  const postings = Buffer.from(lines.slice(split).join('\n'), 'latin1');
  return { body: Buffer.concat([json, Buffer.from([NEWLINE]), postings]), jsonBytes: json.length };
}

/** Why a saved index cannot be used. */
class SavedIndexError extends Error {}

interface Accumulator {
  head?: { events: EventInfo[]; files: string[]; recaps: Recap[] };
  talks: StoredTalk[];
  vocabulary?: SavedVocabulary;
  mini?: Omit<AsPlainObject, 'index'>;
  cross?: CrossTables;
  terms: string[];
  postings: string[];
}

function takeLine(acc: Accumulator, line: string): void {
  // Postings lines are kept as they are (they never start with "{"); the rest is JSON.
  if (!line.startsWith('{')) {
    acc.postings.push(line);
    return;
  }
  const v = JSON.parse(line) as Record<string, unknown>;
  if ('talks' in v) acc.talks.push(...(v.talks as StoredTalk[]));
  else if ('terms' in v) acc.terms.push(...(v.terms as string[]));
  else if ('vocabulary' in v) acc.vocabulary = v.vocabulary as SavedVocabulary;
  else if ('mini' in v) acc.mini = v.mini as Omit<AsPlainObject, 'index'>;
  else if ('cross' in v) acc.cross = v.cross as CrossTables;
  else if ('events' in v) acc.head = v as unknown as Accumulator['head'];
  else throw new SavedIndexError('unknown line in the saved index');
}

function finish(acc: Accumulator): SavedLibrary {
  const { head, vocabulary, mini, cross } = acc;
  if (!head || !vocabulary || !mini || !cross) throw new SavedIndexError('the saved index is incomplete');
  const events = new Map(head.events.map((e) => [e.id, e]));
  // The parsed objects become the talks: their event id and recap number are replaced in place
  // (10,000 talks: no second copy of each).
  const talks = acc.talks.map((t) => {
    const event = events.get(t.event);
    const recap = t.recap === undefined ? undefined : head.recaps[t.recap];
    if (!event || (t.recap !== undefined && !recap)) throw new SavedIndexError(`talk ${t.id} refers to an unknown event or recap`);
    const talk = t as unknown as Talk;
    talk.event = event;
    if (recap) talk.recap = recap;
    return talk;
  });
  if (mini.documentCount !== talks.length) throw new SavedIndexError('the saved index and its talks disagree');
  if (acc.terms.length !== acc.postings.length) throw new SavedIndexError('the saved index has terms without postings');
  return { corpus: { talks, events: head.events, files: head.files }, parts: { mini, terms: acc.terms, postings: acc.postings, vocabulary, cross } };
}

/** Restores data lines (without the header) in one go. */
export function parseLines(lines: readonly string[]): SavedLibrary {
  const acc: Accumulator = { talks: [], terms: [], postings: [] };
  for (const line of lines) takeLine(acc, line);
  return finish(acc);
}

/** Like `parseLines`, yielding to the event loop after each JSON line (each is a few milliseconds of work). */
export async function parseLinesAsync(lines: readonly string[]): Promise<SavedLibrary> {
  const acc: Accumulator = { talks: [], terms: [], postings: [] };
  for (const line of lines) {
    takeLine(acc, line);
    if (line.startsWith('{')) await nextTurn();
  }
  return finish(acc);
}

/**
 * The data lines of the saved index in `dataDir` if it exists, carries `key` and is intact;
 * otherwise why not (missing, stale, damaged). Never throws.
 */
export async function readSavedLines(dataDir: string, key: string): Promise<{ lines: string[] } | { reason: string }> {
  let file: Buffer;
  try {
    file = await readFile(savedIndexPath(dataDir));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { reason: code === 'ENOENT' ? 'no saved index yet' : `cannot read the saved index: ${(err as Error).message}` };
  }
  const nl = file.indexOf(NEWLINE);
  let header: Partial<Header>;
  try {
    header = JSON.parse(file.toString('utf8', 0, nl < 0 ? file.length : nl)) as Partial<Header>;
  } catch {
    return { reason: 'the saved index is damaged (unreadable header)' };
  }
  if (header.format !== FORMAT || typeof header.key !== 'string' || typeof header.checksum !== 'string' || !Number.isInteger(header.jsonBytes) || header.jsonBytes! % 2 !== 0) {
    return { reason: 'the saved index is damaged (bad header)' };
  }
  if (header.key !== key) return { reason: 'the corpus or the analyzer changed since the index was saved' };
  const body = file.subarray(nl < 0 ? file.length : nl + 1);
  const algorithm = header.checksum.slice(0, header.checksum.indexOf(':'));
  if (checksum(body, algorithm) !== header.checksum) return { reason: 'the saved index is damaged (checksum mismatch)' };
  return { lines: decodeBody(body, header.jsonBytes!) };
}

/** Like `decodeBody`, a JSON line at a time, yielding to the event loop after each (at 10,000 talks, 26 lines of 1-3 MB). */
export async function decodeBodyAsync(body: Buffer, jsonBytes: number): Promise<string[]> {
  const split = Math.min(jsonBytes, body.length);
  const lines: string[] = [];
  let from = 0;
  while (from < split) {
    // A UTF-16 line break starts at an even offset; 0a 00 at an odd one is the end of a character and the start of another.
    let nl = body.indexOf(NEWLINE_16, from);
    while (nl >= 0 && nl % 2 === 1) nl = body.indexOf(NEWLINE_16, nl + 1);
    const end = nl < 0 || nl >= split ? split : nl;
    lines.push(body.toString('utf16le', from, end));
    from = end + 2;
    await nextTurn();
  }
  if (split < body.length) lines.push(...body.toString('latin1', split + 1).split('\n'));
  return lines;
}

const NEWLINE_16 = Buffer.from('\n', 'utf16le');

/** The data lines `encodeBody` made `body` of. */
export function decodeBody(body: Buffer, jsonBytes: number): string[] {
  const split = Math.min(jsonBytes, body.length);
  // The postings are ASCII: decoded on their own they make one compact one-byte string, which
  // their lines are slices of, instead of part of a two-byte string of the whole file.
  const json = body.toString('utf16le', 0, split).split('\n');
  return split < body.length ? [...json, ...body.toString('latin1', split + 1).split('\n')] : json;
}

const NEWLINE = 0x0a;

const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/**
 * The checksum a saved index carries, to tell a damaged file (cut short, bytes changed) from a
 * good one; DATA_DIR is the bot's own, so it guards against accidents, not an attacker. CRC-32
 * where Node has it (20.15 and later): 17 ms on the 39 MB of a 10,000-talk index, SHA-256 36 ms.
 * `algorithm` names the one to use; one this Node lacks gives a checksum no file carries.
 */
function checksum(body: Uint8Array, algorithm = crc32 ? 'crc32' : 'sha256'): string {
  if (algorithm === 'crc32') return crc32 ? `crc32:${crc32(body).toString(16).padStart(8, '0')}` : 'crc32:unavailable';
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

/** Writes the saved index atomically: a reader sees the old file or the new one, never half. */
export async function writeSavedLines(dataDir: string, key: string, lines: readonly string[]): Promise<number> {
  await mkdir(dataDir, { recursive: true });
  const file = savedIndexPath(dataDir);
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const { body, jsonBytes } = encodeBody(lines);
  const header = Buffer.from(`${JSON.stringify({ format: FORMAT, key, checksum: checksum(body), jsonBytes } satisfies Header)}\n`);
  await writeFile(tmp, Buffer.concat([header, body]));
  await rename(tmp, file);
  return header.length + body.length;
}
