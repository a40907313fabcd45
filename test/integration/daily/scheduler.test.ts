import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubscriptionService } from '../../../src/app/subscriptions.ts';
import { type DailySummary, InProcessQueue } from '../../../src/daily/pass.ts';
import { createDailyRunner, type DailyRunner } from '../../../src/daily/runner.ts';
import { nextSlot, type Subscription } from '../../../src/engines/schedule/schedule.ts';
import { DynamoStudyStore } from '../../../src/store/dynamo-store.ts';
import type { ChannelRef } from '../../../src/store/store.ts';
import { dynamoTargets, freshTable } from '../../support/dynamo.ts';
import { type Fakes, startChaosFakes } from './harness.ts';

/**
 * The daily scheduler end to end: 1,000 channels on Slack and Discord in eleven time zones, passes
 * every 15 minutes from Saturday 24 to Monday 26 October 2026 (Europe falls back on the Sunday),
 * against fake Slack and Discord APIs that rate-limit and answer 429 and 500 at random. Every pass
 * runs twice at once (one copy fans out through the in-process queue), like an overlapping schedule.
 */
const ZONES = [
  'Europe/Berlin', // falls back on 25 Oct
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Sydney', // southern hemisphere, summer time
  'Australia/Adelaide', // +10:30, a half-hour offset with DST
  'Asia/Kolkata', // +5:30
  'America/St_Johns', // -2:30 summer, a half-hour offset in the north
  'Asia/Tokyo',
  'Pacific/Auckland',
  'UTC',
];
const TIMES = ['09:00', '02:30', '07:45', '12:10', '17:35', '23:50', '00:05', '01:30'];
const START = new Date('2026-10-24T10:00:00Z');
const END = new Date('2026-10-26T14:00:00Z');
const STEP_MS = 15 * 60_000;
const GONE_SLACK = new Map([
  ['SC0006', 'channel_not_found'],
  ['SC0012', 'not_in_channel'],
]);
const GONE_DISCORD = new Map([
  ['DC0007', 10003],
  ['DC0013', 50001],
]);

interface Planned {
  channel: ChannelRef;
  subscription: Subscription;
}

function plan(count: number): Planned[] {
  const out: Planned[] = [];
  for (let i = 0; i < count; i++) {
    const platform = i % 2 === 0 ? 'slack' : 'discord';
    const channelId = `${platform === 'slack' ? 'S' : 'D'}C${String(i).padStart(4, '0')}`;
    out.push({
      channel: { platform, tenantId: `${platform === 'slack' ? 'T' : 'G'}${i % 12}`, channelId },
      subscription: {
        time: TIMES[i % TIMES.length]!,
        timeZone: ZONES[Math.floor(i / 2) % ZONES.length]!,
        days: i % 3 === 0 ? 'weekdays' : 'daily',
      },
    });
  }
  return out;
}

/** The local days whose slot falls after subscribing and at or before the last pass. */
function expectedDays(s: Subscription, from: Date, to: Date): string[] {
  const days: string[] = [];
  for (let slot = nextSlot(s, from); slot.at <= to; slot = nextSlot(s, slot.at)) days.push(slot.day);
  return days;
}

const target = dynamoTargets.find((t) => t.name === 'dynalite')!;

