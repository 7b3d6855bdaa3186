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

/** What the smaller typo tree serves: plain Latin words of 5+ letters, with at most 2 edits. */
const PLAIN_LATIN = /^[a-z-]+$/;
const LATIN_EDITS = 2;
const LATIN_MIN_LENGTH = 5;

/** Whether a term can be within LATIN_EDITS of some plain Latin word of LATIN_MIN_LENGTH+ letters. */
export function typoReachable(term: string): boolean {
  if (term.length < LATIN_MIN_LENGTH - LATIN_EDITS) return false;
  let other = 0;
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    // Each character outside a-z and "-" costs an edit of its own.
    if (!((c >= 97 && c <= 122) || c === 45) && ++other > LATIN_EDITS) return false;
  }
  return true;
}

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

/** Query terms (spec indices) and index terms a talk matched, each once, in the order matched. */
export interface State {
  specs: number[];
  terms: string[];
}

/** What `scoreAll` found: talks by short id, with their scores and states indexed by short id. */
export interface Scored {
  docs: number[];
  scores: Float64Array;
  state: Int32Array;
  states: State[];
}

/** Room for this many (spec, index term) pairs per query in a state transition's key. */
const PAIRS = 2 ** 20;

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
  /** Scores and states by short id, reused from query to query (see scoreAll). */
  private scores?: Float64Array;
  private state?: Int32Array;
  private touched: number[] = [];
  /** The terms a typo of a plain Latin word can reach, once `prepareTypos` has built them. */
  private latin?: TermMap<Postings>;
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

  /** Whether `prepareTypos` has built its tree. */
  get typosPrepared(): boolean {
    return this.latin !== undefined;
  }

  /**
   * Builds, a piece at a time, the smaller tree that typos of plain Latin words are looked up
   * in (see `typos`). Until it is ready they are looked up in the whole tree, with the same result.
   */
  async prepareTypos(): Promise<void> {
    this.latin ??= await this.terms.subsetAsync(typoReachable);
  }

  /**
   * Terms within `edits` of `term`. A typo search walks every node it cannot rule out, and near
   * the root those are the thousands of kanji and kana the tree starts with. A term with more
   * characters outside a-z and "-" than the edits allowed, or more than that many characters
   * shorter, is never within reach of a plain Latin word, so those words search a tree without
   * such terms: the same matches, five times faster at 10,000 talks.
   */
  private typos(term: string, edits: number): Map<string, [Postings, number]> {
    const tree = this.latin && edits <= LATIN_EDITS && term.length >= LATIN_MIN_LENGTH && PLAIN_LATIN.test(term) ? this.latin : this.terms;
    return tree.fuzzyGet(term, edits);
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

  /** Every talk matching any spec, by short id (a convenient form of `scoreAll`). */
  score(specs: readonly TermSpec[]): Map<number, Hit> {
    const all = this.scoreAll(specs);
    const hits = new Map<number, Hit>();
    for (const doc of all.docs) {
      const { specs: matched, terms } = all.states[all.state[doc]!]!;
      hits.set(doc, { score: all.scores[doc]!, specs: [...matched], terms: [...terms] });
    }
    return hits;
  }

  /**
   * Every talk matching any spec. Talks that matched the same query and index terms share one
   * state (most talks share a few), so a posting costs a number added and a state looked up, and
   * nothing is made per talk. The arrays are reused by the next call: read them before.
   */
  scoreAll(specs: readonly TermSpec[]): Scored {
    const size = this.stats.nextId + 1;
    if (!this.scores || this.scores.length < size) {
      this.scores = new Float64Array(size);
      this.state = new Int32Array(size);
    } else {
      for (const doc of this.touched) {
        this.scores[doc] = 0;
        this.state![doc] = 0;
      }
    }
    const scores = this.scores;
    const state = this.state!;
    const touched: number[] = (this.touched = []);
    // State 0 is "nothing matched yet".
    const states: State[] = [{ specs: [], terms: [] }];
    const next = new Map<number, number>();
    let pairs = 0;
    const norms = this.lengthNorms();
    const { k, d } = BM25;
    const n = this.stats.documentCount;
    specs.forEach((spec, s) => {
      const add = (term: string, postings: Postings | undefined, weight: number) => {
        if (!postings) return;
        const pair = pairs++;
        /** The state a talk in state `from` moves to on matching this term for this spec. */
        const move = (from: number): number => {
          const key = from * PAIRS + pair;
          let to = next.get(key);
          if (to === undefined) {
            const { specs: had, terms } = states[from]!;
            const known = had[had.length - 1] === s && terms.includes(term);
            to = known ? from : states.push({ specs: had[had.length - 1] === s ? had : [...had, s], terms: terms.includes(term) ? terms : [...terms, term] }) - 1;
            next.set(key, to);
          }
          return to;
        };
        this.fields.forEach(({ id, boost }, f) => {
          const docs = postings.get(id);
          if (!docs) return;
          const idf = Math.log(1 + (n - docs.size + 0.5) / (docs.size + 0.5));
          const factor = weight * spec.boost * boost * idf;
          const norm = norms[f]!;
          for (const [doc, tf] of docs) {
            const from = state[doc]!;
            if (from === 0) touched.push(doc);
            scores[doc]! += factor * (d + (tf * (k + 1)) / (tf + norm[doc]!));
            state[doc] = move(from);
          }
        });
      };
      add(spec.term, this.terms.get(spec.term), 1);
      const fuzzy = spec.fuzzy ? this.typos(spec.term, spec.fuzzy) : undefined;
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
    return { docs: touched, scores, state, states };
  }
}
