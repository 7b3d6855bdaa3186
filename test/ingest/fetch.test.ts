/**
 * Downloading calendars from a real HTTP server on 127.0.0.1: status codes, retries, timeouts,
 * redirects, conditional requests, and that a failed import writes nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fetchCalendar, FetchError, USER_AGENT } from '../../src/ingest/fetch.ts';
import { importSched } from '../../src/ingest/import.ts';
import { corpusCopy, FIXTURE, snapshot, tempDir } from './helpers.ts';

const ICS = readFileSync(FIXTURE);
const ETAG = '"v1"';
const LAST_MODIFIED = 'Wed, 20 Mar 2024 10:00:00 GMT';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
const seen: IncomingMessage[] = [];
let server: Server;
let base = '';
const fast = { timeoutMs: 2_000, retries: 2, backoffMs: 5 };

before(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    const h = routes.get(req.url ?? '');
    if (h) h(req, res);
    else res.writeHead(404).end('no such page');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const calendar: Handler = (req, res) => {
  if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED) {
    res.writeHead(304, { etag: ETAG }).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag: ETAG, 'last-modified': LAST_MODIFIED }).end(ICS);
};
routes.set('/all.ics', calendar);
routes.set('/old.ics', (_req, res) => res.writeHead(301, { location: '/all.ics' }).end());
routes.set('/forbidden.ics', (_req, res) => res.writeHead(403, { 'content-type': 'text/html' }).end('<html>Forbidden</html>'));
routes.set('/page.ics', (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html></html>'));
routes.set('/silent.ics', () => {});
let flaky = 0;
routes.set('/flaky.ics', (req, res) => {
  if (flaky++ === 0) res.writeHead(500).end('oops');
  else calendar(req, res);
});
routes.set('/down.ics', (_req, res) => res.writeHead(503).end('down'));
routes.set('/lastmod.ics', (req, res) => {
  if (req.headers['if-modified-since'] === LAST_MODIFIED) res.writeHead(304).end();
  else res.writeHead(200, { 'content-type': 'text/calendar', 'last-modified': LAST_MODIFIED }).end(ICS);
});

describe('fetching a calendar', () => {
  it('200: the body, the validators, and a User-Agent that names the bot', async () => {
    const r = await fetchCalendar(`${base}/all.ics`, fast);
    assert.equal(r.status, 'ok');
    assert.ok(r.status === 'ok' && r.body.equals(ICS));
    assert.deepEqual(r.status === 'ok' && r.validators, { etag: ETAG, lastModified: LAST_MODIFIED });
    assert.equal(seen.at(-1)!.headers['user-agent'], USER_AGENT);
    assert.match(USER_AGENT, /kubecon-bot/);
  });

  it('304 on a repeat with If-None-Match or If-Modified-Since', async () => {
    assert.equal((await fetchCalendar(`${base}/all.ics`, { ...fast, validators: { etag: ETAG } })).status, 'not-modified');
    assert.equal(seen.at(-1)!.headers['if-none-match'], ETAG);
    assert.equal((await fetchCalendar(`${base}/lastmod.ics`, { ...fast, validators: { lastModified: LAST_MODIFIED } })).status, 'not-modified');
    assert.equal(seen.at(-1)!.headers['if-modified-since'], LAST_MODIFIED);
  });

  it('follows a redirect', async () => {
    const r = await fetchCalendar(`${base}/old.ics`, fast);
    assert.ok(r.status === 'ok' && r.body.equals(ICS) && r.url === `${base}/all.ics`);
  });

  it('403 and 404 fail at once with a clear message', async () => {
    const n = seen.length;
    await assert.rejects(fetchCalendar(`${base}/forbidden.ics`, fast), (e: Error) => e instanceof FetchError && /403 Forbidden.*all\.ics/.test(e.message));
    await assert.rejects(fetchCalendar(`${base}/missing.ics`, fast), /404 Not Found: check the event slug/);
    assert.equal(seen.length - n, 2, 'no retries for 403 or 404');
  });

  it('an HTML body is not a calendar', async () => {
    await assert.rejects(fetchCalendar(`${base}/page.ics`, fast), /sent an HTML page, not a calendar/);
  });

  it('500 then 200: retried with backoff', async () => {
    flaky = 0;
    const retries: string[] = [];
    const r = await fetchCalendar(`${base}/flaky.ics`, { ...fast, onRetry: (_n, reason) => retries.push(reason) });
    assert.equal(r.status, 'ok');
    assert.equal(retries.length, 1);
    assert.match(retries[0]!, /answered 500/);
  });

  it('5xx every time: gives up after the retries', async () => {
    const n = seen.length;
    await assert.rejects(fetchCalendar(`${base}/down.ics`, fast), /answered 503 .*gave up after 3 attempts/);
    assert.equal(seen.length - n, 3);
  });

  it('a server that never answers times out', async () => {
    await assert.rejects(fetchCalendar(`${base}/silent.ics`, { timeoutMs: 200, retries: 1, backoffMs: 5 }), /no answer from .* within 0\.2 s .*gave up after 2 attempts/);
  });

  it('a refused connection is a network error, retried, then reported', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(fetchCalendar(`http://127.0.0.1:${port}/all.ics`, fast), /cannot reach .*ECONNREFUSED.*gave up/);
  });
});

describe('import sched over HTTP', () => {
  it('remembers the ETag, and a repeat asks If-None-Match and treats 304 as unchanged', async () => {
    const dir = corpusCopy();
    const dataDir = tempDir('kubecon-data-');
    const first = await importSched({ source: `${base}/all.ics`, dir, dataDir, fetch: fast });
    assert.equal(first.event, 'kubecon-eu-2024', 'the event comes from the sessions\' Sched URLs');
    assert.equal(first.added.length, 14);
    assert.equal(seen.at(-1)!.headers['if-none-match'], undefined);
    const files = snapshot(dir);
    const again = await importSched({ source: `${base}/all.ics`, dir, dataDir, fetch: fast });
    assert.equal(seen.at(-1)!.headers['if-none-match'], ETAG);
    assert.equal(again.notModified, true);
    assert.equal(again.unchanged, 14);
    assert.equal(again.merged.length, 7);
    assert.deepEqual(snapshot(dir), files);
  });

  it('a failed download leaves the corpus byte for byte as it was', async () => {
    const dir = corpusCopy();
    const files = snapshot(dir);
    for (const p of ['/forbidden.ics', '/missing.ics', '/page.ics', '/down.ics']) {
      await assert.rejects(importSched({ source: `${base}${p}`, dir, event: 'kubecon-eu-2024', fetch: fast }));
      assert.deepEqual(snapshot(dir), files, p);
    }
  });
});
