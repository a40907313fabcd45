import { log } from '../../log.ts';
import type { SlackCallOptions, SlackResult, SlackWebApi } from './web-api.ts';

/**
 * The name Slack shows for a person: their display name, else their real name, else their handle.
 * Slash commands and clicks carry only the handle (the deprecated `user_name`, e.g. "ada"), so the
 * name comes from users.info and is kept in the warm Lambda for an hour, so a person's clicks cost
 * one users.info call an hour at most. A rename shows once the entry expires (or at once when the
 * handle changed). A failed lookup never fails the caller: it answers with the last name it knew,
 * else the handle, and waits a minute before asking Slack about that person again.
 */
export interface SlackUserNamesOptions {
  api: Pick<SlackWebApi, 'call'>;
  now?: () => Date;
  /** How long a looked-up name is trusted. */
  ttlMs?: number;
  /** How long to wait before asking again after a failed lookup (rate limit, error). */
  failureTtlMs?: number;
  /** At most this many people are kept; the least recently used go first. */
  maxEntries?: number;
  /** users.info limits: a name is nice to have, so it gets a short slice of Slack's 3 seconds. */
  lookup?: SlackCallOptions;
}

interface Entry {
  /** The name users.info gave (undefined when it had none, or no lookup has succeeded yet). */
  name?: string;
  /** The handle the request carried when this entry was made. */
  handle?: string;
  expiresAt: number;
}

export const NAME_TTL_MS = 60 * 60 * 1000;
const FAILURE_TTL_MS = 60 * 1000;
const MAX_ENTRIES = 5000;
const MAX_NAME_LENGTH = 80;

/** A name as plain text on one line: no control characters, spaces collapsed, at most 80 characters. */
export function cleanName(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const name = raw.replace(/[\p{Cc}\s]+/gu, ' ').trim();
  if (!name) return undefined;
  const chars = [...name];
  return chars.length > MAX_NAME_LENGTH ? `${chars.slice(0, MAX_NAME_LENGTH - 1).join('')}…` : name;
}

/** display_name, then real_name (profile first), then the handle, from a users.info `user`. */
export function slackNameOf(user: unknown): string | undefined {
  if (!user || typeof user !== 'object') return undefined;
  const u = user as { name?: unknown; real_name?: unknown; profile?: Record<string, unknown> };
  return (
    cleanName(u.profile?.display_name) ??
    cleanName(u.profile?.real_name) ??
    cleanName(u.real_name) ??
    cleanName(u.name)
  );
}

export class SlackUserNames {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<string | undefined>>();
  private readonly now: () => Date;
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;
  private readonly maxEntries: number;
  private readonly lookup: SlackCallOptions;

  constructor(private readonly options: SlackUserNamesOptions) {
    this.now = options.now ?? (() => new Date());
    this.ttlMs = options.ttlMs ?? NAME_TTL_MS;
    this.failureTtlMs = options.failureTtlMs ?? FAILURE_TTL_MS;
    this.maxEntries = Math.max(1, options.maxEntries ?? MAX_ENTRIES);
    this.lookup = options.lookup ?? { timeoutMs: 1000, maxRetries: 0 };
  }

  /** The person's name, from the cache or one users.info call; never throws. */
  async nameOf(teamId: string, userId: string, handle?: string): Promise<string | undefined> {
    const fallback = cleanName(handle);
    const key = `${teamId}:${userId}`;
    const entry = this.entries.get(key);
    if (entry && this.isFresh(entry, fallback)) {
      this.touch(key, entry);
      return entry.name ?? fallback;
    }
    let inFlight = this.pending.get(key);
    if (!inFlight) {
      inFlight = this.fetch(key, userId, fallback, entry).finally(() => this.pending.delete(key));
      this.pending.set(key, inFlight);
    }
    return (await inFlight) ?? fallback;
  }

  /** The cached name without asking Slack (undefined when unknown or expired). */
  peek(teamId: string, userId: string): string | undefined {
    const entry = this.entries.get(`${teamId}:${userId}`);
    return entry && entry.expiresAt > this.now().getTime() ? entry.name : undefined;
  }

  private isFresh(entry: Entry, handle: string | undefined): boolean {
    if (entry.expiresAt <= this.now().getTime()) return false;
    // A new handle is a rename Slack has told us about: look again rather than wait for the TTL.
    return entry.handle === undefined || handle === undefined || entry.handle === handle;
  }

  private async fetch(
    key: string,
    userId: string,
    handle: string | undefined,
    previous: Entry | undefined,
  ): Promise<string | undefined> {
    let res: SlackResult;
    try {
      res = await this.options.api.call('users.info', { user: userId }, this.lookup);
    } catch (err) {
      log.warn('slack users.info failed; showing the last known name or the handle', { err, userId });
      const name = previous?.name;
      this.store(key, {
        ...(name ? { name } : {}),
        ...(handle ? { handle } : {}),
        expiresAt: this.now().getTime() + this.failureTtlMs,
      });
      return name;
    }
    const name = slackNameOf(res.user);
    this.store(key, { ...(name ? { name } : {}), ...(handle ? { handle } : {}), expiresAt: this.expiry() });
    return name;
  }

  private expiry(): number {
    return this.now().getTime() + this.ttlMs;
  }

  private touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private store(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    // A Map iterates in insertion order and touch() re-inserts, so the first key is the least recently used.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
