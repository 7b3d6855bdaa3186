/**
 * The talk index: MiniSearch with our analyzer, glossary expansion, filters, and the vocabulary
 * used for "did you mean".
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import MiniSearch, { type AsPlainObject, type Query } from 'minisearch';
import { addTalks, fieldText } from './add-talks.ts';
import { analyze, analyzeQuery, type Unit } from './analyzer.ts';
import { decide, gramShare, katakanaNames } from './confidence.ts';
import { CrossExpander, type CrossTables, type Related } from './cross.ts';
import { expandWithGlossary } from './expand.ts';
import { occurrences } from './normalize.ts';
import { baseForms, otherInflections, swapSlips } from './stems.ts';
import { encodeMap, LazyPostings, type Postings } from './postings.ts';
import { sortBestFirst, type Ranked } from './order.ts';
import { Scorer, termSpecs, type IndexStats, type SpecOptions } from './scorer.ts';
import { TermMap } from './term-map.ts';
import { FIELDS, fuzzyFor, GLOSSARY_WEIGHT, GRAM_WEIGHT, MAX_QUERY_TERMS, MIN_RELATIVE_SCORE, SEARCH_OPTIONS, type Field } from './search-options.ts';
import { Vocabulary, type SavedVocabulary } from './vocabulary.ts';
import type { Talk } from './types.ts';

export interface SearchFilter {
  eventIds?: ReadonlySet<string>;
  year?: number;
}

export interface Match {
  talk: Talk;
  score: number;
  /** Index terms that matched in this talk (after typo and prefix expansion). */
  terms: string[];
}

const MINISEARCH_OPTIONS = {
  fields: [...FIELDS],
  idField: 'id',
  storeFields: [],
  extractField: (doc: Talk, field: string) => (field === 'id' ? doc.id : fieldText(doc, field as Field)),
  tokenize: (text: string) => analyze(text),
  // The analyzer's terms are lower case already (its test checks it): MiniSearch's default
  // lower-casing of every term would only cost time.
  processTerm: (term: string) => term,
  searchOptions: SEARCH_OPTIONS,
};

/** A new MiniSearch over our term map (see term-map.ts). */
function createMiniSearch(): MiniSearch<Talk> {
  return withTerms(new MiniSearch<Talk>(MINISEARCH_OPTIONS), new TermMap());
}

/**
 * What a built index saves besides the talks: MiniSearch's own form without its terms, the terms,
 * each term's postings in text form (postings.ts), in the same order, and the vocabulary.
 */
export interface IndexParts {
  mini: Omit<AsPlainObject, 'index'>;
  terms: string[];
  postings: string[];
  vocabulary: SavedVocabulary;
  cross: CrossTables;
}

/** MiniSearch restored from saved parts with no terms yet (they are added below, see fromParts). */
function emptyMiniSearch(parts: IndexParts): MiniSearch<Talk> {
  if (parts.terms.length !== parts.postings.length) throw new Error('the saved index has terms without postings');
  return MiniSearch.loadJS({ ...parts.mini, index: [] }, MINISEARCH_OPTIONS);
}

/** MiniSearch keeps its terms in a private map: ours replaces it, and is asked directly. */
function withTerms(mini: MiniSearch<Talk>, terms: TermMap<Postings>): MiniSearch<Talk> {
  const inner = mini as unknown as { _index?: unknown };
  if (!inner._index) throw new Error('MiniSearch has no term map: check the minisearch version');
  inner._index = terms;
  return mini;
}

/** MiniSearch's short ids of talks and the figures of its index that scoring needs. */
function internals(mini: MiniSearch<Talk>): { ids: Map<number, string>; stats: IndexStats } {
  const inner = mini as unknown as {
    _documentIds?: Map<number, string>;
    _documentCount: number;
    _nextId: number;
    _fieldIds: Record<string, number>;
    _avgFieldLength: number[];
    _fieldLength: Map<number, number[]>;
  };
  if (!(inner._documentIds instanceof Map) || !(inner._fieldLength instanceof Map)) throw new Error('MiniSearch has no document map: check the minisearch version');
  return {
    ids: inner._documentIds,
    stats: { documentCount: inner._documentCount, nextId: inner._nextId, fieldIds: inner._fieldIds, avgFieldLength: inner._avgFieldLength, fieldLength: inner._fieldLength },
  };
}

