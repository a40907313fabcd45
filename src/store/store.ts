import type { Subscription } from '../engines/schedule/schedule.ts';
import type { SrsCard } from '../engines/srs/scheduler.ts';

/** Every key is scoped by platform and tenant (Slack workspace or Discord guild). */
export interface TenantRef {
  platform: 'slack' | 'discord';
  tenantId: string;
}
export interface ChannelRef extends TenantRef {
  channelId: string;
}
export interface PersonRef extends TenantRef {
  userId: string;
}

/** One answer as the card records it; the card holds the last few so retries can find them. */
export interface AnswerEntry {
  at: string;
  chosen: string[];
  correct: boolean;
  /** Where it was asked: `p:<postId>` for a channel post, `s:<version>` for a private review. */
  key: string;
}

export interface CardRecord {
  questionId: string;
  topic: string;
  srs: SrsCard;
  /** Bumped on every write; a write only lands on the version it was computed from. */
  version: number;
  answers: AnswerEntry[];
}

export interface PostRecord {
  postId: string;
  questionId: string;
  postedAt: string;
  timeZone: string;
  daily: boolean;
  answered: number;
  correct: number;
  /**
   * Recent answerers already counted in `answered`: a guard for retries and concurrent copies of
   * one answer, kept for the last few dozen answers only (the A# fact is the lasting record), so
   * the post item stays the same size however many people answer.
   */
  counted: string[];
  /** Platform message reference (Slack ts, Discord message id) once posted; the next daily post edits it. */
  messageRef?: string;
  /** After this moment (ISO) the post takes no answers; absent on posts made before posts closed. */
  closesAt?: string;
}

/**
 * A person's first answer to a post, stored on its own item once every write of the answer is
 * done. Its presence, not the card's or the member's recent history, is what makes a later click
 * on the same post change nothing.
 */
export interface AnswerFact {
  chosen: string[];
  correct: boolean;
  at: string;
}

export interface MemberRecord {
  userId: string;
  userName?: string;
  score: number;
  weekKey: string;
  weekScore: number;
  streak: number;
  bestStreak: number;
  lastDay?: string;
  answered: number;
  correct: number;
  /** Answer keys applied on each UTC epoch day (recent days only): makes the update idempotent. */
  applied: Record<number, string[]>;
  /** The channel's time zone at the member's last answer (lets a board be read without the channel). */
  timeZone?: string;
}

export interface ChannelRecord {
  /**
   * The questions asked in the channel's current cycle through the bank, oldest first, each once:
   * at most the bank's size (see question-codes.ts).
   */
  asked: string[];
  /** The version of `asked` as read (0: none yet); an append only lands on the version it saw. */
  askedVersion: number;
  timeZone?: string;
  /** The daily question's schedule, when the channel is subscribed. */
  subscription?: Subscription;
  /** When the next daily post is due (ISO); absent when unsubscribed or paused. */
  nextPostAt?: string;
  /** Why daily posts stopped (bot removed, channel deleted); cleared by subscribing again. */
  paused?: PauseRecord;
  /** The last daily post that was delivered: the recap's source and the once-a-day guard. */
  lastDailyPostId?: string;
  /** A daily post being delivered: its id and until when the claim holds. */
  claim?: { postId: string; owner: string; until: string; attempts: number };
}

export interface PauseRecord {
  reason: string;
  /** The platform's error code, e.g. channel_not_found or 10003. */
  code: string;
  at: string;
}

/** A channel whose daily post is due, as the due index returns it. */
export interface DueChannel {
  channel: ChannelRef;
  subscription: Subscription;
  nextPostAt: string;
}

export type ClaimResult =
  | { status: 'claimed'; record: ChannelRecord }
  /** Someone else holds a live claim, or the slot moved on (already posted, unsubscribed, paused). */
  | { status: 'busy' | 'moved' | 'done' };

export interface ProfileRecord {
  retention: number;
  /** Channels the person has answered in (for the Slack App Home leaderboards). */
  channels: string[];
  /** New study cards a day the person asked for (absent: the default). */
  newPerDay?: number;
  /** The person's own time zone (IANA), for their day: new cards, forecast, answers per day. */
  timeZone?: string;
}

