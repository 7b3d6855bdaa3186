/**
 * Slack settings: which mode the variables select, and errors that name the variable to fix.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slackConfigFromEnv } from '../../src/adapters/slack/index.ts';
import { ConfigError } from '../../src/config.ts';

const bot = 'xoxb-1-2-abc';
const app = 'xapp-1-A1-2-def';
const secret = 'abc123signing';

function refusal(env: Record<string, string>, variable: string): void {
  assert.throws(() => slackConfigFromEnv(env), (err: unknown) => err instanceof ConfigError && err.variable === variable);
}

describe('slack settings', () => {
  it('is off (null) when no Slack credential is set', () => {
    assert.equal(slackConfigFromEnv({}), null);
    assert.equal(slackConfigFromEnv({ PORT: '8080', SLACK_API_URL: 'http://127.0.0.1:9/api/', SLACK_BOT_TOKEN: '  ' }), null);
  });

  it('uses Socket Mode when SLACK_APP_TOKEN is set, signing secret optional', () => {
    const c = slackConfigFromEnv({ SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app, SLACK_SIGNING_SECRET: secret });
    assert.deepEqual({ ...c }, { mode: 'socket', botToken: bot, appToken: app, apiUrl: undefined });
  });

  it('uses HTTP otherwise, on PORT or 3000', () => {
    const c = slackConfigFromEnv({ SLACK_BOT_TOKEN: bot, SLACK_SIGNING_SECRET: secret });
    assert.deepEqual({ ...c }, { mode: 'http', botToken: bot, signingSecret: secret, port: 3000, apiUrl: undefined });
    const on8080 = slackConfigFromEnv({ SLACK_BOT_TOKEN: bot, SLACK_SIGNING_SECRET: secret, PORT: '8080' });
    assert.equal(on8080?.mode === 'http' && on8080.port, 8080);
  });

  it('takes SLACK_API_URL as the Web API base, with a trailing slash', () => {
    const c = slackConfigFromEnv({ SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app, SLACK_API_URL: 'http://127.0.0.1:4000/api' });
    assert.equal(c?.apiUrl, 'http://127.0.0.1:4000/api/');
  });

  it('names the variable when a setting is missing or malformed', () => {
    refusal({ SLACK_SIGNING_SECRET: secret }, 'SLACK_BOT_TOKEN');
    refusal({ SLACK_APP_TOKEN: app }, 'SLACK_BOT_TOKEN');
    refusal({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_APP_TOKEN: app }, 'SLACK_BOT_TOKEN');
    refusal({ SLACK_BOT_TOKEN: bot }, 'SLACK_SIGNING_SECRET');
    refusal({ SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: bot }, 'SLACK_APP_TOKEN');
    refusal({ SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app, SLACK_API_URL: 'slack.com/api' }, 'SLACK_API_URL');
    refusal({ SLACK_BOT_TOKEN: bot, SLACK_APP_TOKEN: app, SLACK_API_URL: 'ftp://slack.com/api/' }, 'SLACK_API_URL');
    for (const port of ['0', '70000', 'http', '30.5']) refusal({ SLACK_BOT_TOKEN: bot, SLACK_SIGNING_SECRET: secret, PORT: port }, 'PORT');
  });

  it('never puts a secret in its error messages', () => {
    assert.throws(
      () => slackConfigFromEnv({ SLACK_BOT_TOKEN: 'xoxp-secret-value', SLACK_SIGNING_SECRET: secret }),
      (err: Error) => err.message.startsWith('SLACK_BOT_TOKEN:') && !err.message.includes('secret-value'),
    );
  });
});
