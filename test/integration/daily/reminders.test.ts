import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/bot.ts';
import { nextReminder, remindCommand } from '../../../src/app/reminders.ts';
import { workspaceRemoved } from '../../../src/app/your-data.ts';
import { content } from '../../../src/content/index.ts';
import { type DailySummary, InProcessQueue } from '../../../src/daily/pass.ts';
import { DiscordDailyPlatform } from '../../../src/daily/platforms.ts';
import { LEASE_MS, RETRY_MS } from '../../../src/daily/poster.ts';
import { createDailyRunner, type DailyRunner } from '../../../src/daily/runner.ts';
import { DynamoStudyStore } from '../../../src/store/dynamo-store.ts';
import type { PersonRef, ReminderSetting, StudyStore } from '../../../src/store/store.ts';
import { dynamoTargets, freshTable } from '../../support/dynamo.ts';
import { rateLimited } from '../../support/fake-discord-api.ts';
import { type Fakes, startChaosFakes } from './harness.ts';

/**
 * Study reminders through the daily scheduler, held to the daily posts' own tests: overlapping and
 * fanned-out passes with random 429s and 500s across time zones and a DST change (one DM per person
 * per local day, none without due cards), a second run at the same time, a pass that dies between
 * people or between a send and its mark, 429s with Retry-After on Slack and Discord, and people who
 * cannot be reached. The same fake Slack and Discord APIs as the daily posts' tests.
 */

const QUESTIONS = content.questions.map((q) => q.id);

function dueSrs(due: Date) {
  return {
    due: due.toISOString(),
    stability: 1,
    difficulty: 5,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
    lastReview: new Date(due.getTime() - 86_400_000).toISOString(),
  };
}

/** Gives a person `n` cards, due at `due`. */
async function giveCards(store: StudyStore, person: PersonRef, n: number, due: Date) {
  for (let i = 0; i < n; i++) {
    const questionId = QUESTIONS[i]!;
    await store.putCard(person, { questionId, topic: 't', srs: dueSrs(due), version: 1, answers: [] }, 0);
  }
}

function actorOf(person: PersonRef, channelId = 'C1'): Actor {
  return { ...person, channelId, canManageChannel: false };
}

/** One DM per recipient and platform, as the fakes saw them (Discord's keyed by the DM channel). */
function dmsTo(fakes: Fakes, person: PersonRef): string[] {
  const channel = person.platform === 'slack' ? person.userId : fakes.discord.dmChannelOf(person.userId);
  return fakes.delivered
    .filter((d) => d.platform === person.platform && d.channelId === channel)
    .map((d) => d.text);
}

const ZONES = [
  'Europe/Berlin', // falls back on 25 Oct
  'America/New_York',
  'Asia/Kolkata', // +5:30
  'Australia/Adelaide', // +10:30, summer time
  'America/St_Johns', // -2:30
  'UTC',
];
const TIMES = ['08:30', '02:30', '19:45', '00:05', '12:00'];
const START = new Date('2026-10-24T10:00:00Z');
const END = new Date('2026-10-26T14:00:00Z');
const STEP_MS = 15 * 60_000;
const PEOPLE = 60;

interface Planned {
  person: PersonRef;
  setting: ReminderSetting;
  cards: number;
}

function plan(): Planned[] {
  return Array.from({ length: PEOPLE }, (_, i) => {
    const platform = i % 2 === 0 ? 'slack' : 'discord';
    return {
      person: {
        platform,
        tenantId: platform === 'slack' ? `T${i % 3}` : `90000000000000000${i % 3}`,
        userId:
          platform === 'slack'
            ? `U${String(i).padStart(4, '0')}`
            : `7000000000000${String(i).padStart(4, '0')}`,
      },
      setting: { time: TIMES[i % TIMES.length]!, timeZone: ZONES[Math.floor(i / 2) % ZONES.length]! },
      // Every fifth person has nothing due: they get no reminder at all.
      cards: i % 5 === 4 ? 0 : 1 + (i % 4) * 20,
    };
  });
}

/** The local days whose reminder slot falls after turning it on and at or before the last pass. */
function expectedDays(s: ReminderSetting, from: Date, to: Date): string[] {
  const days: string[] = [];
  for (let slot = nextReminder(s, from); slot.at <= to; slot = nextReminder(s, slot.at)) days.push(slot.day);
  return days;
}

const dynalite = dynamoTargets.find((t) => t.name === 'dynalite')!;