/** The study settings a person may change; absent fields stay as they are. */
export interface StudySettings {
  retention?: number;
  newPerDay?: number;
  timeZone?: string;
}

/**
 * One answer in a person's review log: every answer, channel or private, kept for a stated time
 * (by age, not by count), so measured retention and a mistakes review have the history they need.
 */
export interface ReviewRecord {
  at: string;
  questionId: string;
  topic: string;
  correct: boolean;
  /** The card's answer key (`p:<postId>`, `s:<version>`, or `x:<at>` for practice). */
  key: string;
  /**
   * `new`: the card's first answer; `review`: an answer that rescheduled a card it already had;
   * `practice`: a mistakes or weakest drill answer, which changes no schedule.
   */
  kind: 'new' | 'review' | 'practice';
}

/** What picking a person's next study card needs, from one Query: see `studyQueue`. */
export interface StudyQueue {
  /** The person's cards, earliest due first (at most the limit asked for). */
  cards: CardRecord[];
  /**
   * Questions the person has cards for, and today's new-card count. `complete` once written from a
   * full read of the cards (`noteSeen` with `backfill`); before that the caller reads the cards.
   */
  seen?: { questionIds: string[]; newDay?: string; newCount: number; complete: boolean };
  /** The person's new-card settings (from the PROFILE item, which the same Query reads). */
  settings: Pick<StudySettings, 'newPerDay' | 'timeZone'>;
}

export interface LeaderRow {
  userId: string;
  userName?: string;
  score: number;
  /** With `{ kind: 'latest-week' }`: the row's week and the channel zone it was counted in. */
  weekKey?: string;
  timeZone?: string;
}

export type WriteResult = 'ok' | 'conflict';

/** One person's report that a question is wrong or unclear: one per person per question. */
export interface ReportRecord {
  questionId: string;
  platform: TenantRef['platform'];
  reason: string;
  /** When the report was last written (ISO); `firstAt` when it was first made. */
  at: string;
  firstAt: string;
}

/** What deleting a person's data removed, counted so the person can be told in one sentence. */
export interface PersonDeletion {
  cards: number;
  /** Study settings and the seen list (the PROFILE and SEEN items). */
  settings: number;
  /** Channels where the person's points and streak were deleted. */
  memberships: number;
  /** Recorded first answers to channel posts. */
  answers: number;
  reports: number;
  /** Entries of the review log. */
  reviews: number;
  shares: number;
  /** Channel posts whose retry guard named the person (their counts stay, anonymous). */
  postGuards: number;
}

/** A workspace whose data is due to be deleted (the app was removed from it). */
export interface TenantDeletion extends TenantRef {
  dueAt: string;
  reason: string;
}

/** Storage for the study engine. One DynamoDB implementation; only it knows keys and attributes. */
export interface StudyStore {
  /** The channel; `{ asked: false }` skips reading the question history (callers that need the zone). */
  getChannel(channel: ChannelRef, options?: { asked?: boolean }): Promise<ChannelRecord | undefined>;
  /** The zone the channel's days and weeks are counted in (set when it subscribes). */
  setChannelTimeZone(channel: ChannelRef, timeZone: string): Promise<void>;
  /**
   * Records a new channel post and appends its question to the channel's history (from `known`,
   * the channel as the caller read it, when given; else read again).
   */
  createPost(channel: ChannelRef, post: PostRecord, known?: ChannelRecord): Promise<void>;
  /** Appends a post's question to the channel's history once (a retry of the same post adds nothing). */
  appendAsked(
    channel: ChannelRef,
    postId: string,
    questionId: string,
    known?: Pick<ChannelRecord, 'asked' | 'askedVersion'>,
  ): Promise<void>;
  getPost(channel: ChannelRef, postId: string): Promise<PostRecord | undefined>;

