import type { Link, Talk } from '../types.ts';

/**
 * Links for a talk, each labelled for what it really is:
 * - the recap post (`recap`), or, when its address is unknown, a web search for its exact title
 *   (`recap_search`);
 * - the talk's own page (`talk`), or else the event's schedule (`schedule`);
 * - a known recording (`video`), or else a video search for the title and event (`video_search`),
 *   so there is always at least one link.
 * Pages come before searches, in that order; adapters link a hit's title to the first link, so
 * a title never points at a search.
 */
export function talkLinks(talk: Talk): Link[] {
  const pages: Link[] = [];
  const searches: Link[] = [];
  const recap = talk.recap;
  if (recap?.url) pages.push({ kind: 'recap', url: recap.url });
  else if (recap) searches.push({ kind: 'recap_search', url: recapSearchUrl(recap) });
  if (talk.talkUrl) pages.push({ kind: 'talk', url: talk.talkUrl });
  else if (talk.event.scheduleUrl) pages.push({ kind: 'schedule', url: talk.event.scheduleUrl });
  if (talk.videoUrl) pages.push({ kind: 'video', url: talk.videoUrl });
  else searches.push({ kind: 'video_search', url: videoSearchUrl(talk) });
  return [...pages, ...searches];
}

/** A web search for the post's exact title, with its publication (or author) to tell it apart. */
function recapSearchUrl(recap: NonNullable<Talk['recap']>): string {
  const q = [`"${recap.title}"`, recap.publication ?? recap.author].filter(Boolean).join(' ');
  return `https://duckduckgo.com/?q=${encodeURIComponent(q)}`;
}

function videoSearchUrl(talk: Talk): string {
  const q = `${talk.title} ${talk.event.name}`;
  return `https://www.youtube.com/results?search_query=${encodeURIComponent(q)}`;
}
