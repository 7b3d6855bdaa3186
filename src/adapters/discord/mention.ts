/**
 * Whether a message is addressed to the bot, and what it asks. A message is for the bot when its
 * text mentions the bot (`<@id>` or the older `<@!id>`) or when it is a direct message; a reply
 * to one of the bot's messages that does not name it is not. The mention may stand anywhere in
 * a sentence; the rest of the text is the query.
 */
export function mentionQuery(content: string, botId: string, direct: boolean): string | null {
  const mention = new RegExp(`<@!?${botId}>`, 'g');
  const text = content.replace(mention, ' ');
  if (!direct && text === content) return null;
  return text.replace(/\s+/g, ' ').trim();
}
