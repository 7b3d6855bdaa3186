/**
 * Matches best first: by score, then by raw score, then in the order they came (as a stable
 * sort leaves ties). A common word matches thousands of talks, and a comparison sort calls its
 * comparator back tens of thousands of times for them: at 10,000 talks that was a third of such
 * an answer. Long lists are put in order by a radix sort on the scores' bits instead (six
 * counting passes over typed arrays), and only runs of equal scores by the comparator: the same
 * result.
 */

/** Below this many items the built-in sort is as quick. */
const RADIX_FROM = 256;

/** Which 32-bit half of a float64 holds its sign, exponent and high mantissa bits. */
const HIGH = new Uint32Array(new Float64Array([1]).buffer)[1] === 0x3ff00000 ? 1 : 0;

export interface Ranked {
  score: number;
  raw: number;
}

/** Sorts `items` in place, best first; scores must be non-negative numbers. */
export function sortBestFirst<T extends Ranked>(items: T[]): T[] {
  const n = items.length;
  if (n < RADIX_FROM) return items.sort(byBest);
  const scores = new Float64Array(n);
  // + 0 turns -0 into 0, whose bits sort as the zero it equals.
  for (let i = 0; i < n; i++) scores[i] = items[i]!.score + 0;
  const order = radixOrder(scores);
  const copy = items.slice();
  // Equal scores: by raw score, then in the order they came, as the comparison sort leaves them.
  for (let from = 0; from < n; ) {
    let to = from + 1;
    while (to < n && scores[order[to]!] === scores[order[from]!]) to++;
    if (to - from > 1) order.subarray(from, to).sort((a, b) => copy[b]!.raw - copy[a]!.raw || a - b);
    from = to;
  }
  for (let i = 0; i < n; i++) items[i] = copy[order[i]!]!;
  return items;
}

export function byBest(a: Ranked, b: Ranked): number {
  return b.score - a.score || b.raw - a.raw;
}

const DIGIT = 11;
const BUCKETS = 1 << DIGIT;

/**
 * Positions 0..n-1 ordered by `keys`, largest first, equal keys in their positions' order: a
 * stable counting sort per 11-bit digit of each 32-bit half, low half first. For non-negative
 * floats the bits compare as the numbers do.
 */
function radixOrder(keys: Float64Array): Uint32Array {
  const n = keys.length;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, n * 2);
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const counts = new Uint32Array(BUCKETS);
  for (let pass = 0; pass < 6; pass++) {
    const half = pass < 3 ? 1 - HIGH : HIGH;
    const shift = (pass % 3) * DIGIT;
    counts.fill(0);
    // Largest first: each digit is counted as its complement.
    for (let i = 0; i < n; i++) counts[(~words[2 * i + half]! >>> shift) & (BUCKETS - 1)]!++;
    // A digit every key shares moves nothing.
    if (counts.includes(n)) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = order[i]!;
      next[counts[(~words[2 * at + half]! >>> shift) & (BUCKETS - 1)]!++] = at;
    }
    const swap = order;
    order = next;
    next = swap;
  }
  return order;
}
