/**
 * The Discord settings, read from the environment once. Credentials absent entirely means
 * "Discord is not used"; anything present but incomplete or malformed is a ConfigError that
 * names the variable.
 */
import { ConfigError, readUrl, readVar, type Env } from '../../env.ts';

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** Register the command on this server only (instant updates) instead of globally. */
  guildId?: string;
  /** REST base without the version, e.g. http://127.0.0.1:9000/api; undefined means Discord's. */
  apiUrl?: string;
}

const SNOWFLAKE = /^\d{17,20}$/;

const get = readVar;

function snowflake(env: Env, name: string): string | undefined {
  const v = get(env, name);
  if (v !== undefined && !SNOWFLAKE.test(v)) {
    throw new ConfigError(name, `expected a Discord ID (17 to 20 digits), got "${v}"`);
  }
  return v;
}

function token(env: Env): string {
  const name = 'DISCORD_TOKEN';
  const v = get(env, name);
  if (v === undefined) {
    throw new ConfigError(name, 'missing; copy the bot token from the Developer Portal (Bot > Reset Token)');
  }
  if (/^bot\s/i.test(v)) throw new ConfigError(name, 'give the token alone, without the "Bot " prefix');
  // A bot token is three base64url parts joined by dots; say so without echoing the secret.
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(v)) {
    throw new ConfigError(name, 'does not look like a bot token (three parts separated by dots)');
  }
  return v;
}

function apiUrl(env: Env): string | undefined {
  const name = 'DISCORD_API_URL';
  const url = readUrl(env, name, 'https://discord.com/api');
  if (url === undefined) return undefined;
  const base = url.href.replace(/\/+$/, '');
  if (/\/v\d+$/.test(base)) {
    throw new ConfigError(name, `leave out the API version (the bot adds /v10 itself), e.g. ${base.replace(/\/v\d+$/, '')}`);
  }
  return base;
}

/** The Discord settings, or null when neither DISCORD_TOKEN nor DISCORD_APPLICATION_ID is set. */
export function discordConfigFromEnv(env: Env): DiscordConfig | null {
  if (get(env, 'DISCORD_TOKEN') === undefined && get(env, 'DISCORD_APPLICATION_ID') === undefined) return null;
  const config: DiscordConfig = { token: token(env), applicationId: '' };
  const applicationId = snowflake(env, 'DISCORD_APPLICATION_ID');
  if (applicationId === undefined) {
    throw new ConfigError('DISCORD_APPLICATION_ID', 'missing; copy the Application ID from the Developer Portal (General Information)');
  }
  config.applicationId = applicationId;
  const guildId = snowflake(env, 'DISCORD_GUILD_ID');
  if (guildId !== undefined) config.guildId = guildId;
  const api = apiUrl(env);
  if (api !== undefined) config.apiUrl = api;
  return Object.freeze(config);
}
