import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { verifyKey } from 'discord-interactions';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { content, questionsById } from '../../../../src/content/index.ts';
import { type LocalBot, startLocalBot } from '../../../../src/local/local-bot.ts';
import { createDocumentClient } from '../../../../src/store/table.ts';
import { dynamoTargets } from '../../../support/dynamo.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../../support/fake-discord-api.ts';
import {
  discordCommand,
  discordHeaders,
  discordKeys,
  postDiscord,
} from '../../../support/platform-requests.ts';
import { testConfig } from '../../../support/test-config.ts';

/**
 * Real signed interactions (Ed25519 over timestamp + body, key pair made here) sent to the local
 * server, which runs the real bot on a real DynamoDB-compatible store and calls the fake Discord
 * REST API for channel posts and edits. The clock is fixed.
 */
const keys = discordKeys();
const NOW = new Date('2026-03-04T10:00:00Z'); // a Wednesday
const TS = Math.floor(NOW.getTime() / 1000);

type Body = {
  type: number;
  data: {
    flags?: number;
    embeds: { title?: string; description?: string; footer?: { text: string } }[];
    components: Row[];
  };
};
type Row = {
  components: {
    type: number;
    custom_id: string;
    label?: string;
    min_values?: number;
    options?: { value: string }[];
  }[];
};

const member = (id: string, username: string) => ({ member: { user: { id, username }, permissions: '0' } });

function click(
  customId: string,
  o: { values?: string[]; messageId?: string; flags?: number; user?: [string, string] } = {},
) {
  const [id, name] = o.user ?? ['D0001', 'grace'];
  return {
    id: `12${Math.floor(Math.random() * 1e15)}`,
    application_id: '100000000000000001',
    type: 3,
    token: 'click-token',
    version: 1,
    guild_id: 'G0001',
    channel_id: 'C0001',
    ...member(id, name),
    message: { id: o.messageId ?? 'M-ephemeral', flags: o.flags ?? 64 },
    data: {
      custom_id: customId,
      component_type: o.values ? 3 : 2,
      ...(o.values ? { values: o.values } : {}),
    },
  };
}

/** The custom ids a person can click on a rendered message: buttons, or the select's id. */
function clickable(data: Body['data']): string[] {
  return data.components.flatMap((r) => r.components.map((c) => c.custom_id));
}

/** The click that answers a rendered question correctly: one button, or the select with the answer. */
function correctClick(data: Body['data']): { customId: string; values?: string[] } {
  const row = data.components[0]!.components;
  const first = row[0]!;
  // q:<post>:<question>[:<choice>] and r:<question>:<version>[:<choice>]
  const parts = first.custom_id.split(':');
  const questionId = (parts[0] === 'r' ? parts[1] : parts[2]) ?? '';
  const q = questionsById.get(questionId);
  if (!q) throw new Error(`no question ${questionId} in ${first.custom_id}`);
  if (first.type === 3) return { customId: first.custom_id, values: [...q.answer] };
  return { customId: row.find((b) => b.custom_id.endsWith(`:${q.answer[0]}`))!.custom_id };
}

