/**
 * Errors as they may be logged. discord.js errors carry the request URL, and interaction and
 * webhook URLs contain a token that lets anyone answer in the bot's name for 15 minutes, so the
 * token is cut out, and the request body (user text) is left out.
 */

/** Replaces the token in interaction and webhook URLs. */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/interactions\/\d+\/)[^/?]+/g, '$1[redacted]')
    .replace(/(\/webhooks\/\d+\/)[^/?]+/g, '$1[redacted]');
}

/**
 * A copy of `err` fit for the log: message, stack and URL with tokens cut out, plus the HTTP
 * status, Discord error code and method; the request body is left behind.
 */
export function loggable(err: unknown): Error {
  const src = (err instanceof Error ? err : new Error(String(err))) as Error & Record<string, unknown>;
  const out = new Error(redactUrl(src.message)) as Error & Record<string, unknown>;
  out.name = src.name;
  out.stack = src.stack === undefined ? undefined : redactUrl(src.stack);
  for (const key of ['status', 'code', 'method'] as const) {
    const v = src[key];
    if (typeof v === 'number' || typeof v === 'string') out[key] = v;
  }
  if (typeof src.url === 'string') out.url = redactUrl(src.url);
  return out;
}
