/**
 * Answers wait their turn: an adapter acks a request at once and queues the work of answering it
 * here. Each piece runs in a later turn of the event loop than the one that queued it, one piece
 * a turn, in order. Requests that arrived meanwhile are read and acked between two answers, so
 * an ack waits behind at most the one answer being computed, never behind a queue of them.
 */
export class Turns {
  private readonly queue: Array<() => void> = [];
  private scheduled = false;

  /** Runs `work` in a later turn; resolves or rejects as it does. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => {
        try {
          resolve(work());
        } catch (err) {
          reject(err);
        }
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    // setImmediate runs after the poll phase, where waiting requests are read (and acked).
    setImmediate(() => {
      this.scheduled = false;
      this.queue.shift()!();
      this.schedule();
    });
  }
}
