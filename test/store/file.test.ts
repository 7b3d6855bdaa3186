import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { FileStore } from '../../src/store/file.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'kubecon-store-'));

it('replaces a document only if it still reads what the writer expects', async () => {
  const store = new FileStore(tmp());
  assert.equal(await store.read('state'), undefined);
  assert.equal(await store.replace('state', undefined, 'one'), true);
  assert.equal(await store.replace('state', undefined, 'two'), false, 'someone wrote first');
  assert.equal(await store.replace('state', 'one', 'two'), true);
  assert.equal(await store.read('state'), 'two');
  assert.equal(readFileSync(store.file('state'), 'utf8'), 'two', 'kept as DATA_DIR/state.json');
  const racers = await Promise.all([store.replace('state', 'two', 'a'), store.replace('state', 'two', 'b')]);
  assert.deepEqual(racers.sort(), [false, true]);
});

it('one claim per key, whoever asks; an expired claim is removed', async () => {
  let now = Date.UTC(2026, 0, 1);
  const dir = tmp();
  const store = new FileStore(dir, { now: () => now });
  const key = 'occurrence:2026-01-01T00:00:00.000Z';
  assert.deepEqual((await Promise.all([store.claim(key, 60_000), store.claim(key, 60_000)])).sort(), [false, true]);
  assert.equal(await new FileStore(dir, { now: () => now }).claim(key, 60_000), false, 'another process or a restart');
  now += 2 * 60 * 60 * 1000;
  assert.equal(await store.claim('occurrence:2026-01-01T02:00:00.000Z', 60_000), true);
  assert.deepEqual(readdirSync(path.join(dir, 'claims')), ['occurrence_2026-01-01T02_00_00.000Z.claim'], 'the expired claim is pruned');
  assert.equal(await store.claim(key, 60_000), true, 'claimable again once expired');
});

it('remembers an id for a while', async () => {
  let now = 0;
  const store = new FileStore(tmp(), { now: () => now });
  assert.equal(await store.remember('ev1', 1000), true);
  assert.equal(await store.remember('ev1', 1000), false);
  now = 1000;
  assert.equal(await store.remember('ev1', 1000), true);
});

it('never blocks on a FIFO where a document should be', async () => {
  const dir = tmp();
  execFileSync('mkfifo', [path.join(dir, 'state.json')]);
  await assert.rejects(new FileStore(dir).read('state'), /state\.json: not a regular file/);
});

it('a process killed mid-write leaves the old or the new document, never half of one', async () => {
  const dir = tmp();
  const script = `
    import { FileStore } from ${JSON.stringify(path.join(import.meta.dirname, '..', '..', 'src', 'store', 'file.ts'))};
    const store = new FileStore(${JSON.stringify(dir)});
    const big = Array.from({ length: 20000 }, (_, i) => 'talk-' + i);
    let prev = await store.read('state');
    for (let i = 0; ; i++) {
      const text = JSON.stringify({ round: i, queue: big });
      if (!(await store.replace('state', prev, text))) throw new Error('lost a write');
      prev = text;
      if (i === 0) console.log('saved');
    }
  `;
  for (let attempt = 0; attempt < 3; attempt++) {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    // Killed as soon as it has saved once, while it keeps writing; then checked.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the writer never saved')), 30_000);
      child.stdout.on('data', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    // A few more writes, so the kill lands in the middle of one, then the kill.
    await new Promise((r) => setImmediate(r));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const parsed = JSON.parse(readFileSync(path.join(dir, 'state.json'), 'utf8')) as { queue: string[] };
    assert.equal(parsed.queue.length, 20000);
  }
  assert.ok(existsSync(path.join(dir, 'state.json')));
});
