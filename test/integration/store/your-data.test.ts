import { describe, expect, it } from 'vitest';
import { runReports } from '../../../src/cli/reports.ts';
import { DynamoStudyStore } from '../../../src/store/dynamo-store.ts';
import { captureCli } from '../../support/cli.ts';
import { dynamoTargets, freshTable } from '../../support/dynamo.ts';

/** Reports, forget-me and a removed workspace's deletion, on each DynamoDB-compatible server. */
const NOW = new Date('2026-03-04T10:00:00Z');
const Q1 = 's000-scheduled-plus-target-tracking';

describe.each(dynamoTargets)('a person’s data on $name', (target) => {
  it('keeps one report per person per question, and the CLI lists them per question', async () => {
    const { client, tableName } = await freshTable(target);
    const store = new DynamoStudyStore(client, tableName);
    const ada = { platform: 'slack' as const, tenantId: 'T1', userId: 'U1' };
    const grace = { platform: 'discord' as const, tenantId: 'G1', userId: 'D1' };
    expect(await store.saveReport(ada, Q1, 'old limit', NOW)).toBe('new');
    expect(await store.saveReport(ada, Q1, 'old limit, 60 min now', new Date(NOW.getTime() + 1000))).toBe(
      'updated',
    );
    expect(await store.saveReport(grace, Q1, 'B is right too', NOW)).toBe('new');
    expect(await store.listReports()).toHaveLength(2);

    const { code, out } = await captureCli(runReports, [], {
      DYNAMODB_ENDPOINT: target.endpoint,
      DYNAMODB_TABLE: tableName,
    });
    expect(code).toBe(0);
    expect(out).toContain('2 reports on 1 question');
    expect(out).toContain(`${Q1} (2)`);
    expect(out).toMatch(/2026-03-04 slack: old limit, 60 min now/);
    const json = await captureCli(runReports, ['--json'], {
      DYNAMODB_ENDPOINT: target.endpoint,
      DYNAMODB_TABLE: tableName,
    });
    expect(JSON.parse(json.out)[0]).toMatchObject({ questionId: Q1, count: 2, inBank: true });
  });

  it('deletes every key shape about a person, and nobody else’s', async () => {
    const { client, tableName } = await freshTable(target);
    const store = new DynamoStudyStore(client, tableName);
    const ch = { platform: 'slack' as const, tenantId: 'T1', channelId: 'C1' };
    const me = { platform: 'slack' as const, tenantId: 'T1', userId: 'U1' };
    const you = { ...me, userId: 'U2' };
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
    for (const p of [me, you]) {
      await store.putCard(p, { questionId: Q1, topic: 't', srs, version: 1, answers: [] }, 0);
      await store.noteSeen(p, [Q1]);
      await store.setRetention(p, 0.8);
      await store.noteChannel(p, 'C1');
      await store.saveReport(p, Q1, 'why', NOW);
      await store.logReview(p, {
        at: NOW.toISOString(),
        questionId: Q1,
        topic: 't',
        correct: true,
        key: 's:0',
        kind: 'new',
      });
      await store.saveShare(p, 'sh1', 'text', new Date(NOW.getTime() + 86_400_000));
      await store.putMember(
        ch,
        {
          userId: p.userId,
          score: 1,
          weekKey: '2026-W10',
          weekScore: 1,
          streak: 1,
          bestStreak: 1,
          answered: 1,
          correct: 1,
          applied: {},
        },
        { answered: undefined, key: 'p:1', day: 1 },
      );
      await store.recordAnswerFact(
        ch,
        'post1',
        p,
        { chosen: ['a'], correct: true, at: NOW.toISOString() },
        new Date(NOW.getTime() + 86_400_000),
      );
    }
    await store.putPostIfAbsent(ch, {
      postId: 'post1',
      questionId: Q1,
      postedAt: NOW.toISOString(),
      timeZone: 'UTC',
      daily: false,
      answered: 0,
      correct: 0,
      counted: [],
    });
    await store.countPostAnswer(ch, 'post1', 'U1', true, 0);
    await store.countPostAnswer(ch, 'post1', 'U2', true, 1);

    const deleted = await store.deletePersonData(me);
    expect(deleted).toEqual({
      cards: 1,
      settings: 2,
      memberships: 1,
      answers: 1,
      reports: 1,
      reviews: 1,
      shares: 1,
      postGuards: 1,
    });
    expect(await store.reviewsSince(me, new Date(0))).toEqual([]);
    expect(await store.listCards(me)).toEqual([]);
    expect(await store.getShare(me, 'sh1', NOW)).toBeUndefined();
    expect(await store.getMember(ch, 'U1')).toBeUndefined();
    expect((await store.loadAnswerState(ch, 'post1', me, Q1)).fact).toBeUndefined();
    const post = await store.getPost(ch, 'post1');
    expect(post?.counted).toEqual(['U2']);
    expect(post?.answered).toBe(2);
    // The other person is untouched; a second deletion finds nothing.
    expect(await store.listCards(you)).toHaveLength(1);
    expect(await store.getShare(you, 'sh1', NOW)).toBe('text');
    expect((await store.listReports()).length).toBe(1);
    expect(Object.values(await store.deletePersonData(me)).every((n) => n === 0)).toBe(true);
  });

  it('deletes a removed workspace in bounded steps, and no other workspace', async () => {
    const { client, tableName } = await freshTable(target);
    const store = new DynamoStudyStore(client, tableName);
    const tenant = { platform: 'slack' as const, tenantId: 'T1' };
    for (let i = 0; i < 40; i++) {
      const p = { ...tenant, userId: `U${i}` };
      await store.setRetention(p, 0.8);
      await store.saveReport(p, Q1, `r${i}`, NOW);
    }
    const ch = { ...tenant, channelId: 'C1' };
    await store.setChannelTimeZone(ch, 'UTC');
    await store.saveReport({ platform: 'slack', tenantId: 'T2', userId: 'U0' }, Q1, 'other', NOW);
    await store.scheduleTenantDeletion(tenant, NOW, 'app_uninstalled');
    let steps = 0;
    for (let done = false; !done && steps < 20; steps++)
      ({ done } = await store.deleteTenantData(tenant, 30));
    expect(steps).toBeGreaterThan(1);
    expect((await store.listReports()).map((r) => r.reason)).toEqual(['other']);
    expect(await store.getChannel(ch)).toBeUndefined();
    expect(await store.dueTenantDeletions(new Date(NOW.getTime() + 1000), 5)).toEqual([]);
  });
});
