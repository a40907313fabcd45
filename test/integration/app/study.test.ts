import { describe, expect, it } from 'vitest';
import { StudyService } from '../../../src/app/study.ts';
import { content, type Question } from '../../../src/content/index.ts';
import { DynamoStudyStore } from '../../../src/store/dynamo-store.ts';
import type { ChannelRef, PersonRef, StudyStore } from '../../../src/store/store.ts';
import { dynamoTargets, freshTable } from '../../support/dynamo.ts';

const at = (iso: string) => new Date(iso);
const T0 = at('2026-11-20T09:00:00Z');
const single = (id?: string) => content.questions.find((q) => q.type === 'single' && (!id || q.id === id))!;
const wrongOf = (q: Question) => q.choices.find((c) => !q.answer.includes(c.id))!.id;

async function setup(target: (typeof dynamoTargets)[number]) {
  const { client, tableName } = await freshTable(target);
  const store = new DynamoStudyStore(client, tableName);
  return { store, service: new StudyService(store) };
}

function channel(id: string, platform: 'slack' | 'discord' = 'slack'): ChannelRef {
  return { platform, tenantId: 'T1', channelId: id };
}
function person(userId: string, platform: 'slack' | 'discord' = 'slack'): PersonRef & { userName: string } {
  return { platform, tenantId: 'T1', userId, userName: userId.toLowerCase() };
}

/** A channel with one posted question, fixed so tests know the answer. */
async function postedQuestion(store: StudyStore, ch: ChannelRef, q: Question, now = T0) {
  await store.createPost(ch, {
    postId: 'p1',
    questionId: q.id,
    postedAt: now.toISOString(),
    timeZone: (await store.getChannel(ch))?.timeZone ?? 'UTC',
    daily: false,
    answered: 0,
    correct: 0,
    counted: [],
  });
  return 'p1';
}

/** What a person and a post look like after answers: the state a user would notice. */
async function observable(
  store: StudyStore,
  ch: ChannelRef,
  p: PersonRef,
  postId: string,
  questionId: string,
) {
  const [post, card, member] = await Promise.all([
    store.getPost(ch, postId),
    store.getCard(p, questionId),
    store.getMember(ch, p.userId),
  ]);
  return {
    post: { answered: post?.answered, correct: post?.correct },
    card: card && {
      version: card.version,
      answers: card.answers.map((a) => ({ key: a.key, correct: a.correct, chosen: a.chosen })),
      srs: card.srs,
    },
    member: member && {
      score: member.score,
      weekScore: member.weekScore,
      weekKey: member.weekKey,
      streak: member.streak,
      answered: member.answered,
      correct: member.correct,
    },
  };
}

