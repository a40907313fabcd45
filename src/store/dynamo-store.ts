import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { content } from '../content/index.ts';
import type { Subscription } from '../engines/schedule/schedule.ts';
import { QuestionCodec, questionCode } from './question-codes.ts';
import type {
  AnswerEntry,
  AnswerFact,
  CardRecord,
  ChannelRecord,
  ChannelRef,
  ClaimResult,
  DueChannel,
  DueReminder,
  LeaderRow,
  MemberRecord,
  PauseRecord,
  PersonDeletion,
  PersonRef,
  PostRecord,
  ProfileRecord,
  ReminderClaim,
  ReminderRecord,
  ReminderSetting,
  ReportRecord,
  ReviewRecord,
  StudyQueue,
  StudySettings,
  StudyStore,
  TenantDeletion,
  TenantRef,
  WriteResult,
} from './store.ts';

/**
 * The one DynamoDB implementation of the store: the only code that knows keys and attributes.
 *
 * Layout (single table, see infra/table.json):
 *   U#<tenant>#<user>     C#<question>   a person's FSRS card; gsi1 DUE#<tenant>#<user> / <due ISO>#<question>
 *   U#<tenant>#<user>     PROFILE        retention and the channels answered in
 *   U#<tenant>#<user>     SEEN           questions the person has cards for (3-byte codes) and today's
 *                                        new-card count; gsi1 DUE#<tenant>#<user> / !SEEN, so it sorts
 *                                        before the cards and one Query returns both
 *   CH#<tenant>#<channel> META           the channel: time zone, daily subscription;
 *                                        gsi1 SCHED#<shard> / <nextPostAt ISO>#<tenant>#<channel> while subscribed
 *   CH#<tenant>#<channel> HIST           the questions of the current cycle (3-byte codes); on Discord gsi1
 *                                        DGUILDS / <guild>#<channel>: the guilds with data, for the removal check
 *   CH#<tenant>#<channel> P#<post>       a channel question post with its answer counts
 *   CH#<tenant>#<channel> M#<user>       a member: scores and streak; gsi1 LBA#.. / <score> all-time,
 *                                        gsi2 LBW#.. / <week>#<score> (the newest week sorts first)
 *   RATE#<key>#<window>   RATE           a shared request budget for one time window; TTL
 *   ONCE#<tenant>#<delivery>  ONCE    a platform delivery already acted on (replays post nothing); TTL
 *   CH#<tenant>#<channel> A#<post>#<user> a person's first answer to a post, written once its other
 *                                        writes are done; expires (TTL) a week after the post closes
 *   U#<tenant>#<user>     R#<question>   the person's report on a question; gsi1 REPORTS / <question>#<tenant>#<user>
 *   U#<tenant>#<user>     SH#<id>        a recommendation the person may share or adjust; TTL a day
 *   TENANT#<tenant>       DELETE         a workspace that removed the app (a server the bot left); gsi1
 *                                        TENANTDEL / <due ISO>#<tenant>
 *   U#<tenant>#<user>     REMIND         the person's daily reminder (issue 15 item 3); gsi1 REMIND#<shard> /
 *                                        <next ISO>#<tenant>#<user> while on, gsi2 TU#<tenant> / <user>#REMIND
 * where <tenant> is <platform>#<workspace or guild>, except in a Discord person's own partitions
 * (U#, DUE#), whose <tenant> is discord#@: a Discord user id is global, so is their deck.
 *
 * The tenant directory, so a workspace's data can be found without a Scan: the items every person
 * and every channel with data has (a person's PROFILE, SEEN and reports; a channel's META and HIST)
 * carry gsi2 TU#<tenant> / <user>#<kind> or TC#<tenant> / <channel>#<kind>, set in the writes that
 * already happen (no extra request). Deleting a workspace walks those partitions; a person deleted
 * there, or by forget-me, takes their index entries with them.
 *
 * Exactly once without transactions (dynalite has no TransactWriteItems): an answer is first
 * recorded on the person's card, in the same conditional write that reschedules it, so an answer
 * never exists without its card update. The member's points and the post's count follow, each a
 * conditional single-item write that checks whether this answer's key was already applied. A
 * retry re-reads, skips what is done and completes the rest, converging on the state of one answer.
 *
 * Bounded items: no item grows with a channel's age or size. The history holds at most the bank
 * (question-codes.ts); a post keeps only its recent answerers as a retry guard (COUNT_GENERATION);
 * a member's applied keys and a card's answers keep the last few.
 */

/**
 * Daily posts (the scheduler, src/daily/). A subscribed channel's META item sits on the due index
 * under one of SCHED_SHARDS partitions, sorted by its next post time, so each scheduler pass is one
 * Query per shard with `gsi1sk <= now` and a few shards keep one partition from running hot. The
 * daily post id is the local day (d20261025); the claim, the "delivered" mark and the slot all live
 * on the META item, so each step is one conditional single-item write (see src/daily/poster.ts for
 * the crash analysis).
 */
export const SCHED_SHARDS = 4;

/** DynamoDB request and capacity counters, for the bench and for tests that count requests. */
export interface StoreMetrics {
  requests: number;
  capacityUnits: number;
}

const tenantKey = (t: TenantRef) => `${t.platform}#${t.tenantId}`;
/**
 * Whose partition a person's own items (cards, settings, history, reports, reminder) live in.
 * A Slack user id belongs to one workspace; a Discord user id is global, so a Discord person has one
 * deck across every server and their DM with the bot (`@` stands for "every guild").
 */
export const DISCORD_EVERY_GUILD = '@';
const personScope = (p: PersonRef): TenantRef =>
  p.platform === 'discord' ? { platform: 'discord', tenantId: DISCORD_EVERY_GUILD } : p;
const personPk = (p: PersonRef) => `U#${tenantKey(personScope(p))}#${p.userId}`;
const duePk = (p: PersonRef) => `DUE#${tenantKey(personScope(p))}#${p.userId}`;
/**
 * A channel on a person's profile: the channel id on Slack (one workspace); `<guild>/<channel>` on
 * Discord, whose profile spans guilds.
 */
const profileChannel = (p: PersonRef, channelId: string) =>
  p.platform === 'discord' ? `${p.tenantId}/${channelId}` : channelId;
function channelsOnProfile(p: PersonRef, entries: Iterable<string>): ChannelRef[] {
  return [...entries].map((e) => {
    const slash = e.indexOf('/');
    return slash < 0
      ? { platform: p.platform, tenantId: p.tenantId, channelId: e }
      : { platform: p.platform, tenantId: e.slice(0, slash), channelId: e.slice(slash + 1) };
  });
}
const channelPk = (c: ChannelRef) => `CH#${tenantKey(c)}#${c.channelId}`;
const allTimePk = (c: ChannelRef) => `LBA#${tenantKey(c)}#${c.channelId}`;
const weekPk = (c: ChannelRef) => `LBW#${tenantKey(c)}#${c.channelId}`;
/** Zero-padded so the string sort key orders scores numerically. */
const scoreKey = (score: number, userId: string) =>
  `${String(Math.max(0, score)).padStart(10, '0')}#${userId}`;
