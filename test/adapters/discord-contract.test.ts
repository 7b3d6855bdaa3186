import { adapterContract } from '../contract/contract.ts';
import { discordDriver } from '../fakes/discord-driver.ts';
import { realBot } from '../helpers/bot.ts';

const bot = await realBot();

adapterContract('discord', { bot: () => bot, driver: () => discordDriver(bot) });
