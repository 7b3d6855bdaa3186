/**
 * Expansion across scripts and vocabularies, matched against the index's own terms: katakana
 * names and loanwords to their Latin spelling and back (translit.ts), abbreviations to long forms
 * and back (acronyms.ts), and Japanese words to English through a compact table derived from
 * Sudachi's synonym dictionary (lexicon/ja-en.ts, built by scripts/build-ja-en.ts).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Acronyms, type AcronymPair } from './acronyms.ts';
import type { Unit } from './analyzer.ts';
import { TABLE } from './lexicon/ja-en.ts';
import { normalize } from './normalize.ts';
import { spelledLetters, Transliterator, type PhoneTable } from './translit.ts';

/** Where each line of the ja-en table starts; made on the first lookup. */
let lineStarts: Uint32Array | undefined;

/**
 * English forms of a Japanese word. The table's lines are sorted by their Japanese form
 * (scripts/build-ja-en.ts sorts them), so a lookup is a binary search over where the lines start:
 * no map of all 7,600 lines, which took 10-20 ms of every start to build.
 */
export function english(word: string): string[] {
  lineStarts ??= startsOfLines(TABLE);
  let lo = 0;
  let hi = lineStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = lineStarts[mid]!;
    const tab = TABLE.indexOf('\t', start);
    const form = TABLE.slice(start, tab);
    if (form === word) {
      const end = TABLE.indexOf('\n', tab);
      return TABLE.slice(tab + 1, end === -1 ? TABLE.length : end).split('|');
    }
    if (form < word) lo = mid + 1;
    else hi = mid;
  }
  return [];
}

function startsOfLines(text: string): Uint32Array {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return Uint32Array.from(starts);
}

/** What one typed word adds to the query. */
export interface Related {
  /** Index terms to search beside the word. */
  terms: string[];
  /** The subset that counts as finding the word (a long form's distinctive words, not "language"). */
  cover: string[];
  /**
   * The subset that counts, less surely, as finding it: the other close readings of a katakana
   * word (ドーン: dawn beside don). A long form's other words never do (kubernetes is no AKS).
   */
  near: string[];
}

const KATAKANA = /^[\p{Script=Katakana}ー]+$/u;
const LATIN = /^[a-z][a-z0-9]*$/;
const HAS_KANJI = /\p{Script=Han}/u;
/** The most terms one typed word adds, so a word with many readings cannot flood the query. */
const MAX_PER_WORD = 6;
/** The longest phrase of typed words checked for an abbreviation ("software bill of materials"). */
const MAX_PHRASE = 5;
/** Words a long form may hold that the index drops or never needs. */
const MINOR_WORDS = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'to', 'as', 'at', 'with']);

function phraseWords(phrase: string): string[] {
  return normalize(phrase).split(/[\s/]+/).filter((w) => w.length > 0);
}

/** What the expander learns from an index, saved with it so a start need not learn it again. */
export interface CrossTables {
  phones: PhoneTable;
  acronyms: AcronymPair[];
}

export class CrossExpander {
  private translit?: Transliterator;
  private acronyms?: Acronyms;

  /**
   * `terms`: every index term; `texts`: the talks' texts, read for abbreviations on first use;
   * `saved`: the tables of an earlier `tables()` for the same index, used instead of both.
   */
  constructor(
    private readonly terms: () => Iterable<string>,
    private readonly texts: () => Iterable<string>,
    private readonly saved?: CrossTables,
  ) {}

  private get tr(): Transliterator {
    return (this.translit ??= new Transliterator(this.saved ? [] : this.terms(), this.saved?.phones));
  }

  private get ac(): Acronyms {
    return (this.acronyms ??= new Acronyms(this.saved ? [] : this.texts(), this.saved?.acronyms));
  }

  /** Makes the tables now rather than on the first query that needs them. */
  prepare(): void {
    void this.tr;
    void this.ac;
    english('');
  }

  /** Like `prepare`, yielding to the event loop between the tables (each takes up to ~15 ms at 10,000 talks). */
  async prepareAsync(): Promise<void> {
    void this.tr;
    await nextTurn();
    void this.ac;
    await nextTurn();
    english('');
  }

  /** The learned tables, for a saved index. */
  tables(): CrossTables {
    return { phones: this.tr.table(), acronyms: this.ac.pairs() };
  }