const appliedAttr = (day: number) => `ap${day}`;
function schedShard(c: ChannelRef): string {
  // A stable string hash (FNV-1a); any spread works, it only has to be the same on every write.
  let h = 0x811c9dc5;
  for (const ch of `${tenantKey(c)}#${c.channelId}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return `SCHED#${(h >>> 0) % SCHED_SHARDS}`;
}
const schedKey = (c: ChannelRef, nextPostAt: string) => `${nextPostAt}#${tenantKey(c)}#${c.channelId}`;
const CLAIM_FIELDS = 'claimPost, claimOwner, claimUntil, claimAttempts';
// How many past days of applied-answer markers a member item keeps; retries come within minutes.
const APPLIED_DAYS_KEPT = 2;
/**
 * A card keeps its last answers only as the retry guard of an answer in flight (a retry comes within
 * minutes, long before the same card is answered twice more); the review log keeps the history.
 */
const CARD_ANSWERS_KEPT = 2;
/** How long the review log keeps an answer (DynamoDB TTL): a year of history, and a month to spare. */
const REVIEW_LOG_KEPT_DAYS = 400;
const reviewSk = (at: string, questionId: string) => `L#${at}#${questionId}`;
/**
 * A post's count guard: answerers are kept in generations of this many (by the count the writer
 * read), and a write keeps its own generation and the one each side, dropping older ones. A retry or
 * a concurrent copy of an answer comes within seconds, long before that many others answer; a click
 * after the answer is done finds its A# fact and writes nothing. 16 Discord ids a generation keep the
 * post item under one write unit.
 */
const COUNT_GENERATION = 16;
const countAttr = (g: number) => `cg${g}`;
const SEEN_SK = '!SEEN';
/**
 * The PROFILE item is also on the person's due index, sorted before the SEEN item and every card,
 * so the one Query that picks the next study card reads the person's settings too.
 */
const PROFILE_QUEUE_SK = '!PROFILE';
const PROFILE_INDEXES = 'gsi1pk = :g1pk, gsi1sk = :g1sk, gsi2pk = :g2pk, gsi2sk = :g2sk';
const tenantUsersPk = (t: TenantRef) => `TU#${tenantKey(t)}`;
const tenantChannelsPk = (t: TenantRef) => `TC#${tenantKey(t)}`;
const REPORTS_PK = 'REPORTS';
const TENANT_DELETIONS_PK = 'TENANTDEL';
/** The registry of Discord guilds with data: each Discord channel's HIST item is on it (gsi1). */
const DISCORD_GUILDS_PK = 'DGUILDS';
const tenantDeletionKey = (t: TenantRef) => ({ pk: `TENANT#${tenantKey(t)}`, sk: 'DELETE' });
/** BatchWriteItem takes at most 25 requests. */
const BATCH_WRITE_MAX = 25;

const HISTORY_WRITE_ATTEMPTS = 8;

function isConditionFailure(err: unknown): boolean {
  return (err as { name?: string }).name === 'ConditionalCheckFailedException';
}

type Item = Record<string, unknown>;

/** The tenant-directory attributes of a person's item (see the layout above). */
function personDirectory(p: PersonRef, kind: string): { gsi2pk: string; gsi2sk: string } {
  // A Discord person's items are no guild's: a guild's deletion must not take them.
  return { gsi2pk: tenantUsersPk(personScope(p)), gsi2sk: `${p.userId}#${kind}` };
}
function channelDirectory(c: ChannelRef, kind: string): { gsi2pk: string; gsi2sk: string } {
  return { gsi2pk: tenantChannelsPk(c), gsi2sk: `${c.channelId}#${kind}` };
}
function directoryValues(d: { gsi2pk: string; gsi2sk: string }): Record<string, string> {
  return { ':g2pk': d.gsi2pk, ':g2sk': d.gsi2sk };
}
/** The PROFILE item's index attributes: the due index (see PROFILE_QUEUE_SK) and the directory. */
function profileIndexValues(p: PersonRef): Record<string, string> {
  return { ':g1pk': duePk(p), ':g1sk': PROFILE_QUEUE_SK, ...directoryValues(personDirectory(p, 'PROFILE')) };
}

function toCard(item: Item | undefined): CardRecord | undefined {
  if (!item) return undefined;
  return {
    questionId: item.questionId as string,
    topic: item.topic as string,
    srs: item.srs as CardRecord['srs'],
    version: item.version as number,
    answers: (item.answers as AnswerEntry[] | undefined) ?? [],
  };
}

function toPost(item: Item | undefined): PostRecord | undefined {
  if (!item) return undefined;
  return {
    postId: item.postId as string,
    questionId: item.questionId as string,
    postedAt: item.postedAt as string,
    timeZone: item.timeZone as string,
    daily: Boolean(item.daily),
    answered: (item.answered as number | undefined) ?? 0,
    correct: (item.correct as number | undefined) ?? 0,
    counted: Object.entries(item).flatMap(([k, v]) =>
      /^cg\d+$/.test(k) && v instanceof Set ? [...(v as Set<string>)] : [],
    ),
    ...(item.messageRef ? { messageRef: item.messageRef as string } : {}),
    ...(typeof item.closesAt === 'string' ? { closesAt: item.closesAt } : {}),
  };
}

function toFact(item: Item | undefined): AnswerFact | undefined {
  if (!item || typeof item.at !== 'string') return undefined;
  return {
    chosen: Array.isArray(item.chosen) ? (item.chosen as string[]) : [],
    correct: item.correct === true,
    at: item.at,
  };
}

function toChannel(
  item: Item | undefined,
  history: { asked: string[]; askedVersion: number },
): ChannelRecord | undefined {
  if (!item) return undefined;
  const str = (k: string) => (typeof item[k] === 'string' ? (item[k] as string) : undefined);
  const claimPost = str('claimPost');
  return {
    ...history,
    ...(item.timeZone ? { timeZone: item.timeZone as string } : {}),
    ...(item.dailySub ? { subscription: item.dailySub as Subscription } : {}),
    ...(str('nextPostAt') ? { nextPostAt: str('nextPostAt') } : {}),
    ...(item.dailyPause ? { paused: item.dailyPause as PauseRecord } : {}),
    ...(str('lastDailyPostId') ? { lastDailyPostId: str('lastDailyPostId') } : {}),
    ...(claimPost
      ? {
          claim: {
            postId: claimPost,
            owner: str('claimOwner') ?? '',
            until: str('claimUntil') ?? '',
            attempts: (item.claimAttempts as number | undefined) ?? 0,
          },
        }
      : {}),
  };
}

function toMember(item: Item | undefined): MemberRecord | undefined {
  if (!item) return undefined;
  const applied: Record<number, string[]> = {};
  for (const [k, v] of Object.entries(item)) {
    if (/^ap\d+$/.test(k) && v instanceof Set) applied[Number(k.slice(2))] = [...(v as Set<string>)];
  }
  return {
    userId: item.userId as string,
    ...(item.userName ? { userName: item.userName as string } : {}),
    score: (item.score as number | undefined) ?? 0,
    weekKey: (item.weekKey as string | undefined) ?? '',
    weekScore: (item.weekScore as number | undefined) ?? 0,
    streak: (item.streak as number | undefined) ?? 0,
    bestStreak: (item.bestStreak as number | undefined) ?? 0,
    ...(item.lastDay ? { lastDay: item.lastDay as string } : {}),
    answered: (item.answered as number | undefined) ?? 0,
    correct: (item.correct as number | undefined) ?? 0,
    applied,
    ...(typeof item.tz === 'string' ? { timeZone: item.tz } : {}),
  };
}

export class DynamoStudyStore implements StudyStore {
  readonly metrics: StoreMetrics = { requests: 0, capacityUnits: 0 };
  private readonly codec: QuestionCodec;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    /** The bank the history and seen codes are read against. */
    questionIds: readonly string[] = content.questions.map((q) => q.id),
  ) {
    this.codec = new QuestionCodec(questionIds);
  }

  /** Sends one command, counting it and the capacity it consumed. */
  /** Every page of one Query, following LastEvaluatedKey; a caller stops early by leaving the loop. */
  private async *queryPages(
    input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  ): AsyncGenerator<Item[]> {
    let start: Item | undefined;
    do {
      const out: { Items?: Item[]; LastEvaluatedKey?: Item } = await this.send(
        new QueryCommand({ TableName: this.table, ...input, ExclusiveStartKey: start }),
      );
      yield out.Items ?? [];
      start = out.LastEvaluatedKey;
    } while (start);
  }

  private async send<T>(command: { input: object }): Promise<T> {
    (command.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
    this.metrics.requests++;
    const out = (await this.doc.send(command as never)) as unknown as T & {
      ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[];
    };
    const cc = out.ConsumedCapacity;
    for (const c of Array.isArray(cc) ? cc : cc ? [cc] : [])
      this.metrics.capacityUnits += c.CapacityUnits ?? 0;
    return out;
  }

  private async sendWrite(command: { input: object }): Promise<WriteResult> {
    try {
      await this.send(command);
      return 'ok';
    } catch (err) {
      // A failed condition is also charged; count it like DynamoDB does.
      if (isConditionFailure(err)) return 'conflict';
      throw err;
    }
  }

  async getChannel(
    channel: ChannelRef,
    options: { asked?: boolean } = {},
  ): Promise<ChannelRecord | undefined> {
    if (options.asked === false) {
      const out = await this.send<{ Item?: Item }>(
        new GetCommand({ TableName: this.table, Key: this.metaKey(channel), ConsistentRead: true }),
      );
      return toChannel(out.Item, { asked: [], askedVersion: 0 });
    }
    // The channel and its history in one request.
    const keys = [this.metaKey(channel), this.historyKey(channel)];
    const found = await this.batchGet(keys);
    const meta = found.find((i) => i.sk === 'META');
    const history = this.toHistory(found.find((i) => i.sk === 'HIST'));
    if (!meta && history.askedVersion === 0) return undefined;
    return toChannel(meta ?? {}, history);
  }

  private historyKey(channel: ChannelRef) {
    return { pk: channelPk(channel), sk: 'HIST' };
  }

  private toHistory(item: Item | undefined): { asked: string[]; askedVersion: number } {
    return {
      asked: this.codec.decode(item?.codes as Uint8Array | undefined),
      askedVersion: (item?.v as number | undefined) ?? 0,
    };
  }

  private async readHistory(channel: ChannelRef) {
    const out = await this.send<{ Item?: Item }>(
      new GetCommand({ TableName: this.table, Key: this.historyKey(channel), ConsistentRead: true }),
    );
    return { ...this.toHistory(out.Item), lastPost: out.Item?.lastPost as string | undefined };
  }

  /** BatchGetItem, asking again for keys DynamoDB left unprocessed under load. */
  private async batchGet(keys: Item[]): Promise<Item[]> {
    let pending: Item[] = keys;
    const found: Item[] = [];
    for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
      const out = await this.send<{
        Responses?: Record<string, Item[]>;
        UnprocessedKeys?: Record<string, { Keys?: Item[] }>;
      }>(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: pending, ConsistentRead: true } } }));
      found.push(...(out.Responses?.[this.table] ?? []));
      pending = out.UnprocessedKeys?.[this.table]?.Keys ?? [];
    }
    return found;
  }

  async setChannelTimeZone(channel: ChannelRef, timeZone: string): Promise<void> {
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: channelPk(channel), sk: 'META' },
        // TIMEZONE is a DynamoDB reserved word.
        UpdateExpression: 'SET #tz = :tz, gsi2pk = :g2pk, gsi2sk = :g2sk',
        ExpressionAttributeNames: { '#tz': 'timeZone' },
        ExpressionAttributeValues: { ':tz': timeZone, ...directoryValues(channelDirectory(channel, 'META')) },
      }),
    );
  }

  async createPost(channel: ChannelRef, post: PostRecord, known?: ChannelRecord): Promise<void> {
    const { counted: _counted, ...rest } = post;
    await this.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: channelPk(channel), sk: `P#${post.postId}`, ...rest },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await this.appendAsked(channel, post.postId, post.questionId, known);
  }

  async appendAsked(
    channel: ChannelRef,
    postId: string,
    questionId: string,
    known?: Pick<ChannelRecord, 'asked' | 'askedVersion'>,
  ): Promise<void> {
    // Read-modify-write on the version read: two posts at once in one channel both land, in turn.
    let seen: { asked: string[]; askedVersion: number; lastPost?: string | undefined } =
      known ?? (await this.readHistory(channel));
    for (let attempt = 0; attempt < HISTORY_WRITE_ATTEMPTS; attempt++) {
      if (seen.lastPost === postId) return;
      let packed: Uint8Array | undefined;
      for (const id of seen.asked) packed = this.codec.append(packed, id);
      packed = this.codec.append(packed, questionId);
      const written = await this.sendWrite(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...this.historyKey(channel),
            ...(packed.length ? { codes: packed } : {}),
            v: seen.askedVersion + 1,
            lastPost: postId,
            ...channelDirectory(channel, 'HIST'),
            // A bot on HTTP interactions hears nothing when a guild removes it; the daily run
            // compares Discord's guild list with this registry (src/daily/guild-check.ts).
            ...(channel.platform === 'discord'
              ? { gsi1pk: DISCORD_GUILDS_PK, gsi1sk: `${channel.tenantId}#${channel.channelId}` }
              : {}),
          },
          ...(seen.askedVersion === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': seen.askedVersion } }),
        }),
      );
      if (written === 'ok') return;
      seen = await this.readHistory(channel);
    }
    throw new Error(`could not append to the history of ${channelPk(channel)}`);
  }

  async getPost(channel: ChannelRef, postId: string): Promise<PostRecord | undefined> {
    const out = await this.send<{ Item?: Item }>(
      new GetCommand({
        TableName: this.table,
        Key: { pk: channelPk(channel), sk: `P#${postId}` },
        ConsistentRead: true,
      }),
    );
    return toPost(out.Item);
  }

  async loadAnswerState(channel: ChannelRef, postId: string, person: PersonRef, questionId: string) {
    const keys = [
      { pk: channelPk(channel), sk: `P#${postId}` },
      { pk: personPk(person), sk: `C#${questionId}` },
      { pk: channelPk(channel), sk: `M#${person.userId}` },
      { pk: personPk(person), sk: 'PROFILE' },
      { pk: channelPk(channel), sk: `A#${postId}#${person.userId}` },
    ];
    const found = await this.batchGet(keys);
    const pick = (pk: unknown, sk: unknown) => found.find((i) => i.pk === pk && i.sk === sk);
    const post = toPost(pick(keys[0]!.pk, keys[0]!.sk));
    const card = toCard(pick(keys[1]!.pk, keys[1]!.sk));
    const member = toMember(pick(keys[2]!.pk, keys[2]!.sk));
    const retention = pick(keys[3]!.pk, keys[3]!.sk)?.retention as number | undefined;
    const fact = toFact(pick(keys[4]!.pk, keys[4]!.sk));
    return {
      ...(fact ? { fact } : {}),
      ...(post ? { post } : {}),
      ...(card ? { card } : {}),
      ...(member ? { member } : {}),
      ...(retention !== undefined ? { retention } : {}),
    };
  }

  async recordAnswerFact(
    channel: ChannelRef,
    postId: string,
    person: PersonRef,
    fact: AnswerFact,
    expiresAt: Date,
  ): Promise<WriteResult> {
    return this.sendWrite(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: channelPk(channel),
          sk: `A#${postId}#${person.userId}`,
          chosen: fact.chosen,
          correct: fact.correct,
          at: fact.at,
          expiresAt: Math.floor(expiresAt.getTime() / 1000),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async putCard(person: PersonRef, card: CardRecord, expectedVersion: number): Promise<WriteResult> {
    const answers = [...card.answers].sort((a, b) => b.at.localeCompare(a.at)).slice(0, CARD_ANSWERS_KEPT);
    return this.sendWrite(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: personPk(person),
          sk: `C#${card.questionId}`,
          gsi1pk: duePk(person),
          gsi1sk: `${card.srs.due}#${card.questionId}`,
          questionId: card.questionId,
          topic: card.topic,
          srs: card.srs,
          version: card.version,
          answers,
        },
        ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
        ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
      }),
    );
  }

  async getCard(person: PersonRef, questionId: string): Promise<CardRecord | undefined> {
    const out = await this.send<{ Item?: Item }>(
      new GetCommand({
        TableName: this.table,
        Key: { pk: personPk(person), sk: `C#${questionId}` },
        ConsistentRead: true,
      }),
    );
    return toCard(out.Item);
  }

  async putMember(
    channel: ChannelRef,
    next: MemberRecord,
    expected: { answered: number | undefined; key: string; day: number },
  ): Promise<WriteResult> {
    const names: Record<string, string> = {
      '#today': appliedAttr(expected.day),
      '#yday': appliedAttr(expected.day - 1),
    };
    const removes: string[] = [];
    for (let d = expected.day - APPLIED_DAYS_KEPT; d > expected.day - APPLIED_DAYS_KEPT - 7; d--) {
      names[`#old${removes.length}`] = appliedAttr(d);
      removes.push(`#old${removes.length}`);
    }
    const values: Record<string, unknown> = {
      ':userId': next.userId,
      ':score': next.score,
      ':weekKey': next.weekKey,
      ':weekScore': next.weekScore,
      ':streak': next.streak,
      ':best': next.bestStreak,
      ':lastDay': next.lastDay ?? '',
      ':answered': next.answered,
      ':correct': next.correct,
      ':g1pk': allTimePk(channel),
      ':g1sk': scoreKey(next.score, next.userId),
      ':g2pk': weekPk(channel),
      ':g2sk': `${next.weekKey}#${scoreKey(next.weekScore, next.userId)}`,
      ':key': expected.key,
      ':keySet': new Set([expected.key]),
    };
    let set =
      'SET userId = :userId, score = :score, weekKey = :weekKey, weekScore = :weekScore, streak = :streak, ' +
      'bestStreak = :best, lastDay = :lastDay, answered = :answered, correct = :correct, ' +
      'gsi1pk = :g1pk, gsi1sk = :g1sk, gsi2pk = :g2pk, gsi2sk = :g2sk';
    if (next.userName) {
      set += ', userName = :userName';
      values[':userName'] = next.userName;
    }
    if (next.timeZone) {
      set += ', tz = :tz';
      values[':tz'] = next.timeZone;
    }
    // Optimistic concurrency on `answered` (it grows with every answer), and never the same key twice.
    let condition = 'NOT contains(#today, :key) AND NOT contains(#yday, :key) AND ';
    if (expected.answered === undefined) condition += 'attribute_not_exists(pk)';
    else {
      condition += 'answered = :expectedAnswered';
      values[':expectedAnswered'] = expected.answered;
    }
    return this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: channelPk(channel), sk: `M#${next.userId}` },
        UpdateExpression: `${set} ADD #today :keySet REMOVE ${removes.join(', ')}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }

  async getMember(channel: ChannelRef, userId: string): Promise<MemberRecord | undefined> {
    const out = await this.send<{ Item?: Item }>(
      new GetCommand({
        TableName: this.table,
        Key: { pk: channelPk(channel), sk: `M#${userId}` },
        ConsistentRead: true,
      }),
    );
    return toMember(out.Item);
  }

  async countPostAnswer(
    channel: ChannelRef,
    postId: string,
    userId: string,
    correct: boolean,
    answeredSeen = 0,
  ) {
    // The generation comes from the count this writer read; copies of one answer read nearly the
    // same count, so each finds the other's mark in its own generation or the one either side.
    const g = Math.floor(answeredSeen / COUNT_GENERATION);
    const names: Record<string, string> = {
      '#prev': countAttr(g - 1),
      '#cur': countAttr(g),
      '#next': countAttr(g + 1),
    };
    const removes: string[] = [];
    for (let old = g - 2; old >= Math.max(0, g - 4); old--) {
      names[`#old${removes.length}`] = countAttr(old);
      removes.push(`#old${removes.length}`);
    }
    try {
      const out = await this.send<{ Attributes?: Item }>(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: channelPk(channel), sk: `P#${postId}` },
          UpdateExpression: `ADD answered :one, correct :c, #cur :u${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression:
            'attribute_exists(pk) AND NOT contains(#prev, :user) AND NOT contains(#cur, :user) ' +
            'AND NOT contains(#next, :user)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: {
            ':one': 1,
            ':c': correct ? 1 : 0,
            ':u': new Set([userId]),
            ':user': userId,
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return {
        answered: (out.Attributes?.answered as number) ?? 0,
        correct: (out.Attributes?.correct as number) ?? 0,
      };
    } catch (err) {
      if (isConditionFailure(err)) return 'already' as const;
      throw err;
    }
  }

  async dueCards(person: PersonRef, now: Date, limit: number, topic?: string): Promise<CardRecord[]> {
    const input = {
      IndexName: 'gsi1',
      // From '0': the PROFILE and SEEN items ('!…') sort before every due time and are not cards.
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :now',
      ExpressionAttributeValues: {
        ':pk': duePk(person),
        ':from': '0',
        ':now': `${now.toISOString()}~`,
        ...(topic ? { ':t': topic } : {}),
      },
      ...(topic ? { FilterExpression: 'topic = :t' } : {}),
      Limit: limit,
    };
    const cards: CardRecord[] = [];
    // A topic filter applies after each page's limit: page on until enough cards of the topic.
    for await (const items of this.queryPages(input)) {
      cards.push(...items.map((i) => toCard(i)!));
      if (!topic || cards.length >= limit) break;
    }
    return cards.slice(0, limit);
  }

  async studyQueue(person: PersonRef, limit: number): Promise<StudyQueue> {
    const out = await this.send<{ Items?: Item[] }>(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': duePk(person) },
        // The PROFILE and SEEN items sort first; then the earliest-due cards.
        Limit: limit + 2,
      }),
    );
    const items = out.Items ?? [];
    const seenItem = items.find((i) => i.sk === 'SEEN');
    const profile = items.find((i) => i.sk === 'PROFILE');
    const cards = items.filter((i) => String(i.sk).startsWith('C#')).map((i) => toCard(i)!);
    const codes = seenItem?.seen instanceof Set ? [...(seenItem.seen as Set<Uint8Array>)] : [];
    return {
      cards: cards.slice(0, limit),
      settings: {
        ...(typeof profile?.newPerDay === 'number' ? { newPerDay: profile.newPerDay } : {}),
        ...(typeof profile?.timeZone === 'string' ? { timeZone: profile.timeZone } : {}),
      },
      ...(seenItem
        ? {
            seen: {
              questionIds: codes.flatMap((c) => this.codec.ids(c)),
              complete: seenItem.complete === true,
              newCount: (seenItem.newCount as number | undefined) ?? 0,
              ...(typeof seenItem.newDay === 'string' ? { newDay: seenItem.newDay } : {}),
            },
          }
        : {}),
    };
  }

  async listCards(person: PersonRef): Promise<CardRecord[]> {
    const cards: CardRecord[] = [];
    for await (const items of this.queryPages({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
      ExpressionAttributeValues: { ':pk': personPk(person), ':c': 'C#' },
    }))
      cards.push(...items.map((i) => toCard(i)!));
    return cards;
  }

  async getProfile(person: PersonRef): Promise<ProfileRecord> {
    const out = await this.send<{ Item?: Item }>(
      new GetCommand({ TableName: this.table, Key: { pk: personPk(person), sk: 'PROFILE' } }),
    );
    return {
      retention: (out.Item?.retention as number | undefined) ?? 0.9,
      // The channels of this workspace or guild (a Discord profile lists every guild's).
      channels:
        out.Item?.channels instanceof Set
          ? channelsOnProfile(person, out.Item.channels as Set<string>)
              .filter((c) => c.tenantId === person.tenantId)
              .map((c) => c.channelId)
              .sort()
          : [],
      ...(typeof out.Item?.newPerDay === 'number' ? { newPerDay: out.Item.newPerDay } : {}),
      ...(typeof out.Item?.timeZone === 'string' ? { timeZone: out.Item.timeZone } : {}),
    };
  }

  async saveSettings(person: PersonRef, settings: StudySettings): Promise<void> {
    const set = Object.entries(settings).filter(([, v]) => v !== undefined);
    if (set.length === 0) return;
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: personPk(person), sk: 'PROFILE' },
        UpdateExpression: `SET ${set.map(([k]) => `#${k} = :${k}`).join(', ')}, ${PROFILE_INDEXES}`,
        ExpressionAttributeNames: Object.fromEntries(set.map(([k]) => [`#${k}`, k])),
        ExpressionAttributeValues: {
          ...Object.fromEntries(set.map(([k, v]) => [`:${k}`, v])),
          ...profileIndexValues(person),
        },
      }),
    );
  }

  async logReview(person: PersonRef, review: ReviewRecord): Promise<WriteResult> {
    const expiresAt = Math.floor(new Date(review.at).getTime() / 1000) + REVIEW_LOG_KEPT_DAYS * 86_400;
    return this.sendWrite(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: personPk(person),
          sk: reviewSk(review.at, review.questionId),
          questionId: review.questionId,
          topic: review.topic,
          correct: review.correct,
          key: review.key,
          kind: review.kind,
          expiresAt,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async reviewsSince(person: PersonRef, since: Date): Promise<ReviewRecord[]> {
    const reviews: ReviewRecord[] = [];
    for await (const items of this.queryPages({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': personPk(person),
        ':from': `L#${since.toISOString()}`,
        ':to': 'L#~',
      },
    }))
      for (const i of items)
        reviews.push({
          at: String(i.sk).slice(2, -String(i.questionId).length - 1),
          questionId: i.questionId as string,
          topic: i.topic as string,
          correct: i.correct === true,
          key: i.key as string,
          kind: i.kind === 'new' || i.kind === 'practice' ? i.kind : 'review',
        });
    return reviews;
  }

  async noteChannel(person: PersonRef, channelId: string): Promise<void> {
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: personPk(person), sk: 'PROFILE' },
        UpdateExpression: `SET ${PROFILE_INDEXES} ADD channels :c`,
        ExpressionAttributeValues: {
          ':c': new Set([profileChannel(person, channelId)]),
          ...profileIndexValues(person),
        },
      }),
    );
  }

  private seenKey(person: PersonRef) {
    return { pk: personPk(person), sk: 'SEEN' };
  }

  async noteNewCard(person: PersonRef, day: string, questionId: string): Promise<void> {
    // Same day: add one. New day: start again at one. Two conditional tries, no read needed.
    const values = {
      ':one': 1,
      ':day': day,
      ':seen': new Set([questionCode(questionId)]),
      ':g1pk': duePk(person),
      ':g1sk': SEEN_SK,
      ...directoryValues(personDirectory(person, 'SEEN')),
    };
    const sameDay = await this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: this.seenKey(person),
        UpdateExpression:
          'SET gsi1pk = :g1pk, gsi1sk = :g1sk, gsi2pk = :g2pk, gsi2sk = :g2sk ADD newCount :one, seen :seen',
        ConditionExpression: 'newDay = :day',
        ExpressionAttributeValues: values,
      }),
    );
    if (sameDay === 'ok') return;
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.seenKey(person),
        UpdateExpression:
          'SET newDay = :day, newCount = :one, gsi1pk = :g1pk, gsi1sk = :g1sk, gsi2pk = :g2pk, gsi2sk = :g2sk ' +
          'ADD seen :seen',
        ExpressionAttributeValues: values,
      }),
    );
  }

  async noteSeen(
    person: PersonRef,
    questionIds: readonly string[],
    backfill?: { day: string; count: number },
  ): Promise<void> {
    const values: Record<string, unknown> = {
      ':g1pk': duePk(person),
      ':g1sk': SEEN_SK,
      ...directoryValues(personDirectory(person, 'SEEN')),
    };
    let set = 'SET gsi1pk = :g1pk, gsi1sk = :g1sk, gsi2pk = :g2pk, gsi2sk = :g2sk';
    if (backfill) {
      // Written from a full read of the person's cards: from now on the set is the whole truth.
      set +=
        ', complete = :true, newDay = if_not_exists(newDay, :day), newCount = if_not_exists(newCount, :n)';
      Object.assign(values, { ':true': true, ':day': backfill.day, ':n': backfill.count });
    }
    const codes = questionIds.map(questionCode);
    if (codes.length) values[':seen'] = new Set(codes);
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.seenKey(person),
        UpdateExpression: `${set}${codes.length ? ' ADD seen :seen' : ''}`,
        ExpressionAttributeValues: values,
      }),
    );
  }

  async setRetention(person: PersonRef, retention: number): Promise<void> {
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: personPk(person), sk: 'PROFILE' },
        UpdateExpression: `SET retention = :r, ${PROFILE_INDEXES}`,
        ExpressionAttributeValues: { ':r': retention, ...profileIndexValues(person) },
      }),
    );
  }

  async claimOnce(tenant: TenantRef, key: string, expiresAt: Date): Promise<boolean> {
    const written = await this.sendWrite(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: `ONCE#${tenantKey(tenant)}#${key}`,
          sk: 'ONCE',
          expiresAt: Math.floor(expiresAt.getTime() / 1000),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return written === 'ok';
  }

  async saveShare(person: PersonRef, id: string, text: string, expiresAt: Date): Promise<void> {
    await this.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: personPk(person),
          sk: `SH#${id}`,
          text,
          expiresAt: Math.floor(expiresAt.getTime() / 1000),
        },
      }),
    );
  }

  async getShare(person: PersonRef, id: string, now: Date): Promise<string | undefined> {
    const out = await this.send<{ Item?: Item }>(
      new GetCommand({ TableName: this.table, Key: { pk: personPk(person), sk: `SH#${id}` } }),
    );
    // TTL deletion can lag by hours; an expired share is treated as gone.
    if (!out.Item || (out.Item.expiresAt as number) * 1000 < now.getTime()) return undefined;
    return out.Item.text as string;
  }

  private metaKey(channel: ChannelRef) {
    return { pk: channelPk(channel), sk: 'META' };
  }

  async setSubscription(channel: ChannelRef, subscription: Subscription, nextPostAt: string): Promise<void> {
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.metaKey(channel),
        UpdateExpression:
          'SET dailySub = :sub, nextPostAt = :next, gsi1pk = :g1pk, gsi1sk = :g1sk, ' +
          'chPlatform = :platform, chTenant = :tenant, chChannel = :channel, gsi2pk = :g2pk, gsi2sk = :g2sk ' +
          'REMOVE dailyPause',
        ExpressionAttributeValues: {
          ...directoryValues(channelDirectory(channel, 'META')),
          ':sub': { time: subscription.time, timeZone: subscription.timeZone, days: subscription.days },
          ':next': nextPostAt,
          ':g1pk': schedShard(channel),
          ':g1sk': schedKey(channel, nextPostAt),
          ':platform': channel.platform,
          ':tenant': channel.tenantId,
          ':channel': channel.channelId,
        },
      }),
    );
    // A workspace that subscribes again after removing the app (reinstalled) keeps its data, and so
    // does a Discord server that added the bot back.
    await this.cancelTenantDeletion(channel);
  }

  async removeSubscription(channel: ChannelRef): Promise<boolean> {
    const result = await this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: this.metaKey(channel),
        UpdateExpression: 'REMOVE dailySub, nextPostAt, gsi1pk, gsi1sk, dailyPause',
        ConditionExpression: 'attribute_exists(dailySub)',
      }),
    );
    return result === 'ok';
  }

  async dueChannels(now: Date, limit: number): Promise<DueChannel[]> {
    const due: DueChannel[] = [];
    // '~' sorts after '#', so every key whose time is <= now is included.
    const bound = `${now.toISOString()}~`;
    for (let shard = 0; shard < SCHED_SHARDS; shard++) {
      let start: Item | undefined;
      let taken = 0;
      do {
        const out: { Items?: Item[]; LastEvaluatedKey?: Item } = await this.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
            ExpressionAttributeValues: { ':pk': `SCHED#${shard}`, ':now': bound },
            Limit: Math.min(limit - taken, 500),
            ExclusiveStartKey: start,
          }),
        );
        for (const i of out.Items ?? []) {
          if (!i.dailySub || typeof i.nextPostAt !== 'string') continue;
          due.push({
            channel: {
              platform: i.chPlatform as ChannelRef['platform'],
              tenantId: i.chTenant as string,
              channelId: i.chChannel as string,
            },
            subscription: i.dailySub as Subscription,
            nextPostAt: i.nextPostAt,
          });
          taken++;
        }
        start = out.LastEvaluatedKey;
      } while (start && taken < limit);
    }
    return due.sort((a, b) => a.nextPostAt.localeCompare(b.nextPostAt)).slice(0, limit);
  }

  async claimDailyPost(
    channel: ChannelRef,
    claim: { postId: string; nextPostAt: string; owner: string; until: string; now: string },
  ): Promise<ClaimResult> {
    try {
      const out = await this.send<{ Attributes?: Item }>(
        new UpdateCommand({
          TableName: this.table,
          Key: this.metaKey(channel),
          UpdateExpression:
            'SET claimPost = :pid, claimOwner = :owner, claimUntil = :until ADD claimAttempts :one',
          ConditionExpression:
            'nextPostAt = :slot AND (attribute_not_exists(lastDailyPostId) OR lastDailyPostId <> :pid) ' +
            'AND (attribute_not_exists(claimPost) OR claimPost <> :pid OR claimUntil <= :now)',
          ExpressionAttributeValues: {
            ':pid': claim.postId,
            ':owner': claim.owner,
            ':until': claim.until,
            ':one': 1,
            ':slot': claim.nextPostAt,
            ':now': claim.now,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      // The history lives on its own item (never on the due index): one more read, on a claim only.
      return { status: 'claimed', record: toChannel(out.Attributes, await this.readHistory(channel))! };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
    // Why it failed decides what the scheduler does next; one read, only on the unhappy path.
    const current = await this.getChannel(channel, { asked: false });
    if (current?.nextPostAt !== claim.nextPostAt) return { status: 'moved' };
    if (current.lastDailyPostId === claim.postId) return { status: 'done' };
    return { status: 'busy' };
  }

  async putPostIfAbsent(channel: ChannelRef, post: PostRecord): Promise<PostRecord> {
    const { counted: _counted, ...rest } = post;
    const written = await this.sendWrite(
      new PutCommand({
        TableName: this.table,
        Item: { pk: channelPk(channel), sk: `P#${post.postId}`, ...rest },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    if (written === 'ok') return post;
    return (await this.getPost(channel, post.postId)) ?? post;
  }

  async completeDailyPost(
    channel: ChannelRef,
    done: { postId: string; questionId: string; nextPostAt: string; next: string; messageRef?: string },
  ): Promise<void> {
    // Usually one write: delivered and the next slot together, on the claim we hold.
    const moved = await this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: this.metaKey(channel),
        UpdateExpression: `SET lastDailyPostId = :pid, nextPostAt = :next, gsi1sk = :g1sk REMOVE ${CLAIM_FIELDS}`,
        ConditionExpression: 'claimPost = :pid AND nextPostAt = :slot',
        ExpressionAttributeValues: {
          ':pid': done.postId,
          ':next': done.next,
          ':g1sk': schedKey(channel, done.next),
          ':slot': done.nextPostAt,
        },
      }),
    );
    if (moved === 'conflict') {
      // The schedule changed while we posted (re-subscribed, unsubscribed): still record the day as
      // delivered so a new time today does not post again.
      await this.sendWrite(
        new UpdateCommand({
          TableName: this.table,
          Key: this.metaKey(channel),
          UpdateExpression: `SET lastDailyPostId = :pid REMOVE ${CLAIM_FIELDS}`,
          ConditionExpression: 'claimPost = :pid',
          ExpressionAttributeValues: { ':pid': done.postId },
        }),
      );
    }
    // Read by the next daily post, which edits this message to its closed form.
    if (done.messageRef) {
      await this.sendWrite(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: channelPk(channel), sk: `P#${done.postId}` },
          UpdateExpression: 'SET messageRef = :m',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':m': done.messageRef },
        }),
      );
    }
  }

  async releaseDailyClaim(channel: ChannelRef, postId: string, retryAt: string): Promise<void> {
    await this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: this.metaKey(channel),
        UpdateExpression: 'SET claimUntil = :until',
        ConditionExpression: 'claimPost = :pid',
        ExpressionAttributeValues: { ':until': retryAt, ':pid': postId },
      }),
    );
  }

  async advanceSchedule(channel: ChannelRef, nextPostAt: string, next: string): Promise<void> {
    await this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: this.metaKey(channel),
        UpdateExpression: 'SET nextPostAt = :next, gsi1sk = :g1sk',
        ConditionExpression: 'nextPostAt = :slot',
        ExpressionAttributeValues: { ':next': next, ':g1sk': schedKey(channel, next), ':slot': nextPostAt },
      }),
    );
  }

  async pauseSubscription(channel: ChannelRef, pause: PauseRecord): Promise<void> {
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.metaKey(channel),
        UpdateExpression: `SET dailyPause = :p REMOVE nextPostAt, gsi1pk, gsi1sk, ${CLAIM_FIELDS}`,
        ExpressionAttributeValues: { ':p': pause },
      }),
    );
  }

  async topMembers(
    channel: ChannelRef,
    period: { kind: 'all' } | { kind: 'week'; weekKey: string } | { kind: 'latest-week' },
    limit: number,
  ): Promise<LeaderRow[]> {
    const query =
      period.kind === 'all'
        ? {
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': allTimePk(channel) },
          }
        : period.kind === 'week'
          ? {
              IndexName: 'gsi2',
              KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :week)',
              ExpressionAttributeValues: { ':pk': weekPk(channel), ':week': `${period.weekKey}#` },
            }
          : // Newest week first, best score first within it: the current week's top if it has scores.
            {
              IndexName: 'gsi2',
              KeyConditionExpression: 'gsi2pk = :pk',
              ExpressionAttributeValues: { ':pk': weekPk(channel) },
            };
    const out = await this.send<{ Items?: Item[] }>(
      new QueryCommand({ TableName: this.table, ...query, ScanIndexForward: false, Limit: limit }),
    );
    return (out.Items ?? []).map((i) => ({
      userId: i.userId as string,
      ...(i.userName ? { userName: i.userName as string } : {}),
      score: (period.kind === 'all' ? i.score : i.weekScore) as number,
      ...(period.kind === 'latest-week'
        ? { weekKey: i.weekKey as string, ...(typeof i.tz === 'string' ? { timeZone: i.tz } : {}) }
        : {}),
    }));
  }

  async takeRateBudget(key: string, windowStart: number, want: number, cap: number): Promise<number> {
    // Each try asks for fewer, so a nearly spent window still hands out what is left.
    for (let n = Math.min(want, cap); n > 0; n = Math.floor(n / 2)) {
      const taken = await this.sendWrite(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `RATE#${key}#${windowStart}`, sk: 'RATE' },
          UpdateExpression: 'ADD used :n SET expiresAt = if_not_exists(expiresAt, :exp)',
          ConditionExpression: 'attribute_not_exists(used) OR used <= :left',
          ExpressionAttributeValues: {
            ':n': n,
            ':left': cap - n,
            ':exp': Math.floor(windowStart / 1000) + 3600,
          },
        }),
      );
      if (taken === 'ok') return n;
    }
    return 0;
  }

  // ---- A person's data: reports, and deleting everything about a person or a workspace ----

  async saveReport(
    person: PersonRef,
    questionId: string,
    reason: string,
    now: Date,
  ): Promise<'new' | 'updated'> {
    // One item per person and question: a second report (or a replayed submission) overwrites it.
    const out = await this.send<{ Attributes?: Item }>(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: personPk(person), sk: `R#${questionId}` },
        UpdateExpression:
          'SET questionId = :q, platform = :p, reason = :r, #at = :at, firstAt = if_not_exists(firstAt, :at), ' +
          'gsi1pk = :g1pk, gsi1sk = :g1sk, gsi2pk = :g2pk, gsi2sk = :g2sk',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: {
          ':q': questionId,
          ':p': person.platform,
          ':r': reason,
          ':at': now.toISOString(),
          ':g1pk': REPORTS_PK,
          ':g1sk': `${questionId}#${tenantKey(person)}#${person.userId}`,
          ...directoryValues(personDirectory(person, `R#${questionId}`)),
        },
        ReturnValues: 'UPDATED_OLD',
      }),
    );
    return out.Attributes?.firstAt ? 'updated' : 'new';
  }

  async listReports(): Promise<ReportRecord[]> {
    const reports: ReportRecord[] = [];
    for await (const items of this.queryPages({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': REPORTS_PK },
    }))
      for (const i of items) {
        if (typeof i.questionId !== 'string' || typeof i.reason !== 'string') continue;
        reports.push({
          questionId: i.questionId,
          platform: i.platform as ReportRecord['platform'],
          reason: i.reason,
          at: String(i.at ?? ''),
          firstAt: String(i.firstAt ?? i.at ?? ''),
        });
      }
    return reports;
  }

  /** Every key of one partition (optionally only sort keys starting with `prefix`), paged. */
  private async partitionItems(pk: string, prefix?: string, projection = 'pk, sk'): Promise<Item[]> {
    const items: Item[] = [];
    for await (const page of this.queryPages({
      KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk, ...(prefix ? { ':prefix': prefix } : {}) },
      ...(projection === '*' ? {} : { ProjectionExpression: projection }),
    }))
      items.push(...page);
    return items;
  }

  /** BatchWriteItem deletes, 25 at a time, sending again what DynamoDB left unprocessed. */
  /**
   * Moves Discord people's own items from the per-guild partitions they had before a Discord deck
   * became one per person (`U#discord#<guild>#<user>`) to `U#discord#@#<user>`, merging where a
   * person had items in several guilds: the card with more reviews wins, the seen sets and
   * channels are united, settings already in the new partition stay. A one-off upgrade step, so a
   * Scan is the right tool; each item is copied, then deleted, so an interrupted run is re-run.
   */
  async migrateDiscordPeople(): Promise<{ items: number; people: number; merged: number }> {
    const people = new Set<string>();
    let items = 0;
    let merged = 0;
    let start: Item | undefined;
    do {
      const out: { Items?: Item[]; LastEvaluatedKey?: Item } = await this.send(
        new ScanCommand({
          TableName: this.table,
          FilterExpression: 'begins_with(pk, :p) AND NOT begins_with(pk, :done)',
          ExpressionAttributeValues: {
            ':p': 'U#discord#',
            ':done': `U#discord#${DISCORD_EVERY_GUILD}#`,
          },
          ExclusiveStartKey: start,
        }),
      );
      for (const old of out.Items ?? []) {
        const [, , guild = '', ...rest] = String(old.pk).split('#');
        const userId = rest.join('#');
        if (!guild || !userId) continue;
        const person: PersonRef = { platform: 'discord', tenantId: guild, userId };
        if ((await this.migrateItem(person, old)) === 'merged') merged++;
        await this.send(new DeleteCommand({ TableName: this.table, Key: { pk: old.pk, sk: old.sk } }));
        people.add(userId);
        items++;
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return { items, people: people.size, merged };
  }

  private async migrateItem(person: PersonRef, old: Item): Promise<'moved' | 'merged'> {
    const sk = String(old.sk);
    const pk = personPk(person);
    const moved: Item = { ...old, pk };
    if (typeof old.gsi1pk === 'string' && old.gsi1pk.startsWith('DUE#')) moved.gsi1pk = duePk(person);
    if (typeof old.gsi2pk === 'string' && old.gsi2pk.startsWith('TU#'))
      moved.gsi2pk = tenantUsersPk(personScope(person));
    if (sk === 'PROFILE' || sk === 'SEEN') {
      // United with what the new partition has; its own settings stay.
      const sets: [string, Set<unknown>][] = [];
      if (old.channels instanceof Set)
        sets.push([
          'channels',
          new Set(
            [...(old.channels as Set<string>)].map((c) => (c.includes('/') ? c : profileChannel(person, c))),
          ),
        ]);
      if (old.seen instanceof Set) sets.push(['seen', old.seen as Set<unknown>]);
      const keep = Object.entries(moved).filter(([k]) => !['pk', 'sk', 'channels', 'seen'].includes(k));
      const names = Object.fromEntries([...keep, ...sets].map(([k], i) => [`#a${i}`, k]));
      const values = Object.fromEntries([...keep, ...sets].map(([, v], i) => [`:a${i}`, v]));
      const setPart = keep.map((_, i) => `#a${i} = if_not_exists(#a${i}, :a${i})`).join(', ');
      const addPart = sets.map((_, j) => `#a${keep.length + j} :a${keep.length + j}`).join(', ');
      const before = await this.send<{ Attributes?: Item }>(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk, sk },
          UpdateExpression: `${setPart ? `SET ${setPart}` : ''}${addPart ? ` ADD ${addPart}` : ''}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'UPDATED_OLD',
        }),
      );
      return before.Attributes && Object.keys(before.Attributes).length ? 'merged' : 'moved';
    }
    if (sk.startsWith('C#')) {
      const existing = (
        await this.send<{ Item?: Item }>(
          new GetCommand({ TableName: this.table, Key: { pk, sk }, ConsistentRead: true }),
        )
      ).Item;
      if (existing) {
        const reps = (i: Item) => (i.srs as { reps?: number } | undefined)?.reps ?? 0;
        if (reps(existing) >= reps(old)) return 'merged';
      }
      await this.send(new PutCommand({ TableName: this.table, Item: moved }));
      return existing ? 'merged' : 'moved';
    }
    // The review log, reports, saved recommendations, the reminder: the first copy stays.
    const written = await this.sendWrite(
      new PutCommand({ TableName: this.table, Item: moved, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return written === 'ok' ? 'moved' : 'merged';
  }

  private async deleteKeys(keys: { pk: unknown; sk: unknown }[]): Promise<void> {
    for (let i = 0; i < keys.length; i += BATCH_WRITE_MAX) {
      let pending: { DeleteRequest: { Key: Item } }[] = keys
        .slice(i, i + BATCH_WRITE_MAX)
        .map((k) => ({ DeleteRequest: { Key: { pk: k.pk, sk: k.sk } } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= 8) throw new Error('could not delete every item: DynamoDB kept them unprocessed');
        if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        const out: { UnprocessedItems?: Record<string, { DeleteRequest?: { Key: Item } }[]> } =
          await this.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
        pending = (out.UnprocessedItems?.[this.table] ?? []).flatMap((r) =>
          r.DeleteRequest ? [{ DeleteRequest: r.DeleteRequest }] : [],
        );
      }
    }
  }

  /** Distinct ids (the part before the first '#') of a tenant-directory partition, up to `limit`. */
  private async directoryIds(gsi2pk: string, limit = Number.POSITIVE_INFINITY): Promise<string[]> {
    const ids = new Set<string>();
    for await (const items of this.queryPages({
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': gsi2pk },
      ProjectionExpression: 'gsi2sk',
    })) {
      for (const i of items) {
        const id = String(i.gsi2sk ?? '').split('#')[0];
        if (id) ids.add(id);
      }
      if (ids.size >= limit) break;
    }
    return [...ids];
  }

  async deletePersonData(person: PersonRef): Promise<PersonDeletion> {
    const counts: PersonDeletion = {
      cards: 0,
      settings: 0,
      memberships: 0,
      answers: 0,
      reports: 0,
      reviews: 0,
      shares: 0,
      postGuards: 0,
    };
    // 1. The person's own partition: cards, PROFILE, SEEN, reports, shares.
    const own = await this.partitionItems(personPk(person), undefined, 'pk, sk, channels');
    const profileChannels = new Set<string>();
    for (const item of own) {
      const sk = String(item.sk);
      if (sk.startsWith('C#')) counts.cards++;
      else if (sk.startsWith('R#')) counts.reports++;
      else if (sk.startsWith('L#')) counts.reviews++;
      else if (sk.startsWith('SH#')) counts.shares++;
      else counts.settings++;
      if (item.channels instanceof Set) for (const c of item.channels as Set<string>) profileChannels.add(c);
    }
    // 2. The channels the person answered in (every guild's on Discord), and every channel of this
    // workspace the directory knows (a member row written before the profile listed it is found too).
    const channels = new Map<string, ChannelRef>();
    for (const c of [
      ...channelsOnProfile(person, profileChannels),
      ...(await this.directoryIds(tenantChannelsPk(person))).map((channelId) => ({ ...person, channelId })),
    ])
      channels.set(channelPk(c), { platform: c.platform, tenantId: c.tenantId, channelId: c.channelId });
    const channelKeys: { pk: unknown; sk: unknown }[] = [];
    for (const channel of channels.values()) {
      const pk = channelPk(channel);
      const member = await this.send<{ Attributes?: Item }>(
        new DeleteCommand({
          TableName: this.table,
          Key: { pk, sk: `M#${person.userId}` },
          ReturnValues: 'ALL_OLD',
        }),
      );
      if (member.Attributes) counts.memberships++;
      // First-answer facts expire a week after their post closes, so this Query stays short.
      const facts = (await this.partitionItems(pk, 'A#')).filter((i) =>
        String(i.sk).endsWith(`#${person.userId}`),
      );
      channelKeys.push(...facts.map((i) => ({ pk: i.pk, sk: i.sk })));
      counts.answers += facts.length;
      // A post's retry guard lists its recent answerers; the person's id leaves it, the counts stay.
      for (const post of await this.partitionItems(pk, 'P#', '*')) {
        const attrs = Object.entries(post).filter(
          ([k, v]) => /^cg\d+$/.test(k) && v instanceof Set && (v as Set<string>).has(person.userId),
        );
        if (attrs.length === 0) continue;
        const names = Object.fromEntries(attrs.map(([k], n) => [`#g${n}`, k]));
        await this.send(
          new UpdateCommand({
            TableName: this.table,
            Key: { pk: post.pk, sk: post.sk },
            UpdateExpression: `DELETE ${Object.keys(names)
              .map((n) => `${n} :u`)
              .join(', ')}`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: { ':u': new Set([person.userId]) },
          }),
        );
        counts.postGuards++;
      }
    }
    await this.deleteKeys([...own.map((i) => ({ pk: i.pk, sk: i.sk })), ...channelKeys]);
    return counts;
  }

  async stopTenantSubscriptions(tenant: TenantRef, pause: PauseRecord): Promise<number> {
    // The due index is keyed by time, not tenant: each shard is read with a filter. This runs once,
    // when a workspace removes the app, and reads only subscribed channels.
    const channels: string[] = [];
    for (let shard = 0; shard < SCHED_SHARDS; shard++) {
      for await (const items of this.queryPages({
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        FilterExpression: 'chPlatform = :platform AND chTenant = :tenant',
        ExpressionAttributeValues: {
          ':pk': `SCHED#${shard}`,
          ':platform': tenant.platform,
          ':tenant': tenant.tenantId,
        },
        ProjectionExpression: 'chChannel',
      }))
        for (const i of items) if (typeof i.chChannel === 'string') channels.push(i.chChannel);
    }
    for (const channelId of channels) {
      const channel: ChannelRef = { ...tenant, channelId };
      await this.send(
        new UpdateCommand({
          TableName: this.table,
          Key: this.metaKey(channel),
          // On the tenant directory too (a channel subscribed before it existed), so the deletion finds it.
          UpdateExpression: `SET dailyPause = :p, gsi2pk = :g2pk, gsi2sk = :g2sk REMOVE nextPostAt, gsi1pk, gsi1sk, ${CLAIM_FIELDS}`,
          ExpressionAttributeValues: { ':p': pause, ...directoryValues(channelDirectory(channel, 'META')) },
        }),
      );
    }
    return channels.length;
  }

  async scheduleTenantDeletion(tenant: TenantRef, dueAt: Date, reason: string): Promise<string> {
    const due = dueAt.toISOString();
    const out = await this.send<{ Attributes?: Item }>(
      new UpdateCommand({
        TableName: this.table,
        Key: tenantDeletionKey(tenant),
        // A retried or second event (tokens_revoked after app_uninstalled) keeps the first date.
        UpdateExpression:
          'SET dueAt = if_not_exists(dueAt, :due), gsi1pk = :g1pk, gsi1sk = if_not_exists(gsi1sk, :g1sk), ' +
          'platform = :platform, tenantId = :tenant, reason = if_not_exists(reason, :reason)',
        ExpressionAttributeValues: {
          ':due': due,
          ':g1pk': TENANT_DELETIONS_PK,
          ':g1sk': `${due}#${tenantKey(tenant)}`,
          ':platform': tenant.platform,
          ':tenant': tenant.tenantId,
          ':reason': reason,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return String(out.Attributes?.dueAt ?? due);
  }

  async cancelTenantDeletion(tenant: TenantRef): Promise<boolean> {
    const out = await this.send<{ Attributes?: Item }>(
      new DeleteCommand({ TableName: this.table, Key: tenantDeletionKey(tenant), ReturnValues: 'ALL_OLD' }),
    );
    return out.Attributes !== undefined;
  }

  async pendingTenantDeletions(platform: TenantRef['platform']): Promise<TenantDeletion[]> {
    const out: TenantDeletion[] = [];
    for await (const items of this.queryPages({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      FilterExpression: 'platform = :platform',
      ExpressionAttributeValues: { ':pk': TENANT_DELETIONS_PK, ':platform': platform },
    }))
      for (const i of items)
        out.push({
          platform: i.platform as TenantRef['platform'],
          tenantId: String(i.tenantId),
          dueAt: String(i.dueAt),
          reason: String(i.reason ?? ''),
        });
    return out;
  }

  async discordGuildsWithData(): Promise<string[]> {
    const guilds = new Set<string>();
    // Channels with a question posted (the registry on their HIST item)...
    for await (const items of this.queryPages({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': DISCORD_GUILDS_PK },
      ProjectionExpression: 'gsi1sk',
    }))
      for (const i of items) {
        const guild = String(i.gsi1sk ?? '').split('#')[0];
        if (guild) guilds.add(guild);
      }
    // ...and subscribed channels, from the due index (one that has not posted yet, or whose history
    // was written before the registry existed).
    for (let shard = 0; shard < SCHED_SHARDS; shard++)
      for await (const items of this.queryPages({
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        FilterExpression: 'chPlatform = :platform',
        ExpressionAttributeValues: { ':pk': `SCHED#${shard}`, ':platform': 'discord' },
        ProjectionExpression: 'chTenant',
      }))
        for (const i of items) if (typeof i.chTenant === 'string') guilds.add(i.chTenant);
    return [...guilds];
  }

  async dueTenantDeletions(now: Date, limit: number): Promise<TenantDeletion[]> {
    const out = await this.send<{ Items?: Item[] }>(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':pk': TENANT_DELETIONS_PK, ':now': `${now.toISOString()}~` },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => ({
      platform: i.platform as TenantRef['platform'],
      tenantId: String(i.tenantId),
      dueAt: String(i.dueAt),
      reason: String(i.reason ?? ''),
    }));
  }

  async deleteTenantData(tenant: TenantRef, maxDeletes: number): Promise<{ deleted: number; done: boolean }> {
    let deleted = 0;
    const deletePartition = async (pk: string) => {
      const keys = (await this.partitionItems(pk)).map((i) => ({ pk: i.pk, sk: i.sk }));
      await this.deleteKeys(keys);
      deleted += keys.length;
    };
    const person = (userId: string): PersonRef => ({ ...tenant, userId });
    // Channels first: their members and answers name people whose partitions are deleted before
    // the channel, so an interrupted pass still finds them next time.
    for (const channelId of await this.directoryIds(tenantChannelsPk(tenant), 25)) {
      if (deleted >= maxDeletes) return { deleted, done: false };
      const pk = channelPk({ ...tenant, channelId });
      const people = new Set<string>();
      for (const i of await this.partitionItems(pk)) {
        const sk = String(i.sk);
        if (sk.startsWith('M#')) people.add(sk.slice(2));
        else if (sk.startsWith('A#')) people.add(sk.split('#').at(-1) ?? '');
      }
      // A Discord person's deck is no guild's (personScope): a guild's deletion leaves it.
      if (tenant.platform !== 'discord')
        for (const userId of people) if (userId) await deletePartition(personPk(person(userId)));
      await deletePartition(pk);
    }
    for (const userId of await this.directoryIds(tenantUsersPk(tenant), 100)) {
      if (deleted >= maxDeletes) return { deleted, done: false };
      await deletePartition(personPk(person(userId)));
    }
    const left =
      (await this.directoryIds(tenantChannelsPk(tenant), 1)).length +
      (await this.directoryIds(tenantUsersPk(tenant), 1)).length;
    if (left > 0) return { deleted, done: false };
    await this.cancelTenantDeletion(tenant);
    return { deleted, done: true };
  }

  // ---- Reminders (issue 15, item 3) ----
  // One REMIND item in the person's own partition (so forget-me and a workspace's deletion take it
  // with the rest of the person), on the due index under REMIND#<shard> while it is on, exactly as
  // a subscribed channel's META item is under SCHED#<shard>. The claim, the last day sent and the
  // slot are attributes of that item, so each step is one conditional single-item write (the crash
  // analysis is in src/daily/reminders.ts).

  private reminderKey(person: PersonRef) {
    return { pk: personPk(person), sk: REMIND_SK };
  }

  async getReminder(person: PersonRef): Promise<ReminderRecord | undefined> {
    const out = await this.send<{ Item?: Item }>(
      new GetCommand({ TableName: this.table, Key: this.reminderKey(person), ConsistentRead: true }),
    );
    return toReminder(out.Item);
  }

  async setReminder(person: PersonRef, setting: ReminderSetting, nextAt: string): Promise<void> {
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: this.reminderKey(person),
        // The last day sent stays: changing the time never makes a second reminder on one day.
        UpdateExpression:
          'SET rmTime = :time, rmZone = :zone, rmNext = :next, gsi1pk = :g1pk, gsi1sk = :g1sk, ' +
          'rmPlatform = :platform, rmTenant = :tenant, rmUser = :user, gsi2pk = :g2pk, gsi2sk = :g2sk ' +
          'REMOVE rmStop',
        ExpressionAttributeValues: {
          ':time': setting.time,
          ':zone': setting.timeZone,
          ':next': nextAt,
          ':g1pk': reminderShard(person),
          ':g1sk': reminderSortKey(person, nextAt),
          ':platform': person.platform,
          ':tenant': person.tenantId,
          ':user': person.userId,
          ...directoryValues(personDirectory(person, REMIND_SK)),
        },
      }),
    );
    // As with a subscription: someone in a workspace that removed the app uses it again.
    if (person.platform === 'slack') await this.cancelTenantDeletion(person);
  }

  async removeReminder(person: PersonRef): Promise<boolean> {
    // The item stays with only its last day sent (and its directory entry), so turning reminders
    // off and on again cannot bring a second one the same day.
    const result = await this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: this.reminderKey(person),
        UpdateExpression: `REMOVE rmTime, rmZone, rmNext, rmStop, gsi1pk, gsi1sk, ${REMIND_CLAIM_FIELDS}`,
        ConditionExpression: 'attribute_exists(rmTime)',
      }),
    );
    return result === 'ok';
  }

  async dueReminders(now: Date, limit: number): Promise<DueReminder[]> {
    const due: DueReminder[] = [];
    const bound = `${now.toISOString()}~`;
    for (let shard = 0; shard < SCHED_SHARDS; shard++) {
      let taken = 0;
      for await (const items of this.queryPages({
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':pk': `${REMIND_SHARD_PREFIX}${shard}`, ':now': bound },
        Limit: Math.min(limit - taken, 500),
      })) {
        for (const i of items) {
          if (typeof i.rmNext !== 'string' || typeof i.rmTime !== 'string') continue;
          due.push({
            person: {
              platform: i.rmPlatform as PersonRef['platform'],
              tenantId: String(i.rmTenant),
              userId: String(i.rmUser),
            },
            time: i.rmTime,
            timeZone: String(i.rmZone ?? 'UTC'),
            nextAt: i.rmNext,
          });
          taken++;
        }
        if (taken >= limit) break;
      }
    }
    return due.sort((a, b) => a.nextAt.localeCompare(b.nextAt)).slice(0, limit);
  }

  async claimReminder(
    person: PersonRef,
    claim: { day: string; nextAt: string; owner: string; until: string; now: string },
  ): Promise<ReminderClaim> {
    const claimed = await this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: this.reminderKey(person),
        UpdateExpression:
          'SET rmClaimDay = :day, rmClaimOwner = :owner, rmClaimUntil = :until ADD rmClaimAttempts :one',
        ConditionExpression:
          'rmNext = :slot AND (attribute_not_exists(rmLastDay) OR rmLastDay <> :day) ' +
          'AND (attribute_not_exists(rmClaimDay) OR rmClaimDay <> :day OR rmClaimUntil <= :now)',
        ExpressionAttributeValues: {
          ':day': claim.day,
          ':owner': claim.owner,
          ':until': claim.until,
          ':one': 1,
          ':slot': claim.nextAt,
          ':now': claim.now,
        },
      }),
    );
    if (claimed === 'ok') return { status: 'claimed' };
    // Why it failed decides what the scheduler does next; one read, only on the unhappy path.
    const current = await this.getReminder(person);
    if (current?.nextAt !== claim.nextAt) return { status: 'moved' };
    if (current.lastDay === claim.day) return { status: 'done' };
    return { status: 'busy' };
  }

  async completeReminder(
    person: PersonRef,
    done: { day: string; nextAt: string; next: string; sent: boolean },
  ): Promise<void> {
    const sent = done.sent ? 'rmLastDay = :day, ' : '';
    const moved = await this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: this.reminderKey(person),
        UpdateExpression: `SET ${sent}rmNext = :next, gsi1sk = :g1sk REMOVE ${REMIND_CLAIM_FIELDS}`,
        ConditionExpression: 'rmClaimDay = :day AND rmNext = :slot',
        ExpressionAttributeValues: {
          ':day': done.day,
          ':next': done.next,
          ':g1sk': reminderSortKey(person, done.next),
          ':slot': done.nextAt,
        },
      }),
    );
    if (moved === 'ok' || !done.sent) return;
    // The reminder changed (or was turned off) while we sent: still record the day as sent, so a
    // new time today does not send again. Never on an item forget-me deleted meanwhile.
    await this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: this.reminderKey(person),
        UpdateExpression: `SET rmLastDay = :day REMOVE ${REMIND_CLAIM_FIELDS}`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':day': done.day },
      }),
    );
  }

  async releaseReminderClaim(person: PersonRef, day: string, retryAt: string): Promise<void> {
    await this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: this.reminderKey(person),
        UpdateExpression: 'SET rmClaimUntil = :until',
        ConditionExpression: 'rmClaimDay = :day',
        ExpressionAttributeValues: { ':until': retryAt, ':day': day },
      }),
    );
  }

  async advanceReminder(person: PersonRef, nextAt: string, next: string): Promise<void> {
    await this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: this.reminderKey(person),
        UpdateExpression: 'SET rmNext = :next, gsi1sk = :g1sk',
        ConditionExpression: 'rmNext = :slot',
        ExpressionAttributeValues: {
          ':next': next,
          ':g1sk': reminderSortKey(person, next),
          ':slot': nextAt,
        },
      }),
    );
  }

  async stopReminder(person: PersonRef, stop: PauseRecord): Promise<void> {
    await this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: this.reminderKey(person),
        UpdateExpression: `SET rmStop = :stop REMOVE rmNext, gsi1pk, gsi1sk, ${REMIND_CLAIM_FIELDS}`,
        ConditionExpression: 'attribute_exists(rmTime)',
        ExpressionAttributeValues: { ':stop': stop },
      }),
    );
  }

  async stopTenantReminders(tenant: TenantRef, stop: PauseRecord): Promise<number> {
    // Like stopTenantSubscriptions: each shard read with a filter, once, when the app is removed.
    const users: string[] = [];
    for (let shard = 0; shard < SCHED_SHARDS; shard++) {
      for await (const items of this.queryPages({
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        FilterExpression: 'rmPlatform = :platform AND rmTenant = :tenant',
        ExpressionAttributeValues: {
          ':pk': `${REMIND_SHARD_PREFIX}${shard}`,
          ':platform': tenant.platform,
          ':tenant': tenant.tenantId,
        },
        ProjectionExpression: 'rmUser',
      }))
        for (const i of items) if (typeof i.rmUser === 'string') users.push(i.rmUser);
    }
    for (const userId of users) await this.stopReminder({ ...tenant, userId }, stop);
    return users.length;
  }
}

