import { createBot } from '../app/create-bot.ts';
import { createDiscordHandler } from '../platforms/discord/handler.ts';
import { loadLambdaConfig } from './lambda-config.ts';

// Everything is built once per cold start; each request then only runs the handler.
const config = await loadLambdaConfig(['discordPublicKey', 'discordApplicationId', 'discordBotToken']);

export const handler = createDiscordHandler({
  bot: createBot(config),
  publicKey: config.discordPublicKey,
  botToken: config.discordBotToken,
  apiUrl: config.discordApiUrl,
});
