/**
 * Scores a query the way MiniSearch's own query does (BM25+ per field, prefix and typo matches
 * weighed down, queries combined with OR, each talk's score times the number of query terms it
 * matched), on the index MiniSearch built, without the objects MiniSearch makes for every
 * posting. A common word at 10,000 talks touches 5,000 of them in several fields: here that is a
 * number added per posting, and one record per talk.
 */
import type { Query } from 'minisearch';
import type { Postings } from './postings.ts';
import type { TermMap } from './term-map.ts';

/** One query term with its options resolved, as MiniSearch resolves them. */
export interface TermSpec {
  term: string;
  boost: number;
  prefix: boolean;
  /** Most edits for a typo match, or false. */
  fuzzy: number | false;
}

/** What the options of a query may set on the terms below them. */
export interface SpecOptions {
  prefix?: boolean | ((term: string) => boolean);
  fuzzy?: boolean | number | ((term: string) => boolean | number);
  boostTerm?: (term: string) => number;
  maxFuzzy?: number;
  combineWith?: string;
}

/**
 * The terms of `query` with their options: a nested query's own options override those of the
 * queries around it, which override `options`. Every query must combine with OR.
 */
export function termSpecs(query: Query, options: SpecOptions): TermSpec[] {
  if (typeof query === 'string') {
    return query
      .split(' ')
      .filter((t) => t.length > 0)
      .map((term) => {
        const fuzzy = typeof options.fuzzy === 'function' ? options.fuzzy(term) : (options.fuzzy ?? false);
        const prefix = typeof options.prefix === 'function' ? options.prefix(term) : options.prefix === true;
        let edits: number | false = false;
        if (fuzzy) {
          const f = fuzzy === true ? 0.2 : fuzzy;
          edits = f < 1 ? Math.min(options.maxFuzzy ?? 6, Math.round(term.length * f)) : f;
        }
        return { term, boost: options.boostTerm ? options.boostTerm(term) : 1, prefix, fuzzy: edits || false };
      });
  }
  if (typeof query !== 'object' || !Array.isArray((query as { queries?: unknown }).queries)) throw new Error('unsupported query');
  const own = query as { queries: Query[] } & SpecOptions;
  const merged: SpecOptions = { ...options };
  for (const key of ['prefix', 'fuzzy', 'boostTerm', 'maxFuzzy', 'combineWith'] as const) if (own[key] !== undefined) (merged as Record<string, unknown>)[key] = own[key];
  if ((merged.combineWith ?? 'OR').toUpperCase() !== 'OR') throw new Error('only OR queries are scored here');
  return own.queries.flatMap((q) => termSpecs(q, merged));
}

/** What the scorer needs of MiniSearch's index besides the terms. */
export interface IndexStats {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  avgFieldLength: number[];
  fieldLength: Map<number, number[]>;
}

/** A talk's score (before the count of terms matched), the specs it matched and the index terms. */
export interface Hit {
  score: number;
  /** Indices in the specs of the query terms matched, each once. */
  specs: number[];
  /** Index terms matched (after prefix and typo expansion), each once. */
  terms: string[];
}

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** MiniSearch's default weights of prefix and typo matches. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

export class Scorer {
  /** Per field, each talk's length part of the BM25 denominator, made on the first query. */
  private norms?: Float64Array[];
  private readonly fields: Array<{ id: number; boost: number }>;

  constructor(
    private readonly terms: TermMap<Postings>,
    private readonly stats: IndexStats,
    boosts: Record<string, number>,
  ) {
    this.fields = Object.keys(stats.fieldIds).map((f) => ({ id: stats.fieldIds[f]!, boost: boosts[f] ?? 1 }));
  }

  /** Works out what the first query would. */
  prepare(): void {
    this.lengthNorms();
  }

  private lengthNorms(): Float64Array[] {
    if (!this.norms) {
      const { k, b } = BM25;
      this.norms = this.fields.map(({ id }) => {
        const norm = new Float64Array(this.stats.nextId + 1);
        const avg = this.stats.avgFieldLength[id]!;
        for (const [doc, lengths] of this.stats.fieldLength) norm[doc] = k * (1 - b + (b * (lengths[id] ?? 0)) / avg);
        return norm;
      });
    }
    return this.norms;
  }

  /** Every talk matching any spec, by short id. */
  score(specs: readonly TermSpec[]): Map<number, Hit> {
    const hits = new Map<number, Hit>();
    const norms = this.lengthNorms();
    const { k, d } = BM25;
    const n = this.stats.documentCount;
    specs.forEach((spec, s) => {
      const add = (term: string, postings: Postings | undefined, weight: number) => {
        if (!postings) return;
        this.fields.forEach(({ id, boost }, f) => {
          const docs = postings.get(id);
          if (!docs) return;
          const idf = Math.log(1 + (n - docs.size + 0.5) / (docs.size + 0.5));
          const factor = weight * spec.boost * boost * idf;
          const norm = norms[f]!;
          for (const [doc, tf] of docs) {
            const value = factor * (d + (tf * (k + 1)) / (tf + norm[doc]!));
            const hit = hits.get(doc);
            if (!hit) {
              hits.set(doc, { score: value, specs: [s], terms: [term] });
              continue;
            }
            hit.score += value;
            if (hit.specs[hit.specs.length - 1] !== s) hit.specs.push(s);
            if (!hit.terms.includes(term)) hit.terms.push(term);
          }
        });
      };
      add(spec.term, this.terms.get(spec.term), 1);
      const fuzzy = spec.fuzzy ? this.terms.fuzzyGet(spec.term, spec.fuzzy) : undefined;
      if (spec.prefix) {
        for (const [term, postings] of this.terms.atPrefix(spec.term)) {
          const distance = term.length - spec.term.length;
          if (!distance) continue;
          // A term both a prefix and a typo match counts as a prefix match.
          fuzzy?.delete(term);
          add(term, postings, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
        }
      }
      if (fuzzy) {
        for (const [term, [postings, distance]] of fuzzy) {
          if (!distance) continue;
          add(term, postings, (FUZZY_WEIGHT * term.length) / (term.length + distance));
        }
      }
    });
    return hits;
  }
}