function termMap(mini: MiniSearch<Talk>): TermMap<Postings> {
  return (mini as unknown as { _index: TermMap<Postings> })._index;
}

export class TalkIndex {
  readonly talks: readonly Talk[];
  readonly vocabulary: Vocabulary;
  private readonly byId: Map<string, Talk>;
  private readonly mini: MiniSearch<Talk>;
  /** Whether a term is in the index, to tell known words from ones that need n-grams. */
  private readonly known: (term: string) => boolean;
  /** Whether any index term starts with a prefix: tells "reduce" (reducing is there) from a name. */
  private readonly hasPrefix: (prefix: string) => boolean;
  /** Katakana <-> Latin, abbreviations, Japanese -> English; built from the index on first use. */
  private readonly cross: CrossExpander;
  /**
   * Whether index term `form` (a singular the analyzer adds beside every plural) is in any talk
   * field that lacks `word`. Each field holding the word holds the form too, so the form adds a
   * talk exactly when it is in more fields than the word.
   */
  private readonly adds: (word: string, form: string) => boolean;
  /** Scores queries on the index (see scorer.ts); made on the first search. */
  private scorer?: Scorer;
  /** Talks by MiniSearch's short id, made on the first search. */
  private byShortId?: Array<Talk | undefined>;
  /** Whether a term is in a field of more than a fifth of the talks ("kubernetes"): too common to stand for a phrase. */
  private readonly common: (term: string) => boolean;

  /** Builds the index of `talks` (or adopts one loaded from a saved index). */
  constructor(talks: readonly Talk[], loaded?: { mini: MiniSearch<Talk>; vocabulary: Vocabulary; cross: CrossTables }) {
    this.talks = talks;
    this.byId = new Map(talks.map((t) => [t.id, t]));
    if (loaded) {
      this.mini = loaded.mini;
      this.vocabulary = loaded.vocabulary;
    } else {
      this.mini = createMiniSearch();
      addTalks(this.mini, talks);
      this.vocabulary = Vocabulary.fromTalks(talks);
    }
    const terms = termMap(this.mini);
    this.known = (term) => terms.has(term);
    const fields = (term: string) => {
      let n = 0;
      for (const docs of terms.get(term)?.values() ?? []) n += docs.size;
      return n;
    };
    this.adds = (word, form) => !terms.has(word) || fields(form) > fields(word);
    this.common = (term) => {
      for (const docs of terms.get(term)?.values() ?? []) if (docs.size > COMMON_SHARE * talks.length) return true;
      return false;
    };
    this.hasPrefix = (prefix) => {
      for (const t of terms.atPrefix(prefix).keys()) if (t.startsWith(prefix)) return true;
      return false;
    };
    this.cross = new CrossExpander(
      () => terms.keys(),
      () => talks.flatMap((t) => [fieldText(t, 'title'), fieldText(t, 'tags'), fieldText(t, 'en'), fieldText(t, 'ja')]),
      loaded?.cross,
    );
  }

  /** The index in a form `fromParts` restores (functions are options, not data: the same ones are passed again). */
  toParts(): IndexParts {
    const terms = termMap(this.mini);
    // MiniSearch's own form without its terms: they are saved apart, each in its text form,
    // taken from the postings as they are (see postings.ts) rather than through maps.
    let mini: Partial<AsPlainObject>;
    try {
      withTerms(this.mini, new TermMap());
      mini = this.mini.toJSON();
    } finally {
      withTerms(this.mini, terms);
    }
    delete mini.index;
    // In order: TermMap.fromSorted builds the tree in one pass over sorted terms.
    const sorted = [...terms.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      mini: mini as Omit<AsPlainObject, 'index'>,
      terms: sorted,
      postings: sorted.map((term) => {
        const p = terms.get(term)!;
        return p instanceof LazyPostings ? p.encoded() : encodeMap(p);
      }),
      vocabulary: this.vocabulary.saved(),
      cross: this.cross.tables(),
    };
  }

  /** Restores a saved index; each term's postings are decoded when a search first reads them. */
  static fromParts(talks: readonly Talk[], parts: IndexParts): TalkIndex {
    const mini = emptyMiniSearch(parts);
    withTerms(mini, TermMap.fromSorted(parts.terms, parts.postings.map((p) => new LazyPostings(p))));
    return new TalkIndex(talks, { mini, vocabulary: Vocabulary.fromSaved(parts.vocabulary), cross: parts.cross });
  }