  /**
   * For each typed unit, the index terms it relates to in the other script or vocabulary.
   * `capitals`: the words typed all in capitals (abbreviations), in lower case.
   */
  expand(
    units: readonly Unit[],
    known: (term: string) => boolean,
    common: (term: string) => boolean = () => false,
    capitals: ReadonlySet<string> = new Set(),
  ): Related[] {
    const out: Related[] = units.map(() => ({ terms: [], cover: [], near: [] }));
    const add = (i: number, terms: string[], cover: string[], near: string[] = []) => {
      const r = out[i]!;
      for (const t of terms) if (t !== units[i]!.word && known(t) && !r.terms.includes(t)) r.terms.push(t);
      for (const t of cover) if (r.terms.includes(t) && !r.cover.includes(t)) r.cover.push(t);
      for (const t of near) if (r.terms.includes(t) && !r.cover.includes(t) && !r.near.includes(t)) r.near.push(t);
    };
    /**
     * `byWords`: whether a talk's having the phrase's words may count as its having the phrase.
     * For an abbreviation only when the talks write that long form (see Acronyms.written).
     */
    const longForms = (forms: string[], byWords: (form: string) => boolean = () => true) => {
      const terms: string[] = [], cover: string[] = [];
      for (const form of forms) {
        const ws = phraseWords(form).flatMap((w) => (w.includes('-') ? [w, ...w.split('-')] : [w]));
        const joined = ws.filter((w) => !w.includes('-')).join('');
        // A phrase the talks do not hold whole would only add its common words ("language").
        if (!known(joined) && !ws.every((w) => known(w) || MINOR_WORDS.has(w))) continue;
        terms.push(joined, ...ws);
        // The joined form (podsecuritypolicy) stands for the phrase, and so may its longest word;
        // not a word most talks have, or every talk would answer it (kubernetes for AKS).
        cover.push(joined);
        if (byWords(form)) cover.push([...ws].filter((w) => !common(w)).sort((a, b) => b.length - a.length)[0] ?? joined);
      }
      return { terms, cover };
    };
    units.forEach((u, i) => {
      const w = u.word;
      if (KATAKANA.test(w)) {
        // An abbreviation read out letter by letter (ジーケーイー) is those letters, or nothing
        // the index has: エーケーエス is AKS, not a word that sounds like it (eks).
        const letters = spelledLetters(w);
        if (letters.length > 0) {
          add(i, letters, letters);
          return;
        }
        // Only the closest readings count as finding the word; the others are searched, lower.
        // A reading at the edge of what may differ only is searched: コックローチ (cockroach)
        // is no keyclock, and counting it as near would answer 「コックローチの本番事例」.
        const latin = this.tr.latinReading(w);
        add(i, latin.terms, latin.loose ? [] : latin.best, latin.loose ? [] : latin.terms);
      } else if (LATIN.test(w)) {
        // A long form only the table names is found only whole: a talk saying "service" and
        // "Azure" apart is no talk about AKS.
        const long = longForms(this.ac.expand(w, known(w)), (form) => this.ac.written(form));
        add(i, long.terms, long.cover);
        const short = this.ac.abbreviate([w]);
        add(i, short, short);
        // Talks with a Japanese text have an English one too, so a word the index knows is found
        // directly; only an unknown one (a name the talks write only in katakana) is looked up.
        // A word typed in capitals is spelt out letter by letter (AKS is エーケーエス, not ケース).
        if (/^[a-z]{3,}$/.test(w) && !known(w) && !capitals.has(w)) {
          const kana = this.tr.katakanaReading(w);
          // The same holds the other way round.
          add(i, kana.terms, kana.loose ? [] : kana.best, kana.loose ? [] : kana.terms);
        }
      } else if (HAS_KANJI.test(w)) {
        const whole = english(w);
        const long = longForms(whole.length > 0 ? whole : u.grams.flatMap(english));
        add(i, long.terms, long.cover);
      }
    });
    // A long form typed as words ("horizontal pod autoscaler") finds its abbreviation.
    for (let i = 0; i < units.length; i++) {
      for (let j = i + 2; j <= Math.min(units.length, i + MAX_PHRASE); j++) {
        const abbrs = this.ac.abbreviate(units.slice(i, j).map((u) => u.word));
        for (let k = i; k < j; k++) add(k, abbrs, abbrs);
      }
    }
    for (const r of out) {
      r.terms = r.terms.slice(0, MAX_PER_WORD);
      r.near = r.near.filter((t) => r.terms.includes(t));
    }
    return out;
  }
}
