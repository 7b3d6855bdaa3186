/**
 * `npm run discord:register`: registers /kubecon with Discord, on DISCORD_GUILD_ID when set
 * (shows up at once; good while trying the bot) or globally (may take up to an hour to appear).
 * Running it again replaces the command, so it is safe to repeat after an update.
 */
import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTOptions } from 'discord.js';
import type { Logger } from 'pino';
import { ConfigError, loadDotEnv } from '../../env.ts';
import { createLogger } from '../../log.ts';
import { kubeconCommand } from './commands.ts';
import type { DiscordConfig } from './config.ts';
import { discordConfigFromEnv } from './config.ts';
import { loggable } from './errors.ts';

export interface Registered {
  scope: 'guild' | 'global';
  names: string[];
}

export async function registerCommands(config: DiscordConfig, rest: Partial<RESTOptions> = {}): Promise<Registered> {
  const client = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}), ...rest }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  // PUT replaces the whole set, so a renamed or removed command does not linger.
  const result = (await client.put(route, { body: [kubeconCommand()] })) as Array<{ name: string }>;
  return { scope: config.guildId ? 'guild' : 'global', names: result.map((c) => c.name) };
}

export async function main(env: Record<string, string | undefined> = process.env, log?: Logger): Promise<number> {
  const logger = log ?? createLogger({ level: 'info', format: 'pretty' });
  let config: DiscordConfig | null;
  try {
    config = discordConfigFromEnv(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    logger.error(`configuration error: ${err.message}`);
    return 1;
  }
  if (!config) {
    logger.error('configuration error: set DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example)');
    return 1;
  }
  try {
    const done = await registerCommands(config);
    const where = done.scope === 'guild' ? `on server ${config.guildId}` : 'globally (may take up to an hour to show)';
    logger.info(`registered /${done.names.join(', /')} ${where}`);
    return 0;
  } catch (err) {
    logger.error({ err: loggable(err) }, 'could not register the command; check DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_GUILD_ID');
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  loadDotEnv();
  process.exitCode = await main();
}
