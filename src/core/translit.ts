/**
 * Katakana loanwords and names against Latin spellings: グーグル ~ google, データブリックス ~
 * databricks, スポティファイ ~ spotify. Both sides become a rough phone string (consonant classes
 * and vowels), compared with an edit distance that knows Japanese loanword habits: vowels added
 * after consonants and vowel colour are cheap, r/l and b/v are one sound, a postvocalic English r
 * becomes a long vowel (server ~ サーバ), ッ and ー carry no consonant. Matching is against the
 * index's own vocabulary, so no name needs an entry of its own.
 */
import { isEnglishWord } from './common-words.ts';

/** Phones of one kana; a kana followed by a small vowel takes that vowel (ティ = ti, ファ = fa). */
const KANA: Record<string, string> = {
  ア: 'a', イ: 'i', ウ: 'u', エ: 'e', オ: 'o',
  カ: 'ka', キ: 'ki', ク: 'ku', ケ: 'ke', コ: 'ko',
  ガ: 'ga', ギ: 'gi', グ: 'gu', ゲ: 'ge', ゴ: 'go',
  サ: 'sa', シ: 'Si', ス: 'su', セ: 'se', ソ: 'so',
  ザ: 'sa', ジ: 'ji', ズ: 'su', ゼ: 'se', ゾ: 'so',
  タ: 'ta', チ: 'Ci', ツ: 'zu', テ: 'te', ト: 'to',
  ダ: 'da', ヂ: 'ji', ヅ: 'zu', デ: 'de', ド: 'do',
  ナ: 'na', ニ: 'ni', ヌ: 'nu', ネ: 'ne', ノ: 'no',
  ハ: 'ha', ヒ: 'hi', フ: 'fu', ヘ: 'he', ホ: 'ho',
  バ: 'ba', ビ: 'bi', ブ: 'bu', ベ: 'be', ボ: 'bo',
  パ: 'pa', ピ: 'pi', プ: 'pu', ペ: 'pe', ポ: 'po',
  マ: 'ma', ミ: 'mi', ム: 'mu', メ: 'me', モ: 'mo',
  ヤ: 'ya', ユ: 'yu', ヨ: 'yo',
  ラ: 'ra', リ: 'ri', ル: 'ru', レ: 're', ロ: 'ro',
  ワ: 'wa', ヰ: 'i', ヱ: 'e', ヲ: 'o', ン: 'n', ヴ: 'bu',
  ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o', ャ: 'ya', ュ: 'yu', ョ: 'yo', ヮ: 'wa',
};
const SMALL_VOWEL: Record<string, string> = { ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o' };
const SMALL_Y: Record<string, string> = { ャ: 'a', ュ: 'u', ョ: 'o' };

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

/** Phones of a katakana word; null when it holds anything else. */
function katakanaPhones(word: string): string | null {
  let out = '';
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    // A long vowel is how Japanese writes an English r after a vowel (アーム arm, カード card),
    // so it reads as that optional r; elsewhere (ノード node) it costs nothing either way.
    if (c === 'ー') {
      if (isVowel(out[out.length - 1]) && out[out.length - 1] !== 'R') out += 'R';
      continue;
    }
    if (c === 'ッ') continue;
    // ン before a kana of the n or m row writes a doubled English letter (ランナー runner,
    // チャンネル channel, ハンマー hammer), which the Latin side reads as one.
    if (c === 'ン' && NASAL_ROW.has(chars[i + 1] ?? '')) continue;
    let p = KANA[c];
    if (p === undefined) return null;
    const next = chars[i + 1] ?? '';
    if (SMALL_VOWEL[next] && p.length >= 1 && i + 1 < chars.length) {
      // ウィ = wi, ティ = ti, ファ = fa: the consonant of this kana, the small vowel's sound.
      const consonant = p === 'u' ? 'w' : p.replace(/[aeiou]$/, '');
      p = consonant + SMALL_VOWEL[next];
      i++;
    } else if (SMALL_Y[next] && p.endsWith('i') && p.length >= 2) {
      // キャ = kya; シャ, チャ, ジャ are palatal already.
      const consonant = p.slice(0, -1);
      p = consonant + (/^[SCj]$/.test(consonant) ? '' : 'y') + SMALL_Y[next];
      i++;
    }
    out += p;
  }
  return out;
}