describe('daily posts to 1,000 channels across two platforms, eleven zones and a DST change', () => {
  let fakes: Fakes;
  let store: DynamoStudyStore;
  let runners: DailyRunner[];
  const planned = plan(1000);
  const totals: DailySummary[] = [];
  let lastPass = START;

  beforeAll(async () => {
    fakes = await startChaosFakes({
      seed: 7,
      rate429: 0.01,
      rate500: 0.02,
      goneSlack: GONE_SLACK,
      goneDiscord: GONE_DISCORD,
    });
    const { client, tableName } = await freshTable(target);
    store = new DynamoStudyStore(client, tableName);
    runners = ['a', 'b'].map((owner) => createDailyRunner({ store, platforms: fakes.platforms, owner }));
    const subs = new SubscriptionService(store);
    const pending = [...planned];
    const subscribeAll = async () => {
      for (let p = pending.shift(); p; p = pending.shift()) {
        const s = p.subscription;
        const out = await subs.command(
          { ...p.channel, userId: 'U1', canManageChannel: true },
          { name: 'subscribe', time: s.time, timezone: s.timeZone, days: s.days },
          START,
        );
        expect(out.reply.visibility).toBe('channel');
      }
    };
    await Promise.all(Array.from({ length: 8 }, subscribeAll));
  }, 120_000);
  afterAll(async () => fakes?.close());

  it('posts exactly once per due local day, never twice, none on weekends for weekday channels', async () => {
    const [direct, fanned] = runners as [DailyRunner, DailyRunner];
    for (let t = START.getTime() + STEP_MS; t <= END.getTime(); t += STEP_MS) {
      const now = new Date(t);
      const queue = new InProcessQueue((batch) => fanned.batch(batch, now));
      // Two overlapping passes: one posts itself, the other fans out to the queue's workers.
      const [a, b] = await Promise.all([
        direct.pass(now),
        fanned.pass(now, { queue, fanOutAbove: 20, batchSize: 25 }),
      ]);
      totals.push(a, b, queue.summary);
      lastPass = now;
    }

    const posts = new Map<string, string[]>();
    for (const d of fakes.delivered) {
      const key = `${d.platform}:${d.channelId}`;
      posts.set(key, [...(posts.get(key) ?? []), d.postId]);
    }
    let expectedTotal = 0;
    for (const p of planned) {
      const key = `${p.channel.platform}:${p.channel.channelId}`;
      const got = posts.get(key) ?? [];
      if (GONE_SLACK.has(p.channel.channelId) || GONE_DISCORD.has(p.channel.channelId)) {
        expect(got, key).toEqual([]);
        continue;
      }
      const want = expectedDays(p.subscription, START, lastPass).map((d) => `d${d.replaceAll('-', '')}`);
      expectedTotal += want.length;
      expect(
        got.sort(),
        `${key} ${p.subscription.time} ${p.subscription.timeZone} ${p.subscription.days}`,
      ).toEqual(want);
      if (p.subscription.days === 'weekdays') {
        for (const id of got) {
          const weekday = DateTime.fromISO(`${id.slice(1, 5)}-${id.slice(5, 7)}-${id.slice(7)}`).weekday;
          expect(weekday, `${key} posted on a weekend day ${id}`).toBeLessThanOrEqual(5);
        }
      }
    }
    expect(fakes.delivered.length).toBe(expectedTotal);
    // The fall-back night in Berlin: a 02:30 daily channel got the 25th once, at the first 02:30.
    const berlin = planned.find(
      (p) =>
        p.subscription.timeZone === 'Europe/Berlin' &&
        p.subscription.time === '02:30' &&
        p.subscription.days === 'daily',
    )!;
    expect(posts.get(`${berlin.channel.platform}:${berlin.channel.channelId}`)).toContain('d20261025');
    // Failures happened and were retried: the chaos was real.
    const sum = totals.reduce((acc, s) => acc + s.failed, 0);
    expect(sum).toBeGreaterThan(0);
    expect(fakes.slack.calls('chat.postMessage').length).toBeGreaterThan(expectedTotal / 2);
  }, 300_000);

  it('pauses a channel that is gone after one attempt, and says why in that channel', async () => {
    for (const id of [...GONE_SLACK.keys(), ...GONE_DISCORD.keys()]) {
      const platform = id.startsWith('S') ? 'slack' : 'discord';
      expect(fakes.attempts.get(`${platform}:${id}`), id).toBe(1);
    }
    const gone = planned.find((p) => p.channel.channelId === 'DC0007')!;
    const out = await new SubscriptionService(store).command(
      { ...gone.channel, userId: 'U2', canManageChannel: false },
      { name: 'subscribe' },
      lastPass,
    );
    expect(out.reply.message.text).toMatch(/paused: This channel was deleted/);
    expect(
      (await store.dueChannels(new Date('2030-01-01T00:00:00Z'), 5000)).map((d) => d.channel.channelId),
    ).not.toContain('DC0007');
  });

  it('a second run at the same time posts nothing extra', async () => {
    const before = fakes.delivered.length;
    const results = await Promise.all(runners.map((r) => r.pass(lastPass)));
    expect(fakes.delivered.length).toBe(before);
    expect(results.every((r) => r.posted === 0)).toBe(true);
  });
});
