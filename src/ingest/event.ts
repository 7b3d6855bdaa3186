/**
 * Which event a Sched calendar is: the event id rule, and what we know of KubeCon venues.
 *
 * The rule for KubeCon + CloudNativeCon slugs: `kccnc` (optionally followed by `oss` or
 * `ossaidev` for the editions held with Open Source Summit / AI_dev), a region code, and a year of
 * two or four digits, optionally followed by a language code (`eng`, `chi`, ...):
 *
 *     kccnceu2024 → kubecon-eu-2024        kccncna2022 → kubecon-na-2022
 *     kccnceu18   → kubecon-eu-2018        kccncosschn19eng → kubecon-china-2019
 *     kccncind2024 → kubecon-india-2024    kccncjpn2025 → kubecon-japan-2025
 *
 * Region codes: eu, na, cn/chn/china → china, in/ind/india → india, jp/jpn/japan → japan,
 * hk → hong-kong; any other letters are kept (kccnclat2025 → kubecon-lat-2025). A slug that does
 * not follow the rule is used as the id as it is when it is a valid id; `--event` overrides.
 */
import { EVENT_ID } from '../core/corpus/ids.ts';

const REGIONS: Record<string, { id: string; name: string }> = {
  eu: { id: 'eu', name: 'Europe' },
  na: { id: 'na', name: 'North America' },
  cn: { id: 'china', name: 'China' },
  chn: { id: 'china', name: 'China' },
  china: { id: 'china', name: 'China' },
  in: { id: 'india', name: 'India' },
  ind: { id: 'india', name: 'India' },
  india: { id: 'india', name: 'India' },
  jp: { id: 'japan', name: 'Japan' },
  jpn: { id: 'japan', name: 'Japan' },
  japan: { id: 'japan', name: 'Japan' },
  hk: { id: 'hong-kong', name: 'Hong Kong' },
};

const KUBECON = /^kccnc(?:ossaidev|oss)?([a-z]+?)(\d{4}|\d{2})(?:[a-z]{2,3})?$/;

export interface SlugEvent {
  id: string;
  /** A name for an event the corpus does not know yet, from the rule. */
  name?: string;
  year?: number;
}

/** The event id for a Sched slug, or null when the slug gives none (then --event is needed). */
export function eventFromSlug(slug: string): SlugEvent | null {
  const s = slug.toLowerCase();
  const m = KUBECON.exec(s);
  if (m) {
    const code = m[1]!;
    const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    const region = REGIONS[code] ?? { id: code, name: code.toUpperCase() };
    return { id: `kubecon-${region.id}-${year}`, name: `KubeCon + CloudNativeCon ${region.name} ${year}`, year };
  }
  return EVENT_ID.test(s) ? { id: s } : null;
}

/** The Sched slug of an event site URL (https://kccnceu2024.sched.com/...), or null. */
export function schedSlug(url: string): string | null {
  try {
    const host = new URL(url).hostname.toLowerCase();
    const m = /^([a-z0-9-]+)\.sched\.com$/.exec(host);
    return m ? m[1]! : null;
  } catch {
    return null;
  }
}

/** Time zones of cities that hosted or host KubeCon; the calendar itself says UTC. */
const CITY_ZONES: Record<string, string> = {
  amsterdam: 'Europe/Amsterdam',
  atlanta: 'America/New_York',
  austin: 'America/Chicago',
  barcelona: 'Europe/Madrid',
  berlin: 'Europe/Berlin',
  bengaluru: 'Asia/Kolkata',
  bangalore: 'Asia/Kolkata',
  boston: 'America/New_York',
  chicago: 'America/Chicago',
  copenhagen: 'Europe/Copenhagen',
  delhi: 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata',
  detroit: 'America/Detroit',
  'hong kong': 'Asia/Hong_Kong',
  hyderabad: 'Asia/Kolkata',
  london: 'Europe/London',
  'los angeles': 'America/Los_Angeles',
  mumbai: 'Asia/Kolkata',
  paris: 'Europe/Paris',
  'salt lake city': 'America/Denver',
  'san diego': 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  shanghai: 'Asia/Shanghai',
  tokyo: 'Asia/Tokyo',
  valencia: 'Europe/Madrid',
};

export function zoneOfCity(city: string | undefined): string | undefined {
  return city ? CITY_ZONES[city.trim().toLowerCase()] : undefined;
}
