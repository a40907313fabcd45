import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';
import { DEV_SECRETS } from '../../src/local/dev-secrets.ts';

describe('configuration', () => {
  it('starts locally with labelled development values when no secrets are set, naming which', () => {
    const c = loadConfig({}, { devDefaults: DEV_SECRETS });
    expect(c.port).toBe(3000);
    expect(c.devSecrets).toEqual([
      'slackSigningSecret',
      'slackBotToken',
      'discordPublicKey',
      'discordApplicationId',
      'discordBotToken',
    ]);
    expect(c.slackSigningSecret).toBe(DEV_SECRETS.slackSigningSecret);
  });

  it('uses real values when they are set', () => {
    const c = loadConfig(
      { SLACK_SIGNING_SECRET: 'abc', DISCORD_PUBLIC_KEY: 'a'.repeat(64) },
      { devDefaults: DEV_SECRETS },
    );
    expect(c.slackSigningSecret).toBe('abc');
    expect(c.devSecrets).not.toContain('slackSigningSecret');
    expect(c.devSecrets).not.toContain('discordPublicKey');
  });

  it.each([
    [{ PORT: 'abc' }, /PORT is not valid.*port number/],
    [
      { DISCORD_PUBLIC_KEY: 'xyz' },
      /DISCORD_PUBLIC_KEY is not valid \(must be 64 hex characters\).*Developer Portal/,
    ],
    [{ DYNAMODB_ENDPOINT: 'not a url' }, /DYNAMODB_ENDPOINT is not valid.*DynamoDB Local/],
    [{ LOG_LEVEL: 'verbose' }, /^LOG_LEVEL is not valid .*Set it to one of debug, info, warn, error/],
    [{ LOG_LEVEL: 'trace' }, /^LOG_LEVEL is not valid/],
  ])('stops with one sentence saying what to set: %o', (env, message) => {
    expect(() => loadConfig(env, { devDefaults: DEV_SECRETS })).toThrow(message);
  });

  it('reads LOG_LEVEL as one of the four levels, in any case, info when unset', () => {
    expect(loadConfig({}, { devDefaults: DEV_SECRETS }).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'debug' }, { devDefaults: DEV_SECRETS }).logLevel).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: ' WARN ' }, { devDefaults: DEV_SECRETS }).logLevel).toBe('warn');
  });

  it('refuses a bad LOG_LEVEL on Lambda too, where it is read from the environment', () => {
    expect(() =>
      loadConfig({ LOG_LEVEL: 'verbose', SLACK_SIGNING_SECRET: 's' }, { required: ['slackSigningSecret'] }),
    ).toThrow(ConfigError);
  });

  it('on Lambda, a missing secret says where to find it', () => {
    const attempt = () => loadConfig({}, { required: ['slackSigningSecret'] });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      'SLACK_SIGNING_SECRET is not set. Find it in Slack app settings > Basic Information',
    );
  });

  it('on Lambda, a secret the function does not use may be absent', () => {
    const c = loadConfig(
      { SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 't' },
      { required: ['slackSigningSecret', 'slackBotToken'] },
    );
    expect(c.discordBotToken).toBe('');
  });
});
