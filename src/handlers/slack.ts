import { createBot } from '../app/create-bot.ts';
import { createSlackHandler } from '../platforms/slack/app.ts';
import { loadLambdaConfig } from './lambda-config.ts';

// Everything is built once per cold start; each request then only runs the handler.
const config = await loadLambdaConfig(['slackSigningSecret', 'slackBotToken']);

export const handler = createSlackHandler({
  bot: createBot(config),
  signingSecret: config.slackSigningSecret,
  botToken: config.slackBotToken,
  apiUrl: config.slackApiUrl,
  adminUserIds: config.slackAdminUserIds,
});
