import type { Timers } from '../../src/schedule/daily.ts';

/** Timers a test fires by hand, together with a clock it moves by hand. */
export function manualClock(start: Date) {
  let now = start.getTime();
  const pending = new Map<number, () => void>();
  let next = 0;
  const timers: Timers = {
    set: (fn) => {
      pending.set(++next, fn);
      return next;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  return {
    timers,
    now: () => new Date(now),
    /** Moves the clock by `ms` and fires every timer set so far. */
    advance(ms: number): void {
      now += ms;
      const due = [...pending.values()];
      pending.clear();
      for (const fn of due) fn();
    },
  };
}
