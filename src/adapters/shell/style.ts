import type { Writable } from 'node:stream';

/**
 * Colour only on a terminal, and never when NO_COLOR is set to anything but the empty string
 * (https://no-color.org).
 */
export function colorWanted(stream: Writable, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  return (stream as Writable & { isTTY?: boolean }).isTTY === true;
}
