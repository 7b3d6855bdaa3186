/** Polls `what` until it gives a truthy value (returned), or fails naming `label` after `ms`. */
export async function until<T>(what: () => T | undefined | false, label: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = what();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
