/**
 * The app manifest asks for what the adapter uses and no more: the events it listens to, the
 * scopes those and its replies need, the slash command, buttons, and Socket Mode.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';

const manifest = readFileSync(path.join(import.meta.dirname, '..', '..', 'slack', 'manifest.yml'), 'utf8');

/** The `- item` lines of the YAML list under `key:` (comments ignored). */
function list(key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  assert.ok(start >= 0, `${key} is in the manifest`);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^\s*- (.+?)\s*$/.exec(line);
    if (m) items.push(m[1]!);
    else if (!/^\s*#/.test(line)) break;
  }
  return items;
}

it('slack manifest: the events, scopes and command the adapter needs, and no more', () => {
  assert.deepEqual(list('bot_events').sort(), ['app_mention', 'message.im']);
  assert.deepEqual(list('bot').sort(), ['app_mentions:read', 'chat:write', 'commands', 'im:history']);
  assert.match(manifest, /^\s*- command: \/kubecon$/m);
  assert.match(manifest, /^\s*should_escape: false$/m);
  assert.match(manifest, /interactivity:\n\s*is_enabled: true/);
  assert.match(manifest, /^\s*socket_mode_enabled: true$/m);
  assert.match(manifest, /^\s*messages_tab_enabled: true$/m);
});