describe.each(dynamoTargets)('study engine on $name', (target) => {
  it('50 concurrent copies of one answer change the score once', async () => {
    const { store, service } = await setup(target);
    const ch = channel('C50');
    const q = single();
    const postId = await postedQuestion(store, ch, q);
    const ada = person('U1');
    const results = await Promise.all(
      Array.from({ length: 50 }, () => service.answerPost(ch, ada, postId, q.id, q.answer, T0)),
    );
    expect(results.every((r) => !('error' in r) && r.correct)).toBe(true);
    expect(results.filter((r) => !('error' in r) && !r.repeated).length).toBe(1);
    const state = await observable(store, ch, ada, postId, q.id);
    expect(state.post).toEqual({ answered: 1, correct: 1 });
    expect(state.card?.version).toBe(1);
    expect(state.card?.answers).toHaveLength(1);
    expect(state.member).toMatchObject({
      score: { easy: 1, medium: 2, hard: 3 }[q.difficulty],
      answered: 1,
      correct: 1,
      streak: 1,
    });
    const top = await store.topMembers(ch, { kind: 'all' }, 10);
    expect(top).toEqual([{ userId: 'U1', userName: 'u1', score: state.member!.score }]);
  });

  it('a second, different answer from the same person does not replace the first', async () => {
    const { store, service } = await setup(target);
    const ch = channel('C2');
    const q = single();
    const postId = await postedQuestion(store, ch, q);
    const first = await service.answerPost(ch, person('U1'), postId, q.id, [wrongOf(q)], T0);
    const second = await service.answerPost(
      ch,
      person('U1'),
      postId,
      q.id,
      q.answer,
      at('2026-11-20T09:00:05Z'),
    );
    expect(first).toMatchObject({ correct: false, repeated: false, points: 0 });
    expect(second).toMatchObject({ correct: false, repeated: true, points: 0 });
    expect((await store.getMember(ch, 'U1'))?.score).toBe(0);
  });

  const writes = ['putCard', 'putMember', 'countPostAnswer'] as const;
  it.each(
    writes.flatMap((w) => [
      [w, 'before'],
      [w, 'after'],
    ]),
  )(
    'an answer retried after a crash %s %s its write ends in the state of one clean answer',
    async (write, when) => {
      const { store, service } = await setup(target);
      const q = single();
      const clean = channel('Cclean');
      const broken = channel('Cbroken');
      const cleanPost = await postedQuestion(store, clean, q);
      const brokenPost = await postedQuestion(store, broken, q);
      const ada = person('U1');
      const bob = person('U2');
      const retryAt = at('2026-11-20T09:00:30Z');
      // A crash before the first write leaves nothing: the retry is then the one clean answer.
      const cleanAt = write === 'putCard' && when === 'before' ? retryAt : T0;
      await service.answerPost(clean, ada, cleanPost, q.id, q.answer, cleanAt);

      // The crash: the write fails (before), or lands and then the process dies (after).
      let crashed = false;
      const crashing = new Proxy(store, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (prop !== write || typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            if (crashed) return value.apply(target, args);
            crashed = true;
            if (when === 'before') throw new Error('injected crash before the write');
            await value.apply(target, args);
            throw new Error('injected crash after the write');
          };
        },
      });
      await expect(
        new StudyService(crashing).answerPost(broken, bob, brokenPost, q.id, q.answer, T0),
      ).rejects.toThrow('injected');
      // Slack retries the same request a little later; the retry completes what the crash left.
      const retried = await service.answerPost(broken, bob, brokenPost, q.id, q.answer, retryAt);
      expect(retried).toMatchObject({ correct: true, answered: 1 });
      const want = await observable(store, clean, ada, cleanPost, q.id);
      const got = await observable(store, broken, bob, brokenPost, q.id);
      expect(got).toEqual(want);
    },
  );

  it('puts a Sunday-night answer in the right week for Sydney and for New York', async () => {
    const { store, service } = await setup(target);
    const sydney = channel('Csyd');
    const newYork = channel('Cnyc');
    await store.setChannelTimeZone(sydney, 'Australia/Sydney');
    await store.setChannelTimeZone(newYork, 'America/New_York');
    const q = single();
    const sundayNightSydney = at('2026-11-22T12:30:00Z'); // Sun 23:30 in Sydney, Sun 07:30 in New York
    const sundayNightNewYork = at('2026-11-23T03:30:00Z'); // Sun 22:30 in New York, Mon 14:30 in Sydney
    const sp = await postedQuestion(store, sydney, q, sundayNightSydney);
    const np = await postedQuestion(store, newYork, q, sundayNightNewYork);
    await service.answerPost(sydney, person('U1'), sp, q.id, q.answer, sundayNightSydney);
    await service.answerPost(newYork, person('U1'), np, q.id, q.answer, sundayNightNewYork);
    expect(
      (await store.topMembers(sydney, { kind: 'week', weekKey: '2026-W47' }, 10)).map((r) => r.userId),
    ).toEqual(['U1']);
    expect(await store.topMembers(sydney, { kind: 'week', weekKey: '2026-W48' }, 10)).toEqual([]);
    expect(
      (await store.topMembers(newYork, { kind: 'week', weekKey: '2026-W47' }, 10)).map((r) => r.userId),
    ).toEqual(['U1']);
    // Monday morning in Sydney the week board starts empty; New York is still on Sunday night.
    const mondaySydney = await service.leaderboard(sydney, 'week', at('2026-11-22T14:00:00Z'));
    expect(mondaySydney.weekKey).toBe('2026-W48');
    expect(mondaySydney.rows).toEqual([]);
    expect((await service.leaderboard(newYork, 'week', at('2026-11-23T04:00:00Z'))).rows).toHaveLength(1);
  });

  it('keeps the top 10 sorted by score from an index, reading about 10 items', async () => {
    const { store, service } = await setup(target);
    const ch = channel('Cbig');
    const hard = content.questions.find((q) => q.difficulty === 'hard' && q.type === 'single')!;
    for (let i = 0; i < 25; i++) {
      const postId = `p${i}`;
      await store.createPost(ch, {
        postId,
        questionId: hard.id,
        postedAt: T0.toISOString(),
        timeZone: 'UTC',
        daily: false,
        answered: 0,
        correct: 0,
        counted: [],
      });
      // Member i answers posts 0..i: scores 3, 6, ..., 75 for the first, descending.
      for (let m = 0; m <= Math.min(i, 14); m++) {
        await service.answerPost(
          ch,
          person(`U${String(m).padStart(2, '0')}`),
          postId,
          hard.id,
          hard.answer,
          T0,
        );
      }
    }
    const before = { ...store.metrics };
    const top = await store.topMembers(ch, { kind: 'all' }, 10);
    expect(store.metrics.requests - before.requests).toBe(1);
    expect(top).toHaveLength(10);
    expect(top.map((r) => r.score)).toEqual([...top.map((r) => r.score)].sort((a, b) => b - a));
    expect(top[0]).toMatchObject({ userId: 'U00', score: 75 });
  });

  it('keeps Slack and Discord people apart even with the same ids', async () => {
    const { store, service } = await setup(target);
    const q = single();
    const s = channel('C1', 'slack');
    const d = channel('C1', 'discord');
    const sp = await postedQuestion(store, s, q);
    await service.answerPost(s, person('U1', 'slack'), sp, q.id, q.answer, T0);
    expect(await store.getCard(person('U1', 'discord'), q.id)).toBeUndefined();
    expect(await store.getMember(d, 'U1')).toBeUndefined();
    expect(await store.topMembers(d, { kind: 'all' }, 10)).toEqual([]);
  });

  it('brings a missed card back as due in a later study session, found by one Query', async () => {
    const { store, service } = await setup(target);
    const ada = person('U1');
    const first = await service.nextStudy(ada, T0);
    if ('none' in first) throw new Error('expected a new card');
    expect(first.isNew).toBe(true);
    const r = await service.answerStudy(ada, first.question.id, first.version, [wrongOf(first.question)], T0);
    expect(r).toMatchObject({ correct: false, repeated: false });
    // A double click on the same card counts once.
    const again = await service.answerStudy(ada, first.question.id, first.version, first.question.answer, T0);
    expect(again).toMatchObject({ repeated: true, correct: false });
    expect((await store.getCard(ada, first.question.id))?.version).toBe(1);

    const later = at('2026-11-20T09:30:00Z');
    const before = store.metrics.requests;
    const due = await store.dueCards(ada, later, 10);
    expect(store.metrics.requests - before).toBe(1);
    expect(due.map((c) => c.questionId)).toEqual([first.question.id]);
    const next = await service.nextStudy(ada, later);
    expect(next).toMatchObject({ isNew: false, question: { id: first.question.id } });
  });

  it("schedules a person's channel answers with their own desired retention", async () => {
    const { store, service } = await setup(target);
    const q = single();
    const relaxed = person('U1');
    const strict = person('U2');
    await store.setRetention(relaxed, 0.75);
    await store.setRetention(strict, 0.95);
    // Two channels post the same question a day apart; both people answer both correctly.
    const dayTwo = at('2026-11-21T09:00:00Z');
    const c1 = channel('C1');
    const c2 = channel('C2');
    const p1 = await postedQuestion(store, c1, q);
    const p2 = await postedQuestion(store, c2, q, dayTwo);
    for (const p of [relaxed, strict]) {
      await service.answerPost(c1, p, p1, q.id, q.answer, T0);
      await service.answerPost(c2, p, p2, q.id, q.answer, dayTwo);
    }
    const due = async (p: PersonRef) => new Date((await store.getCard(p, q.id))!.srs.due).getTime();
    expect(await due(strict)).toBeLessThan(await due(relaxed));
    expect((await service.progress(strict, c1, dayTwo)).retention).toBe(0.95);
  });

  it('reports progress per topic from FSRS retrievability', async () => {
    const { service } = await setup(target);
    const ada = person('U1');
    const q = single();
    await service.answerStudy(ada, q.id, 0, q.answer, T0);
    const p = await service.progress(ada, channel('C1'), at('2026-11-20T09:05:00Z'));
    const topic = p.topics.find((t) => t.topicId === q.topic)!;
    expect(topic.seen).toBe(1);
    expect(topic.recall).toBeGreaterThan(0.9);
    expect(topic.readiness).toBeCloseTo(topic.recall / topic.total, 5);
    expect(p.seen).toBe(1);
    expect(p.answersPerDay).toEqual([{ day: '2026-11-20', count: 1 }]);
  });
});