// ---- Reminders (issue 15, item 3): keys and the item's reading ----

const REMIND_SK = 'REMIND';
const REMIND_SHARD_PREFIX = 'REMIND#';
const REMIND_CLAIM_FIELDS = 'rmClaimDay, rmClaimOwner, rmClaimUntil, rmClaimAttempts';

/** The due-index shard of a person's reminder: the same FNV-1a spread as a channel's. */
function reminderShard(p: PersonRef): string {
  let h = 0x811c9dc5;
  for (const ch of `${tenantKey(p)}#${p.userId}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return `${REMIND_SHARD_PREFIX}${(h >>> 0) % SCHED_SHARDS}`;
}

function reminderSortKey(p: PersonRef, nextAt: string): string {
  return `${nextAt}#${tenantKey(p)}#${p.userId}`;
}

function toReminder(item: Item | undefined): ReminderRecord | undefined {
  if (!item || typeof item.rmTime !== 'string') return undefined;
  const str = (k: string) => (typeof item[k] === 'string' ? (item[k] as string) : undefined);
  const claimDay = str('rmClaimDay');
  return {
    time: item.rmTime,
    timeZone: str('rmZone') ?? 'UTC',
    ...(str('rmNext') ? { nextAt: str('rmNext') } : {}),
    ...(str('rmLastDay') ? { lastDay: str('rmLastDay') } : {}),
    ...(item.rmStop ? { stopped: item.rmStop as PauseRecord } : {}),
    ...(claimDay
      ? {
          claim: {
            day: claimDay,
            owner: str('rmClaimOwner') ?? '',
            until: str('rmClaimUntil') ?? '',
            attempts: (item.rmClaimAttempts as number | undefined) ?? 0,
          },
        }
      : {}),
  };
}