describe.each(dynamoTargets)('Discord interactions on $name', (target) => {
  let bot: LocalBot;
  let fake: FakeDiscordApi;
  const tableName = `discord-${Math.random().toString(36).slice(2, 8)}`;

  async function itemCount(): Promise<number> {
    const doc = createDocumentClient({ endpoint: target.endpoint, region: 'us-east-1' });
    return (await doc.send(new ScanCommand({ TableName: tableName, Select: 'COUNT' }))).Count ?? 0;
  }
  async function send(interaction: unknown): Promise<Body> {
    const res = await postDiscord(bot.url, interaction, keys, { timestamp: TS });
    expect(res.status).toBe(200);
    return (await res.json()) as Body;
  }

  beforeAll(async () => {
    fake = await startFakeDiscordApi();
    const config = testConfig(target, {
      DYNAMODB_TABLE: tableName,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_API_URL: fake.api,
    });
    bot = await startLocalBot(config, { persist: false, now: () => NOW });
  });
  afterAll(async () => {
    await bot.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('answers PING with PONG, and discord-interactions agrees the signature is valid', async () => {
    const body = JSON.stringify({ id: '1', application_id: '1', type: 1, token: 't', version: 1 });
    const headers = discordHeaders(body, TS, keys);
    expect(await verifyKey(body, headers['x-signature-ed25519']!, String(TS), keys.publicKeyHex)).toBe(true);
    const res = await fetch(`${bot.url}/discord/interactions`, { method: 'POST', headers, body });
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('answers /studybot help privately with the command list', async () => {
    const body = await send(discordCommand('help'));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.embeds[0]!.description).toContain('/studybot recommend');
  });

  it.each([
    ['quiz', 'topic', 'autosc', 'autoscaling'],
    ['study', 'topic', '', content.topics[0]!.id],
    ['subscribe', 'timezone', 'berlin', 'Europe/Berlin'],
  ])('autocompletes %s %s from %j', async (sub, option, typed, expected) => {
    const res = await postDiscord(
      bot.url,
      { ...discordCommand(sub, [{ name: option, type: 3, value: typed, focused: true } as never]), type: 4 },
      keys,
      { timestamp: TS },
    );
    const body = (await res.json()) as { type: number; data: { choices: { value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices[0]?.value).toBe(expected);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('posts a quiz to the channel; an answer is private, counted once, and updates the shared count', async () => {
    const confirm = await send(discordCommand('quiz', [{ name: 'topic', type: 3, value: 'autoscaling' }]));
    expect(confirm.data.flags).toBe(64);
    const [post] = fake.callsTo('POST /channels/:channel/messages');
    expect(post?.path).toBe('/channels/C0001/messages');
    const posted = post!.body as Body['data'];
    expect(posted.flags).toBeUndefined();
    expect(posted.embeds[0]!.footer?.text).toMatch(/^0 answered/);
    const ids = clickable(posted);
    expect(ids.every((id) => id.startsWith('q:') && id.length <= 100)).toBe(true);

    const answer = correctClick(posted);
    const first = await send(
      click(answer.customId, {
        messageId: 'M-posted',
        flags: 0,
        ...(answer.values ? { values: answer.values } : {}),
      }),
    );
    expect(first.data.flags).toBe(64);
    const feedback = JSON.stringify(first.data.embeds);
    expect(feedback).toMatch(/correct|right/i);
    const [edit] = fake.callsTo('PATCH /channels/:channel/messages/:message');
    expect(edit?.path).toBe('/channels/C0001/messages/M-posted');
    expect((edit!.body as Body['data']).embeds[0]!.footer?.text).toMatch(/^1 answered/);

    // A retry of the same click (Discord retries, or a double click) must not count twice.
    await send(
      click(answer.customId, {
        messageId: 'M-posted',
        flags: 0,
        ...(answer.values ? { values: answer.values } : {}),
      }),
    );
    const edits = fake.callsTo('PATCH /channels/:channel/messages/:message');
    expect((edits.at(-1)!.body as Body['data']).embeds[0]!.footer?.text).toMatch(/^1 answered/);
    const board = await send(discordCommand('leaderboard', [{ name: 'period', type: 3, value: 'all' }]));
    const text = JSON.stringify(board.data.embeds);
    expect(text).toContain('grace');
    expect(board.data.embeds[0]!.footer?.text).toMatch(/^You: (\d+) pts?\b/);
    const score = Number(/^You: (\d+) pts?\b/.exec(board.data.embeds[0]!.footer!.text)![1]);
    expect(score).toBeGreaterThan(0);
  });

  it('runs a private study session: a card, feedback with a next button, and the next card', async () => {
    const card = await send(discordCommand('study', [], member('D0002', 'ada')));
    expect(card.data.flags).toBe(64);
    const ids = clickable(card.data);
    expect(ids[0]).toMatch(/^r:/);
    const answer = correctClick(card.data);
    const feedback = await send(
      click(answer.customId, { user: ['D0002', 'ada'], ...(answer.values ? { values: answer.values } : {}) }),
    );
    expect(feedback.data.flags).toBe(64);
    expect(clickable(feedback.data)).toContain('next');
    const next = await send(click('next', { user: ['D0002', 'ada'] }));
    expect(next.data.flags).toBe(64);
    expect(clickable(next.data)[0]).toMatch(/^r:/);
    // Nothing of a private session reaches the channel.
    expect(fake.callsTo('POST /channels/:channel/messages')).toHaveLength(0);
  });

  it('recommends privately and shares to the channel on request', async () => {
    const rec = await send(
      discordCommand('recommend', [
        { name: 'text', type: 3, value: '20 MB documents, results within 30 minutes, about 500 a day' },
      ]),
    );
    expect(rec.data.flags).toBe(64);
    const share = clickable(rec.data).find((id) => id.startsWith('share:'));
    expect(share).toBeDefined();
    const done = await send(click(share!));
    expect(done.data.flags).toBe(64);
    const [post] = fake.callsTo('POST /channels/:channel/messages');
    expect(JSON.stringify(post?.body)).toMatch(/Asynchronous|Async/i);
  });

  it.each([
    ['signed with another key pair', { keys: discordKeys() }],
    ['signed more than 5 minutes ago', { timestamp: TS - 6 * 60 }],
    ['signed 6 minutes in the future', { timestamp: TS + 6 * 60 }],
  ])('refuses a quiz and an answer %s with 401, and changes nothing', async (_label, o) => {
    const before = await itemCount();
    const k = 'keys' in o ? o.keys : keys;
    const timestamp = 'timestamp' in o ? o.timestamp : TS;
    for (const i of [
      discordCommand('quiz'),
      click('q:P1:Q1:a', { flags: 0, messageId: 'M1' }),
      discordCommand('study'),
    ]) {
      const res = await postDiscord(bot.url, i, k, { timestamp });
      expect(res.status).toBe(401);
    }
    expect(fake.calls).toHaveLength(0);
    expect(await itemCount()).toBe(before);
  });

  it('refuses a request whose body was changed after signing, and changes nothing', async () => {
    const before = await itemCount();
    const headers = discordHeaders(JSON.stringify(discordCommand('help')), TS, keys);
    const res = await fetch(`${bot.url}/discord/interactions`, {
      method: 'POST',
      headers,
      body: JSON.stringify(discordCommand('quiz')),
    });
    expect(res.status).toBe(401);
    expect(fake.calls).toHaveLength(0);
    expect(await itemCount()).toBe(before);
  });
});
