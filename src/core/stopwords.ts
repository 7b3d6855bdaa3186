/**
 * Query words that only say "I am asking about talks" or glue a sentence together. They are
 * dropped from queries, never from the index. Japanese particles and endings written in
 * hiragana never become terms (see analyzer.ts), so only kanji and katakana forms are listed.
 */
const WORDS = `
a an the and or of in on at to for with without about from by into as is are was were be been being
any some there here what which who whom whose where when how why did do does done doing
talk talks session sessions presentation presentations speech speeches lecture keynote's
cover covered covers covering mention mentioned mentions discuss discussed discusses discussing
show shows showed me my i you your we our they their it its that this these those
find search want wanted know looking look tell please can could would should will
anything something someone somebody anyone has have had related regarding topic topics
like hear heard learn give get got list all using use used let lets see
though although even just also still really very quite too so such than then only ever never
always often again already yet instead else whether if because since unless either neither
might must shall may
話 発表 講演 登壇 紹介 内容 関連 関 件 教 知 聞 探 見 何 誰 方 人 的 時
セッション トーク プレゼン プレゼンテーション
`;

const STOP = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));

/** Multi-character Japanese stop words, cut out of the query text before it is segmented. */
const PHRASES = [...STOP].filter((w) => /^[^a-z]{2,}$/.test(w)).sort((a, b) => b.length - a.length);

/** A katakana phrase is cut only as a whole word: トーク, not the start of トークン. */
const KATAKANA = /^[\p{Script=Katakana}ー]+$/u;
const CUTS = PHRASES.map((p) =>
  KATAKANA.test(p) ? new RegExp(`(?<![\\p{Script=Katakana}ー])${p}(?![\\p{Script=Katakana}ー])`, 'gu') : p,
);

export function removeStopPhrases(text: string): string {
  let out = text;
  for (const p of CUTS) out = out.replaceAll(p, ' ');
  return out;
}

/** A stop word with a clitic (i'm, it's, we're, you'll, they've, don't, can't). */
const CONTRACTION = /^([a-z]+)['’](m|s|re|ve|ll|d|t)$/;

export function isStopWord(term: string): boolean {
  if (STOP.has(term)) return true;
  // Contractions of stop words are glue too: "I'm looking for…" must not search for "i'm".
  const m = CONTRACTION.exec(term);
  if (!m) return false;
  const head = m[1]!;
  return STOP.has(head) || (m[2] === 't' && head.endsWith('n') && STOP.has(head.slice(0, -1)));
}