describe('reminders for 60 people on two platforms, six zones and a DST change', () => {
  let fakes: Fakes;
  let store: DynamoStudyStore;
  let runners: DailyRunner[];
  const planned = plan();
  const totals: DailySummary[] = [];
  let lastPass = START;

  beforeAll(async () => {
    fakes = await startChaosFakes({ seed: 11, rate429: 0.04, rate500: 0.04 });
    const { client, tableName } = await freshTable(dynalite);
    store = new DynamoStudyStore(client, tableName);
    runners = ['a', 'b'].map((owner) => createDailyRunner({ store, platforms: fakes.platforms, owner }));
    for (const p of planned) {
      await giveCards(store, p.person, p.cards, new Date('2026-10-20T00:00:00Z'));
      const out = await remindCommand(
        store,
        actorOf(p.person),
        { name: 'remind', time: p.setting.time, timeZone: p.setting.timeZone },
        START,
      );
      expect(out.reply.message.text).toMatch(/^Reminder set:/);
    }
  }, 60_000);
  afterAll(async () => fakes?.close());

  it('sends exactly one DM per local day to each person with cards due, never twice', async () => {
    const [direct, fanned] = runners as [DailyRunner, DailyRunner];
    for (let t = START.getTime() + STEP_MS; t <= END.getTime(); t += STEP_MS) {
      const now = new Date(t);
      const queue = new InProcessQueue((batch) => fanned.batch(batch, now));
      // Two overlapping passes: one sends itself, the other fans out to the queue's workers.
      const [a, b] = await Promise.all([
        direct.pass(now),
        fanned.pass(now, { queue, fanOutAbove: 5, batchSize: 7 }),
      ]);
      totals.push(a, b, queue.summary);
      lastPass = now;
    }
    let expectedTotal = 0;
    for (const p of planned) {
      const got = dmsTo(fakes, p.person);
      const want = p.cards ? expectedDays(p.setting, START, lastPass).length : 0;
      expectedTotal += want;
      expect(
        got.length,
        `${p.person.platform}:${p.person.userId} ${p.setting.time} ${p.setting.timeZone}`,
      ).toBe(want);
      if (p.cards) {
        const n = p.cards > 50 ? '50+' : String(p.cards);
        // The harness keeps Slack's blocks and Discord's components (the count is in the embed).
        if (p.person.platform === 'slack')
          expect(got[0]).toContain(`You have *${n} card${p.cards === 1 ? '' : 's'}* due for review`);
        expect(got[0]).toContain('Start review');
      }
    }
    expect(fakes.delivered.length).toBe(expectedTotal);
    // The chaos was real: sends failed and were retried by later passes.
    expect(totals.reduce((n, s) => n + s.failed, 0)).toBeGreaterThan(0);
    expect(totals.reduce((n, s) => n + s.reminded, 0)).toBe(expectedTotal);
    // The fall-back night in Berlin: a 02:30 reminder on the 25th came once.
    const berlin = planned.find((p) => p.setting.timeZone === 'Europe/Berlin' && p.setting.time === '02:30')!;
    expect(expectedDays(berlin.setting, START, lastPass)).toContain('2026-10-25');
  }, 300_000);

  it('people with nothing due get no DM, and their next check is still ahead', async () => {
    for (const p of planned.filter((x) => x.cards === 0)) {
      const r = await store.getReminder(p.person);
      expect(new Date(r!.nextAt!).getTime()).toBeGreaterThan(lastPass.getTime());
      expect(r!.lastDay).toBeUndefined();
    }
  });

  it('a second run at the same time sends nothing extra', async () => {
    const before = fakes.delivered.length;
    const results = await Promise.all(runners.map((r) => r.pass(lastPass)));
    expect(fakes.delivered.length).toBe(before);
    expect(results.every((r) => r.reminded === 0)).toBe(true);
  });
});

class Crash extends Error {}

/** The store of a process that dies at `at` once `after` reminders were completed (as crash.test.ts). */
function dyingStore(store: StudyStore, after: number, at: keyof StudyStore = 'claimReminder'): StudyStore {
  let completed = 0;
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (prop === at && completed >= after) throw new Crash('process died');
        const out = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (prop === 'completeReminder') completed++;
        return out;
      };
    },
  });
}

const TURNED_ON = new Date('2026-11-02T06:00:00Z'); // Monday
const DUE = new Date('2026-11-02T09:00:00Z');
const CROWD = 40;

