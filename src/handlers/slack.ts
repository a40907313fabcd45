import { createSlackHandler } from '../platforms/slack/app.ts';
import { lazyBot, wiredOnFirstRequest } from './first-request.ts';
import { loadLambdaConfigViaExtension } from './lambda-config.ts';

// Wired once per cold start, on the first request (the secrets extension serves only then); the
// bot and its DynamoDB client load on the first command or click that needs them.
export const handler = wiredOnFirstRequest(async () => {
  const config = await loadLambdaConfigViaExtension(['slackSigningSecret', 'slackBotToken']);
  return createSlackHandler({
    bot: lazyBot(config),
    signingSecret: config.slackSigningSecret,
    botToken: config.slackBotToken,
    apiUrl: config.slackApiUrl,
    adminUserIds: config.slackAdminUserIds,
  });
});
