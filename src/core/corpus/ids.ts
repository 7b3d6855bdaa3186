import { createHash } from 'node:crypto';

const MAX_SLUG = 48;

/** ASCII slug of a title: letters and digits, lower case, joined by '-', cut at a word. */
function slugify(title: string): string {
  const words = title.normalize('NFKD').toLowerCase().match(/[a-z0-9]+/g) ?? [];
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > MAX_SLUG) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, MAX_SLUG);
}

/**
 * The stable id of a talk: event and title only, so edits elsewhere never change it. Titles with
 * non-ASCII letters add a short hash of the whole title, since their slug alone may collide.
 */
export function talkId(eventId: string, title: string): string {
  const slug = slugify(title);
  const ascii = /^[\x20-\x7e]*$/.test(title);
  if (ascii && slug) return `${eventId}/${slug}`;
  const hash = createHash('sha256').update(title.normalize('NFKC').trim()).digest('hex').slice(0, 8);
  return `${eventId}/${slug ? `${slug}-` : ''}${hash}`;
}

export const EVENT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TALK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