const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);

/** Kana of the n and m rows. */
const NASAL_ROW = new Set([...'ナニヌネノマミムメモ']);

/** Phones of an English-looking Latin word: a rough reading, ambiguous letters marked. */
function latinPhones(word: string): string | null {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return null;
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    const next = w[i + 1];
    const prev = w[i - 1];
    // cc before e, i or y is k then s (access, success); other doubled letters are one sound.
    if (c === prev) {
      if (c === 'c' && next && 'eiy'.includes(next)) out += 's';
      continue;
    }
    const two = w.slice(i, i + 2);
    if (two === 'ai' || two === 'ay') { out += 'e'; i++; continue; } // tail ~ テール, day ~ デー
    if (two === 'ph') { out += 'f'; i++; continue; }
    if (two === 'sh') { out += 'S'; i++; continue; }
    if (two === 'ch') { out += 'C'; i++; continue; }
    if (two === 'th') { out += 'tH'; i++; continue; }
    if (two === 'ck') { out += 'k'; i++; continue; }
    if (two === 'wh') { out += 'w'; i++; continue; }
    // gh is silent at the end or before a consonant (night, high), g and h before a vowel (longhorn).
    if (two === 'gh' && (i === 0 || !isVowel(w[i + 2]))) { if (i === 0) out += 'g'; i++; continue; }
    if (two === 'qu') { out += 'k'; i++; continue; }
    if (two === 'dg') { out += 'j'; i++; continue; }
    switch (c) {
      case 'a': case 'e': case 'i': case 'o': case 'u': out += c; break;
      case 'y': out += i === 0 && isVowel(next) ? 'y' : 'i'; break;
      case 'w': out += isVowel(next) ? 'w' : 'u'; break;
      // ci before a vowel after a vowel or n is sh, as ti is (financial ~ フィナンシャル, special).
      case 'c': out += next === 'i' && isVowel(w[i + 2]) && (isVowel(prev) || prev === 'n') ? 'S' : next && 'eiy'.includes(next) ? 's' : 'k'; break;
      case 'g': out += next && 'eiy'.includes(next) ? 'G' : 'g'; break;
      case 'x': out += 'ks'; break;
      case 'q': out += 'k'; break;
      case 'l': out += 'r'; break;
      case 'v': out += 'b'; break;
      case 'z': out += 's'; break;
      case 'r': out += isVowel(prev) && !isVowel(next) ? 'R' : 'r'; break;
      case 't': out += next === 'i' && /[aeiou]/.test(w[i + 2] ?? '') && (isVowel(prev) || prev === 'n') ? 'S' : 't'; break;
      case 's': out += next === 'i' && w[i + 2] === 'o' ? 'S' : 's'; break;
      case 'm': out += next === 'b' || next === 'p' ? 'n' : 'm'; break; // ン before b/p: sampling ~ サンプリング
      case 'h': if (!isVowel(prev) && i > 0 && prev !== undefined) out += 'h'; else if (i === 0) out += 'h'; break;
      default: out += c;
    }
  }
  return out;
}

/** Every phone symbol: vowels, consonant classes, and the optional English r (R) and h (H). */
const SYMBOLS = 'aeiouywRHbdfgGhjkmnprsStCz';
const CODE = new Map([...SYMBOLS].map((c, i) => [c, i]));
const N = SYMBOLS.length;

