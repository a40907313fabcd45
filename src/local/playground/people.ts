import { DEV_SECRETS } from '../dev-secrets.ts';

/**
 * The pretend workspace the playground acts in: one Slack workspace and one Discord guild, each
 * with a #ml-study channel, and three people to switch between. Ada can manage the channel (Slack
 * admin, Discord Manage Channels), so subscriptions can be tried; Grace and Linus cannot.
 */
export interface PretendPerson {
  key: string;
  name: string;
  slack: { userId: string; userName: string; isAdmin: boolean };
  discord: { userId: string; username: string; permissions: string };
}

// Discord's Manage Channels bit (1 << 4) plus View Channel and Send Messages, as a member has them.
const MEMBER = (1n << 10n) | (1n << 11n);
const MANAGE_CHANNELS = 1n << 4n;

export const PEOPLE: PretendPerson[] = [
  {
    key: 'ada',
    name: 'Ada',
    slack: { userId: 'U0PLAYADA', userName: 'ada', isAdmin: true },
    discord: { userId: '200000000000000001', username: 'ada', permissions: String(MEMBER | MANAGE_CHANNELS) },
  },
  {
    key: 'grace',
    name: 'Grace',
    slack: { userId: 'U0PLAYGRACE', userName: 'grace', isAdmin: false },
    discord: { userId: '200000000000000002', username: 'grace', permissions: String(MEMBER) },
  },
  {
    key: 'linus',
    name: 'Linus',
    slack: { userId: 'U0PLAYLINUS', userName: 'linus', isAdmin: false },
    discord: { userId: '200000000000000003', username: 'linus', permissions: String(MEMBER) },
  },
];

export const SLACK_PLACE = {
  teamId: 'T0PLAYGROUND',
  teamDomain: 'playground',
  channelId: 'C0MLSTUDY',
  channelName: 'ml-study',
  appId: 'A0STUDYBOT',
  botUserId: 'U0STUDYBOT',
  botId: 'B0STUDYBOT',
};

export const DISCORD_PLACE = {
  guildId: '300000000000000001',
  channelId: '300000000000000002',
  channelName: 'ml-study',
  applicationId: DEV_SECRETS.discordApplicationId,
};

export function personByKey(key: string): PretendPerson | undefined {
  return PEOPLE.find((p) => p.key === key);
}

/** Who a Slack or Discord user id belongs to (API calls name people by id). */
export function personByUserId(userId: string): PretendPerson | undefined {
  return PEOPLE.find((p) => p.slack.userId === userId || p.discord.userId === userId);
}
