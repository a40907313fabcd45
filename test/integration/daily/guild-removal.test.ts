import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TENANT_DELETION_GRACE_DAYS } from '../../../src/app/your-data.ts';
import { BOT_REMOVED_REASON, checkDiscordGuilds } from '../../../src/daily/guild-check.ts';
import { DiscordDailyPlatform } from '../../../src/daily/platforms.ts';
import { createDailyRunner } from '../../../src/daily/runner.ts';
import { createDiscordApi } from '../../../src/platforms/discord/rest.ts';
import { DynamoStudyStore } from '../../../src/store/dynamo-store.ts';
import type { ChannelRef, PersonRef } from '../../../src/store/store.ts';
import { dynamoTargets, freshTable } from '../../support/dynamo.ts';
import { DISCORD_ERRORS, type FakeDiscordApi, startFakeDiscordApi } from '../../support/fake-discord-api.ts';

/**
 * A Discord server that removes the bot sends it nothing (no Gateway), so the daily run asks
 * GET /users/@me/guilds and treats a guild with data that is no longer listed as a Slack workspace
 * that removed the app. Real parts: dynalite, @discordjs/rest against the fake Discord API.
 */
const dynalite = dynamoTargets.filter((t) => t.name === 'dynalite');
const NOW = new Date('2026-05-04T10:00:00Z');
const DAY = 86_400_000;
const Q1 = 's000-scheduled-plus-target-tracking';
const G_REMOVED = '900000000000000001';
const G_STAYS = '900000000000000002';
const G_QUIZ_ONLY = '900000000000000003';
const SUB = { time: '09:00', timeZone: 'UTC', days: 'daily' as const };
const FAR = '2030-01-01T09:00:00.000Z';

const srs = {
  due: NOW.toISOString(),
  stability: 1,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: 0,
  learning_steps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  last_review: NOW.toISOString(),
} as never;