/** Costs in twentieths, so the distance runs on small integers. */
const UNIT = 20;
const SUB = new Int32Array(N * N);
/** Cost of a phone only the katakana side has (Japanese adds vowels after consonants). */
const EXTRA_KANA = new Int32Array(N);
/** Cost of a phone only the Latin side has (a silent e, a postvocalic r). */
const EXTRA_LATIN = new Int32Array(N);
/** English vowel letters and the katakana vowels they are read as. */
const CLOSE_VOWELS = new Set(['ae', 'ea', 'ei', 'ie', 'oa', 'ao', 'ua', 'au', 'ou', 'uo', 'ai', 'ia']);
{
  const vowel = (c: string) => 'aeiou'.includes(c);
  const glide = (c: string) => c === 'y' || c === 'w';
  // Pairs a loanword swaps (soft g = j, sh = s, ch = k or t, m = n before b/p…) with their cost.
  const near = new Map<string, number>();
  for (const [pairs, cost] of [['Rr Hh', 0], ['Gg Gj', 2], ['Ck', 3], ['ts Ss SC sC Ct zs zt Sj js', 6], ['hf mn', 10], ['Gk', 12]] as const) {
    for (const pair of pairs.split(' ')) {
      near.set(pair, cost);
      near.set(pair[1]! + pair[0]!, cost);
    }
  }
  for (const a of SYMBOLS) {
    const i = CODE.get(a)!;
    // A long vowel (R on the katakana side) may stand for nothing: ノード ~ node.
    EXTRA_KANA[i] = a === 'R' ? 0 : vowel(a) ? 2 : glide(a) ? 3 : a === 'h' ? 8 : UNIT;
    EXTRA_LATIN[i] = a === 'R' || a === 'H' ? 2 : vowel(a) || glide(a) ? 3 : a === 'h' ? 8 : UNIT;
    for (const b of SYMBOLS) {
      const j = CODE.get(b)!;
      let cost: number;
      if (a === b) cost = 0;
      else if (vowel(a) && vowel(b)) cost = CLOSE_VOWELS.has(a + b) ? 2 : 4;
      else if ((vowel(a) && glide(b)) || (glide(a) && vowel(b))) cost = 3;
      else cost = near.get(a + b) ?? 30;
      SUB[i * N + j] = cost;
    }
  }
  // A long vowel is no consonant r: キー is key, not kira.
  SUB[CODE.get('R')! * N + CODE.get('r')!] = 30;
}

/** Phone codes by character code, so encoding a word is a table lookup per phone. */
const CODE_OF = new Uint8Array(128);
for (const [c, i] of CODE) CODE_OF[c.charCodeAt(0)] = i;

function encode(phones: string): Uint8Array {
  const code = new Uint8Array(phones.length);
  for (let i = 0; i < phones.length; i++) code[i] = CODE_OF[phones.charCodeAt(i)]!;
  return code;
}

/** Whether a phone code is a vowel's. */
const VOWEL_CODE = new Uint8Array(N);
for (const v of VOWELS) VOWEL_CODE[CODE.get(v)!] = 1;
/** Cost of a vowel only the Latin side has, at the start of the word. */
const LEADING_VOWEL = 12;

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Loanword distance from katakana phones `a` to Latin phones `b` (in UNITs), or Infinity past `max`. */
function distance(a: Uint8Array, b: Uint8Array, max: number): number {
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2 + 1);
    rowB = new Int32Array(b.length * 2 + 1);
  }
  let prev = rowA, row = rowB;
  prev[0] = 0;
  // Katakana writes a word's first vowel (overlay ~ オーバーレイ) and adds none: a first vowel only
  // one side has makes another word (ベレロ is no overlay, アクセス no cases).
  if (b.length > 0) prev[1] = VOWEL_CODE[b[0]!] ? LEADING_VOWEL : EXTRA_LATIN[b[0]!]!;
  for (let j = 2; j <= b.length; j++) prev[j] = prev[j - 1]! + EXTRA_LATIN[b[j - 1]!]!;
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1]!;
    row[0] = prev[0]! + (i === 1 && VOWEL_CODE[ai] ? LEADING_VOWEL : EXTRA_KANA[ai]!);
    let best = row[0]!;
    for (let j = 1; j <= b.length; j++) {
      const bj = b[j - 1]!;
      let v = prev[j]! + EXTRA_KANA[ai]!;
      const ins = row[j - 1]! + EXTRA_LATIN[bj]!;
      if (ins < v) v = ins;
      const sub = prev[j - 1]! + SUB[ai * N + bj]!;
      if (sub < v) v = sub;
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return Infinity;
    const t = prev; prev = row; row = t;
  }
  return prev[b.length]! <= max ? prev[b.length]! : Infinity;
}

