import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, Bot, BotAction } from '../../../../src/app/bot.ts';
import type { Command } from '../../../../src/app/commands.ts';
import { type Message, type Outcome, textMessage } from '../../../../src/app/reply.ts';
import { startHttpServer } from '../../../../src/local/server.ts';
import { createDiscordHandler } from '../../../../src/platforms/discord/handler.ts';
import {
  DISCORD_ERRORS,
  type FakeDiscordApi,
  rateLimited,
  startFakeDiscordApi,
} from '../../../support/fake-discord-api.ts';
import { discordCommand, discordKeys, postDiscord } from '../../../support/platform-requests.ts';

/**
 * How the Discord adapter delivers whatever the bot answers: channel posts with the bot token,
 * edits of the clicked message, private replies, and deferral when the work would miss Discord's
 * 3 seconds. The bot here is scripted so each delivery path is exercised on purpose; the real bot
 * runs through the same handler in interactions.test.ts and parity.test.ts.
 */
const keys = discordKeys();
const NOW = new Date('2026-03-02T09:00:00Z');
const ts = Math.floor(NOW.getTime() / 1000);

const question: Message = {
  text: 'Which endpoint?',
  title: 'Question',
  sections: [{ lines: ['Which endpoint?'] }],
  picker: {
    mode: 'single',
    action: 'q:P1',
    choices: [
      { id: 'a', label: 'A', text: 'Async' },
      { id: 'b', label: 'B', text: 'Real-time' },
    ],
  },
  footer: '0 answered',
};

interface Reply {
  type: number;
  data: {
    flags?: number;
    embeds: { description?: string }[];
    components: { components: { custom_id: string }[] }[];
  };
}
const reply = async (res: Promise<Response>): Promise<Reply> => (await (await res).json()) as Reply;

class ScriptedBot implements Pick<Bot, 'command' | 'action'> {
  calls: { kind: 'command' | 'action'; actor: Actor; what: Command | BotAction }[] = [];
  next: Outcome = { reply: { visibility: 'ephemeral', message: textMessage('ok') } };
  delayMs = 0;
  async command(actor: Actor, command: Command): Promise<Outcome> {
    this.calls.push({ kind: 'command', actor, what: command });
    await new Promise((r) => setTimeout(r, this.delayMs));
    return this.next;
  }
  async action(actor: Actor, action: BotAction): Promise<Outcome> {
    this.calls.push({ kind: 'action', actor, what: action });
    await new Promise((r) => setTimeout(r, this.delayMs));
    return this.next;
  }
}

function click(customId: string, over: Record<string, unknown> = {}) {
  return {
    id: '1200000000000000001',
    application_id: '100000000000000001',
    type: 3,
    token: 'click-token',
    version: 1,
    guild_id: 'G0001',
    channel_id: 'C0001',
    member: { user: { id: 'D0001', username: 'grace' }, permissions: '0' },
    message: { id: 'M0001', flags: 0 },
    data: { custom_id: customId, component_type: 2 },
    ...over,
  };
}

