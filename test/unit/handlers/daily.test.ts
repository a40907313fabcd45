import { afterEach, describe, expect, it, vi } from 'vitest';

/** The daily scheduler Lambda's cold start, with the environment serverless.yml would give it. */
async function coldStart(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries({
    SLACK_BOT_TOKEN: 'xoxb-test',
    DISCORD_BOT_TOKEN: 'discord-test',
    AWS_REGION: 'us-east-1',
    ...env,
  }))
    vi.stubEnv(name, value);
  return import('../../../src/handlers/daily.ts');
}

describe('the daily scheduler Lambda', () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    [
      { DAILY_FAN_OUT_ABOVE: 'fifty' },
      /^DAILY_FAN_OUT_ABOVE is not valid \(must be a whole number\)\. Set it to/,
    ],
    [{ DAILY_FAN_OUT_ABOVE: '-5' }, /^DAILY_FAN_OUT_ABOVE is not valid/],
    [{ DAILY_QUEUE_URL: 'studybot-daily' }, /^DAILY_QUEUE_URL is not valid .*SQS queue/],
  ])('does not start with a malformed setting (%o), saying what to set', async (env, message) => {
    await expect(coldStart(env)).rejects.toThrow(message);
  });

  it('starts with a queue URL and a fan-out threshold of 0 (every pass queues)', async () => {
    const mod = await coldStart({
      DAILY_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/studybot-daily',
      DAILY_FAN_OUT_ABOVE: '0',
    });
    expect(mod.handler).toBeTypeOf('function');
  });
});