  /** Post, card, member and the person's desired retention in one read: everything an answer needs. */
  loadAnswerState(
    channel: ChannelRef,
    postId: string,
    person: PersonRef,
    questionId: string,
  ): Promise<{
    post?: PostRecord;
    card?: CardRecord;
    member?: MemberRecord;
    retention?: number;
    fact?: AnswerFact;
  }>;
  /** Records a person's first answer to a post; 'conflict' if one is already recorded. */
  recordAnswerFact(
    channel: ChannelRef,
    postId: string,
    person: PersonRef,
    fact: AnswerFact,
    expiresAt: Date,
  ): Promise<WriteResult>;
  /** Writes the card if it is still at `expectedVersion` (0: must not exist). */
  putCard(person: PersonRef, card: CardRecord, expectedVersion: number): Promise<WriteResult>;
  getCard(person: PersonRef, questionId: string): Promise<CardRecord | undefined>;
  /** Applies a computed member state if the member is still at `expectedAnswered` and `key` is not applied. */
  putMember(
    channel: ChannelRef,
    next: MemberRecord,
    expected: { answered: number | undefined; key: string; day: number },
  ): Promise<WriteResult>;
  getMember(channel: ChannelRef, userId: string): Promise<MemberRecord | undefined>;
  /**
   * Counts a person's answer on a post once; returns the post's counts after. `answeredSeen` is the
   * post's count as the caller read it (it picks the guard generation; see the store).
   */
  countPostAnswer(
    channel: ChannelRef,
    postId: string,
    userId: string,
    correct: boolean,
    answeredSeen?: number,
  ): Promise<{ answered: number; correct: number } | 'already'>;

  /** Due cards, earliest first, from one Query on the due index (with a topic: paged until found). */
  dueCards(person: PersonRef, now: Date, limit: number, topic?: string): Promise<CardRecord[]>;
  /** The person's earliest-due cards and seen questions, from one Query on the due index. */
  studyQueue(person: PersonRef, limit: number): Promise<StudyQueue>;
  /** All of a person's cards (progress, and which questions they have seen). */
  listCards(person: PersonRef): Promise<CardRecord[]>;
  getProfile(person: PersonRef): Promise<ProfileRecord>;
  /** Remembers a channel the person answers in; idempotent (a set). */
  noteChannel(person: PersonRef, channelId: string): Promise<void>;
  /** Counts a new study card for today's new-card limit and records its question as seen. */
  noteNewCard(person: PersonRef, day: string, questionId: string): Promise<void>;
  /** Records questions the person now has cards for (a set: idempotent), optionally with today's count. */
  noteSeen(
    person: PersonRef,
    questionIds: readonly string[],
    backfill?: { day: string; count: number },
  ): Promise<void>;
  setRetention(person: PersonRef, retention: number): Promise<void>;
  /** Changes the given study settings on the profile (one write; the others stay). */
  saveSettings(person: PersonRef, settings: StudySettings): Promise<void>;
  /**
   * Adds an answer to the review log once: the item's key is the answer's time and question, so a
   * retry that writes the same answer again leaves one entry and gets 'conflict'.
   */
  logReview(person: PersonRef, review: ReviewRecord): Promise<WriteResult>;
  /** The person's review log since `since`, oldest first (one Query, paged). */
  reviewsSince(person: PersonRef, since: Date): Promise<ReviewRecord[]>;

  /**
   * A recommendation its requester may share to the channel or adjust, kept for a day (TTL). It is
   * the person's (only they see its buttons), so it is stored with their other data.
   */
  saveShare(person: PersonRef, id: string, text: string, expiresAt: Date): Promise<void>;
  /**
   * Claims a one-time key (a platform delivery id) until `expiresAt`: true for the first claim,
   * false for every later one while it lasts (or, once expired, until the TTL sweeps it).
   */
  claimOnce(tenant: TenantRef, key: string, expiresAt: Date): Promise<boolean>;
  getShare(person: PersonRef, id: string, now: Date): Promise<string | undefined>;

  // A person's data: reports on questions, and deleting everything about them.

