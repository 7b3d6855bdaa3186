/**
 * Abbreviations and their long forms, both ways: PSP finds PodSecurityPolicy and "Horizontal Pod
 * Autoscaler" finds HPA. Most pairs come from the talks themselves (camelCase names, Title Case
 * phrases, "Long Form (ABBR)" definitions); a short table adds the jargon that no spelling
 * reveals (k8s, OTel, CEL, KEP).
 */
import { normalize } from './normalize.ts';

/** Jargon whose abbreviation cannot be derived from its spelling, or that talks rarely spell out. */
const CURATED: ReadonlyArray<readonly [string, string]> = [
  ['k8s', 'kubernetes'],
  ['otel', 'opentelemetry'],
  ['cel', 'common expression language'],
  ['kep', 'kubernetes enhancement proposal'],
  ['hpa', 'horizontal pod autoscaler'],
  ['vpa', 'vertical pod autoscaler'],
  ['sbom', 'software bill of materials'],
  ['ci', 'continuous integration'],
  ['cd', 'continuous delivery'],
  ['cd', 'continuous deployment'],
  ['psp', 'pod security policy'],
  ['psa', 'pod security admission'],
  ['pss', 'pod security standards'],
  ['rbac', 'role-based access control'],
  ['crd', 'custom resource definition'],
  ['cni', 'container network interface'],
  ['csi', 'container storage interface'],
  ['cri', 'container runtime interface'],
  ['oci', 'open container initiative'],
  ['slo', 'service level objective'],
  ['sli', 'service level indicator'],
  ['sre', 'site reliability engineering'],
  ['mtls', 'mutual tls'],
  ['cncf', 'cloud native computing foundation'],
  ['eks', 'elastic kubernetes service'],
  ['gke', 'google kubernetes engine'],
  ['aks', 'azure kubernetes service'],
  ['iam', 'identity and access management'],
  ['idp', 'internal developer platform'],
  ['llm', 'large language model'],
  ['ospo', 'open source program office'],
  ['wasm', 'webassembly'],
  ['ebpf', 'extended berkeley packet filter'],
];

/** Words a Title Case phrase may hold that an acronym may or may not take a letter from. */
const MINOR = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'to', 'as', 'at', 'with', '&']);

const CAMEL = /(?<![A-Za-z])[A-Z][a-z]+[A-Z][a-z]+[A-Z][A-Za-z]*/g;
const TITLE_PHRASE = /\b[A-Z][A-Za-z]+(?:[ -](?:(?:of|and|for|the|in|on|to|as|at|with|&)[ -])?[A-Z][A-Za-z]+){1,4}/g;
/** "(CEL)": the words before it are read back from here (a regex for both sides backtracks badly). */
const DEFINED = /[(（]([A-Za-z][A-Za-z0-9]{1,7})[)）]/g;
const WORDS_BEFORE = /([A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*){0,5}) ?$/;

/** Initials of a phrase; minor words give a letter or not, so one phrase can give two. */
function initials(words: string[]): string[] {
  let outs = [''];
  for (const w of words) {
    const first = w[0] ?? '';
    outs = MINOR.has(w) ? [...outs, ...outs.map((o) => o + first)] : outs.map((o) => o + first);
  }
  return [...new Set(outs)];
}

function words(phrase: string): string[] {
  return normalize(phrase).split(/[\s-]+/).filter((w) => w.length > 0);
}

/** A pair learned from the talks: abbreviation, long form, and whether the talks define it. */
export type AcronymPair = readonly [abbr: string, longForm: string, sure: boolean];

export class Acronyms {
  /** What was learned from the talks, so a saved index can restore it without reading them again. */
  private readonly learned = new Map<string, AcronymPair>();
  /** Abbreviation -> long forms (each a phrase of index words, or one camelCase word). */
  private readonly long = new Map<string, Set<string>>();
  /** Long form -> abbreviations. */
  private readonly short = new Map<string, Set<string>>();
  /** Pairs the talks define or the table names: used even when the abbreviation is a known word. */
  private readonly sure = new Set<string>();
  /** Long forms the talks themselves write (learned from them), not only the table. */
  private readonly inTalks = new Set<string>();

