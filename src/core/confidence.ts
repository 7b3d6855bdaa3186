/**
 * Decides which ranked talks really answer a query. Each typed word weighs by how rare it is
 * among the talks searched (inverse document frequency: "gvisor" weighs much more than
 * "kubernetes" or "クラウド"; a word no talk has weighs most), and each talk gets the share of
 * that weight it covers, discounted by how well it matched (an exact word counts fully, a prefix,
 * typo or partial n-gram match less). Talks covering enough are matches; the best few others
 * are "related", shown apart and labelled, never as answers.
 */
import { isCommonJapanese, isCommonWord, isEnglishTypo, isWorkplaceWord, readsAsEnglish } from './common-words.ts';
import { occurrences } from './normalize.ts';
import { fuzzyFor, prefixFor } from './search-options.ts';

/** What confidence needs of a typed word: its own term, its other terms (forms, synonyms), its n-grams. */
export interface WordTerms {
  word: string;
  terms: ReadonlySet<string>;
  grams: readonly string[];
  /** Less sure readings of the word, searched too (ドーン: dawn, down beside don). */
  near?: ReadonlySet<string>;
  /** How many words it counts as in a sentence: a kanji compound's parts (本番稼働中: 3); 1 if left out. */
  parts?: number;
}

export interface Ranked<T> {
  item: T;
  /** Index terms the item matched. */
  terms: readonly string[];
}

export interface Decision<T> {
  matches: T[];
  related: T[];
  /** Typed words that no talk searched has (names and terms, not stray general words). */
  unmatched: string[];
  /** The best item's share of the query's weight, from 0 to 1. */
  best: number;
}

/** A talk must cover this share of the query's weight to count as a match. */
const MATCH_SHARE = 0.5;
/**
 * A talk holding at least RARE_HITS of the query's rare words (each in at most RARE_SHARE of the
 * talks) matches at RARE_MATCH_SHARE of its weight: three rare words meeting in one talk is no
 * chance, and what the rest of a long question says may be put in other words than the talk's.
 */
const RARE_HITS = 3;
const RARE_SHARE = 0.05;
const RARE_MATCH_SHARE = 0.4;
/** Once a query is answered, other talks are listed when they cover this share of its weight… */
const ANSWER_SHARE = 0.2;
/** …and this share of the best talk's. */
const RELATIVE_SHARE = 0.3;
/** A word counts as present in a talk when its match quality is at least this. */
const PRESENT = 0.5;
/** At most this many related talks are shown. */
const MAX_RELATED = 3;
/** A related talk must share a word found in at most this share of the talks (not "kubernetes"). */
const RELATED_MAX_DF = 0.25;
/** Synonyms (glossary) and n-grams count a little less than the word itself. */
const SYNONYM_QUALITY = 0.9;
const GRAM_QUALITY = 0.8;
const NEAR_QUALITY = 0.6;
const GRAM_MIN_SHARE = 0.6;
/**
 * A name no talk has (knative, cert-manager, or a katakana word no reading finds: ケイネイティブ)
 * weighs this many times a word no talk has: a talk that lacks the very product asked about must
 * cover much else to answer.
 */
const NAME_WEIGHT = 2;
/**
 * …in a query of at most this many words. In a longer sentence a name is as often context ("…
 * running an OWASP Juice Shop CTF for developers", 「Graviton とかの ARM インスタンス」).
 */
const NAME_MAX_WORDS = 6;
/** A query of this many words (after stop words) is read as a sentence, not as keywords. */
const SENTENCE_WORDS = 4;
/**
 * In a sentence of at least this many words, a word no talk has that is no name (後継, 通信費,
 * "reachable") weighs as a general word: a long question carries its writer's situation around
 * the topic, and the topic is what the talks must match. Names still count in full (Consul,
 * Helm in "…consul service discovery across Kubernetes clusters?"); in shorter queries every
 * word is more likely chosen (料金 in 「Terraform Cloud の料金プラン」).
 */
const LONG_SENTENCE = 8;

/** Edit distance, stopping early once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      low = Math.min(low, cur[j]!);
    }
    if (low > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** How well index term `found` stands for query term `asked`: 1 exact, less for a prefix or typo. */