describe('Discord delivery', () => {
  let fake: FakeDiscordApi;
  let bot: ScriptedBot;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    fake = await startFakeDiscordApi();
    bot = new ScriptedBot();
    const handler = createDiscordHandler({
      bot,
      publicKey: keys.publicKeyHex,
      botToken: 'bot-token',
      apiUrl: fake.api,
      now: () => NOW,
      // Wide enough for the first REST call's lazy import on a busy machine, short enough to test deferral.
      deferAfterMs: 1000,
    });
    const server = await startHttpServer([{ method: 'POST', path: '/discord/interactions', handler }], 0);
    url = server.url;
    close = () => new Promise((r) => server.server.close(() => r()));
  });
  afterAll(async () => {
    await close();
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    bot.calls = [];
    bot.delayMs = 0;
    bot.next = { reply: { visibility: 'ephemeral', message: textMessage('ok') } };
  });

  it('posts a channel reply with the bot token and tells the person privately', async () => {
    bot.next = { reply: { visibility: 'channel', message: question } };
    const res = await postDiscord(url, discordCommand('quiz'), keys, { timestamp: ts });
    const body = (await res.json()) as Reply;
    expect(body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(body.data.embeds[0]?.description).toMatch(/Posted in this channel/);
    const [post] = fake.callsTo('POST /channels/:channel/messages');
    expect(post?.path).toBe('/channels/C0001/messages');
    expect(post?.headers.authorization).toBe('Bot bot-token');
    expect(post?.body).toMatchObject({ embeds: [{ title: 'Question', footer: { text: '0 answered' } }] });
    expect((post?.body as { flags?: number } | undefined)?.flags).toBeUndefined();
  });

  it.each([
    ['missingAccess', /can't see this channel/],
    ['unknownChannel', /can't find this channel/],
  ] as const)(
    'when the channel post fails with %s, the person gets the message privately and why',
    async (error, why) => {
      fake.failNext('POST /channels/:channel/messages', DISCORD_ERRORS[error]);
      bot.next = { reply: { visibility: 'channel', message: question } };
      const body = await reply(postDiscord(url, discordCommand('quiz'), keys, { timestamp: ts }));
      expect(body.data.flags).toBe(64);
      expect(body.data.embeds[0]?.description).toMatch(why);
      expect(body.data.components[0]?.components.map((c: { custom_id: string }) => c.custom_id)).toEqual([
        'q:P1:a',
        'q:P1:b',
      ]);
    },
  );

  it('answers a click privately and edits the clicked channel message with the new count', async () => {
    bot.next = {
      reply: { visibility: 'ephemeral', message: textMessage('Right! +10 points') },
      updateSource: { ...question, footer: '1 answered' },
    };
    const body = await reply(postDiscord(url, click('q:P1:a'), keys, { timestamp: ts }));
    expect(body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(body.data.embeds[0]?.description).toBe('Right! +10 points');
    expect(bot.calls[0]?.what).toEqual({ id: 'q:P1:a', values: [] });
    const [edit] = fake.callsTo('PATCH /channels/:channel/messages/:message');
    expect(edit?.path).toBe('/channels/C0001/messages/M0001');
    expect(edit?.body).toMatchObject({ embeds: [{ footer: { text: '1 answered' } }] });
  });

  it('passes the picks of a multiple-answer select as values', async () => {
    await postDiscord(
      url,
      click('q:P1', { data: { custom_id: 'q:P1', component_type: 3, values: ['a', 'c'] } }),
      keys,
      {
        timestamp: ts,
      },
    );
    expect(bot.calls[0]?.what).toEqual({ id: 'q:P1', values: ['a', 'c'] });
  });

  it('does not try to edit an ephemeral source message (Discord would refuse the bot token)', async () => {
    bot.next = { reply: { visibility: 'ephemeral', message: textMessage('ok') }, updateSource: question };
    await postDiscord(url, click('r:Q1:a', { message: { id: 'M0002', flags: 64 } }), keys, { timestamp: ts });
    expect(fake.callsTo('PATCH /channels/:channel/messages/:message')).toHaveLength(0);
  });

  it('still answers the person when editing the shared message fails', async () => {
    fake.failNext('PATCH /channels/:channel/messages/:message', DISCORD_ERRORS.unknownMessage);
    bot.next = { reply: { visibility: 'ephemeral', message: textMessage('Right!') }, updateSource: question };
    const body = await reply(postDiscord(url, click('q:P1:a'), keys, { timestamp: ts }));
    expect(body.data.embeds[0]?.description).toBe('Right!');
  });

  it('hands a double click to the bot twice, unchanged, so the bot decides it counts once', async () => {
    await postDiscord(url, click('q:P1:a'), keys, { timestamp: ts });
    await postDiscord(url, click('q:P1:a'), keys, { timestamp: ts });
    expect(bot.calls.map((c) => c.what)).toEqual([
      { id: 'q:P1:a', values: [] },
      { id: 'q:P1:a', values: [] },
    ]);
  });

  it('defers a slow answer through the callback endpoint, fills it in, and returns 202 with no body', async () => {
    bot.delayMs = 1500;
    bot.next = { reply: { visibility: 'ephemeral', message: textMessage('Your progress') } };
    const interaction = discordCommand('progress');
    const res = await postDiscord(url, interaction, keys, { timestamp: ts });
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('');
    const [callback] = fake.callsTo('POST /interactions/:id/:token/callback');
    expect(callback?.path).toBe(`/interactions/${interaction.id}/interaction-token/callback`);
    expect(callback?.body).toEqual({ type: 5, data: { flags: 64 } });
    const [followUp] = fake.callsTo('PATCH /webhooks/:app/:token/messages/:message');
    // The deferral went out while the slow work was still running, before its answer, not after.
    expect(callback!.at).toBeLessThan(followUp!.at);
    expect(followUp?.path).toBe('/webhooks/100000000000000001/interaction-token/messages/@original');
    expect(followUp?.body).toMatchObject({ embeds: [{ description: 'Your progress' }] });
    expect(bot.calls).toHaveLength(1);
  });

  it('defers when Discord rate-limits the channel post, then confirms once the post went through', async () => {
    fake.failNext('POST /channels/:channel/messages', rateLimited(2));
    bot.next = { reply: { visibility: 'channel', message: question } };
    const res = await postDiscord(url, discordCommand('quiz'), keys, { timestamp: ts });
    expect(res.status).toBe(202);
    expect(fake.callsTo('POST /channels/:channel/messages')).toHaveLength(2);
    const [followUp] = fake.callsTo('PATCH /webhooks/:app/:token/messages/:message');
    expect(followUp?.body).toMatchObject({
      embeds: [{ description: expect.stringMatching(/Posted in this channel/) }],
    });
  });

  it('answers inline with a short sentence when the bot fails, never a stack trace', async () => {
    bot.next = undefined as unknown as Outcome; // deliver() will throw reading it
    const body = await reply(postDiscord(url, discordCommand('quiz'), keys, { timestamp: ts }));
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0]?.description).toBe(
      'Something went wrong on my side. Please try again in a moment.',
    );
  });
});