  /** Writes the person's report on a question (a second one replaces it); 'new' the first time. */
  saveReport(person: PersonRef, questionId: string, reason: string, now: Date): Promise<'new' | 'updated'>;
  /** Every report, from one index partition (reports are rare), oldest question first. */
  listReports(): Promise<ReportRecord[]>;
  /** Deletes every item about the person in their workspace or guild; idempotent. */
  deletePersonData(person: PersonRef): Promise<PersonDeletion>;

  // A workspace that removed the app (Slack app_uninstalled / tokens_revoked).

  /** Pauses every subscribed channel of the tenant at once; returns how many. */
  stopTenantSubscriptions(tenant: TenantRef, pause: PauseRecord): Promise<number>;
  /** Records that the tenant's data is to be deleted at `dueAt`; a repeat keeps the first date. */
  scheduleTenantDeletion(tenant: TenantRef, dueAt: Date, reason: string): Promise<string>;
  /** Cancels a pending deletion (the workspace uses the app again); false when none was pending. */
  cancelTenantDeletion(tenant: TenantRef): Promise<boolean>;
  /** Every pending deletion of the platform's tenants, due or not (one index partition, paged). */
  pendingTenantDeletions(platform: TenantRef['platform']): Promise<TenantDeletion[]>;
  /**
   * The Discord guilds with channel data: a question posted there (a registry on the channel's
   * history item) or a subscribed channel (the due index). Index Queries only, never a Scan.
   */
  discordGuildsWithData(): Promise<string[]>;
  /** Tenants whose deletion is due at `now`, from one Query. */
  dueTenantDeletions(now: Date, limit: number): Promise<TenantDeletion[]>;
  /**
   * Deletes up to about `maxDeletes` of the tenant's items; `done` once nothing is left, when the
   * pending deletion is removed too. A later call continues where this one stopped.
   */
  deleteTenantData(tenant: TenantRef, maxDeletes: number): Promise<{ deleted: number; done: boolean }>;

  // Daily subscriptions (the scheduler). Only the DynamoDB store knows how the due index is keyed.

  /** Subscribes (or re-subscribes, clearing a pause) and puts the channel on the due index. */
  setSubscription(channel: ChannelRef, subscription: Subscription, nextPostAt: string): Promise<void>;
  /** Unsubscribes; false when there was nothing to remove. */
  removeSubscription(channel: ChannelRef): Promise<boolean>;
  /** Channels due at `now` from a Query per due-index shard (never a scan), earliest first. */
  dueChannels(now: Date, limit: number): Promise<DueChannel[]>;
  /**
   * Claims the daily post `postId` of the slot `nextPostAt` until `until`: succeeds only while the
   * slot is still the channel's next one, the day was not already delivered, and no live claim exists.
   */
  claimDailyPost(
    channel: ChannelRef,
    claim: { postId: string; nextPostAt: string; owner: string; until: string; now: string },
  ): Promise<ClaimResult>;
  /** Writes the post item unless it exists; returns what is stored (a retry keeps the first question). */
  putPostIfAbsent(channel: ChannelRef, post: PostRecord): Promise<PostRecord>;
  /**
   * Records a delivered daily post: releases the claim, marks the day delivered, keeps the message
   * reference on the post (the next daily post edits it closed) and moves the slot to `next` (if it
   * is still `nextPostAt`). The question went into the history before the send (`appendAsked`).
   */
  completeDailyPost(
    channel: ChannelRef,
    done: { postId: string; questionId: string; nextPostAt: string; next: string; messageRef?: string },
  ): Promise<void>;
  /** A delivery that failed for now: keeps the claim but lets it expire at `retryAt`. */
  releaseDailyClaim(channel: ChannelRef, postId: string, retryAt: string): Promise<void>;
  /** Moves the slot without posting (the day was already delivered). */
  advanceSchedule(channel: ChannelRef, nextPostAt: string, next: string): Promise<void>;
  /** Stops daily posts for good (until someone subscribes again) and takes the channel off the due index. */
  pauseSubscription(channel: ChannelRef, pause: PauseRecord): Promise<void>;