  /** Like `fromParts`, yielding to the event loop every few thousand terms so answers keep flowing meanwhile. */
  static async fromPartsAsync(talks: readonly Talk[], parts: IndexParts): Promise<TalkIndex> {
    const mini = emptyMiniSearch(parts);
    withTerms(mini, await TermMap.fromSortedAsync(parts.terms, parts.postings.map((p) => new LazyPostings(p))));
    return new TalkIndex(talks, { mini, vocabulary: Vocabulary.fromSaved(parts.vocabulary), cross: parts.cross });
  }

  get(id: string): Talk | undefined {
    return this.byId.get(id);
  }

  /** Makes the tables searches build on first use: the scorer's, talks by short id, the cross-script ones. */
  prepare(): void {
    this.scoring();
    this.cross.prepare();
  }

  /** Like `prepare`, yielding to the event loop between the tables, so answers keep flowing meanwhile. */
  async prepareAsync(): Promise<void> {
    this.scoring();
    await nextTurn();
    await this.cross.prepareAsync();
  }

  /**
   * Builds, a piece at a time between answers, the tables only some searches need: the tree for
   * typos of Latin words and the one for "did you mean". Those searches build or do without
   * them until then, with the same answers. The service starts this once it is serving.
   */
  async prepareInBackground(): Promise<void> {
    await this.scoring().scorer.prepareTypos();
    await this.vocabulary.prepare();
  }

  /** Whether `prepareInBackground` has built its tables. */
  get prepared(): boolean {
    return Boolean(this.scorer?.typosPrepared) && this.vocabulary.prepared;
  }

  /** How many talks pass each filter searched so far (see `passing`). */
  private readonly passingCounts = new Map<string, number>();

  /** The scorer and talks by short id, made (with the scorer's tables) on the first call. */
  private scoring(): { scorer: Scorer; byShortId: Array<Talk | undefined> } {
    if (!this.scorer || !this.byShortId) {
      const { ids, stats } = internals(this.mini);
      this.scorer = new Scorer(termMap(this.mini), stats, SEARCH_OPTIONS.boost ?? {});
      this.scorer.prepare();
      this.byShortId = [];
      for (const [shortId, id] of ids) this.byShortId[shortId] = this.byId.get(id);
    }
    return { scorer: this.scorer, byShortId: this.byShortId };
  }

  /** All matches in rank order; an empty `text` lists every talk the filter lets through. */
  search(text: string, filter: SearchFilter = {}): Match[] {
    const { results, concepts, top } = this.rank(text, filter);
    if (concepts.length === 0) return sortBestFirst(results);
    const floor = Math.max(top * MIN_RELATIVE_SCORE, Number.MIN_VALUE);
    return sortBestFirst(results.filter((r) => r.score >= floor));
  }

  /**
   * The talks that really answer `text` (see confidence.ts), in rank order; when none does, up to
   * three related ones; and the typed words no talk has.
   */
  find(text: string, filter: SearchFilter = {}): Found {
    const { results, concepts, searched, top } = this.rank(text, filter);
    if (concepts.length === 0) return { matches: sortBestFirst(results), related: [], unmatched: [], best: 1 };
    const decision = decide(concepts, results.map((r) => ({ item: r, terms: r.terms })), {
      total: searched,
      indexHasPrefix: this.hasPrefix,
      names: katakanaNames(text),
      text,
      bestFirst: sortBestFirst,
    });
    const floor = Math.max(top * MIN_RELATIVE_SCORE, Number.MIN_VALUE);
    return { ...decision, matches: decision.matches.filter((r) => r.score >= floor) };
  }

  /** Whether a talk passes the filter; undefined when there is no filter, so nothing is checked. */
  private keep(filter: SearchFilter): ((talk: Talk) => boolean) | undefined {
    const { eventIds, year } = filter;
    if (!eventIds && year === undefined) return undefined;
    return (t) => (!eventIds || eventIds.has(t.event.id)) && (year === undefined || t.event.year === year);
  }

