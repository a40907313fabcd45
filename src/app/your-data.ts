import type { PersonDeletion, PersonRef, StudyStore, TenantRef } from '../store/store.ts';
import { encodeAction, type Message, type Outcome, textMessage } from './reply.ts';

/**
 * A person's data under their control: `/studybot forget-me` deletes every item about them in this
 * workspace or server after a confirm; a Slack workspace that removes the app stops getting daily
 * posts at once and has its data deleted after a grace period (by the daily run).
 */
export const FORGET_BUTTON = 'forget';
export const FORGET_KEEP = 'forget-keep';
/** How long the confirm button works: long enough to read the message, short enough to be fresh. */
const CONFIRM_VALID_MS = 15 * 60 * 1000;
/** How long a workspace that removed the app keeps its data (a mistaken uninstall can be undone). */
export const TENANT_DELETION_GRACE_DAYS = 7;

function where(person: TenantRef): string {
  // A Discord deck is the person's in every server and DM (one user id), and so is its deletion.
  return person.platform === 'slack' ? 'this workspace' : 'every server and DM on Discord';
}

/** The confirm: what will go, that it cannot be undone, and the two buttons. */
export function forgetMeConfirm(person: TenantRef, now: Date): Outcome {
  const text = `Delete everything StudyBot keeps about you in ${where(person)}?`;
  const message: Message = {
    text,
    title: '🗑️ Delete your StudyBot data?',
    sections: [
      {
        lines: [
          `This deletes everything StudyBot keeps about you in ${where(person)}: your review cards and their schedule, your study settings, your points and streaks in every channel, your recorded answers, your question reports and saved recommendations.`,
          'It cannot be undone. Channel posts keep their answer counts, without your name.',
        ],
      },
    ],
    buttons: [
      // The time it was offered rides in the id, so an old confirm cannot delete much later.
      {
        action: encodeAction(FORGET_BUTTON, now.getTime().toString(36)),
        label: 'Delete my data',
        style: 'danger',
      },
      { action: FORGET_KEEP, label: 'Keep my data' },
    ],
  };
  return { reply: { visibility: 'ephemeral', message } };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One sentence of what was deleted. */
export function deletionSentence(person: TenantRef, d: PersonDeletion): string {
  const parts = [
    d.cards ? `${plural(d.cards, 'review card')} with their schedule and answers` : '',
    d.settings ? 'your study settings' : '',
    d.memberships ? `your points and streaks in ${plural(d.memberships, 'channel')}` : '',
    d.answers ? `${plural(d.answers, 'recorded answer')} to channel questions` : '',
    d.reviews ? `your review history (${plural(d.reviews, 'answer')})` : '',
    d.reports ? plural(d.reports, 'question report') : '',
    d.shares ? plural(d.shares, 'saved recommendation') : '',
  ].filter(Boolean);
  if (parts.length === 0 && d.postGuards === 0)
    return `StudyBot had nothing stored about you in ${where(person)}; nothing was deleted.`;
  const list =
    parts.length <= 1 ? (parts[0] ?? 'your name') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `Done: StudyBot deleted ${list} from ${where(person)}${d.postGuards ? ', and took your name off the answer counts of channel posts' : ''}. Nothing about you is kept here now.`;
}

/** The confirm clicked: deletes, and says what went. The answer replaces the confirm. */
export async function forgetMe(
  store: StudyStore,
  person: PersonRef,
  offeredAt: string | undefined,
  now: Date,
): Promise<Outcome> {
  const offered = offeredAt ? Number.parseInt(offeredAt, 36) : Number.NaN;
  const age = now.getTime() - offered;
  if (!Number.isFinite(offered) || age > CONFIRM_VALID_MS || age < -CONFIRM_VALID_MS) {
    return {
      reply: {
        visibility: 'ephemeral',
        message: textMessage(
          'That confirm has expired; nothing was deleted. Run `/studybot forget-me` again.',
        ),
      },
      replacesSource: true,
    };
  }
  const deleted = await store.deletePersonData(person);
  return {
    reply: { visibility: 'ephemeral', message: textMessage(deletionSentence(person, deleted)) },
    replacesSource: true,
  };
}

export function keptData(): Outcome {
  return {
    reply: {
      visibility: 'ephemeral',
      message: textMessage('Nothing was deleted; your data stays as it was.'),
    },
    replacesSource: true,
  };
}

export interface WorkspaceRemoval {
  /** Subscribed channels paused now. */
  paused: number;
  /** When the workspace's data will be deleted (ISO). */
  deleteAfter: string;
}

/**
 * The app was removed from a workspace (or its bot token revoked), or the bot from a Discord server
 * (src/daily/guild-check.ts): no daily post goes there again, and its data is deleted once the grace
 * period is over. A repeated event keeps the first date.
 */
export async function workspaceRemoved(
  store: StudyStore,
  tenant: TenantRef,
  why: string,
  now: Date,
): Promise<WorkspaceRemoval> {
  const reason =
    tenant.platform === 'discord'
      ? 'StudyBot was removed from this server.'
      : 'StudyBot was removed from this workspace.';
  const paused = await store.stopTenantSubscriptions(tenant, { reason, code: why, at: now.toISOString() });
  // Study reminders stop too: their direct messages would go to a workspace that removed the app.
  // Not on Discord: a reminder is the person's own (one deck, a DM with the bot), no server's.
  if (tenant.platform !== 'discord')
    await store.stopTenantReminders(tenant, { reason, code: why, at: now.toISOString() });
  const deleteAfter = await store.scheduleTenantDeletion(
    tenant,
    new Date(now.getTime() + TENANT_DELETION_GRACE_DAYS * 86_400_000),
    why,
  );
  return { paused, deleteAfter };
}
