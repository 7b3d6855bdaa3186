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

/** A term's postings kept as text until first read; then an ordinary map. */
export class LazyPostings extends Map<number, Map<number, number>> {
  private text: string | undefined;

  constructor(text: string) {
    super();
    this.text = text;
  }

  private load(): void {
    if (this.text === undefined) return;
    const text = this.text;
    this.text = undefined;
    for (const [field, docs] of decodePostings(text)) super.set(field, docs);
  }

  override get(field: number): Map<number, number> | undefined {
    this.load();
    return super.get(field);
  }

  override has(field: number): boolean {
    this.load();
    return super.has(field);
  }

  override set(field: number, docs: Map<number, number>): this {
    this.load();
    return super.set(field, docs);
  }

  override delete(field: number): boolean {
    this.load();
    return super.delete(field);
  }

  override get size(): number {
    this.load();
    return super.size;
  }

  override keys(): MapIterator<number> {
    this.load();
    return super.keys();
  }

  override values(): MapIterator<Map<number, number>> {
    this.load();
    return super.values();
  }

  override entries(): MapIterator<[number, Map<number, number>]> {
    this.load();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    return this.entries();
  }

  override forEach(fn: (docs: Map<number, number>, field: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown): void {
    this.load();
    super.forEach(fn, thisArg);
  }
}
