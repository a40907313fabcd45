import { workspaceRemoved } from '../app/your-data.ts';
import { log } from '../log.ts';
import type { StudyStore, TenantRef } from '../store/store.ts';
import type { DailyPlatform } from './platforms.ts';

/**
 * Discord servers that removed the bot. A bot on HTTP interactions has no Gateway connection, so
 * Discord never tells it (no GUILD_DELETE): once a day the scheduler asks for the guilds the bot is
 * in (GET /users/@me/guilds, every page) and compares them with the guilds that have data in the
 * store. A guild with data that is no longer listed is treated like a Slack workspace that removed
 * the app (`workspaceRemoved`): its subscriptions pause now and its data is deleted after the same
 * grace period by `runTenantDeletions`. A guild listed again before then has the deletion cancelled.
 *
 * Only a complete, successful listing counts: any failure (network, timeout, 5xx after retries, a
 * long 429, 401) throws before anything is compared. A listing that lacks every guild with data is
 * taken as suspicious (a wrong token, an API answering for another application) and changes nothing.
 */
export const BOT_REMOVED_REASON = 'bot_removed_from_server';

export interface GuildCheckSummary {
  /** false: Discord not asked (already checked today, no Discord platform, or no server with data). */
  ran: boolean;
  listed: number;
  known: number;
  /** Guilds newly found without the bot: paused and scheduled for deletion. */
  removed: number;
  /** Guilds listed again whose pending deletion was cancelled. */
  restored: number;
  /** The listing lacked every guild with data, so nothing was scheduled. */
  suspicious: boolean;
}

const DAY_MS = 86_400_000;
/** The claim that makes the check once a day (UTC) across passes and workers. */
const CHECK_SCOPE: TenantRef = { platform: 'discord', tenantId: '@' };

export async function checkDiscordGuilds(
  store: StudyStore,
  platform: DailyPlatform | undefined,
  now: Date,
  options: { everyPass?: boolean } = {},
): Promise<GuildCheckSummary> {
  const summary: GuildCheckSummary = {
    ran: false,
    listed: 0,
    known: 0,
    removed: 0,
    restored: 0,
    suspicious: false,
  };
  if (!platform?.listGuilds) return summary;
  // One conditional write per pass decides whether this pass is today's check.
  const day = now.toISOString().slice(0, 10);
  if (
    !options.everyPass &&
    !(await store.claimOnce(CHECK_SCOPE, `guild-check#${day}`, new Date(now.getTime() + 2 * DAY_MS)))
  )
    return summary;
  // What the store knows (index Queries): with no Discord server at all, Discord is not asked.
  const pending = new Map((await store.pendingTenantDeletions('discord')).map((d) => [d.tenantId, d]));
  const known = (await store.discordGuildsWithData()).filter((g) => !pending.has(g));
  summary.known = known.length;
  if (known.length === 0 && pending.size === 0) return summary;
  summary.ran = true;
  // Then the listing: if it fails, this throws and nothing is compared or changed.
  const listed = new Set(await platform.listGuilds());
  summary.listed = listed.size;
  // Back in a guild before its data went: the deletion is cancelled, as a Slack reinstall does.
  // (Its subscriptions stay paused, with the reason; `/studybot subscribe` there starts them again.)
  for (const [guild, deletion] of pending) {
    if (!listed.has(guild) || deletion.reason !== BOT_REMOVED_REASON) continue;
    if (await store.cancelTenantDeletion({ platform: 'discord', tenantId: guild })) {
      summary.restored++;
      log.info('daily: the bot is back in a Discord server; its data is kept', { tenantId: guild });
    }
  }
  const gone = known.filter((g) => !listed.has(g));
  if (gone.length === 0) return summary;
  if (gone.length === known.length) {
    summary.suspicious = true;
    log.warn('daily: Discord listed none of the servers with data; nothing is scheduled for deletion', {
      listed: listed.size,
      known: known.length,
    });
    return summary;
  }
  for (const guild of gone) {
    const tenant: TenantRef = { platform: 'discord', tenantId: guild };
    const { paused, deleteAfter } = await workspaceRemoved(store, tenant, BOT_REMOVED_REASON, now);
    summary.removed++;
    log.info('daily: the bot was removed from a Discord server; its data will be deleted', {
      tenantId: guild,
      paused,
      deleteAfter,
    });
  }
  return summary;
}
