/**
 * Study engine storage costs: DynamoDB requests and capacity units (ReturnConsumedCapacity, as
 * dynalite reports it) per action on a channel's first day and after a simulated year, per answer,
 * and a top-10 read on a channel with 10,000 members. Runs against the embedded dynalite (in memory).
 */
import { applyToMember, StudyService } from '../src/app/study.ts';
import { content, questionsById } from '../src/content/index.ts';
import type { DailyPlatform } from '../src/daily/platforms.ts';
import { createDailyRunner } from '../src/daily/runner.ts';
import { startEmbeddedDynamo } from '../src/local/embedded-dynamo.ts';
import { DynamoStudyStore } from '../src/store/dynamo-store.ts';
import type { ChannelRef } from '../src/store/store.ts';
import { createDocumentClient, ensureTable } from '../src/store/table.ts';
import type { Figure } from './run.ts';

const DAY_MS = 86_400_000;
const AGE_PEOPLE = 20;
const STUDY_PER_DAY = 5;

/** A platform that accepts every post at once (the bench measures storage, not HTTP). */
function stubPlatform(): DailyPlatform {
  let ref = 0;
  return {
    postMessage: async () => ({ messageRef: String(++ref) }),
    updateMessage: async () => undefined,
  };
}

interface Cost {
  requests: number;
  capacity: number;
  /** For a read of the whole deck: how many cards the person had. */
  cards?: number;
}

/**
 * A channel lived for `days` days: a daily question each day that 20 people answer, one of whom
 * also studies 5 cards a day; then each action once more, measured.
 */
async function channelAtAge(days: number): Promise<Record<string, Cost>> {
  const dynamo = await startEmbeddedDynamo();
  try {
    const client = createDocumentClient({ endpoint: dynamo.endpoint, region: 'us-east-1' });
    await ensureTable(client, 'age');
    const store = new DynamoStudyStore(client, 'age');
    const service = new StudyService(store);
    const ch: ChannelRef = { platform: 'slack', tenantId: 'T1', channelId: 'CAGE' };
    const people = Array.from({ length: AGE_PEOPLE }, (_, i) => ({
      platform: 'slack' as const,
      tenantId: 'T1',
      userId: `U${String(i).padStart(9, '0')}`,
      userName: `person ${i}`,
    }));
    const studier = people[0]!;
    const start = Date.parse('2026-01-05T08:00:00Z');
    await store.setSubscription(
      ch,
      { time: '09:00', timeZone: 'UTC', days: 'daily' },
      '2026-01-05T09:00:00.000Z',
    );
    await store.setChannelTimeZone(ch, 'UTC');
    const runner = createDailyRunner({ store, platforms: { slack: stubPlatform() }, owner: 'bench' });
    const dayId = (t: number) => `d${new Date(t).toISOString().slice(0, 10).replaceAll('-', '')}`;

    const measured: Record<string, Cost> = {};
    const measure = async <T>(name: string, fn: () => Promise<T>, times = 1): Promise<T> => {
      const before = { ...store.metrics };
      const out = await fn();
      measured[name] = {
        requests: (store.metrics.requests - before.requests) / times,
        capacity: (store.metrics.capacityUnits - before.capacityUnits) / times,
      };
      return out;
    };
    const study = async (at: Date, n: number) => {
      for (let i = 0; i < n; i++) {
        const next = await service.nextStudy(studier, at);
        if ('none' in next) return;
        await service.answerStudy(studier, next.question.id, next.version, next.question.answer, at);
      }
    };

    for (let d = 0; d <= days; d++) {
      const last = d === days;
      const postAt = new Date(start + d * DAY_MS + 3_600_000 + 30_000);
      const pass = () => runner.pass(postAt);
      if (last) await measure('daily post (one channel)', pass);
      else await pass();
      const post = (await store.getPost(ch, dayId(postAt.getTime())))!;
      const answerAt = new Date(postAt.getTime() + 600_000);
      const q = questionsById.get(post.questionId)!;
      // Two in three answer right; the others tick as many wrong choices as the question asks for.
      const wrong = q.choices.filter((c) => !q.answer.includes(c.id)).map((c) => c.id);
      const answer = async () => {
        for (const [i, p] of people.entries())
          await service.answerPost(
            ch,
            p,
            post.postId,
            q.id,
            i % 3 ? q.answer : wrong.slice(0, q.answer.length),
            answerAt,
          );
      };
      if (last) {
        await measure('answer to the daily question (mean of 20)', answer, AGE_PEOPLE);
        await measure('repeated answer (mean of 20)', answer, AGE_PEOPLE);
      } else await answer();
      const studyAt = new Date(answerAt.getTime() + 3_600_000);
      if (last) {
        const afterQuizAt = new Date(studyAt.getTime() + 60_000);
        await measure('quiz post', () => service.postQuestion(ch, afterQuizAt));
        await measure('leaderboard (this week)', () => service.leaderboard(ch, 'week', studyAt));
        await measure('leaderboard (all time)', () => service.leaderboard(ch, 'all', studyAt));
        await measure('next study card', () => service.nextStudy(studier, studyAt));
        await measure('App Home: boards of 1 channel (no progress)', () =>
          service.channelBoards(studier, studyAt),
        );
        const progress = await measure('App Home: progress over every card', () =>
          service.progress(studier, undefined, studyAt),
        );
        measured['App Home: progress over every card']!.cards = progress.seen;
      } else await study(studyAt, STUDY_PER_DAY);
    }
    return measured;
  } finally {
    await dynamo.close();
  }
}