  /** How many talks pass a filter, counted once per filter: confidence weighs words against it. */
  private passing(filter: SearchFilter, keep: (talk: Talk) => boolean): number {
    const key = `${filter.eventIds ? [...filter.eventIds].sort().join(' ') : '*'}|${filter.year ?? '*'}`;
    let n = this.passingCounts.get(key);
    if (n === undefined) {
      n = 0;
      for (const t of this.talks) if (keep(t)) n++;
      this.passingCounts.set(key, n);
    }
    return n;
  }

  /**
   * Every talk matching any query term, in no particular order (callers sort what they keep);
   * the best score; the typed words; how many talks were searched.
   */
  private rank(text: string, filter: SearchFilter): { results: Array<Match & Ranked>; concepts: Concept[]; searched: number; top: number } {
    const keep = this.keep(filter);
    const all = () => (keep ? this.talks.filter(keep) : this.talks);
    const listAll = () => {
      const talks = all();
      return { results: talks.map((talk) => ({ talk, score: 0, terms: [], raw: 0 })), concepts: [], searched: talks.length, top: 0 };
    };
    if (!text.trim()) return listAll();
    const { query, concepts } = buildQuery(text, this.known, (units, capitals) => this.cross.expand(units, this.known, this.common, capitals), this.adds);
    // Only particles left once the event words are out (パリのKubeCon -> の): the filter is the question.
    if (concepts.length === 0 && keep) return listAll();
    // A word the index holds is searched as typed: its typo neighbours would only add noise, and
    // expanding them is the costliest part of a search over a large vocabulary.
    const fuzzy = (term: string) => (this.known(term) ? false : fuzzyFor(term));
    const { scorer, byShortId } = this.scoring();
    const specs = termSpecs(query, { ...(SEARCH_OPTIONS as SpecOptions), fuzzy });
    const found = scorer.scoreAll(specs);
    // Talks in the same state matched the same query terms, so cover the query alike.
    const covered = new Map<number, number>();
    const results: Array<Match & Ranked> = [];
    let top = 0;
    for (const doc of found.docs) {
      const talk = byShortId[doc]!;
      if (keep && !keep(talk)) continue;
      const st = found.state[doc]!;
      const { specs: matched, terms } = found.states[st]!;
      let c = covered.get(st);
      if (c === undefined) covered.set(st, (c = coverage(concepts, matched.map((i) => specs[i]!.term))));
      // As MiniSearch's search() does: a talk's score times the number of query terms it matched.
      const raw = found.scores[doc]! * (matched.length || 1);
      const score = raw * c;
      if (score > top) top = score;
      results.push({ talk, score, terms, raw });
    }
    return { results, concepts, searched: keep ? this.passing(filter, keep) : this.talks.length, top };
  }
}

/** What a search found: matching talks, related ones when nothing matched, words no talk has. */
export interface Found {
  matches: Match[];
  related: Match[];
  unmatched: string[];
  /** How much of the query the best talk covers (see confidence.ts). */
  best: number;
}

/** A typed word and every query term that counts as finding it (forms, n-grams, synonyms). */
interface Concept {
  word: string;
  terms: Set<string>;
  grams: string[];
  /** Terms searched for the word that are less sure readings of it (ドーン: dawn beside don). */
  near: Set<string>;
  /** How many words it counts as in a sentence (a kanji compound: its parts). */
  parts: number;
}

/** A term in one field of more than this share of the talks is common (see TalkIndex.common). */
const COMMON_SHARE = 0.2;

/** Weight of terms found across scripts or vocabularies (データブリックス -> databricks, psp -> podsecuritypolicy). */
const CROSS_WEIGHT = 0.6;

/** Share of a word's n-grams a talk must match to count as finding the word. */
const GRAM_COVERAGE = 0.6;

/**
 * The MiniSearch query for a user's text: its words at full weight; glossary equivalents and
 * cross-script terms lower (GLOSSARY_WEIGHT, CROSS_WEIGHT); the n-grams of words the index does
 * not know, lowest (GRAM_WEIGHT). All are OR-ed, so talks that match more of them rank higher. Also returns the typed words as
 * concepts, for coverage.
 */
