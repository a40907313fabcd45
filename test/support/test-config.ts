import { randomUUID } from 'node:crypto';
import { type Config, loadConfig } from '../../src/config.ts';
import type { DynamoTarget } from './global-setup.ts';
import { TEST_SLACK_SECRET } from './platform-requests.ts';

/**
 * The configuration integration tests start the local bot with: a fresh table on the given
 * server, test secrets, and platform API URLs that point at a closed local port unless a test
 * passes its fake API, so no test can ever reach Slack or Discord.
 */
export function testConfig(target: DynamoTarget, env: Record<string, string> = {}): Config {
  return loadConfig({
    PORT: '0',
    DYNAMODB_ENDPOINT: target.endpoint,
    DYNAMODB_TABLE: `t-${randomUUID().slice(0, 8)}`,
    SLACK_SIGNING_SECRET: TEST_SLACK_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    DISCORD_PUBLIC_KEY: 'a'.repeat(64),
    DISCORD_APPLICATION_ID: '100000000000000001',
    DISCORD_BOT_TOKEN: 'discord-test',
    DISCORD_API_URL: 'http://127.0.0.1:9/api',
    ...env,
  });
}
