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

    // First answers by 50 people to one channel question.
    const posted = await service.postQuestion(ch, now);
    const question = posted!.question;
    const n = 50;
    let before = { ...store.metrics };
    for (let i = 0; i < n; i++) {
      await service.answerPost(
        ch,
        { platform: 'slack', tenantId: 'T1', userId: `U${i}` },
        posted!.post.postId,
        question.id,
        question.answer,
        now,
      );
    }
    const firstReq = (store.metrics.requests - before.requests) / n;
    const firstCu = (store.metrics.capacityUnits - before.capacityUnits) / n;

    // The same answers delivered again (Slack retries, double clicks).
    before = { ...store.metrics };
    for (let i = 0; i < n; i++) {
      await service.answerPost(
        ch,
        { platform: 'slack', tenantId: 'T1', userId: `U${i}` },
        posted!.post.postId,
        question.id,
        question.answer,
        now,
      );
    }
    const dupReq = (store.metrics.requests - before.requests) / n;
    const dupCu = (store.metrics.capacityUnits - before.capacityUnits) / n;

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
    before = { ...store.metrics };
    const runs = 20;
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      rows = (
        await store.topMembers(big, r % 2 ? { kind: 'all' } : { kind: 'week', weekKey: '2026-W47' }, 10)
      ).length;
      times.push(performance.now() - t);
    }
    const topCu = (store.metrics.capacityUnits - before.capacityUnits) / runs;
    const topReq = (store.metrics.requests - before.requests) / runs;
    return [
      {
        name: 'first answer to a channel question: DynamoDB requests',
        value: firstReq,
        unit: 'requests',
        note: `mean of ${n}`,
      },
      {
        name: 'first answer: consumed capacity',
        value: firstCu,
        unit: 'capacity units',
        note: 'as reported by dynalite',
      },
      { name: 'repeated answer (retry / double click): requests', value: dupReq, unit: 'requests' },
      { name: 'repeated answer: consumed capacity', value: dupCu, unit: 'capacity units' },
      {
        name: `top 10 of a ${MEMBERS.toLocaleString('en')}-member channel: time (median)`,
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
      {
        name: `loading ${MEMBERS.toLocaleString('en')} members (setup, not a target)`,
        value: loadMs / 1000,
        unit: 's',
      },
    ];
  } finally {
    await dynamo.close();
  }
}
