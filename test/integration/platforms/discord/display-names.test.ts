import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { questionsById } from '../../../../src/content/index.ts';
import { type LocalBot, startLocalBot } from '../../../../src/local/local-bot.ts';
import { dynamoTargets } from '../../../support/dynamo.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../../support/fake-discord-api.ts';
import { discordCommand, discordKeys, postDiscord } from '../../../support/platform-requests.ts';
import { testConfig } from '../../../support/test-config.ts';

/**
 * The names Discord boards show, end to end: real signed interactions to the local server, the
 * real bot on a real DynamoDB-compatible store, the fake Discord REST API for channel posts. The
 * name is the server nickname, else the display name (global_name), else the username, all from
 * the interaction itself: no REST call looks anyone up.
 */
const keys = discordKeys();
const NOW = new Date('2026-03-04T10:00:00Z'); // a Wednesday
const TS = Math.floor(NOW.getTime() / 1000);

interface Member {
  user: { id: string; username: string; global_name?: string | null };
  nick?: string | null;
  permissions: string;
}
type Data = {
  flags?: number;
  embeds: { title?: string; description?: string; footer?: { text: string } }[];
  components: { components: { type: number; custom_id: string }[] }[];
};

const member = (id: string, username: string, names: { global?: string | null; nick?: string | null } = {}) =>
  ({
    user: { id, username, ...(names.global !== undefined ? { global_name: names.global } : {}) },
    ...(names.nick !== undefined ? { nick: names.nick } : {}),
    permissions: '0',
  }) satisfies Member;

/** The click that answers a posted question right, from this member. */
function rightClick(posted: Data, m: Member, channel: string) {
  const first = posted.components[0]!.components[0]!;
  const q = questionsById.get(first.custom_id.split(':')[2] ?? '');
  if (!q) throw new Error(`no question in ${first.custom_id}`);
  const row = posted.components[0]!.components;
  const customId =
    first.type === 3 ? first.custom_id : row.find((b) => b.custom_id.endsWith(`:${q.answer[0]}`))!.custom_id;
  return {
    id: `13${Math.floor(Math.random() * 1e15)}`,
    application_id: '100000000000000001',
    type: 3,
    token: 'click-token',
    version: 1,
    guild_id: 'G0001',
    channel_id: channel,
    member: m,
    message: { id: 'M-posted', flags: 0 },
    data: {
      custom_id: customId,
      component_type: first.type,
      ...(first.type === 3 ? { values: [...q.answer] } : {}),
    },
  };
}

describe.each(dynamoTargets)('Discord display names on $name', (target) => {
  let bot: LocalBot;
  let fake: FakeDiscordApi;

  beforeAll(async () => {
    fake = await startFakeDiscordApi();
    const config = testConfig(target, { DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_API_URL: fake.api });
    bot = await startLocalBot(config, { persist: false, now: () => NOW });
  });
  afterAll(async () => {
    await bot?.close();
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  async function send(interaction: unknown): Promise<Data> {
    const res = await postDiscord(bot.url, interaction, keys, { timestamp: TS });
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: Data }).data;
  }
  /** Posts a quiz in the channel; returns the message the channel got. */
  async function quiz(channel: string): Promise<Data> {
    await send(discordCommand('quiz', [], { channel_id: channel }));
    const post = fake.callsTo('POST /channels/:channel/messages').at(-1);
    expect(post).toBeDefined();
    return post!.body as Data;
  }
  async function answer(posted: Data, m: Member, channel: string) {
    const feedback = await send(rightClick(posted, m, channel));
    expect(JSON.stringify(feedback.embeds)).toMatch(/correct/i);
  }
  async function board(channel: string, period: 'week' | 'all') {
    const data = await send(
      discordCommand('leaderboard', [{ name: 'period', type: 3, value: period }], { channel_id: channel }),
    );
    return data.embeds.map((e) => e.description ?? '').join('\n');
  }

  it('shows the nickname, else the display name, else the username, on both boards, and mentions no one', async () => {
    const grace = member('D1GRACE', 'grace', { global: 'Grace Hopper', nick: 'Amazing Grace' });
    const ada = member('D1ADA', 'ada', { global: 'Ada Lovelace', nick: null });
    const linus = member('D1LINUS', 'linus', { global: null });
    const posted = await quiz('C1NAMES');
    for (const m of [grace, ada, linus]) await answer(posted, m, 'C1NAMES');

    for (const period of ['week', 'all'] as const) {
      const text = await board('C1NAMES', period);
      expect(text).toMatch(/\*\*Amazing Grace\*\* — \d+ pts?/);
      expect(text).toMatch(/\*\*Ada Lovelace\*\* — \d+ pts?/);
      expect(text).toMatch(/\*\*linus\*\* — \d+ pts?/);
      expect(text).not.toMatch(/Grace Hopper|\*\*grace\*\*|\*\*ada\*\*|<@|D1GRACE|D1ADA|D1LINUS/);
    }
    // Names come with the interaction: nothing was looked up over REST.
    expect(fake.calls.filter((c) => c.method === 'GET')).toEqual([]);
  });

  it('shows a new nickname or display name on the board after the person’s next answer', async () => {
    const c = 'C2RENAME';
    await answer(await quiz(c), member('D2ADA', 'ada', { global: 'Ada Lovelace' }), c);
    expect(await board(c, 'all')).toContain('Ada Lovelace');

    await answer(await quiz(c), member('D2ADA', 'ada', { global: 'Ada Lovelace', nick: 'Countess' }), c);
    for (const period of ['week', 'all'] as const) {
      const text = await board(c, period);
      expect(text).toContain('**Countess**');
      expect(text).not.toContain('Ada Lovelace');
    }

    // The nickname removed: back to the display name, which changed meanwhile.
    await answer(await quiz(c), member('D2ADA', 'ada', { global: 'Ada King', nick: null }), c);
    const text = await board(c, 'all');
    expect(text).toContain('**Ada King**');
    expect(text).not.toContain('Countess');
  });
});