export function termQuality(asked: string, found: string): number {
  if (asked === found) return 1;
  let q = 0;
  // A prefix counts at least half, more the more of the word it gives (kyver -> kyverno: 0.86).
  if (prefixFor(asked) && found.startsWith(asked)) q = 0.5 + 0.5 * (asked.length / found.length);
  const fuzzy = fuzzyFor(asked);
  // A typo seldom hits the first letter; without this knative would stand for native.
  if (fuzzy && asked[0] === found[0]) {
    const max = Math.min(2, Math.round(asked.length * fuzzy));
    const d = distance(asked, found, max);
    if (d <= max) q = Math.max(q, 1 - d / asked.length);
  }
  return q;
}

/** How well one index term stands for a typed word, through the word itself or its other terms. */
function termScore(word: WordTerms, found: string): number {
  let best = 0;
  for (const t of word.terms) {
    const q = termQuality(t, found) * (t === word.word ? 1 : SYNONYM_QUALITY);
    if (q > best) best = q;
  }
  if (word.near?.has(found)) best = Math.max(best, NEAR_QUALITY);
  return best;
}

/**
 * How well a talk's matched terms cover one typed word, from 0 to 1. `scores` remembers each
 * index term's score for this word: thousands of talks share the same few matched terms.
 */
function wordQuality(word: WordTerms, found: readonly string[], scores: Map<string, number>): number {
  let best = 0;
  for (const f of found) {
    let q = scores.get(f);
    if (q === undefined) scores.set(f, (q = termScore(word, f)));
    if (q > best) best = q;
  }
  if (word.grams.length > 0) {
    const set = new Set(found);
    const share = gramShare(word.word, word.grams, (g) => set.has(g));
    if (share >= GRAM_MIN_SHARE) best = Math.max(best, share * GRAM_QUALITY);
  }
  return best;
}

const KATAKANA_ONLY = /^[\p{Script=Katakana}ー]+$/u;

/**
 * What may not touch a typed Latin word for it to be that word: a Latin letter or a digit. Kana
 * and kanji may (「…参照してPVC作りたい」 has PVC without spaces).
 */
const LATIN_EDGE = '[\\p{Script=Latin}\\p{N}]';

/**
 * The share of a word's n-grams that a talk has. A katakana word's bigrams count only with its
 * first: a talk holding the rest holds another word that ends alike (ケイネイティブ, a name no
 * talk has, is not クラウドネイティブ).
 */
export function gramShare(word: string, grams: readonly string[], has: (gram: string) => boolean): number {
  if (grams.length === 0 || (KATAKANA_ONLY.test(word) && !has(grams[0]!))) return 0;
  return grams.filter(has).length / grams.length;
}

function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Whether a word no talk has looks like something the user specifically asked for (a name or a
 * term: Jenkins, 料金) rather than a general word in a form the index lacks (reduce for
 * reducing, a verb such as 取る, a lone character, a number, an everyday word in a sentence
 * such as "hundreds" or 悪化した). Only the former weighs as a rare word. `text` is the query as
 * typed, when known: it tells how the word is used.
 */
export function isSpecific(word: string, indexHasPrefix: (prefix: string) => boolean, sentence = false, text?: string): boolean {
  if (isEveryday(word, sentence, text)) return false;
  if (misspeltEnglish(word, sentence, text)) return false;
  if (/^[a-z]{5,}$/.test(word) && indexHasPrefix(word.slice(0, Math.max(5, Math.ceil(word.length * 0.75))))) return false;
  return true;
}

/**
 * Whether a word is general whatever the talks say: it then weighs no more than a word half the
 * talks have, found or not, so "catch" or 悪化 typed in passing cannot outweigh the topic.
 */
function isEveryday(word: string, sentence: boolean, text?: string): boolean {
  if ([...word].length < 2 || GENERAL.has(word)) return true;
  // Numbers and codes that start with one (1.30, 3.5, 31m) are versions and figures, not topics.
  if (/^\p{Nd}/u.test(word)) return true;
  if (/\p{Script=Hiragana}/u.test(word)) return true;
  // A verb or an adjective says what happened to the topic, not what it is (「…が悪化した」).
  if (text !== undefined && usedAsPredicate(word, text)) return true;
  // So does a katakana suffix: 属性ベース is attribute-based, Webベース web-based.
  if (text !== undefined && usedAsSuffix(word, text)) return true;
  // In a whole sentence an everyday word, spelt right or not, is mostly incidental ("…across
  // hundreds of clusters", "…without a painfull migration"); in a few keywords each word was
  // chosen ("Windows containers").
  return sentence && isCommonWord(word, true) && (text === undefined || !typedAsName(word, text));
}