  private learn(abbr: string, longForm: string, sure: boolean): void {
    const key = `${abbr}\t${longForm}`;
    if (this.learned.get(key)?.[2] === true || (this.learned.has(key) && !sure)) return;
    this.learned.set(key, [abbr, longForm, sure]);
    // A Title Case run may hold more than the long form ("Tuning the Horizontal Pod Autoscaler").
    const ws = longForm.split(' ');
    for (let i = 0; i < ws.length; i++) for (let j = i + 2; j <= ws.length; j++) this.inTalks.add(ws.slice(i, j).join(' '));
    this.add(abbr, longForm, sure);
  }

  private add(abbr: string, longForm: string, sure: boolean): void {
    if (abbr.length < 2 || abbr === longForm) return;
    let set = this.long.get(abbr);
    if (!set) this.long.set(abbr, (set = new Set()));
    set.add(longForm);
    // A query drops "of" and "the" as stop words, so the long form is also kept without them.
    const content = longForm.split(' ').filter((w) => !MINOR.has(w)).join(' ');
    for (const key of new Set([longForm, content])) {
      let back = this.short.get(key);
      if (!back) this.short.set(key, (back = new Set()));
      back.add(abbr);
    }
    if (sure) this.sure.add(`${abbr}\t${longForm}`);
  }

  /**
   * Learns pairs from the texts of the talks (titles, English summaries, abstracts), or takes
   * the pairs learned before (`pairs()`) without reading the texts.
   */
  constructor(texts: Iterable<string>, saved?: readonly AcronymPair[]) {
    for (const [abbr, longForm] of CURATED) this.add(abbr, longForm, true);
    if (saved) {
      for (const [abbr, longForm, sure] of saved) this.learn(abbr, longForm, sure);
      return;
    }
    for (const raw of texts) {
      const text = raw.normalize('NFKC');
      for (const m of text.matchAll(CAMEL)) {
        const parts = m[0].match(/[A-Z][a-z]+/g) ?? [];
        if (parts.length >= 3 && parts.join('') === m[0]) this.learn(parts.map((p) => p[0]).join('').toLowerCase(), normalize(m[0]), false);
      }
      for (const m of text.matchAll(TITLE_PHRASE)) {
        const ws = words(m[0]);
        if (ws.length < 3 && ws.filter((w) => !MINOR.has(w)).length < 2) continue;
        for (const abbr of initials(ws)) if (abbr.length >= 3) this.learn(abbr, ws.join(' '), false);
      }
      for (const m of text.matchAll(DEFINED)) {
        const abbr = m[1]!.toLowerCase();
        const before = WORDS_BEFORE.exec(text.slice(Math.max(0, m.index - 80), m.index));
        const ws = before ? words(before[1]!) : [];
        // "Common Expression Language (CEL)": the last words whose initials spell the abbreviation.
        for (let start = ws.length - 1; start >= 0; start--) {
          const tail = ws.slice(start);
          if (initials(tail).includes(abbr)) {
            this.learn(abbr, tail.join(' '), true);
            break;
          }
        }
      }
    }
  }

  /**
   * Long forms for an abbreviation. Pairs only guessed from Title Case count only when the
   * abbreviation is not itself a word the talks use (`isKnown`).
   */
  expand(abbr: string, isKnown: boolean): string[] {
    const set = this.long.get(abbr);
    if (!set) return [];
    return [...set].filter((l) => !isKnown || this.sure.has(`${abbr}\t${l}`));
  }

  /**
   * Whether the talks write this long form (as a Title Case phrase, a definition or one camelCase
   * word), rather than only the table naming it: "Azure Kubernetes Service" is in no talk, though
   * each of its words is in some.
   */
  written(longForm: string): boolean {
    return this.inTalks.has(longForm);
  }

  /** The pairs learned from the talks, for a saved index. */
  pairs(): AcronymPair[] {
    return [...this.learned.values()];
  }

  /** Abbreviations of a long form given as its words (["pod", "security", "policy"] or ["podsecuritypolicy"]). */
  abbreviate(ws: readonly string[]): string[] {
    return [...(this.short.get(ws.join(' ')) ?? [])];
  }
}
