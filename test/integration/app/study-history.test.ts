import { describe, expect, it } from 'vitest';
import { answerPractice, nextDrill } from '../../../src/app/drills.ts';
import { saveSettings } from '../../../src/app/settings.ts';
import { StudyService } from '../../../src/app/study.ts';
import { content, type Question } from '../../../src/content/index.ts';
import { DynamoStudyStore } from '../../../src/store/dynamo-store.ts';
import type { ChannelRef, PersonRef } from '../../../src/store/store.ts';
import { dynamoTargets, freshTable } from '../../support/dynamo.ts';

const T0 = new Date('2026-11-20T09:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const singles = content.questions.filter((q) => q.type === 'single');
const wrongOf = (q: Question) => [q.choices.find((c) => !q.answer.includes(c.id))!.id];
const me: PersonRef = { platform: 'slack', tenantId: 'T1', userId: 'U1' };
const ch: ChannelRef = { platform: 'slack', tenantId: 'T1', channelId: 'C1' };
const meActor = { ...me, channelId: 'C1', canManageChannel: false };

async function setup(target: (typeof dynamoTargets)[number]) {
  const { client, tableName } = await freshTable(target);
  const store = new DynamoStudyStore(client, tableName);
  return { store, service: new StudyService(store) };
}

/** Studies `n` new cards a second apart from `at`, answering right unless `wrong(i)`. */
async function studyNew(
  service: StudyService,
  at: Date,
  n: number,
  wrong: (i: number) => boolean = () => false,
) {
  const asked: Question[] = [];
  for (let i = 0; i < n; i++) {
    const when = new Date(at.getTime() + i * 1000);
    const next = await service.nextStudy(me, when);
    if ('none' in next) break;
    const q = next.question;
    await service.answerStudy(me, q.id, next.version, wrong(i) ? wrongOf(q) : q.answer, when);
    asked.push(q);
  }
  return asked;
}

describe.each(dynamoTargets)('review history, settings and drills on $name', (target) => {
  it('logs every answer once, channel and private, with its kind', async () => {
    const { store, service } = await setup(target);
    const q = singles[0]!;
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
    const at = new Date(T0.getTime() + 60_000);
    // The same answer delivered twice (a retry) is one entry.
    await service.answerPost(ch, me, 'p1', q.id, q.answer, at);
    await service.answerPost(ch, me, 'p1', q.id, q.answer, at);
    const card = (await store.getCard(me, q.id))!;
    const later = new Date(card.srs.due);
    const first = await service.answerStudy(me, q.id, card.version, wrongOf(q), later);
    const again = await service.answerStudy(me, q.id, card.version, wrongOf(q), later);
    expect('error' in first || first.repeated).toBe(false);
    expect('error' in again || again.repeated).toBe(true);
    const log = await store.reviewsSince(me, T0);
    expect(log.map((r) => [r.questionId, r.kind, r.correct, r.key])).toEqual([
      [q.id, 'new', true, 'p:p1'],
      [q.id, 'review', false, `s:${card.version}`],
    ]);
    // The card keeps only its last answers; the log keeps the history.
    expect((await store.getCard(me, q.id))!.answers.length).toBeLessThanOrEqual(2);
  });

  it('measures retention on scheduled reviews only, beside the target, and forecasts a week of due cards', async () => {
    const { store, service } = await setup(target);
    const cards = await studyNew(service, T0, 14);
    expect(cards).toHaveLength(14);
    const before = await service.progress(me, undefined, T0);
    // First answers are not reviews: nothing measured yet, and the forecast holds the 14 cards.
    expect(before.measured).toEqual({ reviews: 0, days: 30 });
    expect(before.forecast).toHaveLength(7);
    expect(before.forecast.reduce((a, f) => a + f.count, 0)).toBe(14);
    // Review each card when due: 11 right, 3 wrong -> 79%.
    let wrong = 0;
    for (const q of cards) {
      const card = (await store.getCard(me, q.id))!;
      const due = new Date(card.srs.due);
      const chosen = wrong++ < 3 ? wrongOf(q) : q.answer;
      await service.answerStudy(me, q.id, card.version, chosen, due);
    }
    const after = await service.progress(me, undefined, new Date(T0.getTime() + 3 * DAY));
    expect(after.measured.reviews).toBe(14);
    expect(after.measured.retention).toBeCloseTo(11 / 14, 5);
    expect(after.retention).toBe(0.9);
  });

  it('counts new cards a day against the person’s own limit, on their own day', async () => {
    const { store, service } = await setup(target);
    await saveSettings(store, meActor, { newPerDay: '3', timeZone: 'Pacific/Auckland' });
    // 09:00 UTC is 22:00 in Auckland: three new cards, then the limit.
    expect(await studyNew(service, T0, 5)).toHaveLength(3);
    const limited = await service.nextStudy(me, T0);
    expect('none' in limited && limited.newLimitReached).toBe(true);
    // Three hours later it is a new day in Auckland (still the same UTC day): new cards again.
    expect(await studyNew(service, new Date(T0.getTime() + 3 * HOUR), 5)).toHaveLength(3);
    const profile = await store.getProfile(me);
    expect(profile).toMatchObject({ newPerDay: 3, timeZone: 'Pacific/Auckland' });
  });

  it('refuses bad settings with one sentence and changes nothing', async () => {
    const { store } = await setup(target);
    const out = await saveSettings(store, meActor, { newPerDay: '500' });
    expect(out.reply.message.text).toMatch(/whole number from 0 .* to 100\. Nothing was changed\./);
    const zone = await saveSettings(store, meActor, { timeZone: 'Mars/Olympus' });
    expect(zone.reply.message.text).toMatch(/I don't know the time zone "Mars\/Olympus"/);
    expect(await store.getProfile(me)).toEqual({ retention: 0.9, channels: [] });
    const ok = await saveSettings(store, meActor, { retention: '85%', timeZone: 'europe/berlin' });
    expect(ok.reply.message.text).toContain('Desired retention: **85%**');
    expect(ok.reply.message.text).toContain('Your time zone: **Europe/Berlin**');
  });

  it('drills recent mistakes, most recent first, as practice that moves no schedule', async () => {
    const { store, service } = await setup(target);
    const asked = await studyNew(service, T0, 6, (i) => i === 1 || i === 4);
    const missed = [asked[4]!, asked[1]!];
    // Twenty seconds on: the missed cards are not due again yet (a lapse comes back in minutes).
    const now = new Date(T0.getTime() + 20_000);
    const first = await nextDrill(service, store, me, 'mistakes', now);
    expect('practice' in first && first.question.id).toBe(missed[0]!.id);
    expect('left' in first && first.left).toBe(2);
    const cardBefore = await store.getCard(me, missed[0]!.id);
    // Practised right: the schedule stays, and the card leaves the drill.
    const r = await answerPractice(store, me, missed[0]!.id, now, missed[0]!.answer);
    const twice = await answerPractice(store, me, missed[0]!.id, now, missed[0]!.answer);
    expect('correct' in r && r.correct && !r.repeated).toBe(true);
    expect('repeated' in twice && twice.repeated).toBe(true);
    expect(await store.getCard(me, missed[0]!.id)).toEqual(cardBefore);
    const second = await nextDrill(service, store, me, 'mistakes', new Date(now.getTime() + 60_000));
    expect('question' in second && second.question.id).toBe(missed[1]!.id);
    // A mistake practised wrong again goes to the back for a while, not straight back.
    await answerPractice(store, me, missed[1]!.id, now, wrongOf(missed[1]!));
    const third = await nextDrill(service, store, me, 'mistakes', new Date(now.getTime() + 120_000));
    expect('question' in third && third.question.id).toBe(missed[1]!.id);
    expect('left' in third && third.left).toBe(1);
    // Once due again, a mistake is a review like any other: its answer reschedules it.
    const due = await nextDrill(service, store, me, 'mistakes', new Date(T0.getTime() + HOUR));
    expect('version' in due && due.version).toBeGreaterThan(0);
    const log = await store.reviewsSince(me, T0);
    expect(log.filter((e) => e.kind === 'practice')).toHaveLength(2);
  });

  it('says plainly when there is nothing to drill', async () => {
    const { store, service } = await setup(target);
    const none = await nextDrill(service, store, me, 'mistakes', T0);
    expect('none' in none && none.reason).toMatch(/No mistakes to review/);
    const weakest = await nextDrill(service, store, me, 'weakest', T0);
    expect('none' in weakest && weakest.reason).toMatch(/answer a few cards first/);
  });

  it('drills the weakest topic: its due cards as reviews, else practice of its lowest-recall cards', async () => {
    const { store, service } = await setup(target);
    // Two topics: one answered right, one wrong.
    const [ta, tb] = content.topics;
    const inTopic = (t: string) => singles.filter((q) => q.topic === t).slice(0, 2);
    for (const [topic, right] of [
      [ta!.id, true],
      [tb!.id, false],
    ] as const) {
      for (const q of inTopic(topic)) {
        const card = await store.getCard(me, q.id);
        await service.answerStudy(me, q.id, card?.version ?? 0, right ? q.answer : wrongOf(q), T0);
      }
    }
    const now = new Date(T0.getTime() + 2 * DAY);
    const drill = await nextDrill(service, store, me, 'weakest', now);
    expect('topicName' in drill && drill.topicName).toBe(tb!.name);
    expect('question' in drill && drill.question.topic).toBe(tb!.id);
  });
});
