import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadCorpus } from '../../src/core/corpus/load.ts';
import { talkLinks } from '../../src/core/corpus/links.ts';
import { importSched, ImportError } from '../../src/ingest/import.ts';
import { EU2024_SESSIONS } from './fixture-eu2024.ts';
import { corpusCopy, FIXTURE, snapshot, tempDir } from './helpers.ts';
import { writeIcs, type FixtureEntry } from './ics-writer.ts';

const SCHEDULE = 'kubecon-eu-2024.schedule.md';

function calendarFile(entries: FixtureEntry[]): string {
  const file = path.join(tempDir('kubecon-ics-'), 'all.ics');
  writeFileSync(file, writeIcs(entries));
  return file;
}

describe('import sched from a file', () => {
  it('writes one schedule file, merges each covered recap talk into one talk, and reports it all', async () => {
    const dir = corpusCopy();
    const before = await loadCorpus(dir);
    const r = await importSched({ source: FIXTURE, dir });
    assert.equal(r.event, 'kubecon-eu-2024');
    assert.equal(r.file, path.join(dir, SCHEDULE));
    assert.equal(r.added.length, 14);
    assert.equal(r.skipped, 5, 'registration, lunch, break, reception, cancelled');
    assert.deepEqual(Object.fromEntries(r.merged.map((m) => [m.recap, m.rule])), {
      'kubecon-eu-2024/how-spotify-re-created-our-entire-backend': 'title',
      'kubecon-eu-2024/keep-hackers-out-of-your-cluster-with-these-5': 'title',
      'kubecon-eu-2024/cloud-native-security-cell-based-architecture': 'title',
      'kubecon-eu-2024/leveling-up-wasm-support-in-kubernetes': 'title',
      'kubecon-eu-2024/the-rustvolution-how-rust-is-the-future-of-cloud': 'main-title',
      'kubecon-eu-2024/securing-900-kubernetes-clusters-without-psp': 'url-slug',
      'kubecon-eu-2024/maximizing-go-s-capabilities-with-the': 'title-prefix',
    });
    assert.equal(r.unmatched.length, 4);

    const after = await loadCorpus(dir);
    // Every recap talk is still there once, with its id; 14 sessions of which 7 merged add 7 talks.
    assert.equal(after.talks.length, before.talks.length + 7);
    const ids = after.talks.map((t) => t.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const t of before.talks) assert.ok(ids.includes(t.id), t.id);

    const psp = after.talks.find((t) => t.id === 'kubecon-eu-2024/securing-900-kubernetes-clusters-without-psp')!;
    assert.equal(psp.title, 'Securing 900 Kubernetes Clusters Without PSP', 'the recap title stays');
    assert.ok(psp.summary?.ja && psp.recap?.title, 'summaries and credit stay');
    assert.match(psp.abstract!, /Pod Security Admission and Kyverno/);
    assert.deepEqual(psp.speakers, ['Ivo Example (Example Retail)'], 'the recap named no speakers');
    assert.equal(talkLinks(psp).find((l) => l.kind === 'talk')?.url, 'https://kccnceu2024.sched.com/event/1Yb06/securing-900-kubernetes-clusters-without-psp');

    const cell = after.talks.find((t) => t.id === 'kubecon-eu-2024/cloud-native-security-cell-based-architecture')!;
    const cellBefore = before.talks.find((t) => t.id === cell.id)!;
    if (cellBefore.speakers.length) assert.deepEqual(cell.speakers, cellBefore.speakers, 'speakers the recap named are kept');

    const otel = after.talks.find((t) => t.title === 'Tail Sampling at Scale with the OpenTelemetry Collector')!;
    assert.equal(otel.id, 'kubecon-eu-2024/tail-sampling-at-scale-with-the-opentelemetry');
    assert.equal(otel.summary, undefined);
    assert.equal(otel.recap, undefined);
    assert.equal(otel.room, 'Room C');
    assert.equal(otel.track, 'Observability');
    assert.equal(otel.day, '2024-03-20');
    const cost = after.talks.find((t) => t.title.startsWith('Who Pays'))!;
    assert.equal(cost.day, '2024-03-22', '23:30 UTC on the 21st is past midnight in Paris');
    const eu = after.events.find((e) => e.id === 'kubecon-eu-2024')!;
    assert.equal(eu.timeZone, 'Europe/Paris');
    assert.equal(eu.name, 'KubeCon + CloudNativeCon Europe 2024');
  });

  it('importing the same calendar again changes no byte', async () => {
    const dir = corpusCopy();
    await importSched({ source: FIXTURE, dir });
    const first = snapshot(dir);
    const r = await importSched({ source: FIXTURE, dir });
    assert.equal(r.written, false);
    assert.deepEqual([r.added.length, r.updated.length, r.unchanged, r.removed.length], [0, 0, 14, 0]);
    assert.deepEqual(snapshot(dir), first);
  });

  it('a changed calendar updates, adds and reports removed sessions, kept until --prune; ids and curator fields stay', async () => {
    const dir = corpusCopy();
    await importSched({ source: FIXTURE, dir });
    const file = path.join(dir, SCHEDULE);
    // A curator adds tags and pins a recap talk that no rule matched.
    const pinned = readFileSync(file, 'utf8').replace(
      '- uid: backstage-1@sched\n',
      '- uid: backstage-1@sched\n- tags: developer portal\n- recap: kubecon-eu-2024/keeping-the-bricks-flowing-the-lego-group-s\n',
    );
    writeFileSync(file, pinned);
    const changed = EU2024_SESSIONS.filter((e) => e.uid !== 'cert-1@sched').map((e) =>
      e.uid === 'otel-1@sched' ? { ...e, summary: 'Tail Sampling at Scale: Lessons from 40 Clusters - Jo Sample, Example Observability' } : e,
    );
    changed.push({ uid: 'new-1@sched', summary: 'Gateway API in Production - Pat Example, Example Shop', start: '2024-03-21T15:00', end: '2024-03-21T15:30', url: 'https://kccnceu2024.sched.com/event/1Yd01/gateway-api-in-production' });
    const r = await importSched({ source: calendarFile(changed), dir, event: 'kubecon-eu-2024' });
    assert.deepEqual(r.added, ['Gateway API in Production']);
    assert.deepEqual(r.updated, ['Tail Sampling at Scale: Lessons from 40 Clusters']);
    assert.deepEqual(r.removed, ['Never Expire Again: Automatic Certificate Renewal with cert-manager']);
    assert.equal(r.unchanged, 12);
    assert.ok(r.merged.some((m) => m.rule === 'pin' && m.recap === 'kubecon-eu-2024/keeping-the-bricks-flowing-the-lego-group-s'));
    let corpus = await loadCorpus(dir);
    const renamed = corpus.talks.find((t) => t.title.startsWith('Tail Sampling at Scale: Lessons'))!;
    assert.equal(renamed.id, 'kubecon-eu-2024/tail-sampling-at-scale-with-the-opentelemetry', 'a renamed session keeps its id');
    assert.ok(corpus.talks.some((t) => t.title.startsWith('Never Expire Again')), 'removed sessions are kept without --prune');
    const lego = corpus.talks.find((t) => t.id === 'kubecon-eu-2024/keeping-the-bricks-flowing-the-lego-group-s')!;
    assert.ok(lego.tags.includes('developer portal'));
    assert.match(lego.abstract!, /golden paths/);

    const pruned = await importSched({ source: calendarFile(changed), dir, event: 'kubecon-eu-2024', prune: true });
    assert.equal(pruned.pruned, true);
    corpus = await loadCorpus(dir);
    assert.ok(!corpus.talks.some((t) => t.title.startsWith('Never Expire Again')));
    assert.match(readFileSync(file, 'utf8'), /- recap: kubecon-eu-2024\/keeping-the-bricks-flowing-the-lego-group-s/, 'the pin survives re-imports');
  });

  it('a failed import leaves the corpus byte for byte as it was', async () => {
    const dir = corpusCopy();
    await importSched({ source: FIXTURE, dir });
    const before = snapshot(dir);
    const html = path.join(tempDir(), 'page.ics');
    writeFileSync(html, '<!DOCTYPE html><html><body>Sched</body></html>');
    await assert.rejects(importSched({ source: html, dir, event: 'kubecon-eu-2024' }), /HTML page/);
    // A calendar whose sessions would clash with the corpus: a curator pin to an unknown talk.
    writeFileSync(path.join(dir, SCHEDULE), readFileSync(path.join(dir, SCHEDULE), 'utf8').replace('- uid: otel-1@sched\n', '- uid: otel-1@sched\n- recap: kubecon-eu-2024/no-such-talk\n'));
    const broken = snapshot(dir);
    await assert.rejects(importSched({ source: FIXTURE, dir }), (e: Error) => e instanceof ImportError && /kubecon-eu-2024\.schedule\.md:\d+: recap "kubecon-eu-2024\/no-such-talk"/.test(e.message));
    assert.deepEqual(snapshot(dir), broken);
    assert.notDeepEqual(broken, before);
    await assert.rejects(importSched({ source: path.join(dir, 'missing.ics'), dir }), /not a file, an http\(s\) URL or a Sched event slug/);
    await assert.rejects(importSched({ source: FIXTURE, dir: tempDir(), event: 'Bad Id' }), /--event "Bad Id"/);
  });

  it('an event the corpus does not know takes its name from the rule and its days from the sessions', async () => {
    const dir = tempDir('kubecon-empty-');
    const sessions: FixtureEntry[] = [
      { uid: 'a@s', summary: 'Keynote: Opening - Ann Lee, CNCF', start: '2025-06-16T01:00', end: '2025-06-16T01:20', url: 'https://kccncjpn2025.sched.com/event/1/keynote-opening' },
      { uid: 'b@s', summary: 'eBPF for Everyone - Bo Li, Acme', start: '2025-06-17T05:00', end: '2025-06-17T05:30', url: 'https://kccncjpn2025.sched.com/event/2/ebpf-for-everyone' },
    ];
    const r = await importSched({ source: calendarFile(sessions), dir, city: 'Tokyo' });
    assert.equal(r.event, 'kubecon-japan-2025');
    const text = readFileSync(path.join(dir, 'kubecon-japan-2025.schedule.md'), 'utf8');
    assert.match(text, /^---\nevent: kubecon-japan-2025\nevent_name: KubeCon \+ CloudNativeCon Japan 2025\ncity: Tokyo\ndates: 2025-06-16\.\.2025-06-17\ntime_zone: Asia\/Tokyo\nschedule_url: https:\/\/kccncjpn2025\.sched\.com\n---\n/);
    const corpus = await loadCorpus(dir);
    assert.equal(corpus.talks.length, 2);
  });

  it('a generated calendar of 1,200 sessions imports, validates and re-imports without a change', async () => {
    const dir = corpusCopy();
    const words = ['Kubernetes', 'eBPF', 'Observability', 'GitOps', 'Service Mesh', 'Wasm', 'Security', 'Platform', 'Storage', 'AI'];
    const entries: FixtureEntry[] = [];
    for (let i = 0; i < 1200; i++) {
      const day = 19 + (i % 4);
      const hour = String(8 + (i % 9)).padStart(2, '0');
      entries.push({
        uid: `gen-${i}@sched`,
        summary: `${words[i % 10]} in Practice ${i}: Notes from Team ${i % 37} - Person ${String.fromCharCode(65 + (i % 26))}${i}, Company ${i % 50}`,
        description: `Session ${i} on ${words[i % 10]}.\n${'A longer abstract sentence about clusters, controllers; and operators. '.repeat(1 + (i % 20))}`,
        categories: [words[(i * 7) % 10]!],
        location: `Room ${i % 30}`,
        start: `2024-03-${day}T${hour}:00`,
        end: `2024-03-${day}T${hour}:30`,
        url: `https://kccnceu2024.sched.com/event/G${i}/session-${i}`,
      });
    }
    const file = calendarFile(entries);
    const r = await importSched({ source: file, dir, event: 'kubecon-eu-2024' });
    assert.equal(r.added.length, 1200);
    const corpus = await loadCorpus(dir);
    assert.equal(corpus.talks.filter((t) => t.id.includes('-in-practice-')).length, 1200);
    const first = snapshot(dir);
    const again = await importSched({ source: file, dir, event: 'kubecon-eu-2024' });
    assert.equal(again.unchanged, 1200);
    assert.deepEqual(snapshot(dir), first);
  });
});
