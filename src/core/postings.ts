/**
 * A term's postings (field -> talk -> how often the term occurs there) in the saved index's
 * compact text form, and a map that decodes that text only when a search first reads the term.
 * A start then costs a string per term instead of two million map entries, and the terms no
 * query touches never take more memory than their text.
 *
 * Text form: fields separated by ";", each `fieldId:` then its talks separated by ",", each talk
 * as the difference from the previous talk's id in base 36, with `*count` when the count is not 1:
 * `0:1,3*2;5:4` is field 0 in talks 1 and 4 (twice), field 5 in talk 4. ASCII only.
 */

/** What MiniSearch keeps per term: field id -> (talk's short id -> occurrences). */
export type Postings = Map<number, Map<number, number>>;

/** The text form of a term's postings as MiniSearch's JSON holds them ({ fieldId: { shortId: count } }). */
export function encodePostings(data: Record<string, Record<string, number>>): string {
  const fields: string[] = [];
  for (const fieldId of Object.keys(data).sort((a, b) => Number(a) - Number(b))) {
    const docs = Object.keys(data[fieldId]!).map(Number).sort((a, b) => a - b);
    let last = 0;
    const items = docs.map((doc) => {
      const count = data[fieldId]![doc]!;
      const item = (doc - last).toString(36) + (count === 1 ? '' : `*${count}`);
      last = doc;
      return item;
    });
    fields.push(`${fieldId}:${items.join(',')}`);
  }
  return fields.join(';');
}

/** The text form of postings held as maps. */
export function encodeMap(postings: Postings): string {
  const data: Record<string, Record<string, number>> = {};
  for (const [field, docs] of postings) data[field] = Object.fromEntries(docs);
  return encodePostings(data);
}

/** Postings from their text form; throws on text that is not in that form. */
export function decodePostings(text: string): Postings {
  const out: Postings = new Map();
  for (const field of text.split(';')) {
    const colon = field.indexOf(':');
    const fieldId = Number(field.slice(0, colon));
    if (colon < 1 || !Number.isInteger(fieldId)) throw new Error(`bad postings "${text.slice(0, 40)}"`);
    const docs = new Map<number, number>();
    let doc = 0;
    for (const item of field.slice(colon + 1).split(',')) {
      const star = item.indexOf('*');
      const delta = parseInt(star < 0 ? item : item.slice(0, star), 36);
      const count = star < 0 ? 1 : Number(item.slice(star + 1));
      if (!Number.isFinite(delta) || !Number.isInteger(count)) throw new Error(`bad postings "${text.slice(0, 40)}"`);
      doc += delta;
      docs.set(doc, count);
    }
    out.set(fieldId, docs);
  }
  return out;
}

/**
 * Postings as a build collects them, two numbers per field of a talk holding the term: the talk's
 * id, then the count times FIELD_SLOTS plus the field's id. Talks come in ascending order.
 * Two numbers pushed onto one array cost a third of what a map per field did.
 */
const FIELD_SLOTS = 16;

function collectedFields(entries: readonly number[]): number[] {
  const fields = new Set<number>();
  for (let k = 1; k < entries.length; k += 2) fields.add(entries[k]! % FIELD_SLOTS);
  return [...fields].sort((a, b) => a - b);
}

function encodeCollected(entries: readonly number[]): string {
  return collectedFields(entries)
    .map((field) => {
      const items: string[] = [];
      let last = 0;
      for (let k = 0; k < entries.length; k += 2) {
        if (entries[k + 1]! % FIELD_SLOTS !== field) continue;
        const doc = entries[k]!;
        const count = Math.floor(entries[k + 1]! / FIELD_SLOTS);
        items.push((doc - last).toString(36) + (count === 1 ? '' : `*${count}`));
        last = doc;
      }
      return `${field}:${items.join(',')}`;
    })
    .join(';');
}

function mapOfCollected(entries: readonly number[]): Postings {
  const out: Postings = new Map();
  for (let k = 0; k < entries.length; k += 2) {
    const field = entries[k + 1]! % FIELD_SLOTS;
    let docs = out.get(field);
    if (!docs) out.set(field, (docs = new Map()));
    docs.set(entries[k]!, Math.floor(entries[k + 1]! / FIELD_SLOTS));
  }
  return new Map([...out].sort(([a], [b]) => a - b));
}

/**
 * A term's postings kept compact until first read, then read through the decoded map: as text
 * (a saved index) or as the array a build collects (`collecting`, then `add`). Collecting into
 * an array instead of a map per field saves the build two million map insertions at 10,000 talks.
 * It is not a Map itself: tens of thousands of empty maps at start would cost more than the
 * terms' text. It has every method of a map that MiniSearch calls on a term's postings.
 */
export class LazyPostings implements Postings {
  private text: string | undefined;
  private collected: number[] | undefined;
  private decoded: Postings | undefined;

  constructor(text: string) {
    this.text = text;
  }

  /** Empty postings that a build fills with `add`. */
  static collecting(): LazyPostings {
    const p = new LazyPostings('');
    p.text = undefined;
    p.collected = [];
    return p;
  }

  /**
   * Records that `field` of talk `doc` holds the term `count` times. Talks come in ascending
   * order of their ids, each field of a talk once; once read, the postings take no more.
   */
  add(field: number, doc: number, count: number): void {
    if (!this.collected) throw new Error('these postings are no longer being collected');
    if (!Number.isInteger(field) || field < 0 || field >= FIELD_SLOTS) throw new Error(`field id ${field} out of range`);
    this.collected.push(doc, count * FIELD_SLOTS + field);
  }

  /** The text form (see encodePostings), made without decoding when the postings are not read yet. */
  encoded(): string {
    if (this.text !== undefined) return this.text;
    if (this.collected) return encodeCollected(this.collected);
    return encodeMap(this.decoded!);
  }

  private get map(): Postings {
    if (!this.decoded) {
      this.decoded = this.collected ? mapOfCollected(this.collected) : decodePostings(this.text!);
      this.text = undefined;
      this.collected = undefined;
    }
    return this.decoded;
  }

  get size(): number {
    return this.map.size;
  }

  get [Symbol.toStringTag](): string {
    return 'LazyPostings';
  }

  get(field: number): Map<number, number> | undefined {
    return this.map.get(field);
  }

  has(field: number): boolean {
    return this.map.has(field);
  }

  set(field: number, docs: Map<number, number>): this {
    this.map.set(field, docs);
    return this;
  }

  delete(field: number): boolean {
    return this.map.delete(field);
  }

  clear(): void {
    this.map.clear();
  }

  keys(): MapIterator<number> {
    return this.map.keys();
  }

  values(): MapIterator<Map<number, number>> {
    return this.map.values();
  }

  entries(): MapIterator<[number, Map<number, number>]> {
    return this.map.entries();
  }

  [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    return this.map.entries();
  }

  forEach(fn: (docs: Map<number, number>, field: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown): void {
    this.map.forEach(fn, thisArg);
  }
}
