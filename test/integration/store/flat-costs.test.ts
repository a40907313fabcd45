import { describe, expect, it } from 'vitest';
import { StudyService } from '../../../src/app/study.ts';
import { content } from '../../../src/content/index.ts';
import { DynamoStudyStore } from '../../../src/store/dynamo-store.ts';
import type { ChannelRef } from '../../../src/store/store.ts';
import { dynamoTargets, freshTable } from '../../support/dynamo.ts';

const T0 = new Date('2026-11-20T09:00:00Z');
const q = content.questions.find((x) => x.type === 'single')!;
const ch: ChannelRef = { platform: 'discord', tenantId: 'G1', channelId: 'C1' };
const person = (i: number) => ({
  platform: 'discord' as const,
  tenantId: 'G1',
  userId: `1${String(i).padStart(17, '0')}`,
  userName: `p${i}`,
});

describe.each(dynamoTargets)('costs that stay flat, on $name', (target) => {
  it('counts 120 answerers once each while the post keeps only its recent answerers', async () => {
    const { client, tableName } = await freshTable(target);
    const store = new DynamoStudyStore(client, tableName);
    const service = new StudyService(store);
    await store.createPost(ch, {
      postId: 'p1',
      questionId: q.id,
      postedAt: T0.toISOString(),
      timeZone: 'UTC',
      daily: false,
      answered: 0,
      correct: 0,
      counted: [],
    });
    for (let i = 0; i < 120; i++) await service.answerPost(ch, person(i), 'p1', q.id, q.answer, T0);
    // Everyone clicks again, two copies at once: nothing more is counted.
    await Promise.all(
      Array.from({ length: 120 }, (_, i) => service.answerPost(ch, person(i), 'p1', q.id, q.answer, T0)),
    );
    const post = await store.getPost(ch, 'p1');
    expect(post).toMatchObject({ answered: 120, correct: 120 });
    expect(post!.counted.length).toBeLessThanOrEqual(3 * 16);
  });

  it('reads the week board in one request and the next study card in one request', async () => {
    const { client, tableName } = await freshTable(target);
    const store = new DynamoStudyStore(client, tableName);
    const service = new StudyService(store);
    await store.setChannelTimeZone(ch, 'Australia/Sydney');
    await store.createPost(ch, {
      postId: 'p1',
      questionId: q.id,
      postedAt: T0.toISOString(),
      timeZone: 'Australia/Sydney',
      daily: false,
      answered: 0,
      correct: 0,
      counted: [],
    });
    await service.answerPost(ch, person(1), 'p1', q.id, q.answer, T0);
    let before = store.metrics.requests;
    const board = await service.leaderboard(ch, 'week', T0);
    expect(store.metrics.requests - before).toBe(1);
    expect(board).toMatchObject({ timeZone: 'Australia/Sydney', rows: [{ userId: person(1).userId }] });
    // A week later the board is empty, still from one request.
    before = store.metrics.requests;
    const later = await service.leaderboard(ch, 'week', new Date(T0.getTime() + 8 * 86_400_000));
    expect(store.metrics.requests - before).toBe(1);
    expect(later.rows).toEqual([]);

    const me = person(1);
    const first = await service.nextStudy(me, T0);
    if ('none' in first) throw new Error('expected a new card');
    expect(first.question.id).not.toBe(q.id);
    await service.answerStudy(me, first.question.id, 0, first.question.answer, T0);
    await service.nextStudy(me, T0); // records the cards made before the seen set existed, once
    before = store.metrics.requests;
    const next = await service.nextStudy(me, T0);
    expect(store.metrics.requests - before).toBe(1);
    if ('none' in next) throw new Error('expected a new card');
    expect([q.id, first.question.id]).not.toContain(next.question.id);
  });
});
