/**
 * How Slack reaches the app: Bolt's own receivers (HTTP or Socket Mode), wrapped so that every
 * incoming request is counted until it is fully answered. `stop()` waits on that count, and
 * tests can wait for "everything received so far has been handled" without sleeping.
 */
import type { ServerResponse } from 'node:http';
import type { Store } from '../../store/store.ts';
import { HTTPReceiver, SocketModeReceiver, type App, type Logger as BoltLogger, type Receiver, type ReceiverEvent, type webApi } from '@slack/bolt';

export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    work.finally(() => this.running.delete(work)).catch(() => {});
    return work;
  }

  /** Resolves once nothing is running, including work started while waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

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
  return new HTTPReceiver({
    signingSecret: opts.signingSecret,
    endpoints: '/slack/events',
    port: opts.port,
    logger: opts.logger,
    customRoutes: [{ path: '/healthz', method: ['GET'], handler: healthz(opts.store) }],
  });
}

export function socketReceiver(opts: { appToken: string; logger: BoltLogger; clientOptions: webApi.WebClientOptions }): SocketModeReceiver {
  return new SocketModeReceiver({
    appToken: opts.appToken,
    logger: opts.logger,
    installerOptions: { clientOptions: opts.clientOptions },
  });
}
