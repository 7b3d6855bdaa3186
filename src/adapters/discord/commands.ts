/**
 * The /kubecon slash command. One required `query` option, so `/kubecon today`, `/kubecon help`
 * and `/kubecon gvisor` all work as typed: Discord puts the text after the command name into the
 * first required option. Descriptions come from the message catalogue, in both languages.
 */
import {
  ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { messages } from '../../core/messages.ts';

export const COMMAND_NAME = 'kubecon';
export const QUERY_OPTION = 'query';

export function kubeconCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const en = messages('en');
  const ja = messages('ja');
  return {
    name: COMMAND_NAME,
    type: ApplicationCommandType.ChatInput,
    description: en.commandDescription,
    description_localizations: { ja: ja.commandDescription },
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: [
      {
        name: QUERY_OPTION,
        type: ApplicationCommandOptionType.String,
        description: en.queryOptionDescription,
        description_localizations: { ja: ja.queryOptionDescription },
        required: true,
        autocomplete: true,
      },
    ],
  };
}
