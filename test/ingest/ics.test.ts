import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { NotCalendarError, parseCalendar, unfoldBytes } from '../../src/ingest/ics.ts';
import { EU2024_SESSIONS } from './fixture-eu2024.ts';
import { writeIcs } from './ics-writer.ts';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'sched', 'kccnceu2024.ics');
const bytes = readFileSync(FIXTURE);

describe('calendar parsing', () => {
  it('the committed fixture is what the writer makes from the session list (CRLF, 75-octet folds)', () => {
    assert.deepEqual(bytes, writeIcs(EU2024_SESSIONS, { name: 'KubeCon + CloudNativeCon Europe 2024' }));
    const lines = bytes.toString('latin1').split('\r\n');
    assert.ok(lines.every((l) => Buffer.byteLength(l, 'latin1') <= 75));
    assert.ok(!bytes.toString('latin1').replace(/\r\n/g, '').includes('\n'), 'only CRLF line ends');
  });

  it('the fixture folds inside multi-byte characters, and they come back whole', () => {
    // A continuation line whose first byte after the space is a UTF-8 continuation byte (10xxxxxx).
    let inside = 0;
    for (let i = 0; i + 3 < bytes.length; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a && bytes[i + 2] === 0x20 && (bytes[i + 3]! & 0xc0) === 0x80) inside++;
    }
    assert.ok(inside >= 1, 'the fixture should fold inside a character');
    const cal = parseCalendar(bytes);
    const ja = cal.entries.find((e) => e.uid === 'ja-1@sched')!;
    assert.equal(ja.summary, '日本語セッション: クラウドネイティブ入門, はじめの一歩; Kubernetes - 山田 花子, Example KK');
    assert.equal(ja.description, 'Kubernetes を使い始めるチームのための入門セッションです。\\ コンテナ、Pod、Deployment の基本を日本語で解説します。');
    for (const e of cal.entries) assert.ok(!`${e.summary}${e.description}`.includes('\uFFFD'), e.uid);
  });

  it('decodes \\, \\; \\n and \\\\ escapes, and reads categories, room, URL and UTC times', () => {
    const cal = parseCalendar(bytes);
    assert.equal(cal.name, 'KubeCon + CloudNativeCon Europe 2024');
    assert.equal(cal.timeZone, 'UTC');
    assert.equal(cal.entries.length, EU2024_SESSIONS.length);
    const otel = cal.entries.find((e) => e.uid === 'otel-1@sched')!;
    assert.match(otel.description, /^Head sampling drops the traces you need\. We run tail-based sampling in the OpenTelemetry Collector\nacross 40 clusters; this talk/);
    assert.deepEqual(otel.categories, ['Observability']);
    assert.equal(otel.location, 'Room C');
    assert.equal(otel.url, 'https://kccnceu2024.sched.com/event/1Yc01/tail-sampling-at-scale-with-the-opentelemetry-collector');
    assert.equal(otel.start.toISOString(), '2024-03-20T14:00:00.000Z');
    assert.equal(otel.end?.toISOString(), '2024-03-20T14:30:00.000Z');
    const multi = parseCalendar(writeIcs([{ uid: 'm', summary: 'x', categories: ['Security, Identity', 'Keynote'], start: '2024-01-01T00:00' }]));
    assert.deepEqual(multi.entries[0]!.categories, ['Security, Identity', 'Keynote']);
  });

  it('reads a calendar with bare LF line ends the same way', () => {
    const lf = parseCalendar(writeIcs(EU2024_SESSIONS, { eol: '\n' }));
    const crlf = parseCalendar(bytes);
    assert.deepEqual(lf.entries, crlf.entries);
  });

  it('unfolds on bytes: CRLF or LF followed by a space or a tab', () => {
    assert.equal(unfoldBytes(Buffer.from('A\r\n B\n\tC\r\nD')).toString(), 'ABC\r\nD');
  });

  it('an HTML page, an empty body or text is refused with a clear error', () => {
    assert.throws(() => parseCalendar('<!DOCTYPE html><html><body>Forbidden</body></html>'), (e: Error) => e instanceof NotCalendarError && /HTML page/.test(e.message));
    assert.throws(() => parseCalendar(''), /the body is empty/);
    assert.throws(() => parseCalendar('Not found'), /not an iCalendar file/);
  });
});
