/**
 * Which talk comes next: every talk in the pool once per round, in a fresh random order each
 * round. Talks added to the corpus join the current round; removed ones drop out. Pure.
 */
export interface Rotation {
  round: number;
  /** Ids still to post this round, in order. */
  queue: string[];
  /** Ids already posted this round. */
  done: string[];
}

export const EMPTY_ROTATION: Rotation = { round: 0, queue: [], done: [] };

function shuffle(ids: string[], random: () => number): string[] {
  const out = [...ids];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The rotation brought in line with the current pool, without taking anything from it. */
function reconcile(r: Rotation, pool: readonly string[], random: () => number): Rotation {
  const inPool = new Set(pool);
  const queue = r.queue.filter((id) => inPool.has(id));
  const done = r.done.filter((id) => inPool.has(id));
  const seen = new Set([...queue, ...done]);
  for (const id of pool) {
    if (seen.has(id)) continue;
    // Never in front of a queue that has a head: the announced next talk stays the next one.
    const first = queue.length > 0 ? 1 : 0;
    queue.splice(first + Math.floor(random() * (queue.length + 1 - first)), 0, id);
    seen.add(id);
  }
  return { round: r.round, queue, done };
}

/** The rotation with its next talk decided: reconciled, and a new round begun when this one is used up. */
export function upcoming(r: Rotation, pool: readonly string[], random: () => number): Rotation {
  const cur = reconcile(r, pool, random);
  if (cur.queue.length > 0 || pool.length === 0) return cur;
  return { round: cur.round + 1, queue: shuffle([...pool], random), done: [] };
}

/** The talk the next `takeNext` will give, if the pool has not changed since `upcoming`. */
export function peek(r: Rotation, pool: readonly string[]): string | undefined {
  const inPool = new Set(pool);
  return r.queue.find((id) => inPool.has(id));
}

/** Takes the next talk; starts a new round in a new order when the current one is used up. */
export function takeNext(r: Rotation, pool: readonly string[], random: () => number): { id: string | undefined; rotation: Rotation } {
  const cur = upcoming(r, pool, random);
  if (cur.queue.length === 0) return { id: undefined, rotation: cur };
  const [id, ...queue] = cur.queue;
  return { id, rotation: { round: cur.round, queue, done: [...cur.done, id!] } };
}