export function buildQuery(
  text: string,
  known: (term: string) => boolean,
  relate: (units: Unit[], capitals: ReadonlySet<string>) => Related[] = (units) => units.map(() => ({ terms: [], cover: [], near: [] })),
  adds: (word: string, form: string) => boolean = () => true,
): { query: Query; concepts: Concept[] } {
  const typed = withoutSuffixes(katakanaParts(withoutPossessives(withoutBoundHeads(analyzeQuery(text).slice(0, MAX_QUERY_TERMS), text), known), known), known);
  // An abbreviation typed in capitals (CEL, KEP) the index knows means exactly that: "cel" must not
  // become the prefix of "cell"; nor is it read as a katakana word.
  const capitals = new Set([...text.normalize('NFKC').matchAll(/(?<![A-Za-z])[A-Z][A-Z0-9]{1,4}(?![A-Za-z])/g)].map((m) => m[0].toLowerCase()));
  const related = relate(typed, capitals);
  // Bases of an inflected English word (attackers -> attack), and for a word the index lacks the
  // words it may be a slip of two neighbouring letters for (keyclaok -> keycloak), that the index
  // holds and that find talks the word and its singular do not.
  const based = typed.map((u) => {
    const own = [u.word, ...(u.forms ?? [])];
    const forms = [...baseForms(u.word), ...otherInflections(u.word)];
    const guesses = known(u.word) ? forms : [...forms, ...swapSlips(u.word)];
    return guesses.filter((b) => !own.includes(b) && known(b) && own.every((w) => adds(w, b)));
  });
  const concepts: Concept[] = typed.map((u, i) => {
    const synonyms = analyzeQuery(expandWithGlossary(u.word).join(' ')).map((s) => s.word);
    // A word found in the other script needs no n-grams: they would only add noise.
    const grams = known(u.word) || related[i]!.terms.length > 0 ? [] : u.grams;
    const terms = new Set([u.word, ...(u.forms ?? []), ...based[i]!, ...synonyms, ...related[i]!.cover]);
    return { word: u.word, terms, grams, near: new Set(related[i]!.near.filter((t) => !terms.has(t))), parts: u.parts ?? 1 };
  });
  const seen = new Set<string>();
  const fresh = (t: string) => !seen.has(t) && Boolean(seen.add(t));
  // A form that finds no talk the word itself does not (kubernete for kubernetes) would only
  // score the same talks twice.
  const words = typed.flatMap((u) => [u.word, ...(u.forms ?? []).filter((f) => adds(u.word, f))]).filter(fresh);
  const grams = typed
    .flatMap((u, i) => (known(u.word) || related[i]!.terms.length > 0 ? [] : u.grams))
    .filter(fresh)
    .slice(0, MAX_QUERY_TERMS);
  const synonyms = [...based.flat(), ...analyzeQuery(expandWithGlossary(text).join(' ')).map((u) => u.word)]
    .filter(fresh)
    .slice(0, MAX_QUERY_TERMS);
  const cross = related
    .flatMap((r) => r.terms)
    .filter(fresh)
    .slice(0, MAX_QUERY_TERMS);
  const exact = words.filter((w) => capitals.has(w) && known(w));
  const rest = words.filter((w) => !exact.includes(w));
  const queries: Query[] = [rest.join(' ')];
  if (exact.length) queries.push({ queries: [exact.join(' ')], prefix: false, fuzzy: false });
  if (grams.length) queries.push({ queries: [grams.join(' ')], boostTerm: () => GRAM_WEIGHT });
  if (synonyms.length) queries.push({ queries: [synonyms.join(' ')], boostTerm: () => GLOSSARY_WEIGHT });
  if (cross.length) queries.push({ queries: [cross.join(' ')], boostTerm: () => CROSS_WEIGHT });
  return { query: { combineWith: 'OR', queries }, concepts };
}

const KATAKANA_WORD = /^[\p{Script=Katakana}ー]+$/u;
/**
 * The shortest katakana part taken from a compound: the index holds katakana bigrams too, so a
 * part of two characters would be found as a fragment of any word (サー of サービス).
 */
const MIN_KATAKANA_PART = 3;

/**
 * The typed units, each katakana compound the index lacks that is two katakana words it holds
 * read as those words (ベアメタルサーバー as ベアメタル and サーバ): katakana runs words together
 * with no space, and the talks write each word apart or in another compound. The longest known
 * first word wins.
 */
