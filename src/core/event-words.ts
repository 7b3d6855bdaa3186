/**
 * Events named in plain words: cities (パリ, Paris), regions (北米, NA, Europe), years (2022年) and
 * event names (KubeCon, CNDT2022, CloudNative Days). The phrases come from the corpus's own event
 * data (id, name, city, year); the only fixed facts are region names and city spellings, below.
 * Recognised phrases leave the query text and narrow the events, as `event:` and `year:` do.
 */
import type { EventInfo } from './types.ts';

/** Region names; an event is in a region when its id, name or city says so. */
const REGIONS: Record<string, string[]> = {
  eu: ['eu', 'europe', 'european', '欧州', 'ヨーロッパ'],
  na: ['na', 'north america', 'north american', '北米', 'アメリカ', '米国'],
  cn: ['china', '中国'],
  jp: ['japan', '日本'],
  in: ['india', 'インド'],
  kr: ['korea', '韓国'],
};

/** Cities that host cloud-native conferences: their Japanese spellings and regions. */
const CITIES: Record<string, { ja: string[]; region: string }> = {
  paris: { ja: ['パリ'], region: 'eu' },
  copenhagen: { ja: ['コペンハーゲン'], region: 'eu' },
  amsterdam: { ja: ['アムステルダム'], region: 'eu' },
  barcelona: { ja: ['バルセロナ'], region: 'eu' },
  valencia: { ja: ['バレンシア'], region: 'eu' },
  london: { ja: ['ロンドン'], region: 'eu' },
  berlin: { ja: ['ベルリン'], region: 'eu' },
  detroit: { ja: ['デトロイト'], region: 'na' },
  chicago: { ja: ['シカゴ'], region: 'na' },
  'salt lake city': { ja: ['ソルトレイクシティ', 'ソルトレイク'], region: 'na' },
  'los angeles': { ja: ['ロサンゼルス', 'ロサンジェルス'], region: 'na' },
  'san diego': { ja: ['サンディエゴ'], region: 'na' },
  seattle: { ja: ['シアトル'], region: 'na' },
  atlanta: { ja: ['アトランタ'], region: 'na' },
  austin: { ja: ['オースティン'], region: 'na' },
  boston: { ja: ['ボストン'], region: 'na' },
  shanghai: { ja: ['上海'], region: 'cn' },
  'hong kong': { ja: ['香港'], region: 'cn' },
  mumbai: { ja: ['ムンバイ'], region: 'in' },
  hyderabad: { ja: ['ハイデラバード'], region: 'in' },
  tokyo: { ja: ['東京'], region: 'jp' },
  yokohama: { ja: ['横浜'], region: 'jp' },
  osaka: { ja: ['大阪'], region: 'jp' },
  fukuoka: { ja: ['福岡'], region: 'jp' },
  sapporo: { ja: ['札幌'], region: 'jp' },
  okinawa: { ja: ['沖縄'], region: 'jp' },
  seoul: { ja: ['ソウル'], region: 'kr' },
};

/** Katakana spellings of conference series, keyed by a series name as the data writes it. */
const SERIES_JA: Record<string, string[]> = {
  kubecon: ['キューブコン', 'クーベコン', 'クベコン'],
  cloudnativecon: ['クラウドネイティブコン'],
  'cloudnative days': ['クラウドネイティブデイズ'],
};

type Kind = 'series' | 'region' | 'city' | 'year';

interface Phrase {
  kind: Kind;
  /** What the phrase stands for: a series name, a region code, a city or a year. */
  value: string;
  re: RegExp;
  /** The phrase's first word, which the regex needs as it is: text without it is not searched. */
  first: string;
  /** Written in Latin letters or digits: its regex checks the word edges itself. */
  latin: boolean;
}

interface EventKeys {
  id: string;
  series: Set<string>;
  regions: Set<string>;
  city: string;
  year: string;
}

