import { content, type Question, questionsById } from '../content/index.ts';
import { isoWeekKey, localDay, nextStreak, pointsFor } from '../engines/leaderboard/rules.ts';
import { type ChoiceError, choiceError, grade, validChoices } from '../engines/quiz/grade.ts';
import {
  ANSWER_FACT_KEPT_MS,
  isPostClosed,
  postClosesAt,
  QUIZ_POST_OPEN_MS,
} from '../engines/quiz/post-window.ts';
import { pickChannelQuestion, pickNewStudyQuestion } from '../engines/quiz/select.ts';
import { isDue, isLearned, recallNow, review } from '../engines/srs/scheduler.ts';
import type {
  AnswerEntry,
  AnswerFact,
  CardRecord,
  ChannelRef,
  LeaderRow,
  MemberRecord,
  PersonRef,
  PostRecord,
  ProfileRecord,
  ReviewRecord,
  StudyStore,
} from '../store/store.ts';

/**
 * The study use cases: posting questions, answering them exactly once, study sessions, leaderboards
 * and progress. It joins the pure engines to the store; it knows nothing of Slack or Discord.
 */
export const NEW_CARDS_PER_DAY = 20;
/** The range of new cards a day a person may choose (0: reviews only). */
export const MAX_NEW_CARDS_PER_DAY = 100;
/** How far back measured retention looks: long enough for a few dozen reviews, short enough to be current. */
export const MEASURED_RETENTION_DAYS = 30;
/** Fewer reviews than this in the window say too little to show a measured retention. */
export const MIN_MEASURED_REVIEWS = 10;
export const FORECAST_DAYS = 7;
const MAX_WRITE_ATTEMPTS = 5;
/**
 * Cards the next-card Query reads after the PROFILE and SEEN items: enough to find the first due
 * card and say "5+ due", few enough that a year-old deck's read stays in one 4 KB read unit.
 */
const STUDY_QUEUE_READ = 5;

export interface AnswerResult {
  question: Question;
  chosen: string[];
  correct: boolean;
  points: number;
  /** True when this person had already answered: the first answer stands and is shown again. */
  repeated: boolean;
  streak: number;
  bestStreak: number;
  weekScore: number;
  answered: number;
  answeredCorrectly: number;
  /** When the post stops taking answers (ISO). */
  closesAt?: string;
}

export interface StudyCard {
  question: Question;
  /** The card version the question was shown at; an answer only applies to that version. */
  version: number;
  isNew: boolean;
  /** Due cards counted (this one included); with `moreDue`, at least that many. */
  dueCount: number;
  moreDue?: boolean;
}

export interface TopicProgress {
  topicId: string;
  name: string;
  total: number;
  seen: number;
  /** Mean recall of the cards seen (`recallNow`), 0..1. */
  recall: number;
  /** Sum of recall over every question in the topic / questions in the topic (= recall × seen share). */
  readiness: number;
}

/** Readiness over one exam domain's questions; `total` 0 means the bank does not cover it. */
export interface DomainProgress {
  domainId: string;
  name: string;
  /** The domain's share of the exam, in percent. */
  weight: number;
  total: number;
  readiness: number;
}

export interface Progress {
  due: number;
  learned: number;
  seen: number;
  /** FSRS lapses: times a learned card was forgotten. */
  lapses: number;
  /** Cards whose last answer was wrong (they count 0 in recall until answered right). */
  missed: number;
  reviews: number;
  readiness: number;
  /** The person's desired retention (FSRS request_retention). */
  retention: number;
  topics: TopicProgress[];
  domains: DomainProgress[];
  /** Whether streak, bestStreak and score are of a channel (App Home has none: they are per channel). */
  inChannel: boolean;
  streak: number;
  bestStreak: number;
  score: number;
  answersPerDay: { day: string; count: number }[];
  /**
   * Measured retention: the share of scheduled reviews (not first answers, not practice) answered
   * right in the last MEASURED_RETENTION_DAYS days, to set beside the target `retention`. Absent
   * with fewer than MIN_MEASURED_REVIEWS reviews; `reviews` then says how many there are.
   */
  measured: { retention?: number; reviews: number; days: number };
  /** Cards due on each of the next FORECAST_DAYS days (the person's days; today includes overdue). */
  forecast: { day: string; count: number }[];
  nextDue?: string;
}

const epochDay = (iso: string) => Math.floor(new Date(iso).getTime() / 86_400_000);