function katakanaParts(units: Unit[], known: (term: string) => boolean): Unit[] {
  return units.flatMap((u) => {
    const chars = [...u.word];
    if (!KATAKANA_WORD.test(u.word) || chars.length < 2 * MIN_KATAKANA_PART || known(u.word)) return [u];
    for (let cut = chars.length - MIN_KATAKANA_PART; cut >= MIN_KATAKANA_PART; cut--) {
      const head = chars.slice(0, cut).join('');
      const tail = chars.slice(cut).join('');
      if (known(head) && known(tail)) return [{ word: head, grams: [] }, { word: tail, grams: [] }];
    }
    return [u];
  });
}

/** A Latin word with the possessive 's (google's, Spotify’s). */
const POSSESSIVE = /^([a-z0-9][a-z0-9.\-_+]*)['’]s$/;

/**
 * The typed units, each possessive the index lacks read as the name it is said of (google's as
 * google: "Google's sandboxed runtime" asks about Google, and the talks write "Google"). A
 * possessive the index holds (spotify's, in a title) is kept as typed: its grams still find the name.
 */
function withoutPossessives(units: Unit[], known: (term: string) => boolean): Unit[] {
  return units.map((u) => {
    const m = POSSESSIVE.exec(u.word);
    if (!m || known(u.word)) return u;
    return { word: m[1]!, grams: [] };
  });
}

/**
 * One-kanji suffixes that make a noun into an adjective, a kind or a state without changing what
 * it is about: 入門的 (introductory), コード化 (turned into code), 冗長性, 監視系, 本番稼働中 (in
 * production), 初心者向け (the analyzer keeps 向 of 向け).
 */
const SUFFIXES = new Set(['的', '化', '性', '系', '中', '向']);
const ALL_KANJI = /^[\p{Script=Han}々]+$/u;

/**
 * The typed units, each kanji compound the index lacks that ends in a suffix read as its stem
 * (本番稼働中 as 本番稼働), when the stem has two kanji or more; units that become the same are
 * kept once.
 */
function withoutSuffixes(units: Unit[], known: (term: string) => boolean): Unit[] {
  const out: Unit[] = [];
  const seen = new Set<string>();
  for (const u of units) {
    const stem = u.word.slice(0, -1);
    const cut = SUFFIXES.has(u.word.slice(-1)) && stem.length >= 2 && ALL_KANJI.test(u.word) && !known(u.word);
    const unit = cut ? { ...u, word: stem, grams: u.grams.filter((g) => g !== stem && stem.includes(g)) } : u;
    if (seen.has(unit.word)) continue;
    seen.add(unit.word);
    out.push(unit);
  }
  return out;
}

/**
 * Kanji that bind to the word before them: ゾーン間 (between zones), サービス内 (within), コンテナ化,
 * Kubernetes上, クラウド型, クラスタ毎, ノード側. After a katakana or Latin word the segmenter
 * glues them to the kanji word that follows instead (ゾーン間通信 gives 間通信, クラウド型監視 型監視).
 */
const BOUND_HEADS = new Set(['間', '内', '外', '上', '下', '側', '毎', '別', '化', '的', '系', '型', '製', '用', '向', '中']);
const AFTER_LOANWORD = /[\p{Script=Katakana}ー\p{Script=Latin}\p{Nd}]$/u;

/**
 * The typed units, each kanji compound that starts with a bound kanji right after a katakana or
 * Latin word read without that kanji (間通信 in ゾーン間通信 as 通信), when two kanji or more remain.
 */
function withoutBoundHeads(units: Unit[], text: string): Unit[] {
  const t = text.normalize('NFKC').toLowerCase();
  return units.map((u) => {
    const rest = u.word.slice(1);
    if (!BOUND_HEADS.has(u.word[0]!) || rest.length < 2 || !ALL_KANJI.test(u.word)) return u;
    const found = occurrences(t, u.word);
    if (found.length === 0 || !found.every((at) => AFTER_LOANWORD.test(t.slice(0, at)))) return u;
    return { ...u, word: rest, grams: u.grams.filter((g) => g !== rest && rest.includes(g)) };
  });
}

/** Share of the typed words a result found, directly or through one of their other terms. */
function coverage(concepts: Concept[], matched: readonly string[]): number {
  if (concepts.length === 0) return 1;
  const found = new Set(matched);
  const hit = concepts.filter(
    (c) =>
      matched.some((m) => c.terms.has(m)) ||
      (c.grams.length > 0 && gramShare(c.word, c.grams, (g) => found.has(g)) >= GRAM_COVERAGE),
  ).length;
  return hit / concepts.length;
}