export interface EventWords {
  /** The text with the recognised phrases taken out. */
  text: string;
  /** The phrases as the user typed them, in order. */
  phrases: string[];
  /** Events that fit every phrase; undefined when no phrase was found. */
  eventIds?: Set<string>;
}

const YEAR = /(?<![\p{Nd}.-])((?:19|20)\d{2})(?:\s*年(?:度)?)?(?![\p{Nd}])/gu;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex for a phrase: Latin words need word edges (a year may follow directly: cndt2022). */
function phraseRe(phrase: string): RegExp {
  const words = phraseWords(phrase).map(escape);
  const body = words.join('\\s*\\+?\\s*');
  if (!/^[a-z0-9]/.test(phrase)) return new RegExp(body, 'gu');
  return new RegExp(`(?<![\\p{Script=Latin}\\p{Nd}])${body}(?![\\p{Script=Latin}])`, 'gu');
}

function phraseWords(phrase: string): string[] {
  return phrase.split(/[\s+]+/).filter(Boolean);
}

/** "CloudNative" -> "cloud native": the same name with its camelCase parts spaced. */
function spaced(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function keysOf(e: EventInfo): EventKeys {
  const idParts = e.id.toLowerCase().split('-');
  const name = e.name.normalize('NFKC');
  const lower = name.toLowerCase();
  const city = (e.city ?? '').toLowerCase();
  const regions = new Set<string>();
  for (const [code, names] of Object.entries(REGIONS)) {
    if (idParts.includes(code) || names.some((n) => phraseRe(n).test(lower))) regions.add(code);
  }
  const cityRegion = CITIES[city]?.region;
  if (cityRegion) regions.add(cityRegion);
  // The series is the name without its year, city and region words; plus the id's first part.
  let rest = name.replace(/\b(?:19|20)\d{2}\b/g, ' ');
  if (e.city) rest = rest.replace(new RegExp(escape(e.city), 'gi'), ' ');
  for (const code of regions) for (const n of REGIONS[code]!) rest = rest.replace(new RegExp(`\\b${escape(n)}\\b`, 'gi'), ' ');
  rest = rest.replace(/\s+/g, ' ').trim();
  const series = new Set<string>();
  if (rest) {
    series.add(rest.toLowerCase());
    series.add(spaced(rest));
    for (const part of rest.split('+')) if (part.trim().length >= 4) series.add(part.trim().toLowerCase());
  }
  if (idParts[0] && idParts[0].length >= 3 && !(idParts[0] in REGIONS)) series.add(idParts[0]);
  return { id: e.id, series, regions, city, year: String(e.year) };
}

function phrasesFor(keys: EventKeys[]): Phrase[] {
  const out: Phrase[] = [];
  const add = (kind: Kind, value: string, phrase: string) => {
    const p = phrase.normalize('NFKC').toLowerCase();
    out.push({ kind, value, re: phraseRe(p), first: phraseWords(p)[0] ?? '', latin: /^[a-z0-9]/.test(p) });
  };
  for (const value of new Set(keys.flatMap((k) => [...k.series]))) {
    add('series', value, value);
    for (const ja of SERIES_JA[value] ?? []) add('series', value, ja);
  }
  for (const [code, names] of Object.entries(REGIONS)) for (const n of names) add('region', code, n);
  const cities = new Set([...Object.keys(CITIES), ...keys.map((k) => k.city).filter(Boolean)]);
  for (const city of cities) {
    add('city', city, city);
    for (const ja of CITIES[city]?.ja ?? []) add('city', city, ja);
  }
  // Longest first, so "north america" wins over "na" and "cloudnative days" over a shorter name.
  return out.sort((a, b) => b.re.source.length - a.re.source.length);
}

/** Each library's events and their phrases, worked out once: a query only runs the regexes. */
const compiled = new WeakMap<readonly EventInfo[], { keys: EventKeys[]; phrases: Phrase[] }>();

function phrasesOf(events: readonly EventInfo[]): { keys: EventKeys[]; phrases: Phrase[] } {
  let out = compiled.get(events);
  if (!out) {
    const keys = events.map(keysOf);
    compiled.set(events, (out = { keys, phrases: phrasesFor(keys) }));
  }
  return out;
}

/**
 * Finds event phrases in `text` and the events that fit all of them. An event fits when, for each
 * kind of phrase present (series, region, city, year), it matches one of the phrases of that kind.
 */
export function findEventWords(text: string, events: readonly EventInfo[], skip?: ReadonlySet<string>): EventWords {
  const { keys, phrases: known } = phrasesOf(events);
  const found = new Map<Kind, Set<string>>();
  const at: Array<[number, string]> = [];
  // Lower case keeps the length of these scripts, so offsets in the typed text stay valid;
  // each phrase found is blanked with as many spaces, so they stay valid after it too.
  let work = text.normalize('NFKC').toLowerCase();
  const original = text.normalize('NFKC');
  const cut = (re: RegExp, kind: Kind, value: (m: string[]) => string, wordsOnly?: (from: number, to: number) => boolean) => {
    work = work.replace(re, (...m: unknown[]) => {
      const whole = m[0] as string;
      const offset = m[m.length - 2] as number;
      if (wordsOnly && !wordsOnly(offset, offset + whole.length)) return whole;
      if (!found.has(kind)) found.set(kind, new Set());
      found.get(kind)!.add(value(m as string[]));
      at.push([offset, original.slice(offset, offset + whole.length).trim()]);
      return ' '.repeat(whole.length);
    });
  };
  if (work.length !== original.length) return { text, phrases: [] };
  const atWords = wordEdges(original);
  for (const p of known) if (work.includes(p.first) && !skip?.has(`${p.kind}:${p.value}`)) cut(p.re, p.kind, () => p.value, p.latin ? undefined : atWords);
  cut(YEAR, 'year', (m) => m[1]!);
  const phrases = at.sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  if (phrases.length === 0) return { text, phrases: [] };
  // A country or region no event is in, named without a conference or a year, is read as a word
  // like any other: 「中国から録画で登壇してた人」 is a speaker in China, 「インドの事例」 a case from
  // India, not an event there. With one ("KubeCon China 2025") it names an event the corpus does
  // not have; a city ("シカゴ") is taken for its conference either way.
  if (!skip && !found.has('series') && !found.has('year')) {
    const elsewhere = [...(found.get('region') ?? [])].filter((v) => !keys.some((k) => k.regions.has(v)));
    if (elsewhere.length > 0) return findEventWords(text, events, new Set(elsewhere.map((v) => `region:${v}`)));
  }
  const fits = (k: EventKeys) =>
    [...found].every(([kind, values]) => {
      switch (kind) {
        case 'series': return [...values].some((v) => k.series.has(v));
        case 'region': return [...values].some((v) => k.regions.has(v));
        case 'city': return values.has(k.city);
        case 'year': return values.has(k.year);
      }
    });
  return {
    text: rebuild(original, work),
    phrases,
    eventIds: new Set(keys.filter(fits).map((k) => k.id)),
  };
}

const words = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * Whether a stretch of `text` begins and ends where words do. Japanese has no spaces, so a place
 * name written in kanji or kana counts only as a word of its own: 日本 in 日本で or 日本企業, not
 * in 日本語 (Japanese) or 西日本; パリ in パリの, not in パリティ. The word breaks are worked out
 * once, on the first phrase found.
 */
function wordEdges(text: string): (from: number, to: number) => boolean {
  let edges: Set<number> | undefined;
  return (from, to) => {
    if (!edges) {
      edges = new Set([text.length]);
      for (const s of words.segment(text)) edges.add(s.index);
    }
    return edges.has(from) && edges.has(to);
  };
}

/** The typed text (its case kept) wherever `work` still has it; blanks where phrases were cut. */
function rebuild(typed: string, work: string): string {
  let out = '';
  for (let i = 0; i < work.length; i++) out += work[i] === ' ' && typed[i] !== ' ' ? ' ' : typed[i];
  return out.replace(/\s+/g, ' ').trim();
}