  /**
   * Top members by score from one Query on a score-sorted index. `latest-week` reads the newest
   * week that has scores without knowing the channel's zone: rows carry their week and zone.
   */
  topMembers(
    channel: ChannelRef,
    period: { kind: 'all' } | { kind: 'week'; weekKey: string } | { kind: 'latest-week' },
    limit: number,
  ): Promise<LeaderRow[]>;

  /**
   * Takes up to `want` of `cap` requests allowed in the window starting at `windowStart` (a rate
   * budget shared by every process, e.g. Discord's global 50/s); returns how many were granted.
   */
  takeRateBudget(key: string, windowStart: number, want: number, cap: number): Promise<number>;

  // ---- Reminders (issue 15, item 3): one DM a day at most, at the person's local time ----
  // A person's reminder sits on the scheduler's due index like a subscribed channel; the claim,
  // the day delivered and the slot live on the one reminder item (see src/daily/reminders.ts).

  /** The person's reminder, if they have one (stopped ones too, with why). */
  getReminder(person: PersonRef): Promise<ReminderRecord | undefined>;
  /** Turns the reminder on (or changes it, clearing a stop) and puts it on the due index at `nextAt`. */
  setReminder(person: PersonRef, setting: ReminderSetting, nextAt: string): Promise<void>;
  /** Turns the reminder off; false when there was none. */
  removeReminder(person: PersonRef): Promise<boolean>;
  /** Reminders due at `now` from a Query per due-index shard (never a scan), earliest first. */
  dueReminders(now: Date, limit: number): Promise<DueReminder[]>;
  /**
   * Claims the reminder of local day `day` (slot `nextAt`) until `until`: succeeds only while the
   * slot is still the reminder's next one, that day was not delivered, and no live claim exists.
   */
  claimReminder(
    person: PersonRef,
    claim: { day: string; nextAt: string; owner: string; until: string; now: string },
  ): Promise<ReminderClaim>;
  /**
   * Ends a claimed reminder: releases the claim, marks the day delivered when `sent`, and moves the
   * slot to `next` (if it is still `nextAt`).
   */
  completeReminder(
    person: PersonRef,
    done: { day: string; nextAt: string; next: string; sent: boolean },
  ): Promise<void>;
  /** A send that failed for now: keeps the claim but lets it expire at `retryAt`. */
  releaseReminderClaim(person: PersonRef, day: string, retryAt: string): Promise<void>;
  /** Moves the slot without sending (nothing due, or the day was already delivered). */
  advanceReminder(person: PersonRef, nextAt: string, next: string): Promise<void>;
  /** Stops the reminder for good (the DM was refused) and takes it off the due index. */
  stopReminder(person: PersonRef, stop: PauseRecord): Promise<void>;
  /** Stops every reminder of a tenant at once (the app was removed); returns how many. */
  stopTenantReminders(tenant: TenantRef, stop: PauseRecord): Promise<number>;
}

// ---- Reminders (issue 15, item 3) ----

/** What a person chooses: the local time of day and the zone it is read in. */
export interface ReminderSetting {
  /** HH:MM, 24-hour. */
  time: string;
  /** IANA time zone. */
  timeZone: string;
}

export interface ReminderRecord extends ReminderSetting {
  /** When the next reminder is due (ISO); absent once stopped. */
  nextAt?: string;
  /** The last local day (YYYY-MM-DD) a reminder was sent: the once-a-day guard. */
  lastDay?: string;
  /** Why reminders stopped (the DM was refused, the app removed); cleared by setting one again. */
  stopped?: PauseRecord;
  /** A reminder being sent: its local day and until when the claim holds. */
  claim?: { day: string; owner: string; until: string; attempts: number };
}

/** A reminder whose time has come, as the due index returns it. */
export interface DueReminder extends ReminderSetting {
  person: PersonRef;
  nextAt: string;
}

export type ReminderClaim =
  | { status: 'claimed' }
  /** Someone else holds a live claim, or the slot moved on (sent, changed, turned off, stopped). */
  | { status: 'busy' | 'moved' | 'done' };
