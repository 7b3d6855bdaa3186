/**
 * Glossary expansion: finds the glossary groups a query mentions and returns the other members
 * of each group, to be searched beside the query at a lower weight.
 */
import { GLOSSARY } from './glossary.ts';
import { normalize } from './normalize.ts';

interface Entry {
  test: (query: string) => boolean;
  group: number;
  text: string;
}

const MAX_GROUPS = 8;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Whether `member` is in a query. Every test needs the member's text somewhere in the query, so
 * that is checked first: a substring search rules out almost every entry before a pattern runs.
 */
function matcher(member: string): (query: string) => boolean {
  const test = pattern(member);
  return (q) => q.includes(member) && test(q);
}

/** The test beyond the member's text being in the query. */
function pattern(member: string): (query: string) => boolean {
  if (/[a-z0-9]/.test(member)) {
    // Whole words only, allowing a plural: "ha" must not fire inside "chaos".
    const re = new RegExp(`(?<![a-z0-9])${escape(member)}(?:e?s)?(?![a-z0-9])`);
    return (q) => re.test(q);
  }
  if (/^[\p{Script=Katakana}ー・]+$/u.test(member)) {
    // A katakana word must start a katakana run: "ログ" must not fire inside "ブログ".
    const re = new RegExp(`(?<![\\p{Script=Katakana}ー])${escape(member)}`, 'u');
    return (q) => re.test(q);
  }
  return () => true;
}

const ENTRIES: Entry[] = GLOSSARY.flatMap((group, g) =>
  group.map((raw) => {
    const text = normalize(raw);
    return { test: matcher(text), group: g, text };
  }),
);

export function expandWithGlossary(query: string): string[] {
  const q = normalize(query);
  const hit = new Set<number>();
  const present = new Set<string>();
  for (const e of ENTRIES) {
    if (hit.size >= MAX_GROUPS && !hit.has(e.group)) continue;
    if (e.test(q)) {
      hit.add(e.group);
      present.add(e.text);
    }
  }
  return ENTRIES.filter((e) => hit.has(e.group) && !present.has(e.text)).map((e) => e.text);
}
