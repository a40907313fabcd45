import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createDiscordApi,
  DiscordAccessError,
  DiscordRateLimitError,
} from '../../../../src/platforms/discord/rest.ts';
import {
  DISCORD_ERRORS,
  type FakeDiscordApi,
  rateLimited,
  startFakeDiscordApi,
} from '../../../support/fake-discord-api.ts';

const body = {
  content: '',
  embeds: [{ description: 'hi' }],
  components: [],
  allowed_mentions: { parse: [] as [] },
};

describe('Discord REST client against the fake Discord API', () => {
  let fake: FakeDiscordApi;
  beforeAll(async () => {
    fake = await startFakeDiscordApi();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const api = () => createDiscordApi({ apiUrl: fake.api, botToken: 'bot-token' });

  it('posts a channel message to DISCORD_API_URL/v10 with the bot token', async () => {
    const { id } = await api().createMessage('C1', body);
    const [call] = fake.callsTo('POST /channels/:channel/messages');
    expect(id).toMatch(/^\d+$/);
    expect(call?.path).toBe('/channels/C1/messages');
    expect(call?.headers.authorization).toBe('Bot bot-token');
    expect(call?.body).toMatchObject({ embeds: [{ description: 'hi' }] });
  });

  it('answers interactions and edits deferred replies without the bot token', async () => {
    const a = api();
    await a.createInteractionResponse('I1', 'tok', { type: 5, data: { flags: 64 } });
    await a.editOriginalResponse('A1', 'tok', body);
    expect(fake.calls.map((c) => [c.method, c.path, c.headers.authorization])).toEqual([
      ['POST', '/interactions/I1/tok/callback', undefined],
      ['PATCH', '/webhooks/A1/tok/messages/@original', undefined],
    ]);
  });

  it('waits out a 429 for its retry_after and then succeeds', async () => {
    fake.failNext('POST /channels/:channel/messages', rateLimited(0.4));
    const start = Date.now();
    await api().createMessage('C1', body);
    const [first, second] = fake.callsTo('POST /channels/:channel/messages');
    expect(second).toBeDefined();
    // Retry-After is whole seconds; the JSON retry_after and Reset-After carry the precise wait.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(350);
    expect(Date.now() - start).toBeLessThan(3000);
  });

  it('keeps rate-limit buckets per route: an exhausted channel waits, another channel does not', async () => {
    const a = api();
    fake.on('POST /channels/C1/messages', (c) => ({
      status: 200,
      body: { id: '1', ...(c.body as object) },
      headers: {
        'x-ratelimit-limit': '1',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': '0.6',
        'x-ratelimit-bucket': 'channel-bucket',
      },
    }));
    // The first answer teaches the client the bucket hash; from then on it tracks that bucket's
    // remaining count per channel (the route's major parameter).
    await a.createMessage('C1', body);
    await new Promise((r) => setTimeout(r, 700));
    await a.createMessage('C1', body);
    const t0 = Date.now();
    await a.createMessage('C2', body); // another major parameter: its own bucket, no wait
    const otherChannelMs = Date.now() - t0;
    await a.createMessage('C1', body); // same bucket, remaining 0: waits for the reset
    const sameChannelMs = Date.now() - t0;
    // Compared with each other, not with the clock, so a loaded machine cannot fail it: the same
    // channel waited for its bucket's reset (~0.6 s); the other channel did not wait that long.
    const sameChannelWaitMs = sameChannelMs - otherChannelMs;
    expect(sameChannelWaitMs).toBeGreaterThanOrEqual(400);
    expect(otherChannelMs).toBeLessThan(sameChannelWaitMs);
  });

  it('fails fast with a sentence for people when Discord asks for a wait longer than the budget', async () => {
    fake.failNext('POST /channels/:channel/messages', rateLimited(30));
    const start = Date.now();
    const err = await api()
      .createMessage('C1', body)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscordRateLimitError);
    expect((err as DiscordRateLimitError).userMessage).toMatch(/slow down/);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it.each([
    ['unknownChannel', 10003, /can't find this channel/],
    ['missingAccess', 50001, /can't see this channel/],
    ['missingPermissions', 50013, /missing a permission/],
  ] as const)('turns %s (%i) into a sentence the person can act on', async (name, code, sentence) => {
    fake.failNext('POST /channels/:channel/messages', DISCORD_ERRORS[name]);
    const err = await api()
      .createMessage('C1', body)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscordAccessError);
    expect((err as DiscordAccessError).discordCode).toBe(code);
    expect((err as DiscordAccessError).userMessage).toMatch(sentence);
  });
});
