import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import {
  devTokensForRealPlatforms,
  isLocalUrl,
  withoutDevTokensForRealPlatforms,
} from '../../../src/daily/local.ts';
import { DEV_SECRETS } from '../../../src/local/dev-secrets.ts';

/** The development tokens go to stand-ins on this machine only, never to slack.com or discord.com. */
describe('development tokens and the real platforms', () => {
  const config = (env: Record<string, string> = {}) => loadConfig(env, { devDefaults: DEV_SECRETS });

  it('refuses both real APIs with the development tokens', () => {
    expect(devTokensForRealPlatforms(config())).toEqual(['slack', 'discord']);
    const c = withoutDevTokensForRealPlatforms(config());
    expect([c.slackBotToken, c.discordBotToken]).toEqual(['', '']);
  });

  it('allows them on this machine, and allows real tokens anywhere', () => {
    expect(
      devTokensForRealPlatforms(
        config({ SLACK_API_URL: 'http://127.0.0.1:4000/api/', DISCORD_API_URL: 'http://localhost:4001/api' }),
      ),
    ).toEqual([]);
    expect(devTokensForRealPlatforms(config({ SLACK_BOT_TOKEN: 'xoxb-real' }))).toEqual(['discord']);
  });

  it('refuses the development value even when it was set explicitly', () => {
    expect(devTokensForRealPlatforms(config({ DISCORD_BOT_TOKEN: DEV_SECRETS.discordBotToken }))).toContain(
      'discord',
    );
  });

  it.each([
    ['http://127.0.0.1:9/api', true],
    ['http://localhost:3000/slack', true],
    ['http://[::1]:3000/', true],
    ['https://slack.com/api/', false],
    ['https://discord.com/api', false],
    ['https://127.0.0.1.example.com/', false],
    ['not a url', false],
  ])('%s is on this machine: %s', (url, local) => {
    expect(isLocalUrl(url)).toBe(local);
  });
});