/** Phones that are not counted as consonants: vowels, glides, the optional English r and h. */
const NOT_CONSONANT = new Set('aeiouywRH');

function consonants(phones: string): number {
  let n = 0;
  for (const c of phones) if (!NOT_CONSONANT.has(c)) n++;
  return n;
}

/** The most a pair may differ (in UNITs): a little per consonant, never a whole consonant in a short word; a one-consonant word (ユアン) only a vowel. */
function allowance(n: number): number {
  return n === 0 ? 0 : n === 1 ? 3 : Math.min(2 + 3 * n, 24);
}

/** Matches this close to the best one are kept too (ドーン: don and dawn). */
const MARGIN = 5;

interface Entry {
  term: string;
  code: Uint8Array;
  consonants: number;
}

/**
 * Consonant classes that may stand for each other cheaply (every near pair above is inside one
 * class). Left out: h and f (an h costs little to add, and h ~ f is a near pair) and r (an
 * English r after a vowel may be read as a long vowel or as r: server ~ サーバ, ricardo ~ リカルド).
 */
const CLASS: Record<string, string> = { g: 'k', G: 'k', j: 'k', k: 'k', C: 'k', t: 'k', s: 'k', S: 'k', z: 'k', b: 'b', d: 'd', p: 'p', m: 'n', n: 'n' };

/** The classes of a word's consonants in order: words this key tells apart differ by a whole consonant. */
function skeleton(phones: string): string {
  let out = '';
  for (const c of phones) out += CLASS[c] ?? '';
  return out;
}

function entry(term: string, phones: string | null): Entry | undefined {
  if (!phones) return undefined;
  const n = consonants(phones);
  return n >= 1 ? { term, code: encode(phones), consonants: n } : undefined;
}

/**
 * One script's vocabulary, grouped two ways: by consonant count (a word is compared only with
 * words of one consonant more or less) and by skeleton. While the allowed distance is below the
 * cost of adding or dropping a consonant, only words of the same skeleton can be that close (a
 * consonant of another class costs more still), so one lookup replaces the scan.
 */
class Entries {
  /** Term and phones by skeleton: what is saved, and what the groups are made from. */
  private readonly raw: Map<string, Array<[string, string]>>;
  /** Entries by skeleton, made from `raw` on a group's first lookup. */
  private readonly groups = new Map<string, Entry[]>();
  /** Skeletons by each skeleton one consonant shorter, made on the first long word (most starts never need them). */
  private shorter?: Map<string, string[]>;

  constructor(raw: Map<string, Array<[string, string]>> = new Map()) {
    this.raw = raw;
  }

  static from(table: Record<string, Array<[string, string]>>): Entries {
    return new Entries(new Map(Object.entries(table)));
  }

  add(term: string, phones: string): void {
    const key = skeleton(phones);
    const group = this.raw.get(key);
    if (group) group.push([term, phones]);
    else this.raw.set(key, [[term, phones]]);
  }

  table(): Record<string, Array<[string, string]>> {
    return Object.fromEntries(this.raw);
  }

  private group(key: string): Entry[] {
    let group = this.groups.get(key);
    if (!group) {
      group = (this.raw.get(key) ?? []).map(([term, phones]) => entry(term, phones)!);
      this.groups.set(key, group);
    }
    return group;
  }

  /**
   * Entries that may be within `allowed` of a word with these phones and `n` consonants. Below
   * the cost of one consonant only one side has, the skeletons must be equal; up to twice that
   * (all the allowance ever reaches), they may differ by one consonant more or less.
   */
  candidates(phones: string, n: number, allowed: number): Entry[] {
    const key = skeleton(phones);
    const keys = allowed < ONE_CONSONANT ? [key] : [key, ...this.oneApart(key)];
    return keys.flatMap((k) => this.group(k)).filter((e) => Math.abs(e.consonants - n) <= 1);
  }

  /** Skeletons in the table with one consonant more or one less than `key`. */
  private oneApart(key: string): string[] {
    if (!this.shorter) {
      this.shorter = new Map();
      for (const k of this.raw.keys()) {
        for (const d of new Set(deletions(k))) {
          const list = this.shorter.get(d);
          if (list) list.push(k);
          else this.shorter.set(d, [k]);
        }
      }
    }
    const fewer = new Set(deletions(key).filter((d) => this.raw.has(d)));
    return [...fewer, ...(this.shorter.get(key) ?? [])];
  }
}

