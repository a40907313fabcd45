import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalBot, startLocalBot } from '../../../src/local/local-bot.ts';
import { dynamoTargets } from '../../support/dynamo.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../support/fake-discord-api.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/fake-slack-api.ts';
import {
  discordCommand,
  discordKeys,
  postDiscord,
  postSlack,
  slashCommandBody,
} from '../../support/platform-requests.ts';
import { testConfig } from '../../support/test-config.ts';

/** `/studybot subscribe` through the real signed Slack and Discord endpoints, for admins and others. */
const NOW = new Date('2026-10-22T12:00:00Z'); // a Thursday
const TS = Math.floor(NOW.getTime() / 1000);
const keys = discordKeys();
const MANAGE_CHANNELS = String(1 << 4);

describe.each(dynamoTargets)('/studybot subscribe on $name', (target) => {
  let slack: FakeSlackApi;
  let discord: FakeDiscordApi;
  let local: LocalBot;

  beforeAll(async () => {
    slack = await startFakeSlackApi({ token: 'xoxb-test' });
    discord = await startFakeDiscordApi();
    const config = testConfig(target, {
      SLACK_API_URL: slack.apiUrl,
      SLACK_ADMIN_USER_IDS: 'UALLOWED',
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_BOT_TOKEN: 'bot-test',
      DISCORD_API_URL: discord.api,
    });
    local = await startLocalBot(config, { persist: false, now: () => NOW });
  });
  afterAll(async () => {
    await local?.close();
    await slack?.close();
    await discord?.close();
  });

  const slash = async (text: string, user: string, channel = 'C0001') => {
    const res = await postSlack(local.url, slashCommandBody({ text, user_id: user, channel_id: channel }), {
      timestamp: TS,
    });
    expect(res.status).toBe(200);
    const raw = await res.text();
    return raw ? (JSON.parse(raw) as { text?: string }) : undefined;
  };

  it('Slack: a workspace admin subscribes; the channel sees the schedule', async () => {
    slack.setUser('UADMIN', { is_admin: true });
    const answer = await slash('subscribe 08:30 Europe/Berlin daily', 'UADMIN');
    expect(answer).toBeUndefined(); // posted to the channel instead of answered privately
    const posted = slack.calls('chat.postMessage').at(-1);
    expect(posted?.args.text).toContain('08:30 Europe/Berlin, every day');
    expect(posted?.args.text).toContain('Fri 23 Oct, 08:30 Europe/Berlin');
  });

  it('Slack: someone on the allow-list may change it; a member may only look', async () => {
    expect(await slash('subscribe 10:00', 'UALLOWED')).toBeUndefined();
    slack.setUser('UMEMBER', { is_admin: false });
    const refused = await slash('unsubscribe', 'UMEMBER');
    expect(refused?.text).toContain('Only workspace admins and owners');
    expect(refused?.text).toContain('10:00 Europe/Berlin, every day');
    const shown = await slash('subscribe', 'UMEMBER');
    expect(shown?.text).toMatch(
      /^Daily question here at 10:00 Europe\/Berlin, every day\. Next one: Fri 23 Oct, 10:00/,
    );
  });

  it('Slack: an unknown time zone gets a helpful sentence', async () => {
    const answer = await slash('subscribe 09:00 Mars/Olympus_Mons', 'UALLOWED');
    expect(answer?.text).toBe("I don't know the time zone Mars/Olympus_Mons; try Europe/Berlin.");
  });

  const discordSubscribe = async (permissions: string, options: { name: string; value: string }[] = []) => {
    const interaction = discordCommand(
      'subscribe',
      options.map((o) => ({ ...o, type: 3 })),
      { member: { user: { id: 'D0009', username: 'lin' }, permissions } },
    );
    const res = await postDiscord(local.url, interaction, keys, { timestamp: TS });
    expect(res.status).toBe(200);
    return JSON.stringify(await res.json());
  };

  it('Discord: Manage Channels may subscribe; without it the member is told why', async () => {
    const ok = await discordSubscribe(MANAGE_CHANNELS, [
      { name: 'time', value: '7:05' },
      { name: 'timezone', value: 'australia/sydney' },
      { name: 'days', value: 'weekdays' },
    ]);
    expect(ok).toContain('Posted in this channel');
    const posted = JSON.stringify(discord.callsTo('POST /channels/:channel/messages').at(-1)?.body);
    expect(posted).toContain('07:05 Australia/Sydney, Monday to Friday');
    const refused = await discordSubscribe('0', [{ name: 'time', value: '11:00' }]);
    expect(refused).toContain('Only members with the Manage Channels permission');
    expect(refused).toContain('07:05 Australia/Sydney');
  });
});