describe.each(dynamoTargets)('reminders on $name: crashes, 429s and people out of reach', (target) => {
  let fakes: Fakes;
  let store: DynamoStudyStore;
  const crowd: PersonRef[] = Array.from({ length: CROWD }, (_, i) =>
    i % 2
      ? {
          platform: 'discord',
          tenantId: '900000000000000001',
          userId: `80000000000000${String(i).padStart(4, '0')}`,
        }
      : { platform: 'slack', tenantId: 'T1', userId: `U${String(i).padStart(4, '0')}` },
  );

  beforeEach(async () => {
    fakes = await startChaosFakes();
    const { client, tableName } = await freshTable(target);
    store = new DynamoStudyStore(client, tableName);
    for (const person of crowd) {
      await giveCards(store, person, 3, new Date('2026-11-01T00:00:00Z'));
      await remindCommand(
        store,
        actorOf(person),
        { name: 'remind', time: '09:00', timeZone: 'UTC' },
        TURNED_ON,
      );
    }
  });
  afterEach(async () => fakes?.close());

  const perPerson = () => crowd.map((p) => dmsTo(fakes, p).length);

  it('dies between people after 10 reminders; reruns send the rest, none twice', async () => {
    const crashing = createDailyRunner({
      store: dyingStore(store, 10),
      platforms: fakes.platforms,
      owner: 'x',
    });
    const first = await crashing.pass(DUE);
    expect(first.reminded).toBeGreaterThanOrEqual(10);
    expect(first.reminded).toBeLessThan(CROWD);
    const rerun = createDailyRunner({ store, platforms: fakes.platforms, owner: 'rerun' });
    await rerun.pass(new Date(DUE.getTime() + 1000));
    await rerun.pass(new Date(DUE.getTime() + LEASE_MS + 60_000));
    expect(perPerson()).toEqual(crowd.map(() => 1));
  });

  it('dies after sending and before marking: Discord’s nonce keeps the retry to one DM', async () => {
    const discordOnly = { discord: fakes.platforms.discord! };
    const crashing = createDailyRunner({
      store: dyingStore(store, 0, 'completeReminder'),
      platforms: discordOnly,
      owner: 'x',
    });
    await crashing.pass(DUE);
    expect(fakes.delivered.length).toBe(CROWD / 2);
    const rerun = createDailyRunner({ store, platforms: fakes.platforms, owner: 'rerun' });
    await rerun.pass(new Date(DUE.getTime() + LEASE_MS + 60_000));
    expect(perPerson()).toEqual(crowd.map(() => 1));
    // The retried creates really went out again, and Discord answered with the first message.
    expect(fakes.discord.callsTo('POST /channels/:channel/messages').length).toBe(CROWD);
    // The next day is a new day.
    await rerun.pass(new Date(DUE.getTime() + 86_400_000));
    expect(perPerson()).toEqual(crowd.map(() => 2));
  });

  it('sits out a short Slack Retry-After in the same pass; a long one is retried by a later pass', async () => {
    fakes.slack.fail('chat.postMessage', { status: 429, retryAfter: 1 }, 1);
    fakes.slack.fail('chat.postMessage', { status: 429, retryAfter: 30 }, 1);
    const runner = createDailyRunner({ store, platforms: fakes.platforms, owner: 'a' });
    const first = await runner.pass(DUE);
    expect(first.failed).toBe(1);
    expect(first.reminded).toBe(CROWD - 1);
    // Before the retry lease lapses nobody takes it over; after, it is sent once.
    expect((await runner.pass(new Date(DUE.getTime() + 1000))).reminded).toBe(0);
    expect((await runner.pass(new Date(DUE.getTime() + RETRY_MS + 1000))).reminded).toBe(1);
    expect(perPerson().filter((_, i) => i % 2 === 0)).toEqual(
      crowd.filter((_, i) => i % 2 === 0).map(() => 1),
    );
  });

  it('sits out Discord’s retry_after on the DM open and the message; too long fails until a later pass', async () => {
    fakes.discord.failNext('POST /users/@me/channels', rateLimited(0.05, { bucket: 'dm' }), 2);
    fakes.discord.failNext('POST /channels/:channel/messages', rateLimited(0.05, { bucket: 'dmm' }), 2);
    const runner = createDailyRunner({ store, platforms: fakes.platforms, owner: 'a' });
    const first = await runner.pass(DUE);
    expect(first.reminded).toBe(CROWD);
    // A wait longer than the client sits out fails this pass; a later pass (a new process, as the
    // next scheduler tick is) sends it, once.
    const later = new Date('2026-11-03T09:00:00Z');
    fakes.discord.failNext('POST /channels/:channel/messages', rateLimited(60, { bucket: 'slow' }), 1);
    const process = (owner: string) =>
      createDailyRunner({
        store,
        platforms: {
          slack: fakes.platforms.slack!,
          discord: DiscordDailyPlatform.create({ botToken: 'bot-test', apiUrl: fakes.discord.api }),
        },
        owner,
      });
    const slow = await process('b').pass(later);
    expect([slow.failed, slow.reminded]).toEqual([1, CROWD - 1]);
    expect((await process('c').pass(new Date(later.getTime() + RETRY_MS + 1000))).reminded).toBe(1);
    expect(perPerson()).toEqual(crowd.map(() => 2));
  });

  it('stops a reminder for good when the person cannot be reached, and says why', async () => {
    fakes.slack.fail('chat.postMessage', { error: 'channel_not_found' }, 1);
    fakes.discord.failNext('POST /users/@me/channels', {
      status: 403,
      body: { message: 'Cannot send messages to this user', code: 50007 },
    });
    const runner = createDailyRunner({ store, platforms: fakes.platforms, owner: 'a' });
    const first = await runner.pass(DUE);
    expect(first.paused).toBe(2);
    const stoppedOne = crowd.filter((p) => dmsTo(fakes, p).length === 0);
    expect(stoppedOne.map((p) => p.platform).sort()).toEqual(['discord', 'slack']);
    for (const p of stoppedOne) {
      const status = await remindCommand(store, actorOf(p), { name: 'remind' }, DUE);
      expect(status.reply.message.text).toMatch(
        /^Your reminder \(09:00 UTC\) is stopped: .*message you directly/,
      );
      expect(
        (await store.dueReminders(new Date('2030-01-01T00:00:00Z'), 1000)).map((d) => d.person.userId),
      ).not.toContain(p.userId);
    }
    // Turned on again, it is sent the next day.
    const again = stoppedOne[0]!;
    await remindCommand(store, actorOf(again), { name: 'remind', time: '09:00' }, DUE);
    await runner.pass(new Date(DUE.getTime() + 86_400_000));
    expect(dmsTo(fakes, again)).toHaveLength(1);
  });

  it('sends nothing to someone who turned reminders off, or changed the time after today’s', async () => {
    const [off, moved] = crowd as [PersonRef, PersonRef];
    await remindCommand(store, actorOf(off), { name: 'remind', off: true }, TURNED_ON);
    const runner = createDailyRunner({ store, platforms: fakes.platforms, owner: 'a' });
    await runner.pass(DUE);
    expect(dmsTo(fakes, off)).toHaveLength(0);
    expect(dmsTo(fakes, moved)).toHaveLength(1);
    // Today's was sent at 09:00; moved to 18:00 the same day, the next one is tomorrow's.
    await remindCommand(store, actorOf(moved), { name: 'remind', time: '18:00' }, DUE);
    await runner.pass(new Date('2026-11-02T18:00:00Z'));
    expect(dmsTo(fakes, moved)).toHaveLength(1);
    await runner.pass(new Date('2026-11-03T18:00:00Z'));
    expect(dmsTo(fakes, moved)).toHaveLength(2);
    // Off and on again on a day already sent: still one that day.
    await remindCommand(store, actorOf(moved), { name: 'remind', off: true }, DUE);
    await remindCommand(store, actorOf(moved), { name: 'remind', time: '18:30', timeZone: 'UTC' }, DUE);
    await runner.pass(new Date('2026-11-03T18:30:00Z'));
    expect(dmsTo(fakes, moved)).toHaveLength(2);
  });

  it('forget-me and a removed workspace take reminders with them', async () => {
    const [me, other] = [crowd[0]!, crowd[2]!];
    await store.deletePersonData(me);
    expect(await store.getReminder(me)).toBeUndefined();
    const removed = await workspaceRemoved(
      store,
      { platform: 'slack', tenantId: 'T1' },
      'app_uninstalled',
      DUE,
    );
    expect(removed.paused).toBe(0);
    expect((await store.getReminder(other))?.stopped?.reason).toBe(
      'StudyBot was removed from this workspace.',
    );
    const runner = createDailyRunner({ store, platforms: fakes.platforms, owner: 'a' });
    const summary = await runner.pass(DUE);
    expect(summary.reminded).toBe(CROWD / 2); // the Discord half only
    expect(fakes.slack.calls('chat.postMessage')).toHaveLength(0);
    // The deletion after the grace period: someone with only a reminder (no card) is found too.
    const onlyReminder: PersonRef = { platform: 'slack', tenantId: 'T1', userId: 'UONLY' };
    await store.setReminder(onlyReminder, { time: '09:00', timeZone: 'UTC' }, DUE.toISOString());
    for (let done = false; !done; )
      ({ done } = await store.deleteTenantData({ platform: 'slack', tenantId: 'T1' }, 500));
    expect(await store.getReminder(onlyReminder)).toBeUndefined();
    expect(await store.getReminder(other)).toBeUndefined();
    expect(await store.getReminder(crowd[1]!)).toBeDefined();
  });
});