/** `key` with one character taken out, at each place. */
function deletions(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

/** The cost of a consonant only one side has (an h costs less and is not in the skeleton). */
const ONE_CONSONANT = UNIT;
// Two consonants only one side has would cost more than any allowance: `candidates` relies on it.
if (allowance(Infinity) >= 2 * ONE_CONSONANT) throw new Error('the allowance reaches two consonants: Entries.candidates must look further');

/** A close match, and the most it was allowed to differ. */
interface Match {
  term: string;
  distance: number;
  allowed: number;
}

/** Close matches for one word among entries, best first, at most `limit`. */
function closest(phones: string | null, entries: Entries, limit: number, max = Infinity, latinQuery = false): Match[] {
  if (!phones) return [];
  const n = consonants(phones);
  const allowed = Math.min(allowance(n), max);
  if (allowed === 0) return [];
  const code = encode(phones);
  const found: Match[] = [];
  for (const e of entries.candidates(phones, n, allowed)) {
    const d = latinQuery ? distance(e.code, code, allowed) : distance(code, e.code, allowed);
    if (d !== Infinity) found.push({ term: e.term, distance: d, allowed });
  }
  found.sort((x, y) => x.distance - y.distance || x.term.localeCompare(y.term));
  const best = found[0]?.distance ?? 0;
  return found.filter((f) => f.distance <= best + MARGIN).slice(0, limit);
}

const KATAKANA_WORD = /^[\p{Script=Katakana}ー]+$/u;

/** The Latin letters' names in katakana, as an abbreviation read aloud is written (ジーケーイー: GKE). */
const LETTER_NAMES: ReadonlyArray<readonly [string, string]> = Object.entries({
  a: 'エー エイ', b: 'ビー', c: 'シー', d: 'ディー デー', e: 'イー', f: 'エフ', g: 'ジー', h: 'エイチ エッチ',
  i: 'アイ', j: 'ジェー ジェイ', k: 'ケー ケイ', l: 'エル', m: 'エム', n: 'エヌ', o: 'オー', p: 'ピー',
  q: 'キュー', r: 'アール', s: 'エス', t: 'ティー テー', u: 'ユー', v: 'ブイ ヴィー', w: 'ダブリュー ダブル',
  x: 'エックス', y: 'ワイ', z: 'ゼット ゼッド ズィー',
}).flatMap(([letter, names]) => names.split(' ').map((name) => [name, letter] as const));

/**
 * The ways a katakana word splits into letter names from its start: each gives the letters and
 * the rest of the word. A name may lose its final ー at the end of the word (the analyzer drops
 * it: ジーケーイー is searched as ジーケーイ).
 */
function letterRuns(word: string, from = 0, letters = ''): Array<{ letters: string; rest: string }> {
  const out: Array<{ letters: string; rest: string }> = letters ? [{ letters, rest: word.slice(from) }] : [];
  for (const [name, letter] of LETTER_NAMES) {
    if (word.startsWith(name, from)) out.push(...letterRuns(word, from + name.length, letters + letter));
    else if (name.endsWith('ー') && from + name.length - 1 === word.length && word.endsWith(name.slice(0, -1))) out.push({ letters: letters + letter, rest: '' });
  }
  return out;
}

/** The Latin letters a katakana word spells out name by name (ジーケーイー: gke), if it does; two letters or more. */
export function spelledLetters(word: string): string[] {
  return [...new Set(letterRuns(word).filter((r) => r.rest === '' && r.letters.length >= 2).map((r) => r.letters))];
}

/**
 * A katakana word that starts with a consonant letter's name and goes on as a word (ジーバイザー:
 * g + visor, ケイネイティブ: k + native), as the letters and the rest. Vowel letters are left
 * out: their names read as the vowel anyway (イーコマース).
 */
function letterPrefixes(word: string): Array<{ letters: string; rest: string }> {
  return letterRuns(word).filter((r) => [...r.rest].length >= 2 && r.letters.length <= 2 && !/[aeiou]/.test(r.letters));
}

/**
 * A katakana word that is a word then Latin letters said aloud, as a name may be (etcd: エト + シー
 * ディー), as the word and the letters; two letters or more, and a word of two kana or more.
 */
function letterSuffixes(word: string): Array<{ head: string; letters: string }> {
  const chars = [...word];
  const out: Array<{ head: string; letters: string }> = [];
  for (let cut = 2; cut <= chars.length - 2; cut++) {
    const head = chars.slice(0, cut).join('');
    for (const letters of spelledLetters(chars.slice(cut).join(''))) out.push({ head, letters });
  }
  return out;
}

type Part = (kana: string) => Match[];

/**
 * The best reading of a katakana compound as consecutive index words, in up to `depth` + 1
 * parts (オープンポリシーエージェント ~ open + policy + agent); each extra part costs a little, so
 * fewer parts win a tie. Parts of a three-way split are three kana or more: short ones (サン,
 * パス) match too many words once there are three of them.
 */
function split(chars: string[], part: Part, depth: number, shortest = 2): { terms: string[]; best: string[]; distance: number } | undefined {
  let best: { terms: string[]; best: string[]; distance: number } | undefined;
  for (let cut = shortest; cut <= chars.length - shortest; cut++) {
    const rest = chars.slice(cut);
    if (/^[ーッァィゥェォャュョ]/u.test(rest[0]!)) continue;
    const head = part(chars.slice(0, cut).join(''));
    if (head.length === 0) continue;
    const whole = part(rest.join(''));
    const tail = whole.length > 0
      ? { terms: whole.map((m) => m.term), best: [whole[0]!.term], distance: whole[0]!.distance }
      : depth > 1 && cut >= 3 && rest.length >= 6 ? split(rest, part, depth - 1, 3) : undefined;
    if (!tail) continue;
    const d = head[0]!.distance + tail.distance + (whole.length > 0 ? 0 : SPLIT_PENALTY);
    if (!best || d < best.distance) best = { terms: [...head.map((m) => m.term), ...tail.terms], best: [head[0]!.term, ...tail.best], distance: d };
  }
  return best;
}
const LATIN_WORD = /^[a-z]{3,}$/;
/** The most each part of a split compound may differ: parts are short, so stricter. */
const SPLIT_MAX = 8;
const CACHE_SIZE = 2000;
/** The fewest characters a katakana word needs before it is read as two or three words. */
const MIN_SPLIT = 6;
/** What one more part adds to a split's distance. */
const SPLIT_PENALTY = 4;

/** A Transliterator's readings of the index's terms, saved with the index. */
export interface PhoneTable {
  latin: Record<string, Array<[string, string]>>;
  katakana: Record<string, Array<[string, string]>>;
}

/** Candidate terms for a word, and the closest ones, which alone count as finding the word. */
export interface Reading {
  terms: string[];
  best: string[];
  /**
   * Whether even the closest reading differs by all that is allowed: a name the index lacks
   * read as the nearest word it has (コックローチ, cockroach, as keyclock). A close name differs
   * by less (グーグル, google: nothing; アップデート, update: 10 of 11). Such a reading is
   * searched, but does not count as finding the word.
   */
  loose?: boolean;
}

function reading(found: Match[]): Reading {
  const first = found[0];
  const d = first?.distance;
  const best = found.filter((m) => m.distance === d).map((m) => m.term);
  return { terms: found.map((m) => m.term), best, loose: first !== undefined && first.distance >= first.allowed };
}

/** How many close Latin words one katakana word may give (ドーン: don, done, down, dawn). */
const LIMIT = 4;

/** Index vocabulary in both scripts, read as phones, to map a word of one script to the other. */
export class Transliterator {
  private readonly latin: Entries;
  private readonly katakana: Entries;
  /** Answers by word: chat users repeat themselves, and a split compound costs a dozen scans. */
  private readonly cache = new Map<string, Reading>();

  /** Reads every term, or takes the readings of an earlier `table()`. */
  constructor(terms: Iterable<string>, saved?: PhoneTable) {
    if (saved) {
      this.latin = Entries.from(saved.latin);
      this.katakana = Entries.from(saved.katakana);
      return;
    }
    this.latin = new Entries();
    this.katakana = new Entries();
    for (const term of terms) {
      const latin = LATIN_WORD.test(term);
      const phones = latin ? latinPhones(term) : term.length >= 3 && KATAKANA_WORD.test(term) ? katakanaPhones(term) : null;
      if (phones && consonants(phones) >= 1) (latin ? this.latin : this.katakana).add(term, phones);
    }
  }

  /** Every term read, with its phones, by script and skeleton. */
  table(): PhoneTable {
    return { latin: this.latin.table(), katakana: this.katakana.table() };
  }

  /** Latin index terms for a katakana word (see `latinReading`). */
  latinFor(word: string): string[] {
    return this.latinReading(word).terms;
  }

  /**
   * Latin index terms for a katakana word, and the closest of them. A compound the index only
   * knows in parts (テールサンプリング ~ tail + sampling) gives the parts of the best split.
   */
  latinReading(word: string): Reading {
    return this.remember(`k\t${word}`, () => this.read(word));
  }

  private remember(key: string, compute: () => Reading): Reading {
    let out = this.cache.get(key);
    if (!out) {
      if (this.cache.size >= CACHE_SIZE) this.cache.clear();
      this.cache.set(key, (out = compute()));
    }
    return out;
  }

  private read(word: string): Reading {
    // ドット (dot) inside a name reads a domain name aloud: ブッキングドットコム is booking.com,
    // each side a word of its own.
    const dot = word.indexOf('ドット');
    if (dot >= 2 && word.length - dot - 3 >= 2) {
      const sides = [word.slice(0, dot), word.slice(dot + 3)].map((w) => this.latinReading(w));
      if (sides.every((r) => r.best.length > 0)) return { terms: sides.flatMap((r) => r.terms), best: sides.map((r) => r.best[0]!) };
    }
    const phones = katakanaPhones(word);
    const whole = closest(phones, this.latin, LIMIT);
    if (whole.length > 0 || !phones) return reading(whole);
    // A name that starts with a letter said aloud: the letter's sound, then the word's.
    for (const { letters, rest } of letterPrefixes(word)) {
      const tail = katakanaPhones(rest);
      if (!tail || consonants(tail) < 2) continue;
      const found = closest(latinPhones(letters) + tail, this.latin, LIMIT);
      if (found.length > 0) return reading(found);
    }
    // A name that ends with letters said aloud: the word's sound, then the letters'.
    for (const { head, letters } of letterSuffixes(word)) {
      const start = katakanaPhones(head);
      if (!start) continue;
      const found = closest(start + latinPhones(letters), this.latin, LIMIT);
      if (found.length > 0) return reading(found);
    }
    // Each part needs two consonants: a one-consonant part (ス, ル) matches too much.
    const parts = new Map<string, Match[]>();
    const part = (kana: string) => {
      let found = parts.get(kana);
      if (!found) {
        const p = katakanaPhones(kana);
        parts.set(kana, (found = p && consonants(p) >= 2 ? closest(p, this.latin, 2, SPLIT_MAX) : []));
      }
      return found;
    };
    // A short word is not split: two kana halves read as two common words far too easily
    // (メルカリ as mirror + carry).
    const chars = [...word];
    if (chars.length < MIN_SPLIT) return { terms: [], best: [] };
    const best = split(chars, part, 2);
    // Parts that make one English word together are that word, which the index lacks:
    // バックステージ is backstage, not back + stage (テールサンプリング stays tail + sampling).
    if (!best || isEnglishWord(best.best.join(''))) return { terms: [], best: [] };
    return { terms: best.terms, best: best.best };
  }

  /** Katakana index terms for a Latin word, and the closest of them. */
  katakanaReading(word: string): Reading {
    return this.remember(`l\t${word}`, () => reading(closest(latinPhones(word), this.katakana, 3, Infinity, true)));
  }

  /** Katakana index terms for a Latin word. */
  katakanaFor(word: string): string[] {
    return this.katakanaReading(word).terms;
  }
}
