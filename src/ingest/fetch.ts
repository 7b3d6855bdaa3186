/**
 * Downloads a calendar with Node's fetch: a timeout per attempt, a few retries with backoff on
 * network errors, timeouts, 429 and 5xx, a User-Agent that names the bot, redirects followed,
 * and conditional requests (If-None-Match / If-Modified-Since) so that an unchanged calendar
 * costs a 304.
 */

export const USER_AGENT = 'kubecon-bot/0.1 (schedule importer; Node.js fetch)';

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchOptions {
  timeoutMs?: number;
  /** Attempts after the first. */
  retries?: number;
  /** First wait between attempts; doubled each time. */
  backoffMs?: number;
  /** From the last successful download of the same URL. */
  validators?: Validators;
  /** Called before each retry, for the command's progress line. */
  onRetry?: (attempt: number, reason: string, waitMs: number) => void;
}

export type FetchResult =
  | { status: 'ok'; body: Buffer; url: string; validators: Validators }
  | { status: 'not-modified'; url: string };

export class FetchError extends Error {
  readonly status?: number;
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'FetchError';
    this.status = status;
  }
}

class Retryable extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function fetchCalendar(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const retries = opts.retries ?? 3;
  const backoffMs = opts.backoffMs ?? 1_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, timeoutMs, opts.validators);
    } catch (err) {
      if (!(err instanceof Retryable)) throw err;
      if (attempt >= retries) throw new FetchError(`${err.message} (gave up after ${attempt + 1} attempts)`);
      const wait = backoffMs * 2 ** attempt;
      opts.onRetry?.(attempt + 1, err.message, wait);
      await sleep(wait);
    }
  }
}

async function fetchOnce(url: string, timeoutMs: number, validators: Validators | undefined): Promise<FetchResult> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1' };
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  let res: Response;
  let body: Buffer;
  try {
    res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    body = res.status === 304 ? Buffer.alloc(0) : Buffer.from(await res.arrayBuffer());
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new Retryable(`no answer from ${url} within ${timeoutMs / 1000} s`);
    throw new Retryable(`cannot reach ${url}: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
  }
  const where = res.url || url;
  if (res.status === 304) return { status: 'not-modified', url: where };
  if (res.status === 429 || res.status >= 500) throw new Retryable(`${where} answered ${res.status} ${res.statusText}`);
  if (res.status === 403) {
    throw new FetchError(
      `${where} answered 403 Forbidden. Sched refuses scripts on its HTML pages; the calendar export is https://<event>.sched.com/all.ics (give the event slug, e.g. kccnceu2024)`,
      403,
    );
  }
  if (res.status === 404) throw new FetchError(`${where} answered 404 Not Found: check the event slug or the URL`, 404);
  if (res.status < 200 || res.status >= 300) throw new FetchError(`${where} answered ${res.status} ${res.statusText}`, res.status);
  const type = res.headers.get('content-type') ?? '';
  if (/text\/html/i.test(type) || /^\s*</.test(body.subarray(0, 64).toString('utf8'))) {
    throw new FetchError(`${where} sent an HTML page, not a calendar: use the event's .ics export (https://<event>.sched.com/all.ics)`);
  }
  return {
    status: 'ok',
    body,
    url: where,
    validators: { etag: res.headers.get('etag') ?? undefined, lastModified: res.headers.get('last-modified') ?? undefined },
  };
}
