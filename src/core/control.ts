/**
 * Control characters (escape sequences, NUL, bell) in corpus or user text must not reach a
 * terminal or a chat message, where they show as boxes or take over the screen. Newlines stay.
 */
export function stripControl(text: string): string {
  return text.replace(/[\p{Cc}]/gu, (c) => (c === '\n' ? '\n' : ' '));
}
