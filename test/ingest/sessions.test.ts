import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventFromSlug, schedSlug } from '../../src/ingest/event.ts';
import type { CalendarEntry } from '../../src/ingest/ics.ts';
import { isNonTalk, localTime, mapEntries, splitSummary } from '../../src/ingest/sessions.ts';

const entry = (summary: string, categories: string[] = [], extra: Partial<CalendarEntry> = {}): CalendarEntry => ({
  uid: summary, summary, description: '', categories, location: '', url: '', start: new Date('2024-03-20T13:30:00Z'), ...extra,
});

describe('SUMMARY → title and speakers', () => {
  it('splits "Title - Name, Company & Name, Company" into recap-shaped speakers', () => {
    assert.deepEqual(splitSummary('Keep Hackers Out - Jane Doe, Acme & John Roe, Example Corp'), {
      title: 'Keep Hackers Out', speakers: ['Jane Doe (Acme)', 'John Roe (Example Corp)'],
    });
  });
  it('three speakers with ";", a company with "&" and one with a comma', () => {
    assert.deepEqual(splitSummary('Cells - A Person, Bank; B Person, Procter & Gamble & C Person, Acme, Inc.').speakers, [
      'A Person (Bank)', 'B Person (Procter & Gamble)', 'C Person (Acme, Inc.)',
    ]);
  });
  it('a " - " inside the title stays in the title', () => {
    assert.deepEqual(splitSummary('Multijuicer - OSS tooling for running web app sec training on k8s'), {
      title: 'Multijuicer - OSS tooling for running web app sec training on k8s', speakers: [],
    });
    assert.deepEqual(splitSummary('Deep Dive - Part 2'), { title: 'Deep Dive - Part 2', speakers: [] });
    assert.equal(splitSummary('SIG Network - Intro and Deep Dive - Ann Lee, Acme').title, 'SIG Network - Intro and Deep Dive');
  });
  it('a speaker without a company, and a name in Japanese', () => {
    assert.deepEqual(splitSummary('Talk - Jane Doe').speakers, ['Jane Doe']);
    assert.deepEqual(splitSummary('入門 - 山田 花子, Example KK').speakers, ['山田 花子 (Example KK)']);
  });
});

describe('non-talk entries', () => {
  it('registration, meals, breaks and receptions without speakers are skipped; talks are kept', () => {
    for (const [summary, cats] of [['Registration', []], ['Lunch', ['Breaks']], ['Coffee Break', []], ['Attendee Reception', []], ['Evening', ['Breaks & Special Events']]] as const) {
      assert.ok(isNonTalk(entry(summary, [...cats]), summary, []), summary);
    }
    assert.ok(!isNonTalk(entry('Breaking Changes in Gateway API'), 'Breaking Changes in Gateway API', []));
    assert.ok(!isNonTalk(entry('Lunch and Learn: eBPF'), 'Lunch and Learn: eBPF', ['Ann Lee']));
  });
  it('cancelled entries are skipped', () => {
    assert.ok(isNonTalk(entry('x', [], { status: 'CANCELLED' }), 'x', ['A B']));
    assert.ok(isNonTalk(entry('CANCELED: Edge'), 'CANCELED: Edge', ['A B']));
  });
});

describe('mapping entries', () => {
  it('days and times are in the event time zone, not UTC', () => {
    assert.deepEqual(localTime(new Date('2024-03-21T23:30:00Z'), 'Europe/Paris'), { day: '2024-03-22', time: '00:30' });
    assert.deepEqual(localTime(new Date('2022-10-27T02:00:00Z'), 'America/Detroit'), { day: '2022-10-26', time: '22:00' });
  });
  it('counts skipped entries and leaves out entries without a UID', () => {
    const m = mapEntries([entry('Lunch'), entry('A Talk - Ann Lee, Acme'), { ...entry('No Uid - Bo Li, X'), uid: '' }], 'UTC');
    assert.equal(m.skipped, 1);
    assert.equal(m.withoutUid, 1);
    assert.deepEqual(m.sessions.map((s) => s.title), ['A Talk']);
  });
});

describe('event ids from Sched slugs', () => {
  it('follows the rule for KubeCon slugs, with two- and four-digit years', () => {
    const cases: Array<[string, string]> = [
      ['kccnceu2024', 'kubecon-eu-2024'], ['kccncna2022', 'kubecon-na-2022'], ['kccnceu18', 'kubecon-eu-2018'],
      ['kccncna19', 'kubecon-na-2019'], ['kccncosschn19eng', 'kubecon-china-2019'], ['kccncind2024', 'kubecon-india-2024'],
      ['kccncjpn2025', 'kubecon-japan-2025'], ['KCCNCEU2025', 'kubecon-eu-2025'],
    ];
    for (const [slug, id] of cases) assert.equal(eventFromSlug(slug)?.id, id, slug);
    assert.equal(eventFromSlug('kccnceu2024')?.name, 'KubeCon + CloudNativeCon Europe 2024');
  });
  it('another slug is its own id when valid; none otherwise', () => {
    assert.equal(eventFromSlug('ossna2024')?.id, 'ossna2024');
    assert.equal(eventFromSlug('bad_slug'), null);
  });
  it('finds the slug in any URL of the Sched site', () => {
    assert.equal(schedSlug('https://kccnceu2024.sched.com/event/1YeM7/x'), 'kccnceu2024');
    assert.equal(schedSlug('https://example.com/all.ics'), null);
  });
});

describe('older Sched summaries', () => {
  it('a shared company and a trailing skill level (KubeCon EU 2018 style)', () => {
    assert.deepEqual(splitSummary('Best Practice for Container Security at Scale - Dawn Chen & Zhengyu He, Google (Intermediate Skill Level)'), {
      title: 'Best Practice for Container Security at Scale (Intermediate Skill Level)',
      speakers: ['Dawn Chen (Google)', 'Zhengyu He (Google)'],
    });
  });
});

describe('limits', () => {
  it('an oversized abstract or title is cut to the corpus limit, so the import stays valid', async () => {
    const { FIELD_LIMITS } = await import('../../src/core/corpus/limits.ts');
    const m = mapEntries([{ ...entry(`${'Long '.repeat(100)}- Ann Lee, Acme`), description: '😀'.repeat(8000) }], 'UTC');
    const s = m.sessions[0]!;
    assert.ok(s.title.length <= FIELD_LIMITS.title && s.title.endsWith('…'));
    assert.ok(s.abstract!.length <= FIELD_LIMITS.abstract && s.abstract!.endsWith('…'));
    assert.ok(!/[\uD800-\uDBFF]…$/.test(s.abstract!), 'no broken surrogate pair');
  });
});
