import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Subscription } from '../engines/schedule/schedule.ts';
import type {
  AnswerEntry,
  AnswerFact,
  CardRecord,
  ChannelRecord,
  ChannelRef,
  ClaimResult,
  DueChannel,
  LeaderRow,
  MemberRecord,
  PauseRecord,
  PersonRef,
  PostRecord,
  ProfileRecord,
  StudyStore,
  TenantRef,
  WriteResult,
} from './store.ts';

/**
 * The one DynamoDB implementation of the store: the only code that knows keys and attributes.
 *
 * Layout (single table, see infra/table.json):
 *   U#<tenant>#<user>     C#<question>   a person's FSRS card; gsi1 DUE#<tenant>#<user> / <due ISO>#<question>
 *   U#<tenant>#<user>     PROFILE        retention and today's new-card count
 *   CH#<tenant>#<channel> META           the channel: asked history, time zone, daily subscription;
 *                                        gsi1 SCHED#<shard> / <nextPostAt ISO>#<tenant>#<channel> while subscribed
 *   CH#<tenant>#<channel> P#<post>       a channel question post with its answer counts
 *   CH#<tenant>#<channel> M#<user>       a member: scores and streak; gsi1 LBA#.. all-time, gsi2 LBW#..#<week> by score
 *   ONCE#<tenant>#<delivery>  ONCE    a platform delivery already acted on (replays post nothing); TTL
 *   CH#<tenant>#<channel> A#<post>#<user> a person's first answer to a post, written once its other
 *                                        writes are done; expires (TTL) a week after the post closes
 * where <tenant> is <platform>#<workspace or guild>.
 *
 * Exactly once without transactions (dynalite has no TransactWriteItems): an answer is first
 * recorded on the person's card, in the same conditional write that reschedules it, so an answer
 * never exists without its card update. The member's points and the post's count follow, each a
 * conditional single-item write that checks whether this answer's key was already applied. A
 * retry re-reads, skips what is done and completes the rest, converging on the state of one answer.
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
const personPk = (p: PersonRef) => `U#${tenantKey(p)}#${p.userId}`;
const duePk = (p: PersonRef) => `DUE#${tenantKey(p)}#${p.userId}`;
const channelPk = (c: ChannelRef) => `CH#${tenantKey(c)}#${c.channelId}`;
const allTimePk = (c: ChannelRef) => `LBA#${tenantKey(c)}#${c.channelId}`;
const weekPk = (c: ChannelRef, weekKey: string) => `LBW#${tenantKey(c)}#${c.channelId}#${weekKey}`;
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
const CARD_ANSWERS_KEPT = 8;

function isConditionFailure(err: unknown): boolean {
  return (err as { name?: string }).name === 'ConditionalCheckFailedException';
}

type Item = Record<string, unknown>;

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
    counted: item.counted instanceof Set ? [...(item.counted as Set<string>)] : [],
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

function toChannel(item: Item | undefined): ChannelRecord | undefined {
  if (!item) return undefined;
  const str = (k: string) => (typeof item[k] === 'string' ? (item[k] as string) : undefined);
  const claimPost = str('claimPost');
  return {
    asked: (item.asked as string[] | undefined) ?? [],
    ...(item.timeZone ? { timeZone: item.timeZone as string } : {}),
    ...(item.lastPostId ? { lastPostId: item.lastPostId as string } : {}),
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
  };
}

export class DynamoStudyStore implements StudyStore {
  readonly metrics: StoreMetrics = { requests: 0, capacityUnits: 0 };

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Sends one command, counting it and the capacity it consumed. */
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

  async getChannel(channel: ChannelRef): Promise<ChannelRecord | undefined> {
    const out = await this.send<{ Item?: Item }>(
      new GetCommand({
        TableName: this.table,
        Key: { pk: channelPk(channel), sk: 'META' },
        ConsistentRead: true,
      }),
    );
    return toChannel(out.Item);
  }

  async setChannelTimeZone(channel: ChannelRef, timeZone: string): Promise<void> {
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: channelPk(channel), sk: 'META' },
        // TIMEZONE is a DynamoDB reserved word.
        UpdateExpression: 'SET #tz = :tz',
        ExpressionAttributeNames: { '#tz': 'timeZone' },
        ExpressionAttributeValues: { ':tz': timeZone },
      }),
    );
  }

  async createPost(channel: ChannelRef, post: PostRecord): Promise<void> {
    const { counted: _counted, ...rest } = post;
    await this.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: channelPk(channel), sk: `P#${post.postId}`, ...rest },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: channelPk(channel), sk: 'META' },
        UpdateExpression: 'SET asked = list_append(if_not_exists(asked, :empty), :q), lastPostId = :p',
        ExpressionAttributeValues: { ':empty': [], ':q': [post.questionId], ':p': post.postId },
      }),
    );
  }

  async setPostMessageRef(channel: ChannelRef, postId: string, messageRef: string): Promise<void> {
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: channelPk(channel), sk: `P#${postId}` },
        UpdateExpression: 'SET messageRef = :m',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':m': messageRef },
      }),
    );
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
    let pending: Item[] = keys;
    const found: Item[] = [];
    // BatchGetItem may leave keys unprocessed under load; ask again for those only.
    for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
      const out = await this.send<{
        Responses?: Record<string, Item[]>;
        UnprocessedKeys?: Record<string, { Keys?: Item[] }>;
      }>(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: pending, ConsistentRead: true } } }));
      found.push(...(out.Responses?.[this.table] ?? []));
      pending = out.UnprocessedKeys?.[this.table]?.Keys ?? [];
    }
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
      ':g2pk': weekPk(channel, next.weekKey),
      ':g2sk': scoreKey(next.weekScore, next.userId),
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

  async countPostAnswer(channel: ChannelRef, postId: string, userId: string, correct: boolean) {
    try {
      const out = await this.send<{ Attributes?: Item }>(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: channelPk(channel), sk: `P#${postId}` },
          UpdateExpression: 'ADD answered :one, correct :c, counted :u',
          ConditionExpression: 'attribute_exists(pk) AND NOT contains(counted, :user)',
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

  async dueCards(person: PersonRef, now: Date, limit: number): Promise<CardRecord[]> {
    const out = await this.send<{ Items?: Item[] }>(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':pk': duePk(person), ':now': `${now.toISOString()}~` },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => toCard(i)!);
  }

  async listCards(person: PersonRef): Promise<CardRecord[]> {
    const cards: CardRecord[] = [];
    let start: Item | undefined;
    do {
      const out: { Items?: Item[]; LastEvaluatedKey?: Item } = await this.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
          ExpressionAttributeValues: { ':pk': personPk(person), ':c': 'C#' },
          ExclusiveStartKey: start,
        }),
      );
      cards.push(...(out.Items ?? []).map((i) => toCard(i)!));
      start = out.LastEvaluatedKey;
    } while (start);
    return cards;
  }

  async getProfile(person: PersonRef): Promise<ProfileRecord> {
    const out = await this.send<{ Item?: Item }>(
      new GetCommand({ TableName: this.table, Key: { pk: personPk(person), sk: 'PROFILE' } }),
    );
    return {
      retention: (out.Item?.retention as number | undefined) ?? 0.9,
      newCount: (out.Item?.newCount as number | undefined) ?? 0,
      channels: out.Item?.channels instanceof Set ? [...(out.Item.channels as Set<string>)].sort() : [],
      ...(out.Item?.newDay ? { newDay: out.Item.newDay as string } : {}),
    };
  }

  async noteChannel(person: PersonRef, channelId: string): Promise<void> {
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: personPk(person), sk: 'PROFILE' },
        UpdateExpression: 'ADD channels :c',
        ExpressionAttributeValues: { ':c': new Set([channelId]) },
      }),
    );
  }

  async noteNewCard(person: PersonRef, day: string): Promise<void> {
    // Same day: add one. New day: start again at one. Two conditional tries, no read needed.
    const key = { pk: personPk(person), sk: 'PROFILE' };
    const sameDay = await this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: key,
        UpdateExpression: 'ADD newCount :one',
        ConditionExpression: 'newDay = :day',
        ExpressionAttributeValues: { ':one': 1, ':day': day },
      }),
    );
    if (sameDay === 'ok') return;
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: key,
        UpdateExpression: 'SET newDay = :day, newCount = :one',
        ExpressionAttributeValues: { ':one': 1, ':day': day },
      }),
    );
  }

  async setRetention(person: PersonRef, retention: number): Promise<void> {
    await this.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: personPk(person), sk: 'PROFILE' },
        UpdateExpression: 'SET retention = :r',
        ExpressionAttributeValues: { ':r': retention },
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

  async saveShare(tenant: TenantRef, id: string, text: string, expiresAt: Date): Promise<void> {
    await this.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: `SHARE#${tenantKey(tenant)}#${id}`,
          sk: 'SHARE',
          text,
          expiresAt: Math.floor(expiresAt.getTime() / 1000),
        },
      }),
    );
  }

  async getShare(tenant: TenantRef, id: string, now: Date): Promise<string | undefined> {
    const out = await this.send<{ Item?: Item }>(
      new GetCommand({ TableName: this.table, Key: { pk: `SHARE#${tenantKey(tenant)}#${id}`, sk: 'SHARE' } }),
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
          'chPlatform = :platform, chTenant = :tenant, chChannel = :channel REMOVE dailyPause',
        ExpressionAttributeValues: {
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
      return { status: 'claimed', record: toChannel(out.Attributes)! };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
    // Why it failed decides what the scheduler does next; one read, only on the unhappy path.
    const current = await this.getChannel(channel);
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
    const delivered = {
      ':pid': done.postId,
      ':empty': [],
      ':q': [done.questionId],
    };
    const set =
      'SET lastDailyPostId = :pid, lastPostId = :pid, asked = list_append(if_not_exists(asked, :empty), :q)';
    // Usually one write: delivered, history and the next slot together, on the claim we hold.
    const moved = await this.sendWrite(
      new UpdateCommand({
        TableName: this.table,
        Key: this.metaKey(channel),
        UpdateExpression: `${set}, nextPostAt = :next, gsi1sk = :g1sk REMOVE ${CLAIM_FIELDS}`,
        ConditionExpression: 'claimPost = :pid AND nextPostAt = :slot',
        ExpressionAttributeValues: {
          ...delivered,
          ':next': done.next,
          ':g1sk': schedKey(channel, done.next),
          ':slot': done.nextPostAt,
        },
      }),
    );
    if (moved === 'conflict') {
      // The schedule changed while we posted (re-subscribed, unsubscribed): still record the day as
      // delivered so a new time today does not post again; the claim check keeps it to one append.
      await this.sendWrite(
        new UpdateCommand({
          TableName: this.table,
          Key: this.metaKey(channel),
          UpdateExpression: `${set} REMOVE ${CLAIM_FIELDS}`,
          ConditionExpression: 'claimPost = :pid',
          ExpressionAttributeValues: delivered,
        }),
      );
    }
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
    period: { kind: 'all' } | { kind: 'week'; weekKey: string },
    limit: number,
  ): Promise<LeaderRow[]> {
    const index = period.kind === 'all' ? 'gsi1' : 'gsi2';
    const pk = period.kind === 'all' ? allTimePk(channel) : weekPk(channel, period.weekKey);
    const out = await this.send<{ Items?: Item[] }>(
      new QueryCommand({
        TableName: this.table,
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk`,
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => ({
      userId: i.userId as string,
      ...(i.userName ? { userName: i.userName as string } : {}),
      score: (period.kind === 'all' ? i.score : i.weekScore) as number,
    }));
  }
}