export function newPostId(now: Date): string {
  return `${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export class StudyService {
  /** Profile reads in flight, shared by the parts of one view (App Home reads it once, not twice). */
  private readonly profileReads = new Map<string, Promise<ProfileRecord>>();

  constructor(
    private readonly store: StudyStore,
    private readonly bank: readonly Question[] = content.questions,
  ) {}

  async channelTimeZone(channel: ChannelRef): Promise<string> {
    return (await this.store.getChannel(channel, { asked: false }))?.timeZone ?? 'UTC';
  }

  profile(person: PersonRef): Promise<ProfileRecord> {
    const key = `${person.platform}:${person.tenantId}:${person.userId}`;
    let read = this.profileReads.get(key);
    if (!read) {
      // Shared only while in flight: a read started after it settles sees later writes.
      read = this.store.getProfile(person).finally(() => this.profileReads.delete(key));
      this.profileReads.set(key, read);
    }
    return read;
  }

  /** Picks the channel's next question and records the post. */
  async postQuestion(
    channel: ChannelRef,
    now: Date,
    options: { topic?: string; daily?: boolean; postId?: string; closesAt?: Date } = {},
  ): Promise<{ post: PostRecord; question: Question } | undefined> {
    const state = await this.store.getChannel(channel);
    const timeZone = state?.timeZone ?? 'UTC';
    const question = pickChannelQuestion(this.bank, state?.asked ?? [], {
      seed: `${channel.platform}:${channel.tenantId}:${channel.channelId}:${now.toISOString()}`,
      ...(options.topic ? { topic: options.topic } : {}),
    });
    if (!question) return undefined;
    const post: PostRecord = {
      postId: options.postId ?? newPostId(now),
      questionId: question.id,
      postedAt: now.toISOString(),
      timeZone,
      daily: options.daily ?? false,
      answered: 0,
      correct: 0,
      counted: [],
      closesAt: (options.closesAt ?? new Date(now.getTime() + QUIZ_POST_OPEN_MS)).toISOString(),
    };
    await this.store.createPost(channel, post, state);
    return { post, question };
  }

  /**
   * A person's answer to a channel post. Order of writes: the card (the answer and its FSRS update,
   * one conditional write), then the member's points and streak, then the post's count. Each write
   * checks whether this answer was already applied, so a retry finishes what a crash left undone.
   */
  async answerPost(
    channel: ChannelRef,
    person: PersonRef & { userName?: string; fallbackName?: string },
    postId: string,
    questionId: string,
    chosenRaw: readonly string[],
    now: Date,
  ): Promise<
    | AnswerResult
    | { error: 'unknown-post' | ChoiceError }
    | { error: 'closed'; question: Question; post: PostRecord }
  > {
    const question = questionsById.get(questionId);
    if (!question) return { error: 'unknown-post' };
    const chosenNow = validChoices(question, chosenRaw);
    const key = `p:${postId}`;
    const state = await this.store.loadAnswerState(channel, postId, person, questionId);
    let { card, member } = state;
    const post = state.post;
    if (!post || post.questionId !== questionId) return { error: 'unknown-post' };
    if (isPostClosed(post, now)) return { error: 'closed', question, post };
    // 0. Answered before (the fact is written once every write below is done): nothing changes.
    if (state.fact) return this.recorded(question, post, state.fact, member, now);

    // 1. The card: records the first answer to this post and reschedules the card.
    let entry = card?.answers.find((a) => a.key === key);
    // Repeated unless this call is the one that recorded the answer (a concurrent copy may win).
    let repeated = true;
    for (let attempt = 0; !entry && attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const refused = choiceError(question, chosenNow);
      if (refused) return { error: refused };
      const g = grade(question, chosenNow);
      const candidate: AnswerEntry = { at: now.toISOString(), chosen: g.chosen, correct: g.correct, key };
      const next = this.nextCard(question, card, candidate, now, state.retention);
      if ((await this.store.putCard(person, next, card?.version ?? 0)) === 'ok') {
        entry = candidate;
        card = next;
        repeated = false;
        break;
      }
      card = await this.store.getCard(person, questionId);
      entry = card?.answers.find((a) => a.key === key);
    }
    if (!entry) throw new Error(`could not record answer after ${MAX_WRITE_ATTEMPTS} attempts`);
    // The card's oldest kept answer at its first version is the card's first answer.
    const isFirst = card?.version === card?.answers.length && card?.answers.at(-1)?.key === key;
    // 1b. The review log (idempotent: a retry writes the same entry again).
    await this.store.logReview(person, reviewOf(question, entry, isFirst ? 'new' : 'review'));

    // 2. The member: points (first answer only), week score and streak in the channel's zone.
    const points = pointsFor(question.difficulty, entry.correct);
    const answerAt = new Date(entry.at);
    const day = localDay(answerAt, post.timeZone);
    const weekKey = isoWeekKey(answerAt, post.timeZone);
    const dayNo = epochDay(entry.at);
    // A person's first answer in a channel also lists the channel on their profile (App Home);
    // it is a set, so a retry adds nothing, and later answers skip this request.
    if (!member) await this.store.noteChannel(person, channel.channelId);
    // A card this answer created goes on the person's seen set (a set: a retry adds nothing), so a
    // study session never offers it as new without reading every card.
    if (isFirst) await this.store.noteSeen(person, [questionId]);
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      if (member && isApplied(member, key, dayNo)) break;
      const next = {
        ...applyToMember(member, person, { points, correct: entry.correct, day, weekKey }),
        timeZone: post.timeZone,
      };
      const written = await this.store.putMember(channel, next, {
        answered: member?.answered,
        key,
        day: dayNo,
      });
      if (written === 'ok') {
        member = next;
        break;
      }
      member = await this.store.getMember(channel, person.userId);
    }

    // 3. The post's public count ("12 answered"), once per person.
    let answered = post.answered;
    let answeredCorrectly = post.correct;
    if (!post.counted.includes(person.userId)) {
      const counted = await this.store.countPostAnswer(
        channel,
        postId,
        person.userId,
        entry.correct,
        post.answered,
      );
      if (counted !== 'already') ({ answered, correct: answeredCorrectly } = counted);
    }

    // 4. The durable fact of this person's answer to this post: from now on a click here, however
    // late and whatever the card's or member's history has rolled over, changes nothing.
    // A concurrent copy may have written it first ('conflict'): the same answer, so that is fine.
    await this.store.recordAnswerFact(
      channel,
      postId,
      person,
      { chosen: entry.chosen, correct: entry.correct, at: entry.at },
      new Date(postClosesAt(post).getTime() + ANSWER_FACT_KEPT_MS),
    );
    return {
      question,
      chosen: entry.chosen,
      correct: entry.correct,
      points,
      repeated,
      streak: member?.streak ?? 0,
      bestStreak: member?.bestStreak ?? 0,
      weekScore: member && member.weekKey === isoWeekKey(now, post.timeZone) ? member.weekScore : 0,
      answered,
      answeredCorrectly,
      closesAt: postClosesAt(post).toISOString(),
    };
  }

  /** The result of an answer already recorded: shown again, nothing written. */
  private recorded(
    question: Question,
    post: PostRecord,
    fact: AnswerFact,
    member: MemberRecord | undefined,
    now: Date,
  ): AnswerResult {
    return {
      question,
      chosen: fact.chosen,
      correct: fact.correct,
      points: pointsFor(question.difficulty, fact.correct),
      repeated: true,
      streak: member?.streak ?? 0,
      bestStreak: member?.bestStreak ?? 0,
      weekScore: member && member.weekKey === isoWeekKey(now, post.timeZone) ? member.weekScore : 0,
      answered: post.answered,
      answeredCorrectly: post.correct,
      closesAt: postClosesAt(post).toISOString(),
    };
  }

  private nextCard(
    question: Question,
    card: CardRecord | undefined,
    entry: AnswerEntry,
    now: Date,
    retention?: number,
  ) {
    return {
      questionId: question.id,
      topic: question.topic,
      srs: review(card?.srs, entry.correct, now, retention),
      version: (card?.version ?? 0) + 1,
      answers: [entry, ...(card?.answers ?? [])],
    } satisfies CardRecord;
  }

  /**
   * The next card of a private study session: due cards first, then new questions up to the
   * person's daily limit, counted on the person's own day. One Query: the person's settings and seen
   * set, sorted before their earliest-due cards.
   */
  async nextStudy(
    person: PersonRef,
    now: Date,
    options: { topic?: string; timeZone?: string } = {},
  ): Promise<StudyCard | { none: true; nextDue?: string; newLimitReached: boolean }> {
    const queue = await this.store.studyQueue(person, STUDY_QUEUE_READ);
    const nowIso = now.toISOString();
    const inTopicCards = queue.cards.filter((c) => !options.topic || c.topic === options.topic);
    let due = inTopicCards.filter((c) => c.srs.due <= nowIso);
    // A full read whose last card is due may leave more due cards unread.
    let moreDue = queue.cards.length === STUDY_QUEUE_READ && queue.cards.at(-1)!.srs.due <= nowIso;
    if (options.topic && due.length === 0 && moreDue) {
      // The earliest-due cards are of other topics: read this topic's due cards.
      due = await this.store.dueCards(person, now, STUDY_QUEUE_READ, options.topic);
      moreDue = due.length === STUDY_QUEUE_READ;
    }
    const first = due.find((c) => questionsById.has(c.questionId));
    if (first) {
      return {
        question: questionsById.get(first.questionId)!,
        version: first.version,
        isNew: false,
        dueCount: due.length,
        ...(moreDue ? { moreDue } : {}),
      };
    }
    const today = localDay(now, queue.settings.timeZone ?? options.timeZone ?? 'UTC');
    const limit = queue.settings.newPerDay ?? NEW_CARDS_PER_DAY;
    let seen = queue.seen;
    let upcomingFrom = inTopicCards;
    if (!seen?.complete && (queue.cards.length > 0 || seen)) {
      // Cards from before the seen set existed: read them once and record them all.
      const cards = await this.store.listCards(person);
      const newCount = seen?.newDay === today ? seen.newCount : 0;
      seen = { questionIds: cards.map((c) => c.questionId), newDay: today, newCount, complete: true };
      await this.store.noteSeen(person, seen.questionIds, { day: today, count: newCount });
      upcomingFrom = cards.filter((c) => !options.topic || c.topic === options.topic);
    }
    const newToday = seen?.newDay === today ? seen.newCount : 0;
    if (newToday < limit) {
      const question = pickNewStudyQuestion(this.bank, new Set(seen?.questionIds ?? []), {
        seed: `${person.userId}:${today}:${newToday}`,
        ...(options.topic ? { topic: options.topic } : {}),
      });
      if (question) return { question, version: 0, isNew: true, dueCount: 0 };
    }
    const upcoming = upcomingFrom.map((c) => c.srs.due).sort()[0];
    return {
      none: true,
      ...(upcoming ? { nextDue: upcoming } : {}),
      newLimitReached: newToday >= limit,
    };
  }

  /** A private review answer. It applies only to the card version that was shown, so a double click counts once. */
  async answerStudy(
    person: PersonRef,
    questionId: string,
    shownVersion: number,
    chosenRaw: readonly string[],
    now: Date,
    options: { timeZone?: string } = {},
  ): Promise<
    | { question: Question; chosen: string[]; correct: boolean; repeated: boolean; nextDue: string }
    | { error: 'unknown-question' | 'not-due' | ChoiceError }
  > {
    const question = questionsById.get(questionId);
    if (!question) return { error: 'unknown-question' };
    const chosen = validChoices(question, chosenRaw);
    const key = `s:${shownVersion}`;
    const card = await this.store.getCard(person, questionId);
    const recorded = card?.answers.find((a) => a.key === key);
    if (recorded || (card?.version ?? 0) !== shownVersion) {
      // Already answered at this version (a double click or a retry): show the recorded result,
      // and finish the log entry a crash after the card's write may have left unwritten.
      if (recorded)
        await this.store.logReview(person, reviewOf(question, recorded, shownVersion ? 'review' : 'new'));
      const r = recorded ?? card?.answers[0];
      return {
        question,
        chosen: r?.chosen ?? [],
        correct: r?.correct ?? false,
        repeated: true,
        nextDue: card?.srs.due ?? now.toISOString(),
      };
    }
    // A card is answered when it is due (a new card always is): an early answer would reschedule it.
    if (card && !isDue(card.srs, now)) return { error: 'not-due' };
    const refused = choiceError(question, chosen);
    if (refused) return { error: refused };
    const g = grade(question, chosen);
    const profile = await this.store.getProfile(person);
    const entry: AnswerEntry = { at: now.toISOString(), chosen: g.chosen, correct: g.correct, key };
    const next = this.nextCard(question, card, entry, now, profile.retention);
    if ((await this.store.putCard(person, next, shownVersion)) === 'conflict') {
      return this.answerStudy(person, questionId, shownVersion, chosenRaw, now, options);
    }
    await this.store.logReview(person, reviewOf(question, entry, shownVersion ? 'review' : 'new'));
    if (shownVersion === 0)
      await this.store.noteNewCard(
        person,
        localDay(now, profile.timeZone ?? options.timeZone ?? 'UTC'),
        questionId,
      );
    return { question, chosen: g.chosen, correct: g.correct, repeated: false, nextDue: next.srs.due };
  }

  /**
   * One Query: the week board reads the channel's newest week with scores, and the zone stored on
   * its rows says whether that week is the channel's current one. Only a board with no rows at all
   * (or rows from before zones were stored) reads the channel for its zone.
   */
  async leaderboard(
    channel: ChannelRef,
    period: 'week' | 'all',
    now: Date,
  ): Promise<{ rows: LeaderRow[]; weekKey: string; timeZone: string }> {
    const strip = (r: LeaderRow): LeaderRow => ({
      userId: r.userId,
      ...(r.userName ? { userName: r.userName } : {}),
      score: r.score,
    });
    if (period === 'all') {
      const rows = await this.store.topMembers(channel, { kind: 'all' }, 10);
      // The all-time board has no week; its week key is only a label and is read in UTC.
      return { rows: rows.filter((r) => r.score > 0), weekKey: isoWeekKey(now, 'UTC'), timeZone: 'UTC' };
    }
    const latest = await this.store.topMembers(channel, { kind: 'latest-week' }, 10);
    const timeZone = latest[0]?.timeZone ?? (await this.channelTimeZone(channel));
    const weekKey = isoWeekKey(now, timeZone);
    const rows = latest.filter((r) => r.weekKey === weekKey && r.score > 0).map(strip);
    return { rows, weekKey, timeZone };
  }

  /** This week's top of each channel the person answers in (at most `limit` channels). */
  async channelBoards(person: PersonRef, now: Date, limit = 3) {
    const { channels } = await this.profile(person);
    return Promise.all(
      channels.slice(0, limit).map(async (channelId) => {
        const channel = { ...person, channelId };
        const [board, member] = await Promise.all([
          this.leaderboard(channel, 'week', now),
          this.store.getMember(channel, person.userId),
        ]);
        return {
          channelId,
          ...board,
          you: { streak: liveStreak(member, now, board.timeZone), score: member?.score ?? 0 },
        };
      }),
    );
  }

  async progress(person: PersonRef, channel: ChannelRef | undefined, now: Date): Promise<Progress> {
    const since = new Date(now.getTime() - MEASURED_RETENTION_DAYS * 86_400_000);
    const [cards, profile, member, channelZone, log] = await Promise.all([
      this.store.listCards(person),
      this.profile(person),
      channel ? this.store.getMember(channel, person.userId) : Promise.resolve(undefined),
      channel ? this.channelTimeZone(channel) : Promise.resolve('UTC'),
      this.store.reviewsSince(person, since),
    ]);
    // The person's days are counted in their own zone when they set one, else the channel's.
    const timeZone = profile.timeZone ?? channelZone;
    const live = cards.filter((c) => questionsById.has(c.questionId));
    const topicsOf = new Map(content.topics.map((t) => [t.id, t.domain]));
    // answers[0] is the newest answer; a card is stored only once answered, so it has one.
    const lastCorrect = (c: (typeof live)[number]) => c.answers[0]?.correct ?? false;
    const r = new Map(
      live.map((c) => [c.questionId, recallNow(c.srs, lastCorrect(c), now, profile.retention)]),
    );
    const topics: TopicProgress[] = content.topics.map((t) => {
      const total = this.bank.filter((q) => q.topic === t.id).length;
      const seen = live.filter((c) => c.topic === t.id);
      const sum = seen.reduce((acc, c) => acc + (r.get(c.questionId) ?? 0), 0);
      return {
        topicId: t.id,
        name: t.name,
        total,
        seen: seen.length,
        recall: seen.length ? sum / seen.length : 0,
        readiness: total ? sum / total : 0,
      };
    });
    // Per exam domain: the same sum of recall over the domain's questions (unseen count 0).
    const domains: DomainProgress[] = content.domains.map((d) => {
      const inDomain = topics.filter((t) => topicsOf.get(t.topicId) === d.id);
      const total = inDomain.reduce((n, t) => n + t.total, 0);
      const sum = inDomain.reduce((n, t) => n + t.readiness * t.total, 0);
      return { domainId: d.id, name: d.name, weight: d.weight, total, readiness: total ? sum / total : 0 };
    });
    // Answers per day from the log, and from cards' own answers not yet in it (written before it).
    const answerTimes = new Map(log.map((r) => [`${r.at}#${r.questionId}`, r.at]));
    for (const c of live) for (const a of c.answers) answerTimes.set(`${a.at}#${c.questionId}`, a.at);
    const perDay = new Map<string, number>();
    for (const at of answerTimes.values()) {
      const day = localDay(new Date(at), timeZone);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const scheduled = log.filter((r) => r.kind === 'review');
    const right = scheduled.filter((r) => r.correct).length;
    const forecastDays = Array.from({ length: FORECAST_DAYS }, (_, i) =>
      localDay(new Date(now.getTime() + i * 86_400_000), timeZone),
    );
    const forecast = forecastDays.map((day) => ({ day, count: 0 }));
    for (const c of live) {
      const day = localDay(new Date(c.srs.due), timeZone);
      const at = c.srs.due <= now.toISOString() ? 0 : forecastDays.indexOf(day);
      if (at >= 0) forecast[at]!.count++;
    }
    const upcoming = live
      .map((c) => c.srs.due)
      .filter((d) => d > now.toISOString())
      .sort()[0];
    return {
      due: live.filter((c) => isDue(c.srs, now)).length,
      learned: live.filter((c) => isLearned(c.srs)).length,
      seen: live.length,
      lapses: live.reduce((a, c) => a + c.srs.lapses, 0),
      missed: live.filter((c) => !lastCorrect(c)).length,
      reviews: live.reduce((a, c) => a + c.srs.reps, 0),
      readiness: this.bank.length ? [...r.values()].reduce((a, b) => a + b, 0) / this.bank.length : 0,
      retention: profile.retention,
      topics,
      domains,
      inChannel: channel !== undefined,
      streak: liveStreak(member, now, timeZone),
      bestStreak: member?.bestStreak ?? 0,
      score: member?.score ?? 0,
      answersPerDay: [...perDay.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .slice(-14)
        .map(([day, count]) => ({ day, count })),
      measured: {
        reviews: scheduled.length,
        days: MEASURED_RETENTION_DAYS,
        ...(scheduled.length >= MIN_MEASURED_REVIEWS ? { retention: right / scheduled.length } : {}),
      },
      forecast,
      ...(upcoming ? { nextDue: upcoming } : {}),
    };
  }
}

/** The log entry of an answer the card recorded. */
export function reviewOf(question: Question, entry: AnswerEntry, kind: ReviewRecord['kind']): ReviewRecord {
  return {
    at: entry.at,
    questionId: question.id,
    topic: question.topic,
    correct: entry.correct,
    key: entry.key,
    kind,
  };
}

/** A streak still counts if the person answered today or yesterday (channel time). */
function liveStreak(member: MemberRecord | undefined, now: Date, timeZone: string): number {
  if (!member?.lastDay) return 0;
  const today = localDay(now, timeZone);
  const yesterday = localDay(new Date(now.getTime() - 86_400_000), timeZone);
  return member.lastDay === today || member.lastDay === yesterday ? member.streak : 0;
}

function isApplied(member: MemberRecord, key: string, day: number): boolean {
  return [day, day - 1, day + 1].some((d) => member.applied[d]?.includes(key));
}

/** The member after one answer: a pure computation, written with a condition on the state it came from. */
export function applyToMember(
  member: MemberRecord | undefined,
  person: { userId: string; userName?: string; fallbackName?: string },
  a: { points: number; correct: boolean; day: string; weekKey: string },
): MemberRecord {
  const userName = person.userName ?? member?.userName ?? person.fallbackName;
  const streak = nextStreak(
    member
      ? {
          current: member.streak,
          best: member.bestStreak,
          ...(member.lastDay ? { lastDay: member.lastDay } : {}),
        }
      : undefined,
    a.day,
  );
  const sameWeek = member?.weekKey === a.weekKey;
  // A late retry from an older week adds to the all-time score but never rewinds the current week.
  const olderWeek = member !== undefined && member.weekKey > a.weekKey;
  return {
    userId: person.userId,
    ...(userName ? { userName } : {}),
    score: (member?.score ?? 0) + a.points,
    weekKey: olderWeek ? member.weekKey : a.weekKey,
    weekScore: olderWeek ? member.weekScore : (sameWeek ? member.weekScore : 0) + a.points,
    streak: streak.current,
    bestStreak: streak.best,
    ...(streak.lastDay ? { lastDay: streak.lastDay } : {}),
    answered: (member?.answered ?? 0) + 1,
    correct: (member?.correct ?? 0) + (a.correct ? 1 : 0),
    applied: member?.applied ?? {},
  };
}
