/**
 * Slack settings from the environment. With SLACK_APP_TOKEN the bot connects out over Socket
 * Mode (no public URL needed); without it, it serves HTTP for Slack to call.
 */
import { ConfigError, readUrl, readVar, type Env } from '../../env.ts';

const DEFAULT_PORT = 3000;

interface Common {
  /** Bot token (xoxb-...): every Web API call. */
  botToken: string;
  /** Web API base URL, ending in "/"; undefined means Slack's own. */
  apiUrl?: string;
}

interface SlackSocketConfig extends Common {
  mode: 'socket';
  /** App-level token (xapp-...) with connections:write. */
  appToken: string;
}

interface SlackHttpConfig extends Common {
  mode: 'http';
  /** Verifies that HTTP requests come from Slack. */
  signingSecret: string;
  /** Where /slack/events and /healthz are served. */
  port: number;
}

/** Each mode carries exactly the settings it needs, so nothing downstream has to assert them. */
export type SlackConfig = SlackSocketConfig | SlackHttpConfig;

const get = readVar;

function apiUrl(env: Env): string | undefined {
  const url = readUrl(env, 'SLACK_API_URL', 'https://slack.com/api/');
  if (url === undefined) return undefined;
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function port(env: Env): number {
  const raw = get(env, 'PORT');
  if (raw === undefined) return DEFAULT_PORT;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 65535) {
    throw new ConfigError('PORT', `expected a port number from 1 to 65535, got "${raw}"`);
  }
  return n;
}

/** The Slack settings, or null when no Slack credential is set at all. */
export function slackConfigFromEnv(env: Env): SlackConfig | null {
  const botToken = get(env, 'SLACK_BOT_TOKEN');
  const appToken = get(env, 'SLACK_APP_TOKEN');
  const signingSecret = get(env, 'SLACK_SIGNING_SECRET');
  if (!botToken && !appToken && !signingSecret) return null;
  if (!botToken) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'is required to run on Slack (the "Bot User OAuth Token", xoxb-...)');
  }
  if (!botToken.startsWith('xoxb-')) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'expected the bot token, which starts with "xoxb-"');
  }
  if (appToken !== undefined && !appToken.startsWith('xapp-')) {
    throw new ConfigError('SLACK_APP_TOKEN', 'expected an app-level token, which starts with "xapp-"');
  }
  if (appToken !== undefined) return Object.freeze({ mode: 'socket', botToken, appToken, apiUrl: apiUrl(env) });
  if (signingSecret === undefined) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET',
      'is required in HTTP mode (set SLACK_APP_TOKEN instead to use Socket Mode); find it under Basic Information > App Credentials',
    );
  }
  return Object.freeze({ mode: 'http', botToken, signingSecret, apiUrl: apiUrl(env), port: port(env) });
}