const MEMBERS = 10_000;
const PEOPLE = 50;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function flatCosts(): Promise<Figure[]> {
  const day1 = await channelAtAge(1);
  const year = await channelAtAge(365);
  const figures: Figure[] = [];
  for (const name of Object.keys(day1)) {
    const a = day1[name]!;
    const b = year[name]!;
    const ratio = a.capacity ? b.capacity / a.capacity : 1;
    // A read of the whole deck grows with the deck, which the bank bounds, not with age: say so,
    // and give the cost per card, which is what must stay flat.
    const perCard = (c: Cost) =>
      c.cards ? `; ${c.cards} cards, ${((100 * c.capacity) / c.cards).toFixed(1)} per 100 cards` : '';
    figures.push(
      { name: `${name}: requests, day 1`, value: a.requests, unit: 'requests' },
      { name: `${name}: requests, after a year`, value: b.requests, unit: 'requests' },
      {
        name: `${name}: capacity, day 1`,
        value: a.capacity,
        unit: 'capacity units',
        ...(a.cards ? { note: perCard(a).slice(2) } : {}),
      },
      {
        name: `${name}: capacity, after a year`,
        value: b.capacity,
        unit: 'capacity units',
        note: `${ratio.toFixed(2)}x day 1${perCard(b)}${b.cards ? ` (the bank has ${content.questions.length})` : ''}`,
      },
    );
  }
  return figures;
}

export async function bench(): Promise<Figure[]> {
  const flat = await flatCosts();
  const dynamo = await startEmbeddedDynamo();
  try {
    const client = createDocumentClient({ endpoint: dynamo.endpoint, region: 'us-east-1' });
    await ensureTable(client, 'bench');
    const store = new DynamoStudyStore(client, 'bench');
    const service = new StudyService(store);
    const now = new Date('2026-11-20T09:00:00Z');
    const ch: ChannelRef = { platform: 'slack', tenantId: 'T1', channelId: 'C1' };

    // 50 people answer a first channel question (their first answer in this channel), then a
    // second one (the everyday case), then the second again (a retry or a double click).
    const people = Array.from({ length: PEOPLE }, (_, i) => ({
      platform: 'slack' as const,
      tenantId: 'T1',
      userId: `U${i}`,
    }));
    const answerAll = async (postId: string, questionId: string, answer: string[]) => {
      const before = { ...store.metrics };
      for (const p of people) await service.answerPost(ch, p, postId, questionId, answer, now);
      return {
        requests: (store.metrics.requests - before.requests) / PEOPLE,
        capacity: (store.metrics.capacityUnits - before.capacityUnits) / PEOPLE,
      };
    };
    const p1 = (await service.postQuestion(ch, now))!;
    const firstInChannel = await answerAll(p1.post.postId, p1.question.id, p1.question.answer);
    const p2 = (await service.postQuestion(ch, new Date(now.getTime() + 86_400_000)))!;
    const everyday = await answerAll(p2.post.postId, p2.question.id, p2.question.answer);
    const repeated = await answerAll(p2.post.postId, p2.question.id, p2.question.answer);

    // A channel with 10,000 members, scores spread out.
    const big: ChannelRef = { platform: 'slack', tenantId: 'T1', channelId: 'CBIG' };
    const loadStart = performance.now();
    for (let start = 0; start < MEMBERS; start += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, MEMBERS - start) }, (_, j) => {
          const i = start + j;
          const m = applyToMember(
            undefined,
            { userId: `M${i}` },
            { points: (i * 7919) % 997, correct: true, day: '2026-11-20', weekKey: '2026-W47' },
          );
          return store.putMember(big, m, { answered: undefined, key: `seed${i}`, day: 20412 });
        }),
      );
    }
    const loadMs = performance.now() - loadStart;
    const times: number[] = [];
    let rows = 0;
    const before = { ...store.metrics };
    const runs = 20;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const period = r % 2 ? ({ kind: 'all' } as const) : ({ kind: 'week', weekKey: '2026-W47' } as const);
      rows = (await store.topMembers(big, period, 10)).length;
      times.push(performance.now() - t);
    }
    const topCu = (store.metrics.capacityUnits - before.capacityUnits) / runs;
    const topReq = (store.metrics.requests - before.requests) / runs;
    const k = MEMBERS.toLocaleString('en');
    return [
      ...flat,
      {
        name: 'answer to a channel question: DynamoDB requests',
        value: everyday.requests,
        unit: 'requests',
        note: `mean of ${PEOPLE}`,
      },
      {
        name: 'answer to a channel question: consumed capacity',
        value: everyday.capacity,
        unit: 'capacity units',
        note: 'as reported by dynalite',
      },
      {
        name: "a person's first answer in a channel: requests",
        value: firstInChannel.requests,
        unit: 'requests',
        note: 'once per person and channel: lists the channel for App Home',
      },
      {
        name: 'repeated answer (retry / double click): requests',
        value: repeated.requests,
        unit: 'requests',
      },
      { name: 'repeated answer: consumed capacity', value: repeated.capacity, unit: 'capacity units' },
      {
        name: `top 10 of a ${k}-member channel: time (median)`,
        value: median(times),
        unit: 'ms',
        note: `${runs} runs, week and all time`,
      },
      { name: 'top 10: requests per read', value: topReq, unit: 'requests' },
      { name: 'top 10: items returned', value: rows, unit: 'items' },
      {
        name: 'top 10: consumed capacity per read',
        value: topCu,
        unit: 'capacity units',
        note: 'eventually consistent Query on the score index',
      },
      { name: `loading ${k} members (setup, not a target)`, value: loadMs / 1000, unit: 's' },
    ];
  } finally {
    await dynamo.close();
  }
}
