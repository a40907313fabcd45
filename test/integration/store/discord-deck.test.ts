import { describe, expect, it } from 'vitest';
import { StudyService } from '../../../src/app/study.ts';
import { run } from '../../../src/cli/discord.ts';
import { content } from '../../../src/content/index.ts';
import { DynamoStudyStore } from '../../../src/store/dynamo-store.ts';
import type { ChannelRef, PersonRef } from '../../../src/store/store.ts';
import { captureCli } from '../../support/cli.ts';
import { dynamoTargets, freshTable } from '../../support/dynamo.ts';

/**
 * A Discord user id is global, so a Discord person has one deck across servers and their DM with
 * the bot; points and streaks stay per channel. Decks written per server before this are moved
 * into the one deck by `studybot discord migrate-decks`.
 */
const T0 = new Date('2026-11-20T09:00:00Z');
const inGuild = (tenantId: string): PersonRef => ({ platform: 'discord', tenantId, userId: '4242' });
const q = content.questions.filter((x) => x.type === 'single');

describe.each(dynamoTargets)('one Discord deck per person on $name', (target) => {
  it('studies the same deck in two servers and the DM; forget-me in one server takes it all', async () => {
    const { client, tableName } = await freshTable(target);
    const store = new DynamoStudyStore(client, tableName);
    const service = new StudyService(store);
    const a = await service.nextStudy(inGuild('G1'), T0);
    if ('none' in a) throw new Error('expected a card');
    await service.answerStudy(inGuild('G1'), a.question.id, 0, a.question.answer, T0);
    // The DM (its own "tenant" on Discord) and another server see the card answered in G1.
    expect(await store.getCard(inGuild('dm-99'), a.question.id)).toBeDefined();
    expect((await service.progress(inGuild('G2'), undefined, T0)).seen).toBe(1);
    const next = await service.nextStudy(inGuild('G2'), T0);
    expect('question' in next && next.question.id).not.toBe(a.question.id);
    // Points stay per channel: an answer in a G2 channel lists that channel for G2 only.
    const ch: ChannelRef = { platform: 'discord', tenantId: 'G2', channelId: 'C2' };
    await store.createPost(ch, {
      postId: 'p1',
      questionId: q[5]!.id,
      postedAt: T0.toISOString(),
      timeZone: 'UTC',
      daily: false,
      answered: 0,
      correct: 0,
      counted: [],
    });
    await service.answerPost(ch, inGuild('G2'), 'p1', q[5]!.id, q[5]!.answer, T0);
    expect((await store.getProfile(inGuild('G2'))).channels).toEqual(['C2']);
    expect((await store.getProfile(inGuild('G1'))).channels).toEqual([]);
    // forget-me from G1 deletes the deck and the membership in G2's channel.
    const deleted = await store.deletePersonData(inGuild('G1'));
    expect(deleted).toMatchObject({ cards: 2, memberships: 1 });
    expect(await store.listCards(inGuild('G2'))).toEqual([]);
    expect(await store.getMember(ch, '4242')).toBeUndefined();
  });

  it('migrates per-server decks into one, keeping the card with more reviews, and is safe to re-run', async () => {
    const { client, tableName } = await freshTable(target);
    const store = new DynamoStudyStore(client, tableName);
    const service = new StudyService(store);
    // Write two old per-server decks the way the store wrote them before (pk U#discord#<guild>#<user>).
    const oldKey = (guild: string) => `U#discord#${guild}#4242`;
    const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
    const srs = (reps: number) => ({
      due: '2026-11-25T09:00:00.000Z',
      stability: reps,
      difficulty: 5,
      scheduledDays: 1,
      learningSteps: 0,
      reps,
      lapses: 0,
      state: 2,
      lastReview: '2026-11-19T09:00:00.000Z',
    });
    const card = (guild: string, questionId: string, reps: number) => ({
      pk: oldKey(guild),
      sk: `C#${questionId}`,
      gsi1pk: `DUE#discord#${guild}#4242`,
      gsi1sk: `2026-11-25T09:00:00.000Z#${questionId}`,
      questionId,
      topic: content.questions.find((x) => x.id === questionId)!.topic,
      srs: srs(reps),
      version: reps,
      answers: [],
    });
    for (const item of [
      card('G1', q[0]!.id, 3),
      card('G2', q[0]!.id, 5),
      card('G2', q[1]!.id, 1),
      { pk: oldKey('G1'), sk: 'PROFILE', retention: 0.8, channels: new Set(['C1']) },
      { pk: oldKey('G2'), sk: 'PROFILE', retention: 0.95, channels: new Set(['C2']) },
    ])
      await client.send(new PutCommand({ TableName: tableName, Item: item }));

    // Through the command line, as an operator runs it after upgrading.
    const env = { DYNAMODB_ENDPOINT: target.endpoint, DYNAMODB_TABLE: tableName };
    const { code, out } = await captureCli(run, ['migrate-decks'], env);
    expect(code).toBe(0);
    expect(out).toBe(
      'Moved 5 items of 1 Discord person into one deck each (2 merged with an item already there).\n',
    );
    const me = inGuild('G1');
    const cards = await store.listCards(me);
    expect(cards.map((c) => [c.questionId, c.srs.reps]).sort()).toEqual(
      [
        [q[0]!.id, 5],
        [q[1]!.id, 1],
      ].sort(),
    );
    // The due index follows: the moved cards are found by the next-card Query.
    const due = await service.nextStudy(me, new Date('2026-11-26T00:00:00Z'));
    expect('question' in due && [q[0]!.id, q[1]!.id]).toContain('question' in due && due.question.id);
    // Channels keep their server; the first profile's settings stay.
    expect((await store.getProfile(inGuild('G1'))).channels).toEqual(['C1']);
    expect((await store.getProfile(inGuild('G2'))).channels).toEqual(['C2']);
    expect((await store.getProfile(me)).retention).toBe(0.8);
    expect((await captureCli(run, ['migrate-decks'], env)).out).toBe(
      'Nothing to migrate: every Discord person already has one deck.\n',
    );
  });
});
