import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';
import { DEV_SECRETS } from '../../src/local/dev-secrets.ts';
import { log } from '../../src/log.ts';

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
    [
      { DAILY_FAN_OUT_ABOVE: 'fifty' },
      /^DAILY_FAN_OUT_ABOVE is not valid \(must be a whole number\)\. Set it to a whole number such as 50/,
    ],
    [{ DAILY_FAN_OUT_ABOVE: '-1' }, /^DAILY_FAN_OUT_ABOVE is not valid/],
    [{ DAILY_FAN_OUT_ABOVE: '2.5' }, /^DAILY_FAN_OUT_ABOVE is not valid/],
    [{ DAILY_FAN_OUT_ABOVE: '1e3' }, /^DAILY_FAN_OUT_ABOVE is not valid/],
    [
      { DAILY_QUEUE_URL: 'studybot-daily' },
      /^DAILY_QUEUE_URL is not valid .*Set it to the URL of the daily SQS queue/,
    ],
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

  it('reads the daily fan-out settings: no queue and 50 when unset, the values when set', () => {
    const unset = loadConfig({}, { devDefaults: DEV_SECRETS });
    expect(unset.dailyQueueUrl).toBeUndefined();
    expect(unset.dailyFanOutAbove).toBe(50);
    const url = 'https://sqs.us-east-1.amazonaws.com/123456789012/studybot-daily';
    const set = loadConfig(
      { DAILY_QUEUE_URL: url, DAILY_FAN_OUT_ABOVE: ' 0 ' },
      { devDefaults: DEV_SECRETS },
    );
    expect(set.dailyQueueUrl).toBe(url);
    expect(set.dailyFanOutAbove).toBe(0);
  });

  it('refuses a bad DAILY_FAN_OUT_ABOVE on Lambda, where a NaN threshold would never fan out', () => {
    expect(() =>
      loadConfig(
        { SLACK_BOT_TOKEN: 't', DISCORD_BOT_TOKEN: 'd', DAILY_FAN_OUT_ABOVE: 'lots' },
        { required: ['slackBotToken', 'discordBotToken'] },
      ),
    ).toThrow(ConfigError);
  });
});

describe('the log level, taken from the config', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    loadConfig({}, { devDefaults: DEV_SECRETS });
  });

  function lines(call: () => void): string[] {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => out.push(line));
    vi.spyOn(console, 'error').mockImplementation((line: string) => out.push(line));
    call();
    return out;
  }

  it('LOG_LEVEL=warn leaves out info lines once the config is read', () => {
    loadConfig({ LOG_LEVEL: 'warn' }, { devDefaults: DEV_SECRETS });
    const out = lines(() => {
      log.info('daily: pass done');
      log.warn('daily: post failed');
    });
    expect(out.map((l) => JSON.parse(l).msg)).toEqual(['daily: post failed']);
  });

  it('LOG_LEVEL=debug lets debug lines through; unset means info', () => {
    loadConfig({ LOG_LEVEL: 'debug' }, { devDefaults: DEV_SECRETS });
    expect(lines(() => log.debug('d'))).toHaveLength(1);
    loadConfig({}, { devDefaults: DEV_SECRETS });
    expect(lines(() => log.debug('d'))).toHaveLength(0);
    expect(lines(() => log.info('i'))).toHaveLength(1);
  });
});