describe.each(dynalite)('a Discord server that removed the bot, on $name', (target) => {
  let discord: FakeDiscordApi;
  let store: DynamoStudyStore;
  const channel = (tenantId: string, channelId: string): ChannelRef => ({
    platform: 'discord',
    tenantId,
    channelId,
  });
  const removed = channel(G_REMOVED, 'C1');
  const stays = channel(G_STAYS, 'C2');
  const quizOnly = channel(G_QUIZ_ONLY, 'C3');
  // One Discord person, who studies in the removed server: their deck is theirs, not the server's.
  const ada: PersonRef = { platform: 'discord', tenantId: G_REMOVED, userId: 'D1' };

  const platform = (timeoutMs = 2000) =>
    new DiscordDailyPlatform(
      createDiscordApi({ apiUrl: discord.api, botToken: 'bot-test', timeoutMs, maxRateLimitWaitMs: 1000 }),
    );
  const runnerAt = (p = platform()) => createDailyRunner({ store, platforms: { discord: p }, owner: 't' });

  beforeAll(async () => {
    discord = await startFakeDiscordApi();
  });
  afterAll(async () => {
    await discord.close();
  });
  beforeEach(async () => {
    discord.reset();
    const { client, tableName } = await freshTable(target);
    store = new DynamoStudyStore(client, tableName);
    for (const [i, c] of [removed, stays, quizOnly].entries()) {
      if (c !== quizOnly) await store.setSubscription(c, SUB, FAR);
      await store.createPost(c, {
        postId: `p${i}`,
        questionId: Q1,
        postedAt: NOW.toISOString(),
        timeZone: 'UTC',
        daily: false,
        answered: 0,
        correct: 0,
        counted: [],
      });
    }
    await store.putMember(
      removed,
      {
        userId: ada.userId,
        score: 1,
        weekKey: '2026-W19',
        weekScore: 1,
        streak: 1,
        bestStreak: 1,
        answered: 1,
        correct: 1,
        applied: {},
      },
      { answered: undefined, key: 'p:1', day: 1 },
    );
    await store.putCard(ada, { questionId: Q1, topic: 't', srs, version: 1, answers: [] }, 0);
    await store.setRetention(ada, 0.85);
    await store.noteChannel(ada, 'C1');
  });

  it('finds the guilds with data from the index, without a Scan', async () => {
    expect((await store.discordGuildsWithData()).sort()).toEqual([G_REMOVED, G_STAYS, G_QUIZ_ONLY]);
  });

  it('pauses a removed server now, deletes its channels after the grace period, and nothing else', async () => {
    discord.setGuilds([G_STAYS, '900000000000000099']);
    await runnerAt().pass(NOW);
    expect(discord.callsTo('GET /users/@me/guilds')).toHaveLength(1);

    const paused = await store.getChannel(removed);
    expect(paused?.paused).toMatchObject({
      reason: 'StudyBot was removed from this server.',
      code: BOT_REMOVED_REASON,
    });
    expect(paused?.nextPostAt).toBeUndefined();
    expect((await store.getChannel(stays))?.paused).toBeUndefined();
    const pending = await store.pendingTenantDeletions('discord');
    expect(pending.map((d) => d.tenantId).sort()).toEqual([G_REMOVED, G_QUIZ_ONLY]);
    expect(pending[0]?.dueAt).toBe(new Date(NOW.getTime() + TENANT_DELETION_GRACE_DAYS * DAY).toISOString());

    // The same day again: no second listing (once a day).
    await runnerAt().pass(new Date(NOW.getTime() + 60_000));
    expect(discord.callsTo('GET /users/@me/guilds')).toHaveLength(1);

    // Before the grace period ends nothing is deleted; after it, a later run deletes the server's data.
    await runnerAt().pass(new Date(NOW.getTime() + 3 * DAY));
    expect(await store.getChannel(removed)).toBeDefined();
    await runnerAt().pass(new Date(NOW.getTime() + (TENANT_DELETION_GRACE_DAYS + 1) * DAY));
    expect(await store.getChannel(removed)).toBeUndefined();
    expect(await store.getMember(removed, ada.userId)).toBeUndefined();
    expect(await store.getChannel(quizOnly)).toBeUndefined();
    expect(await store.pendingTenantDeletions('discord')).toEqual([]);
    // The other server keeps everything, and so does the person: their deck is global.
    expect((await store.getChannel(stays))?.subscription).toEqual(SUB);
    expect(await store.listCards(ada)).toHaveLength(1);
    expect(await store.listCards({ ...ada, tenantId: G_STAYS })).toHaveLength(1);
    expect((await store.discordGuildsWithData()).sort()).toEqual([G_STAYS]);
  });

  it('a 500, a 401 or a timeout from the listing schedules nothing', async () => {
    discord.setGuilds([G_STAYS]);
    discord.failNext('GET /users/@me/guilds', { status: 500, body: { message: 'boom', code: 0 } }, 10);
    await expect(checkDiscordGuilds(store, platform(), NOW, { everyPass: true })).rejects.toThrow();
    discord.reset();
    discord.setGuilds([G_STAYS]);
    discord.failNext('GET /users/@me/guilds', DISCORD_ERRORS.unauthorized, 10);
    await expect(checkDiscordGuilds(store, platform(), NOW, { everyPass: true })).rejects.toThrow();
    discord.reset();
    discord.setGuilds([G_STAYS]);
    discord.on('GET /users/@me/guilds', () => ({ status: 200, body: [{ id: G_STAYS }], delayMs: 1500 }));
    await expect(checkDiscordGuilds(store, platform(200), NOW, { everyPass: true })).rejects.toThrow();
    // Through a whole pass too: the failure is logged, the pass goes on, and nothing changed.
    discord.reset();
    discord.failNext('GET /users/@me/guilds', { status: 503, body: { message: 'down', code: 0 } }, 10);
    await runnerAt().pass(NOW);
    expect(await store.pendingTenantDeletions('discord')).toEqual([]);
    expect((await store.getChannel(removed))?.paused).toBeUndefined();
    expect((await store.getChannel(removed))?.nextPostAt).toBe(FAR);
  }, 30_000);

  it('a partial listing (a failure on page 2) schedules nothing', async () => {
    const many = Array.from({ length: 250 }, (_, i) => (800000000000000000n + BigInt(i)).toString());
    discord.setGuilds([...many, G_STAYS]);
    let page = 0;
    discord.on('GET /users/@me/guilds', () =>
      ++page === 1
        ? { status: 200, body: many.slice(0, 200).map((id) => ({ id })) }
        : { status: 500, body: { message: 'boom', code: 0 } },
    );
    await expect(checkDiscordGuilds(store, platform(), NOW, { everyPass: true })).rejects.toThrow();
    expect(await store.pendingTenantDeletions('discord')).toEqual([]);
  }, 30_000);

  it('a listing without any of the servers with data is suspicious: logged, nothing scheduled', async () => {
    discord.setGuilds(['900000000000000099']);
    const summary = await checkDiscordGuilds(store, platform(), NOW, { everyPass: true });
    expect(summary).toMatchObject({ ran: true, suspicious: true, removed: 0, known: 3 });
    expect(await store.pendingTenantDeletions('discord')).toEqual([]);
    discord.setGuilds([]);
    expect((await checkDiscordGuilds(store, platform(), NOW, { everyPass: true })).suspicious).toBe(true);
    expect(await store.pendingTenantDeletions('discord')).toEqual([]);
  });

  it('pages past 200 guilds with `after`, and finds a removed server on any page', async () => {
    // 450 guilds: 3 pages. The server that stays is on the last page; the removed one is on none.
    const many = Array.from({ length: 449 }, (_, i) => (800000000000000000n + BigInt(i)).toString());
    discord.setGuilds([...many, G_STAYS, G_QUIZ_ONLY]);
    const summary = await checkDiscordGuilds(store, platform(), NOW, { everyPass: true });
    expect(summary).toMatchObject({ listed: 451, removed: 1, suspicious: false });
    const calls = discord.callsTo('GET /users/@me/guilds').map((c) => new URLSearchParams(c.query));
    expect(calls).toHaveLength(3);
    expect(calls.map((q) => q.get('limit'))).toEqual(['200', '200', '200']);
    expect(calls.map((q) => q.get('after'))).toEqual([null, many[199], many[399]]);
    expect((await store.pendingTenantDeletions('discord')).map((d) => d.tenantId)).toEqual([G_REMOVED]);
  });

  it('a server that adds the bot back before the grace period ends keeps its data', async () => {
    discord.setGuilds([G_STAYS]);
    await runnerAt().pass(NOW);
    expect((await store.pendingTenantDeletions('discord')).map((d) => d.tenantId).sort()).toEqual([
      G_REMOVED,
      G_QUIZ_ONLY,
    ]);
    // Listed again the next day: the deletion is cancelled (the subscription stays paused, with why).
    discord.setGuilds([G_STAYS, G_REMOVED]);
    await runnerAt().pass(new Date(NOW.getTime() + DAY));
    expect((await store.pendingTenantDeletions('discord')).map((d) => d.tenantId)).toEqual([G_QUIZ_ONLY]);
    expect((await store.getChannel(removed))?.paused?.code).toBe(BOT_REMOVED_REASON);
    // Subscribing there again (an interaction from the server) cancels it as a Slack reinstall does.
    await store.setSubscription(quizOnly, SUB, FAR);
    expect(await store.pendingTenantDeletions('discord')).toEqual([]);
    discord.setGuilds([G_STAYS, G_REMOVED, G_QUIZ_ONLY]);
    await runnerAt().pass(new Date(NOW.getTime() + (TENANT_DELETION_GRACE_DAYS + 1) * DAY));
    expect(await store.pendingTenantDeletions('discord')).toEqual([]);
    expect(await store.getChannel(removed)).toBeDefined();
    expect(await store.getChannel(quizOnly)).toBeDefined();
    expect(await store.getMember(removed, ada.userId)).toBeDefined();
  });
});
