import type { Link, Talk } from '../types.ts';

/**
 * Links for a talk, in the order adapters show them: the recap post, the talk's own page (or
 * the event schedule), and a recording (or a video search, which always exists).
 */
export function talkLinks(talk: Talk): Link[] {
  const links: Link[] = [];
  if (talk.recap?.url) links.push({ kind: 'recap', url: talk.recap.url });
  const page = talk.talkUrl ?? talk.event.scheduleUrl;
  if (page) links.push({ kind: 'talk', url: page });
  links.push({ kind: 'video', url: talk.videoUrl ?? videoSearchUrl(talk) });
  return links;
}

function videoSearchUrl(talk: Talk): string {
  const q = `${talk.title} ${talk.event.name}`;
  return `https://www.youtube.com/results?search_query=${encodeURIComponent(q)}`;
}