/**
 * Whether the query capitalises an everyday word where a sentence would not: all in capitals
 * (ARM), with a capital past the query's first word (the Spot in "GKE Spot VM"), or with any
 * capital in a Japanese query. It is then a name or an abbreviation, not the everyday word.
 */
function typedAsName(word: string, text: string): boolean {
  const t = text.trim();
  for (const m of t.matchAll(new RegExp(`(?<!${LATIN_EDGE})${word}(?!${LATIN_EDGE})`, 'giu'))) {
    const typed = m[0];
    if (typed === typed.toLowerCase()) continue;
    if (typed.length > 1 && typed === typed.toUpperCase()) return true;
    // Japanese has no capital to start a sentence: 「Windows コンテナを…」 names Windows.
    if (m.index! > 0 || JAPANESE.test(t)) return true;
  }
  return false;
}

/**
 * Whether a typed word may be a name: a Latin word that reads as no English, one typed with a
 * capital where a sentence would not have one (Helm mid-sentence, EKS), or a katakana word (a
 * name or a loanword: ヤフー). Not a kanji word nor a plain English word in lower case.
 */
function nameLike(word: string, text?: string): boolean {
  if (looksLikeName(word) || /^[\p{Script=Katakana}ー・]+$/u.test(word)) return true;
  return /^[a-z]/.test(word) && text !== undefined && typedAsName(word, text);
}

/**
 * Whether the query types the word all in capitals (PVC, AKS): an abbreviation, which stands for
 * words a talk may spell out or paraphrase ("a volume claim"), so its absence from every talk is
 * weaker evidence than a product name's (knative).
 */
function typedAsAbbreviation(word: string, text?: string): boolean {
  if (text === undefined || !/^[a-z0-9]{2,6}$/.test(word)) return false;
  return new RegExp(`(?<!${LATIN_EDGE})${word.toUpperCase()}(?!${LATIN_EDGE})`, 'u').test(text.normalize('NFKC'));
}

/** Whether a Latin word reads as no English at all (knative, cert-manager; not datacenter, pipline). */
export function looksLikeName(word: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(word) && !readsAsEnglish(word);
}

/**
 * Whether a word no talk has is an English word misspelt ("…runners in the CI pipline": a letter
 * left out, two swapped or one doubled), typed in lower case in an English sentence whose writer
 * capitalises names (CI, Kubernetes), so that it is no name either. A known word itself is not
 * taken for plain English that way: "…helm charts for many Kubernetes clusters" asks for Helm.
 */
