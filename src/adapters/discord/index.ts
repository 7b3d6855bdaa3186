/** The Discord adapter: its settings and start. */
export { discordConfigFromEnv, type DiscordConfig } from './config.ts';
export { startDiscord, type DiscordHandle, type DiscordOptions } from './client.ts';
