/**
 * Study engine storage costs: DynamoDB requests and capacity units per answer, and a top-10 read on
 * a channel with 10,000 members. Runs against the embedded dynalite (in memory).
 */
import { applyToMember, StudyService } from '../src/app/study.ts';
import { startEmbeddedDynamo } from '../src/local/embedded-dynamo.ts';
import { DynamoStudyStore } from '../src/store/dynamo-store.ts';
import type { ChannelRef } from '../src/store/store.ts';
import { createDocumentClient, ensureTable } from '../src/store/table.ts';
import type { Figure } from './run.ts';

const MEMBERS = 10_000;
const PEOPLE = 50;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function bench(): Promise<Figure[]> {
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
