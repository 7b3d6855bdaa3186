/**
 * A loaded corpus and its index, swapped as one value so a reload is atomic: a request sees
 * either the old library or the new one, never half of each.
 */
import { loadCorpus, type Corpus } from './corpus/load.ts';
import { TalkIndex } from './search.ts';
import type { EventInfo } from './types.ts';

export interface Library {
  index: TalkIndex;
  events: EventInfo[];
  files: string[];
}

export function libraryFromCorpus(corpus: Corpus): Library {
  return { index: new TalkIndex(corpus.talks), events: corpus.events, files: corpus.files };
}

export async function loadLibrary(dir: string): Promise<Library> {
  return libraryFromCorpus(await loadCorpus(dir));
}
