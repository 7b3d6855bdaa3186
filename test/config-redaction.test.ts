/**
 * Configuration errors echo the bad value so it can be fixed, but never a password written into
 * a URL setting.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.ts';

const SECRET = 'URLPASSWORDSECRET';

function message(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err));
    return err.message;
  }
  assert.fail('the setting was accepted');
}

it('does not echo the password of a refused SLACK_API_URL or DISCORD_API_URL', () => {
  const slack = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A1-2-def' };
  const discord = { DISCORD_TOKEN: 'aaaa.bbbb.cccc', DISCORD_APPLICATION_ID: '123456789012345678' };
  const cases: Array<[Record<string, string>, string]> = [
    [{ ...slack, SLACK_API_URL: `ftp://admin:${SECRET}@slack.example/api/` }, 'SLACK_API_URL'],
    [{ ...slack, SLACK_API_URL: `https://admin:${SECRET}@[not a host/api/` }, 'SLACK_API_URL'],
    [{ ...discord, DISCORD_API_URL: `ftp://admin:${SECRET}@discord.example/api` }, 'DISCORD_API_URL'],
    [{ ...discord, DISCORD_API_URL: `https://admin:p@ss${SECRET}@discord.example/api/v10` }, 'DISCORD_API_URL'],
  ];
  for (const [env, variable] of cases) {
    const text = message(env);
    assert.ok(text.startsWith(`${variable}:`), text);
    assert.ok(!text.includes(SECRET) && !text.includes('admin'), text);
    // What is left still helps: the scheme and host stay.
    assert.match(text, /:\/\/\[redacted\]@/);
  }
});
