import { type LocalBot, startLocalBot } from '../../src/local/local-bot.ts';
import { DynamoStudyStore } from '../../src/store/dynamo-store.ts';
import { createDocumentClient } from '../../src/store/table.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from './fake-discord-api.ts';
import { type FakeSlackApi, startFakeSlackApi } from './fake-slack-api.ts';
import type { DynamoTarget } from './global-setup.ts';
import { type DiscordKeys, discordKeys } from './platform-requests.ts';
import { testConfig } from './test-config.ts';

/**
 * The local bot with both platforms' fake APIs and a store client on its table: what an
 * integration test of the platforms needs, started once per file.
 */
export interface PlatformHarness {
  slack: FakeSlackApi;
  discord: FakeDiscordApi;
  local: LocalBot;
  store: DynamoStudyStore;
  keys: DiscordKeys;
  close(): Promise<void>;
}

export async function startPlatformHarness(
  target: DynamoTarget,
  options: { now?: () => Date; env?: Record<string, string> } = {},
): Promise<PlatformHarness> {
  const keys = discordKeys();
  const slack = await startFakeSlackApi({ token: 'xoxb-test' });
  const discord = await startFakeDiscordApi();
  const config = testConfig(target, {
    SLACK_API_URL: slack.apiUrl,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_API_URL: discord.api,
    ...options.env,
  });
  const local = await startLocalBot(config, { persist: false, ...(options.now ? { now: options.now } : {}) });
  const store = new DynamoStudyStore(
    createDocumentClient({ endpoint: local.dynamoEndpoint, region: 'us-east-1' }),
    config.tableName,
  );
  return {
    slack,
    discord,
    local,
    store,
    keys,
    close: async () => {
      await local.close();
      await slack.close();
      await discord.close();
    },
  };
}
