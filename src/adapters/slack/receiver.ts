/**
 * How Slack reaches the app: Bolt's own receivers (HTTP or Socket Mode), wrapped so that every
 * incoming request is counted until it is fully answered. `stop()` waits on that count, and
 * tests can wait for "everything received so far has been handled" without sleeping.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InFlight } from '../inflight.ts';
import { HTTPModuleFunctions, HTTPReceiver, SocketModeReceiver, type App, type Logger as BoltLogger, type Receiver, type ReceiverEvent, type webApi } from '@slack/bolt';
import type { Store } from '../../store/store.ts';

/** Passes each event to the app through `InFlight`; otherwise the inner receiver unchanged. */
export class TrackingReceiver implements Receiver {
  constructor(
    private readonly inner: Receiver,
    private readonly work: InFlight,
  ) {}

  init(app: App): void {
    // Receivers only ever call app.processEvent (Bolt's documented receiver contract).
    const counted = { processEvent: (event: ReceiverEvent) => this.work.track(app.processEvent(event)) };
    this.inner.init(counted as unknown as App);
  }

  start(...args: unknown[]): Promise<unknown> {
    return this.inner.start(...args);
  }

  stop(...args: unknown[]): Promise<unknown> {
    return this.inner.stop(...args);
  }
}

const EVENTS_PATH = '/slack/events';

/**
 * The largest request body taken, in bytes. The biggest thing Slack sends is a message event
 * (at most 40,000 characters of text, about 0.5 MB as JSON with its rich-text copy) or a button
 * press carrying the bot's own message (a page of results, a few kilobytes); anything larger is
 * not from Slack and is refused with 413 before it is read.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Slack's replay window: a signed request more than this far from now, either way, is refused. */
const MAX_CLOCK_SKEW_S = 5 * 60;

/**
 * Checks what Bolt 5.1 does not before it reads a request to the events endpoint: the timestamp
 * is within the replay window in both directions (Bolt only refuses old ones), the body fits
 * MAX_BODY_BYTES, and the body is a JSON object or a form (Bolt crashes the process on a signed
 * `null`). What passes is handed to Bolt with the body already read.
 */
function guardEvents(receiver: HTTPReceiver, logger: BoltLogger): void {
  const inner = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== EVENTS_PATH) {
      inner(req, res);
      return;
    }
    void readGuarded(req, logger).then(
      (status) => {
        if (status === undefined) inner(req, res);
        else refuse(req, res, status);
      },
      (err: unknown) => {
        logger.warn(`slack: could not read a request: ${(err as Error).message}`);
        refuse(req, res, 400);
      },
    );
  };
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { connection: 'close' });
  // Stop reading whatever is left of a refused body once the answer is out.
  res.end(() => {
    if (!req.complete) req.destroy();
  });
}

/** The body, or undefined once it grows past MAX_BODY_BYTES (the rest is left unread). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      resolve(undefined);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** Reads the body onto `req.rawBody` (where Bolt looks for it); an HTTP status to refuse with, or undefined. */
async function readGuarded(req: IncomingMessage, logger: BoltLogger): Promise<number | undefined> {
  const ts = Number(req.headers['x-slack-request-timestamp']);
  if (Number.isFinite(ts) && Math.abs(Date.now() / 1000 - ts) > MAX_CLOCK_SKEW_S) {
    logger.warn('slack: refused a request whose timestamp is more than 5 minutes from now');
    return 401;
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return 413;
  const raw = await readBody(req);
  if (raw === undefined) return 413;
  const buffered = Object.assign(req, { rawBody: raw });
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch {
    return undefined; // Bolt checks the signature, then answers a malformed body with 400.
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    logger.warn('slack: refused a request whose body is not an object');
    return 400;
  }
  return undefined;
}

/**
 * The bot is handed over with its corpus loaded, so listening means ready: 200 "ok". A second
 * line tells the shared store's state; a store that is down still answers 200, since searches
 * are answered and another instance would not fare better.
 */
function healthz(store: Pick<Store, 'status'> | undefined) {
  return (_req: unknown, res: ServerResponse): void => {
    const s = store?.status();
    const line = s ? `store: ${s.kind} ${s.up ? 'up' : `down (${s.error ?? 'unreachable'})`}\n` : '';
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`ok\n${line}`);
  };
}

export function httpReceiver(opts: { signingSecret: string; port: number; logger: BoltLogger; store?: Pick<Store, 'status'> }): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: opts.signingSecret,
    endpoints: EVENTS_PATH,
    port: opts.port,
    logger: opts.logger,
    bodyLimit: MAX_BODY_BYTES,
    customRoutes: [{ path: '/healthz', method: ['GET'], handler: healthz(opts.store) }],
  });
  guardEvents(receiver, opts.logger);
  return receiver;
}

export function socketReceiver(opts: { appToken: string; logger: BoltLogger; clientOptions: webApi.WebClientOptions }): SocketModeReceiver {
  return new SocketModeReceiver({
    appToken: opts.appToken,
    logger: opts.logger,
    installerOptions: { clientOptions: opts.clientOptions },
  });
}
