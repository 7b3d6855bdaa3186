/** The Discord adapter: settings, start, and the command definition for registration. */
export { discordConfigFromEnv, type DiscordConfig } from './config.ts';
export { startDiscord, type DiscordHandle, type DiscordOptions } from './client.ts';
export { kubeconCommand } from './commands.ts';
