/**
 * Keeps other output (log lines, the talk of the day) from landing in the middle of what the user
 * is typing: while a prompt is shown, each write clears the prompt line, prints, and draws the
 * prompt again with the typed text intact.
 */
import { clearLine, cursorTo, type Interface } from 'node:readline';
import { Writable } from 'node:stream';

export class PromptGuard {
  private prompt?: { rl: Interface; output: Writable };

  /** The shell calls this while it shows a prompt, and `release` when it stops. */
  hold(rl: Interface, output: Writable): void {
    this.prompt = { rl, output };
  }

  release(): void {
    this.prompt = undefined;
  }

  /** Writes `text` to `target` above the prompt, if one is shown. */
  write(target: Writable, text: string | Uint8Array): void {
    const p = this.prompt;
    if (!p) {
      target.write(text);
      return;
    }
    clearLine(p.output, 0);
    cursorTo(p.output, 0);
    target.write(text);
    p.rl.prompt(true);
  }

  /** A stream for a logger: every line goes through `write`. */
  stream(target: Writable): Writable {
    return new Writable({
      write: (chunk: Uint8Array, _enc, done) => {
        this.write(target, chunk);
        done();
      },
    });
  }
}
