/**
 * A made-up slice of a KubeCon Europe 2024 schedule, in the shape Sched exports: sessions that
 * the project's recap of that event covers (one exact, one differing in case, one with "&", one
 * with a new subtitle, one with a skill-level suffix, one whose title the recap shortened, one
 * renamed after the recap whose URL slug still has the old title), sessions no recap covers,
 * non-talk entries and a cancelled talk.
 * Names of people and companies here are invented.
 */
import type { FixtureEntry } from './ics-writer.ts';

const site = 'https://kccnceu2024.sched.com/event';

export const EU2024_SESSIONS: FixtureEntry[] = [
  { uid: 'reg-1@sched', summary: 'Registration', categories: ['Registration'], location: 'Entrance Hall', start: '2024-03-20T06:30', end: '2024-03-20T16:00', url: `${site}/1Ya01/registration` },
  { uid: 'lunch-1@sched', summary: 'Lunch', categories: ['Breaks'], location: 'Hall 7', start: '2024-03-20T11:30', end: '2024-03-20T13:00', url: `${site}/1Ya02/lunch` },
  { uid: 'break-1@sched', summary: 'Coffee Break', categories: ['Breaks'], location: 'Hall 7', start: '2024-03-20T15:00', end: '2024-03-20T15:30', url: `${site}/1Ya03/coffee-break` },
  { uid: 'recept-1@sched', summary: 'Attendee Reception in the Solutions Showcase', categories: ['Experiences'], location: 'Hall 7', start: '2024-03-20T17:30', end: '2024-03-20T19:00', url: `${site}/1Ya04/attendee-reception` },
  {
    uid: 'cancel-1@sched', summary: 'CANCELED: Edge Clusters on Trains - Max Mustermann, Railco', categories: ['Edge'], location: 'Room A',
    start: '2024-03-21T09:00', end: '2024-03-21T09:30', url: `${site}/1Ya05/canceled-edge-clusters-on-trains`,
  },
  {
    uid: 'spotify-1@sched',
    summary: 'How Spotify Re-Created Our Entire Backend Without Skipping a Beat - Ana Example, Spotify & Bo Sample, Spotify',
    description: 'A story of moving every backend service to a new platform while the music kept playing.\nWe cover the migration plan, the tooling and what we would do differently.',
    categories: ['Keynote Sessions'], location: 'Hall 7 | Level 7.3', start: '2024-03-22T08:00', end: '2024-03-22T08:15', url: `${site}/1Yb01/how-spotify-re-created-our-entire-backend-without-skipping-a-beat`,
  },
  {
    uid: 'hackers-1@sched',
    summary: 'Keep Hackers Out of Your Cluster With These 5 Simple Tricks - Chris Placeholder, Example Corp',
    description: 'Five practical steps: least privilege, admission policies, network policies, image signing and audit logs.',
    categories: ['Security + Identity + Policy'], location: 'Pavilion 7 | Level 7.1 | Room E', start: '2024-03-22T10:00', end: '2024-03-22T10:30', url: `${site}/1Yb02/keep-hackers-out-of-your-cluster-with-these-5-simple-tricks`,
  },
  {
    uid: 'cell-1@sched',
    summary: 'Cloud Native Security: Cell-Based Architecture and K8s - Dana Sample, Example Bank; Eli Test, Example Bank & Fay Demo, Procter & Gamble',
    description: 'Cells limit the blast radius of a breach; this talk shows how we map cells to clusters.',
    categories: ['Security + Identity + Policy'], location: 'Room F', start: '2024-03-22T11:00', end: '2024-03-22T11:30', url: `${site}/1Yb03/cloud-native-security-cell-based-architecture-k8s`,
  },
  {
    uid: 'rust-1@sched',
    summary: 'The Rustvolution: Why Rust Is Reshaping Cloud Native Tooling - Gus Example, Example Labs',
    description: 'Why more and more cloud native projects are written in Rust.',
    categories: ['Emerging + Advanced'], location: 'Room G', start: '2024-03-22T12:00', end: '2024-03-22T12:30', url: `${site}/1Yb04/the-rustvolution-why-rust-is-reshaping-cloud-native-tooling`,
  },
  {
    uid: 'wasm-1@sched',
    summary: 'Leveling up Wasm Support in Kubernetes (Intermediate Skill Level) - Hana Placeholder, Example Cloud',
    description: 'Running WebAssembly workloads next to containers with runwasi and containerd shims.',
    categories: ['Emerging + Advanced'], location: 'Room H', start: '2024-03-22T13:00', end: '2024-03-22T13:30', url: `${site}/1Yb05/leveling-up-wasm-support-in-kubernetes-intermediate-skill-level`,
  },
  {
    uid: 'psp-1@sched',
    summary: 'Life After PodSecurityPolicy: Hardening Hundreds of Clusters - Ivo Example, Example Retail',
    description: 'What replaced PodSecurityPolicy in a fleet of clusters: Pod Security Admission and Kyverno.',
    categories: ['Security + Identity + Policy'], location: 'Room E', start: '2024-03-22T14:00', end: '2024-03-22T14:30', url: `${site}/1Yb06/securing-900-kubernetes-clusters-without-psp`,
  },
  {
    uid: 'go-1@sched',
    summary: 'Maximizing Go\'s Capabilities with the WebAssembly System Interface (WASI) for Cloud Native Apps - Oli Example, Example Systems',
    description: 'Compiling Go to WASI and running it in Kubernetes.',
    categories: ['Emerging + Advanced'], location: 'Room K', start: '2024-03-22T15:00', end: '2024-03-22T15:30', url: `${site}/1Yb07/maximizing-gos-capabilities-wasi`,
  },
  {
    uid: 'otel-1@sched',
    summary: 'Tail Sampling at Scale with the OpenTelemetry Collector - Jo Sample, Example Observability',
    description: 'Head sampling drops the traces you need. We run tail-based sampling in the OpenTelemetry Collector\nacross 40 clusters; this talk covers load-balancing exporters, policies for errors and latency,\nand the memory budget it takes.',
    categories: ['Observability'], location: 'Room C', start: '2024-03-20T14:00', end: '2024-03-20T14:30', url: `${site}/1Yc01/tail-sampling-at-scale-with-the-opentelemetry-collector`,
  },
  {
    uid: 'cert-1@sched',
    summary: 'Never Expire Again: Automatic Certificate Renewal with cert-manager - Kai Example, Example Telecom',
    description: 'TLS certificates that expire take services down. This session shows how cert-manager issues and renews certificates automatically, with ACME, private CAs and trust-manager.',
    categories: ['Security + Identity + Policy'], location: 'Room D', start: '2024-03-21T10:00', end: '2024-03-21T10:30', url: `${site}/1Yc02/never-expire-again-automatic-certificate-renewal-with-cert-manager`,
  },
  {
    uid: 'cost-1@sched',
    summary: 'Who Pays for This Namespace? Cost Visibility with OpenCost - Lea Sample, Example Media',
    description: 'OpenCost allocates cluster cost to namespaces, labels and teams. We show dashboards, showback reports and how cost visibility changed what teams deploy.',
    categories: ['Operations + Performance'], location: 'Room B', start: '2024-03-21T23:30', end: '2024-03-21T23:55', url: `${site}/1Yc03/who-pays-for-this-namespace-cost-visibility-with-opencost`,
  },
  {
    uid: 'backstage-1@sched',
    summary: 'Golden Paths with Backstage Software Templates - Mo Example, Example Games',
    description: 'How we built golden paths for 300 engineers with Backstage: software templates, the catalog and TechDocs.',
    categories: ['Platform Engineering'], location: 'Room A', start: '2024-03-21T13:00', end: '2024-03-21T13:30', url: `${site}/1Yc04/golden-paths-with-backstage-software-templates`,
  },
  {
    uid: 'ja-1@sched',
    summary: '日本語セッション: クラウドネイティブ入門, はじめの一歩; Kubernetes - 山田 花子, Example KK',
    description: 'Kubernetes を使い始めるチームのための入門セッションです。\\ コンテナ、Pod、Deployment の基本を日本語で解説します。',
    categories: ['Cloud Native Novice'], location: 'Room J', start: '2024-03-21T14:00', end: '2024-03-21T14:30', url: `${site}/1Yc05/nihongo-session`,
  },
  {
    uid: 'lt-1@sched', summary: 'Project Lightning Talk: Welcome + Opening Remarks - Nia Host, CNCF', categories: ['Project Lightning Talks'],
    location: 'Hall 7', start: '2024-03-19T08:00', end: '2024-03-19T08:05', url: `${site}/1Yc06/project-lightning-talk-welcome-opening-remarks`,
  },
  {
    uid: 'lt-2@sched', summary: 'Project Lightning Talk: Welcome + Opening Remarks - Nia Host, CNCF', categories: ['Project Lightning Talks'],
    location: 'Hall 7', start: '2024-03-19T12:00', end: '2024-03-19T12:05', url: `${site}/1Yc07/project-lightning-talk-welcome-opening-remarks-2`,
  },
];
