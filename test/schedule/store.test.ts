import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { claim, EMPTY_STATE, StateStore } from '../../src/schedule/store.ts';
import { memoryLogger } from '../helpers/log.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'kubecon-state-'));

it('saves and loads state', async () => {
  const dir = tmp();
  const store = new StateStore(dir, memoryLogger().log);
  const state = { ...EMPTY_STATE, rotation: { round: 3, queue: ['a'], done: ['b'] } };
  await store.save(state);
  assert.deepEqual(await store.load(), state);
});

it('sets a corrupt state file aside, logs it, and starts fresh', async () => {
  const dir = tmp();
  writeFileSync(path.join(dir, 'state.json'), '{"version":1,"rotation":');
  const { log, lines } = memoryLogger();
  const state = await new StateStore(dir, log).load();
  assert.deepEqual(state, EMPTY_STATE);
  assert.ok(readdirSync(dir).some((f) => f.startsWith('state.json.corrupt-')));
  assert.match(String(lines()[0]!.msg), /set aside/);
});

it('one claim per key, whoever asks', async () => {
  const dir = tmp();
  const results = await Promise.all([claim(dir, '2026-01-01T00:00:00.000Z'), claim(dir, '2026-01-01T00:00:00.000Z')]);
  assert.deepEqual(results.sort(), [false, true]);
});

it('a process killed mid-write leaves a readable state file', async () => {
  const dir = tmp();
  const script = `
    import { StateStore } from ${JSON.stringify(path.join(import.meta.dirname, '..', '..', 'src', 'schedule', 'store.ts'))};
    const store = new StateStore(${JSON.stringify(dir)}, { error() {} });
    const big = Array.from({ length: 20000 }, (_, i) => 'talk-' + i);
    for (let i = 0; ; i++) await store.save({ version: 1, rotation: { round: i, queue: big, done: [] }, occurrences: {} });
  `;
  for (let attempt = 0; attempt < 3; attempt++) {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
    // Kill only once the child is writing (its start-up time varies with machine load), then at a
    // different point of its write loop on each attempt.
    await waitFor(() => existsSync(path.join(dir, 'state.json')), 20_000);
    await new Promise((r) => setTimeout(r, 50 + attempt * 150));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const text = readFileSync(path.join(dir, 'state.json'), 'utf8');
    const parsed = JSON.parse(text);
    assert.equal(parsed.rotation.queue.length, 20000);
  }
  const state = await new StateStore(dir, memoryLogger().log).load();
  assert.equal(state.rotation.queue.length, 20000);
});

async function waitFor(ok: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
