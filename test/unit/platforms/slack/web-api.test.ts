import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SlackApiError, SlackWebApi } from '../../../../src/platforms/slack/web-api.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../../support/fake-slack-api.ts';

describe('SlackWebApi against the fake Slack Web API', () => {
  let slack: FakeSlackApi;
  let waits: number[];
  let api: SlackWebApi;
  beforeAll(async () => {
    slack = await startFakeSlackApi({ token: 'xoxb-test' });
  });
  afterAll(() => slack.close());
  beforeEach(() => {
    slack.reset();
    waits = [];
    // Recorded instead of slept, so Retry-After can be checked without waiting.
    api = new SlackWebApi({
      token: 'xoxb-test',
      apiUrl: slack.apiUrl,
      sleep: async (ms) => void waits.push(ms),
    });
  });

  it('sends the bot token and form-encoded arguments, with blocks as JSON', async () => {
    const res = await api.call('chat.postMessage', {
      channel: 'C1',
      text: 'hi',
      blocks: [{ type: 'divider' }],
    });
    expect(res.ok).toBe(true);
    const [call] = slack.calls('chat.postMessage');
    expect(call?.headers.authorization).toBe('Bearer xoxb-test');
    expect(call?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(call?.args).toEqual({ channel: 'C1', text: 'hi', blocks: [{ type: 'divider' }] });
  });

  it('waits Retry-After seconds after a 429 and tries again', async () => {
    slack.fail('chat.update', { status: 429, retryAfter: 2 }, 2);
    await api.call('chat.update', { channel: 'C1', ts: '1.2' });
    expect(waits).toEqual([2000, 2000]);
    expect(slack.calls('chat.update')).toHaveLength(3);
  });

  it.each([
    ['too many 429s', { status: 429 as const, retryAfter: 1 }, 3, 'ratelimited', [1000, 1000]],
    ['a Retry-After longer than the budget', { status: 429 as const, retryAfter: 30 }, 1, 'ratelimited', []],
    ['an error answer', { error: 'channel_not_found' }, 1, 'channel_not_found', []],
  ])('gives up on %s with one SlackApiError', async (_label, failure, times, code, expectedWaits) => {
    slack.fail('chat.postMessage', failure, times);
    const err = await api.call('chat.postMessage', { channel: 'C1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackApiError);
    expect((err as SlackApiError).error).toBe(code);
    expect(waits).toEqual(expectedWaits);
  });

  it('takes tighter per-call limits: no retry after a 429 when the call allows none', async () => {
    slack.fail('users.info', { status: 429, retryAfter: 1 });
    const err = await api
      .call('users.info', { user: 'U1' }, { maxRetries: 0 })
      .catch((e: unknown) => e as SlackApiError);
    expect((err as SlackApiError).error).toBe('ratelimited');
    expect(waits).toEqual([]);
    expect(slack.calls('users.info')).toHaveLength(1);
  });

  it('gives up on a call slower than its per-call timeout', async () => {
    const slow = new SlackWebApi({
      token: 'xoxb-test',
      apiUrl: slack.apiUrl,
      fetch: (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    });
    const started = Date.now();
    const err = await slow.call('users.info', { user: 'U1' }, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect((err as SlackApiError).error).toBe('request_failed');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('turns Slack errors into a sentence a person can act on', () => {
    expect(new SlackApiError('chat.postMessage', 'not_in_channel').userMessage).toContain(
      '/invite @StudyBot',
    );
    expect(new SlackApiError('chat.postMessage', 'ratelimited').userMessage).toContain(
      'try again in a minute',
    );
  });

  it('refuses with invalid_auth when the token is wrong', async () => {
    const wrong = new SlackWebApi({ token: 'xoxb-wrong', apiUrl: slack.apiUrl });
    await expect(wrong.call('auth.test')).rejects.toMatchObject({ error: 'invalid_auth' });
  });

  it('posts to a response_url as JSON and reports an expired one', async () => {
    await api.respond(slack.responseUrl('a'), { text: 'hi', replace_original: true });
    expect(slack.calls('response_url')[0]).toMatchObject({
      path: 'a',
      args: { text: 'hi', replace_original: true },
    });
    slack.fail('response_url', { status: 404, body: 'expired_url' });
    await expect(api.respond(slack.responseUrl('a'), { text: 'late' })).rejects.toMatchObject({
      error: 'http_404',
    });
  });
});
