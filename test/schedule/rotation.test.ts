import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { EMPTY_ROTATION, takeNext, type Rotation } from '../../src/schedule/rotation.ts';

function draw(r: Rotation, pool: string[], n: number, random: () => number): { ids: string[]; rotation: Rotation } {
  const ids: string[] = [];
  let rot = r;
  for (let i = 0; i < n; i++) {
    const next = takeNext(rot, pool, random);
    ids.push(next.id!);
    rot = next.rotation;
  }
  return { ids, rotation: rot };
}

it('posts every talk once per round, then starts a new round', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 30 }), fc.integer(), (size, seed) => {
      let s = seed;
      const random = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
      const pool = Array.from({ length: size }, (_, i) => `t${i}`);
      const { ids, rotation } = draw(EMPTY_ROTATION, pool, size * 2, random);
      assert.deepEqual([...ids.slice(0, size)].sort(), [...pool].sort());
      assert.deepEqual([...ids.slice(size)].sort(), [...pool].sort());
      assert.equal(rotation.round, 1, "the first round is round 0");
    }),
  );
});

it('lets a new talk join the current round and drops removed ones', () => {
  const first = draw(EMPTY_ROTATION, ['a', 'b', 'c'], 1, Math.random);
  const [kept, removed] = ['a', 'b', 'c'].filter((id) => id !== first.ids[0]);
  const pool = [first.ids[0]!, kept!, 'd'];
  const rest = draw(first.rotation, pool, 2, Math.random);
  assert.deepEqual([...rest.ids].sort(), [kept!, 'd'].sort(), 'the rest of the round: the kept talk and the new one');
  assert.ok(!rest.ids.includes(removed!));
  assert.ok(!rest.ids.includes(first.ids[0]!), 'no repeat within the round');
});

it('gives nothing for an empty pool', () => {
  assert.equal(takeNext(EMPTY_ROTATION, [], Math.random).id, undefined);
});
