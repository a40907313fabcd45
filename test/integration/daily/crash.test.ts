import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SubscriptionService } from '../../../src/app/subscriptions.ts';
import { LEASE_MS } from '../../../src/daily/poster.ts';
import { createDailyRunner } from '../../../src/daily/runner.ts';
import { DynamoStudyStore } from '../../../src/store/dynamo-store.ts';
import type { StudyStore } from '../../../src/store/store.ts';
import { dynamoTargets, freshTable } from '../../support/dynamo.ts';
import { type Fakes, startChaosFakes } from './harness.ts';

/**
 * A pass that dies halfway: the next pass finishes the rest, and nothing is posted twice. Runs on
 * every DynamoDB-compatible server the suite has (dynalite, and DynamoDB Local when Java is present).
 */
const SUBSCRIBED_AT = new Date('2026-11-02T06:00:00Z'); // Monday
const DUE = new Date('2026-11-02T09:00:00Z');
const CHANNELS = 60;

class Crash extends Error {}

/**
 * The store of a process that dies at `at` once `after` posts were completed: from then on that
 * call always throws. At claimDailyPost that is a crash between channels (no new channel starts);
 * at completeDailyPost it is a crash after a send and before its mark.
 */
function dyingStore(store: StudyStore, after: number, at: keyof StudyStore = 'claimDailyPost'): StudyStore {
  let completed = 0;
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (prop === at && completed >= after) throw new Crash('process died');
        const out = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (prop === 'completeDailyPost') completed++;
        return out;
      };
    },
  });
}

describe.each(dynamoTargets)('a crashed daily pass on $name', (target) => {
  let fakes: Fakes;
  let store: DynamoStudyStore;

  beforeEach(async () => {
    fakes = await startChaosFakes();
    const { client, tableName } = await freshTable(target);
    store = new DynamoStudyStore(client, tableName);
    const subs = new SubscriptionService(store);
    for (let i = 0; i < CHANNELS; i++) {
      const platform = i % 2 ? 'discord' : 'slack';
      await subs.command(
        { platform, tenantId: 'T1', channelId: `C${i}`, userId: 'U1', canManageChannel: true },
        { name: 'subscribe', time: '09:00', timezone: 'UTC', days: 'weekdays' },
        SUBSCRIBED_AT,
      );
    }
  });
  afterEach(async () => fakes?.close());

  const perChannel = () => {
    const counts = new Map<string, number>();
    for (const d of fakes.delivered)
      counts.set(`${d.platform}:${d.channelId}`, (counts.get(`${d.platform}:${d.channelId}`) ?? 0) + 1);
    return counts;
  };

  it('dies between channels after 20 posts; reruns post the rest, none twice', async () => {
    const crashing = createDailyRunner({
      store: dyingStore(store, 20),
      platforms: fakes.platforms,
      owner: 'crashing',
    });
    const first = await crashing.pass(DUE);
    expect(first.posted).toBeGreaterThanOrEqual(20);
    expect(first.posted).toBeLessThan(CHANNELS);
    const rerun = createDailyRunner({ store, platforms: fakes.platforms, owner: 'rerun' });
    // Right away, and again after the dead pass's leases lapsed: whatever it had claimed is finished then.
    await rerun.pass(new Date(DUE.getTime() + 1000));
    await rerun.pass(new Date(DUE.getTime() + LEASE_MS + 60_000));
    const counts = perChannel();
    expect(counts.size).toBe(CHANNELS);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('dies after sending and before marking: Discord’s nonce keeps the retry to one message', async () => {
    // Every Discord post is sent, then the process dies before the mark; Slack posts are not started.
    const discordOnly = { discord: fakes.platforms.discord! };
    const crashing = createDailyRunner({
      store: dyingStore(store, 0, 'completeDailyPost'),
      platforms: discordOnly,
      owner: 'crashing',
    });
    await crashing.pass(DUE);
    const sentBeforeCrash = fakes.delivered.length;
    expect(sentBeforeCrash).toBeGreaterThan(0);
    const rerun = createDailyRunner({ store, platforms: fakes.platforms, owner: 'rerun' });
    await rerun.pass(new Date(DUE.getTime() + LEASE_MS + 60_000));
    const counts = perChannel();
    expect(counts.size).toBe(CHANNELS);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // The retried Discord creates really went out again, and Discord answered with the first message.
    expect(fakes.discord.callsTo('POST /channels/:channel/messages').length).toBeGreaterThan(CHANNELS / 2);
  });

  it('a channel paused for good comes back when someone subscribes again', async () => {
    fakes.slack.fail('chat.postMessage', { error: 'not_in_channel' }, 1);
    const runner = createDailyRunner({ store, platforms: fakes.platforms, owner: 'a' });
    const summary = await runner.pass(DUE);
    expect(summary.paused).toBe(1);
    const paused = (
      await Promise.all(
        Array.from({ length: CHANNELS }, (_, i) =>
          store.getChannel({ platform: i % 2 ? 'discord' : 'slack', tenantId: 'T1', channelId: `C${i}` }),
        ),
      )
    ).findIndex((c) => c?.paused);
    const channel = { platform: 'slack' as const, tenantId: 'T1', channelId: `C${paused}` };
    const subs = new SubscriptionService(store);
    const actor = { ...channel, userId: 'U1', canManageChannel: true };
    expect((await subs.command(actor, { name: 'subscribe' }, DUE)).reply.message.text).toMatch(
      /paused: I was removed/,
    );
    await subs.command(actor, { name: 'subscribe', time: '10:00' }, DUE);
    await runner.pass(new Date('2026-11-02T10:00:00Z'));
    expect(fakes.delivered.filter((d) => d.channelId === channel.channelId)).toHaveLength(1);
  });
});
