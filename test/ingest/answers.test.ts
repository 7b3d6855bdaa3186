/**
 * What people get once a schedule is imported: imported talks found in English and Japanese,
 * answered with the official abstract (labelled), merged talks with the recap summary first,
 * and every recap talk once.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Bot } from '../../src/core/bot.ts';
import { loadLibrary } from '../../src/core/library.ts';
import { messages } from '../../src/core/messages.ts';
import { snippetText } from '../../src/core/snippet.ts';
import { importSched } from '../../src/ingest/import.ts';
import { corpusCopy, FIXTURE, tempDir } from './helpers.ts';

const dir = corpusCopy();
await importSched({ source: FIXTURE, dir });
const library = await loadLibrary(dir);
const bot = new Bot({ library });
const titles = (q: string) => library.index.search(q).map((m) => m.talk.title);

const OTEL = 'Tail Sampling at Scale with the OpenTelemetry Collector';
const CERT = 'Never Expire Again: Automatic Certificate Renewal with cert-manager';
const COST = 'Who Pays for This Namespace? Cost Visibility with OpenCost';
const BACKSTAGE = 'Golden Paths with Backstage Software Templates';
const PSP = 'Securing 900 Kubernetes Clusters Without PSP';

/** Queries over the imported schedule: the expected talk must come first. */
const CASES: Array<{ query: string; best: string; todo?: string }> = [
  { query: 'tail sampling', best: OTEL },
  { query: 'OpenTelemetry collector sampling', best: OTEL },
  { query: 'Jo Sample', best: OTEL },
  { query: 'cert-manager', best: CERT },
  { query: 'certificate renewal', best: CERT },
  { query: 'opencost', best: COST },
  { query: 'cost visibility', best: COST },
  { query: 'backstage templates', best: BACKSTAGE },
  { query: 'golden paths', best: BACKSTAGE },
  { query: 'Pod Security Admission', best: PSP },
  { query: 'OpenTelemetry のテールサンプリングの話ある?', best: OTEL },
  { query: 'cert-manager の話', best: CERT },
  { query: 'Backstage のテンプレート', best: BACKSTAGE },
  { query: 'PodSecurityPolicy の後継', best: PSP },
  // Katakana loanwords and Japanese terms for English-only abstracts (src/core/cross.ts).
  { query: 'テールサンプリング', best: OTEL },
  { query: '証明書の自動更新', best: CERT },
  { query: 'コスト可視化', best: COST },
  { query: 'ゴールデンパス', best: BACKSTAGE },
];

describe('search over an imported schedule', () => {
  for (const c of CASES) {
    it(`${c.query}  →  ${c.best}`, { todo: c.todo }, () => {
      assert.equal(titles(c.query)[0], c.best, JSON.stringify(titles(c.query).slice(0, 5)));
    });
  }

  it('a recap talk and its session are one hit, never two', () => {
    const hits = library.index.search('Kubernetes clusters PSP PodSecurityPolicy');
    assert.equal(hits.filter((m) => m.talk.id === 'kubecon-eu-2024/securing-900-kubernetes-clusters-without-psp').length, 1);
    assert.ok(!hits.some((m) => m.talk.title.startsWith('Life After PodSecurityPolicy')));
  });
});

describe('answers for imported talks', () => {
  it('Japanese: an imported-only talk shows its English abstract, labelled as the official abstract, and credits the schedule', () => {
    const r = bot.search('tail sampling', 'ja', 0, 5);
    assert.equal(r.kind, 'results');
    const hit = r.kind === 'results' ? r.hits[0]! : undefined;
    assert.equal(hit?.title, OTEL);
    const label = messages('ja').officialAbstract;
    assert.ok(snippetText(hit!.snippet).startsWith(`${label}: Head sampling`), snippetText(hit!.snippet));
    assert.ok(hit!.summary.startsWith(`${label}: `));
    assert.equal(hit!.credit, messages('ja').scheduleCredit({ event: 'KubeCon + CloudNativeCon Europe 2024' }));
    assert.deepEqual(hit!.links.map((l) => l.kind), ['talk', 'video_search']);
    assert.equal(hit!.links[0]!.url, 'https://kccnceu2024.sched.com/event/1Yc01/tail-sampling-at-scale-with-the-opentelemetry-collector');
    assert.ok(hit!.other.text.startsWith(`${messages('en').officialAbstract}: `));
  });

  it('a merged talk shows the recap summary first, then the official abstract', () => {
    const talk = library.index.get('kubecon-eu-2024/securing-900-kubernetes-clusters-without-psp')!;
    const r = bot.summary(talk.id, 'ja');
    assert.equal(r.kind, 'talk');
    const hit = r.kind === 'talk' ? r.hit : undefined;
    assert.ok(hit!.summary.startsWith(talk.summary!.ja), 'recap summary first');
    assert.ok(hit!.summary.includes(`${messages('ja').officialAbstract}: What replaced PodSecurityPolicy`));
    assert.match(hit!.credit, /ZIPAIR Tech Blog/);
    const search = bot.search('PSP', 'ja', 0, 5);
    assert.ok(search.kind === 'results' && !snippetText(search.hits[0]!.snippet).startsWith(messages('ja').officialAbstract));
  });

  it('--json keeps its shape, and total counts the matching talks', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', '..', 'src', 'cli.ts'), 'search', 'opencost', '--json'], {
      encoding: 'utf8', env: { ...process.env, CORPUS_DIR: dir, DATA_DIR: tempDir(), LOG_LEVEL: 'silent', BOT_LOCALE: 'en' }, timeout: 30_000,
    });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['query', 'total', 'results', 'related', 'notices']);
    assert.equal(out.total, library.index.find('opencost').matches.length);
    assert.deepEqual(Object.keys(out.results[0]), ['id', 'title', 'event', 'score', 'snippet', 'links']);
    assert.equal(out.results[0].title, COST);
    assert.match(out.results[0].snippet, /^Official abstract: OpenCost allocates/);
  });
});
