import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDailyRunner } from '../../../../src/daily/runner.ts';
import { dynamoTargets } from '../../../support/dynamo.ts';
import { type PlatformHarness, startPlatformHarness } from '../../../support/platform-harness.ts';
import { postSlack, slashCommandBody } from '../../../support/platform-requests.ts';

/**
 * Slack's app_uninstalled and tokens_revoked events, signed as Slack signs them: the workspace's
 * daily posts stop at once, and the daily run deletes its data once the 7-day grace period is over.
 */
const TARGET = dynamoTargets[0]!;
const NOW = new Date('2026-03-04T10:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);
const DAY = 86_400_000;

let h: PlatformHarness;

beforeAll(async () => {
  h = await startPlatformHarness(TARGET, { now: () => NOW });
});
afterAll(async () => h?.close());

const event = (teamId: string, ev: Record<string, unknown>) =>
  JSON.stringify({
    token: 'legacy',
    team_id: teamId,
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: `Ev${teamId}${String(ev.type)}`,
    event_time: TS,
    event: ev,
  });

const postEvent = (body: string, secret?: string) =>
  postSlack(h.local.url, body, {
    timestamp: TS,
    contentType: 'application/json',
    ...(secret ? { secret } : {}),
  });

/** A workspace with a subscribed channel, a channel post answered and a person's study card. */
async function workspaceWithData(teamId: string) {
  const channel = { platform: 'slack' as const, tenantId: teamId, channelId: 'C0100' };
  await h.store.setSubscription(
    channel,
    { time: '09:00', timeZone: 'UTC', days: 'daily' },
    '2026-03-05T09:00:00.000Z',
  );
  const res = await postSlack(
    h.local.url,
    slashCommandBody({ text: 'study', team_id: teamId, channel_id: 'C0100', user_id: 'U0100' }),
    { timestamp: TS },
  );
  expect(res.status).toBe(200);
  const person = { platform: 'slack' as const, tenantId: teamId, userId: 'U0100' };
  await h.store.setRetention(person, 0.85);
  await h.store.saveReport(person, 's000-scheduled-plus-target-tracking', `typo ${teamId}`, NOW);
  await postSlack(h.local.url, slashCommandBody({ text: 'quiz', team_id: teamId, channel_id: 'C0100' }), {
    timestamp: TS,
  });
  return channel;
}

describe('a workspace removing the app', () => {
  it('answers url_verification with its challenge', async () => {
    const res = await postEvent(
      JSON.stringify({ type: 'url_verification', challenge: 'ch-123', token: 'x' }),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('ch-123');
  });

  it('stops the daily posts at once and deletes the data after the grace period; a forged event changes nothing', async () => {
    const channel = await workspaceWithData('T0900');
    const other = await workspaceWithData('T0901');
    const person = { platform: 'slack' as const, tenantId: 'T0900', userId: 'U0100' };
    const dueLater = async () =>
      (await h.store.dueChannels(new Date(NOW.getTime() + 2 * DAY), 100)).map((d) => d.channel.tenantId);
    expect(await dueLater()).toEqual(expect.arrayContaining(['T0900', 'T0901']));

    const uninstalled = event('T0900', { type: 'app_uninstalled' });
    expect((await postEvent(uninstalled, 'forged-secret')).status).toBe(401);
    expect(await dueLater()).toContain('T0900');
    expect(await h.store.dueTenantDeletions(new Date(NOW.getTime() + 30 * DAY), 10)).toEqual([]);

    expect((await postEvent(uninstalled)).status).toBe(200);
    expect(await dueLater()).not.toContain('T0900');
    expect(await dueLater()).toContain('T0901');
    expect((await h.store.getChannel(channel))?.paused?.reason).toBe(
      'StudyBot was removed from this workspace.',
    );
    const pending = await h.store.dueTenantDeletions(new Date(NOW.getTime() + 30 * DAY), 10);
    expect(pending).toEqual([
      { platform: 'slack', tenantId: 'T0900', dueAt: '2026-03-11T10:00:00.000Z', reason: 'app_uninstalled' },
    ]);
    // Slack sends it again (a retry), then tokens_revoked: the first deletion date stands.
    expect((await postEvent(uninstalled)).status).toBe(200);
    const revoked = event('T0900', { type: 'tokens_revoked', tokens: { bot: ['UBOT'] } });
    expect((await postEvent(revoked)).status).toBe(200);
    expect((await h.store.dueTenantDeletions(new Date(NOW.getTime() + 30 * DAY), 10))[0]?.dueAt).toBe(
      '2026-03-11T10:00:00.000Z',
    );

    const runner = createDailyRunner({ store: h.store, platforms: {} });
    await runner.pass(new Date(NOW.getTime() + 6 * DAY));
    expect((await h.store.getProfile(person)).retention).toBe(0.85);
    expect((await h.store.listReports()).map((r) => r.reason)).toContain('typo T0900');

    await runner.pass(new Date(NOW.getTime() + 7 * DAY + 60_000));
    expect((await h.store.getProfile(person)).retention).toBe(0.9);
    expect((await h.store.listReports()).map((r) => r.reason)).not.toContain('typo T0900');
    expect(await h.store.getChannel(channel)).toBeUndefined();
    expect(await h.store.dueTenantDeletions(new Date(NOW.getTime() + 30 * DAY), 10)).toEqual([]);
    // The other workspace keeps everything.
    expect(await h.store.getChannel(other)).toBeDefined();
    expect((await h.store.getProfile({ ...person, tenantId: 'T0901' })).retention).toBe(0.85);
  });

  it('ignores tokens_revoked for user tokens only (StudyBot holds none)', async () => {
    await workspaceWithData('T0902');
    expect(
      (await postEvent(event('T0902', { type: 'tokens_revoked', tokens: { oauth: ['U0100'] } }))).status,
    ).toBe(200);
    const pending = await h.store.dueTenantDeletions(new Date(NOW.getTime() + 30 * DAY), 10);
    expect(pending.map((p) => p.tenantId)).not.toContain('T0902');
    const due = await h.store.dueChannels(new Date(NOW.getTime() + 2 * DAY), 100);
    expect(due.map((d) => d.channel.tenantId)).toContain('T0902');
  });

  it('treats tokens_revoked for the bot token like an uninstall', async () => {
    await workspaceWithData('T0903');
    expect(
      (await postEvent(event('T0903', { type: 'tokens_revoked', tokens: { bot: ['UBOT'] } }))).status,
    ).toBe(200);
    const pending = await h.store.dueTenantDeletions(new Date(NOW.getTime() + 30 * DAY), 10);
    expect(pending.filter((p) => p.tenantId === 'T0903').map((p) => p.reason)).toEqual(['tokens_revoked']);
    const due = await h.store.dueChannels(new Date(NOW.getTime() + 2 * DAY), 100);
    expect(due.map((d) => d.channel.tenantId)).not.toContain('T0903');
  });
});