export function misspeltEnglish(word: string, sentence: boolean, text?: string): boolean {
  return sentence && text !== undefined && writesNamesCapitalised(text) && isEnglishTypo(word) && typedLowercase(word, text);
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** Whether `text` is English with a capital letter past its first: its writer capitalises names. */
function writesNamesCapitalised(text: string): boolean {
  return !JAPANESE.test(text) && /\p{Lu}/u.test(text.trim().slice(1));
}

/** Whether each time `text` has the Latin word `word`, it is in lower case. */
function typedLowercase(word: string, text: string): boolean {
  const found = text.match(new RegExp(`(?<!${LATIN_EDGE})${word}(?!${LATIN_EDGE})`, 'giu')) ?? [];
  return found.length > 0 && found.every((w) => w === w.toLowerCase());
}

/**
 * Particles and the copula: hiragana that, right after a word, leave it a noun (工場で, 話題の,
 * 料金だ). Any other hiragana right after a kanji or katakana word makes it a verb or an
 * adjective (悪化した, 強化する, 面白かった, ハマりどころ).
 */
const PARTICLE = /^(?:[のをがにでとはもへやだ]|から|まで|より|など|じゃ)/u;
/**
 * Spoken particles that leave a noun a noun (キベルノって, 冗長構成なら): after a one-kanji stem
 * って is a verb's te-form (使って), so these count only after a word of two characters or more.
 */
const SPOKEN_PARTICLE = /^(?:って|なら)/u;
const JAPANESE_WORD = /^[\p{Script=Han}\p{Script=Katakana}ー々]+$/u;

/**
 * Katakana words that, written right after a kanji or Latin word, make it an adjective:
 * 属性ベース (attribute-based), 非同期ドリブン, 設定レス, 運用フリー, 本番ライク. (A katakana word
 * before them makes one word with them: イベントドリブン, サーバーレス.)
 */
const KATAKANA_SUFFIXES = new Set(['ベース', 'ドリブン', 'レス', 'フリー', 'ライク']);
const BEFORE_SUFFIX = /[\p{Script=Han}\p{Script=Latin}\p{Nd}々]$/u;

const KATAKANA_CHAR = /[\p{Script=Katakana}ー]/u;

/**
 * Whether every time the query has `word` as a katakana word of its own (not inside
 * コンテナベース or ベースイメージ), it is a katakana suffix right after a kanji or Latin word.
 */
export function usedAsSuffix(word: string, text: string): boolean {
  if (!KATAKANA_SUFFIXES.has(word)) return false;
  const t = text.normalize('NFKC');
  const own = occurrences(t, word).filter((at) => !KATAKANA_CHAR.test(t.charAt(at - 1)) && !KATAKANA_CHAR.test(t.charAt(at + word.length)));
  return own.length > 0 && own.every((at) => BEFORE_SUFFIX.test(t.slice(0, at)));
}

/** Whether every time the query has `word`, it is the stem of a verb or an adjective. */
export function usedAsPredicate(word: string, text: string): boolean {
  if (!JAPANESE_WORD.test(word)) return false;
  const t = text.normalize('NFKC');
  const found = occurrences(t, word);
  return (
    found.length > 0 &&
    found.every((at) => {
      const after = t.slice(at + word.length, at + word.length + 2);
      return /^\p{Script=Hiragana}/u.test(after) && !PARTICLE.test(after) && !(word.length >= 2 && SPOKEN_PARTICLE.test(after));
    })
  );
}

/**
 * Words that say what kind of talk is wanted rather than what it is about ("…した事例", "best
 * practices", "overview"). They are still searched (they help ranking), but weigh as general
 * words: a talk that happens to say 事例 does not answer 「Jenkins から移行した事例」.
 */
const GENERAL = new Set(`
事例 実例 方法 手法 やり方 話題 取り組み 取組 紹介 解説 概要 まとめ 知見 体験 経験 実践 活用 使い方 入門
基本 最新 動向 ベストプラクティス ノウハウ ポイント 注意点 比較 違い 教訓 初心者 初級 初学者
example examples case cases study studies approach approaches overview introduction intro tips beginner beginners
practice practices experience experiences lesson lessons story stories way ways best guide
`.split(/\s+/).filter(Boolean));

export interface DecideOptions {
  /** How many items were searched (after filters). */
  total: number;
  /** Whether any index term starts with this prefix. */
  indexHasPrefix: (prefix: string) => boolean;
  /** The query as typed: tells how each word is used (悪化した is a verb). */
  text?: string;
  /**
   * Words that are parts of one name (リカルド・カッツ): when one part is found, a part no talk
   * has is taken for a spelling the index lacks, not for something else asked.
   */
  names?: ReadonlyArray<readonly string[]>;
}

/** A set of matched terms that talks share: how well it answers each word, how many talks have it, its share of the query. */
interface TermSet {
  quality: number[];
  talks: number;
  share: number;
}

/**
 * Splits ranked items into matches and related ones. `ranked` holds every item that matched any
 * term, in rank order unless `bestFirst` is given: then in any order, and only the items kept are
 * put in order (at 10,000 talks, about half of those matching a term). A query is answered when
 * some item covers MATCH_SHARE of its weight; the answer then lists every item covering
 * ANSWER_SHARE of it and at least RELATIVE_SHARE of the best item's share.
 */
export function decide<T>(
  words: readonly WordTerms[],
  ranked: ReadonlyArray<Ranked<T>>,
  opts: DecideOptions & { bestFirst?: (items: T[]) => T[] },
): Decision<T> {
  const inOrder = opts.bestFirst ?? ((items: T[]) => items);
  if (words.length === 0) return { matches: inOrder(ranked.map((r) => r.item)), related: [], unmatched: [], best: 1 };
  const n = Math.max(opts.total, 1);
  const scores = words.map(() => new Map<string, number>());
  // Thousands of talks match the same few sets of terms: each set is scored once, and counted.
  // Talks often share the very array of terms (see scorer.ts): that is the quickest key.
  const bySet = new Map<string, TermSet>();
  const byArray = new Map<readonly string[], TermSet>();
  const sets = ranked.map((r) => {
    let set = byArray.get(r.terms);
    if (!set) {
      const key = r.terms.length === 1 ? r.terms[0]! : r.terms.join('\t');
      set = bySet.get(key);
      if (!set) bySet.set(key, (set = { quality: words.map((w, i) => wordQuality(w, r.terms, scores[i]!)), talks: 0, share: 0 }));
      byArray.set(r.terms, set);
    }
    set.talks++;
    return set;
  });
  const df = words.map(() => 0);
  for (const set of bySet.values()) set.quality.forEach((x, i) => x >= PRESENT && (df[i]! += set.talks));
  const found = new Set(words.filter((_, i) => df[i]! > 0).map((w) => w.word));
  const partOfFoundName = (word: string) => (opts.names ?? []).some((n) => n.includes(word) && n.some((p) => found.has(p)));
  const sentence = words.length >= SENTENCE_WORDS;
  // Japanese writes several words as one compound: a sentence's length counts their parts.
  const length = words.reduce((a, w) => a + (w.parts ?? 1), 0);
  const specific = words.map((w, i) => df[i]! > 0 || (isSpecific(w.word, opts.indexHasPrefix, sentence, opts.text) && !partOfFoundName(w.word)));
  const general = idf(n / 2, n);
  const weight = words.map((w, i) => {
    if (!specific[i]) return general;
    if (df[i] === 0 && length >= LONG_SENTENCE && !nameLike(w.word, opts.text)) return general;
    if (df[i] === 0 && words.length <= NAME_MAX_WORDS && (looksLikeName(w.word) || KATAKANA_ONLY.test(w.word)) && !typedAsAbbreviation(w.word, opts.text)) return NAME_WEIGHT * idf(0, n);
    // A few talks happen to say an everyday word ("catch", 会社): that makes it no topic. A
    // Japanese noun no talk has stays specific even when everyday (料金 in 「…の料金プラン」):
    // the reply names it, as the talks lack that topic.
    // Words of the writer's workplace (社内, 人事異動) are context only in a long sentence: in
    // 「社内のチャットボットを…」 of six words, 社内 narrows what is asked.
    const everyday = isEveryday(w.word, sentence, opts.text) || (sentence && isCommonJapanese(w.word)) || (length >= LONG_SENTENCE && isWorkplaceWord(w.word));
    return everyday ? Math.min(general, idf(df[i]!, n)) : idf(df[i]!, n);
  });
  const sum = weight.reduce((a, b) => a + b, 0);
  let best = 0;
  for (const set of bySet.values()) {
    set.share = set.quality.reduce((a, x, i) => a + x * weight[i]!, 0) / sum;
    if (set.share > best) best = set.share;
  }
  const unmatched = words.filter((_, i) => df[i] === 0 && specific[i]).map((w) => w.word);
  const rare = words.map((_, i) => df[i]! > 0 && df[i]! <= Math.max(1, RARE_SHARE * n) && weight[i]! > general);
  const rareMeet = (set: TermSet) => set.share >= RARE_MATCH_SHARE && set.quality.filter((x, i) => rare[i] && x >= PRESENT).length >= RARE_HITS;
  if (best >= MATCH_SHARE || (best >= RARE_MATCH_SHARE && [...bySet.values()].some(rareMeet))) {
    const floor = Math.max(ANSWER_SHARE, best * RELATIVE_SHARE);
    const matches: T[] = [];
    for (let k = 0; k < ranked.length; k++) if (sets[k]!.share >= floor) matches.push(ranked[k]!.item);
    return { matches: inOrder(matches), related: [], unmatched, best };
  }
  // In rank order the first few that qualify are the ones shown; otherwise all are put in order.
  const enough = opts.bestFirst ? Infinity : MAX_RELATED;
  const related: T[] = [];
  for (let k = 0; k < ranked.length && related.length < enough; k++) {
    if (sets[k]!.quality.some((x, i) => x >= PRESENT && df[i]! <= RELATED_MAX_DF * n)) related.push(ranked[k]!.item);
  }
  return { matches: [], related: inOrder(related).slice(0, MAX_RELATED), unmatched, best };
}

const KATAKANA_NAME = /[\p{Script=Katakana}ー]+(?:[・=＝･][\p{Script=Katakana}ー]+)+/gu;

/** Names written in katakana with a dot between their parts (リカルド・カッツ), as their parts. */
export function katakanaNames(text: string): string[][] {
  return [...text.normalize('NFKC').matchAll(KATAKANA_NAME)].map((m) =>
    m[0].split(/[・=＝･]/u).map((p) => (p.length >= 4 ? p.replace(/ー+$/u, '') : p)),
  );
}
