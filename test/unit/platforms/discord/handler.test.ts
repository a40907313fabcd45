import { describe, expect, it } from 'vitest';
import { type Command, parseCommandText } from '../../../../src/app/commands.ts';
import { actorOf, commandOf, type Interaction } from '../../../../src/platforms/discord/handler.ts';

const interaction = (sub: string, options: Record<string, unknown> = {}): Interaction => ({
  type: 2,
  guild_id: 'G1',
  channel_id: 'C1',
  member: { user: { id: 'U1', username: 'grace' }, permissions: '0' },
  data: {
    name: 'studybot',
    options: [
      {
        name: sub,
        type: 1,
        options: Object.entries(options).map(([name, value]) => ({
          name,
          type: 3,
          value: value as string | number,
        })),
      },
    ],
  },
});

describe('Discord options to the shared Command', () => {
  // Each row: what a Discord user picks, and the Slack text that must mean the same thing.
  it.each<[string, Record<string, unknown>, string, Command]>([
    ['quiz', {}, 'quiz', { name: 'quiz' }],
    ['quiz', { topic: 'autoscaling' }, 'quiz autoscaling', { name: 'quiz', topic: 'autoscaling' }],
    ['study', { topic: 'neo-edge' }, 'study neo-edge', { name: 'study', topic: 'neo-edge' }],
    ['study', { retention: 0.85 }, 'study retention 0.85', { name: 'study', retention: 0.85 }],
    [
      'study',
      { topic: 'autoscaling', retention: 0.9 },
      'study autoscaling retention=90%',
      { name: 'study', topic: 'autoscaling', retention: 0.9 },
    ],
    [
      'recommend',
      { text: '20 MB documents, within 30 minutes' },
      'recommend 20 MB documents, within 30 minutes',
      { name: 'recommend', text: '20 MB documents, within 30 minutes' },
    ],
    ['leaderboard', {}, 'leaderboard', { name: 'leaderboard', period: 'week' }],
    ['leaderboard', { period: 'all' }, 'leaderboard all', { name: 'leaderboard', period: 'all' }],
    ['progress', {}, 'progress', { name: 'progress' }],
    ['subscribe', {}, 'subscribe', { name: 'subscribe' }],
    [
      'subscribe',
      { time: '9:00', timezone: 'Europe/Berlin', days: 'weekdays' },
      'subscribe 9:00 Europe/Berlin weekdays',
      { name: 'subscribe', time: '09:00', timezone: 'Europe/Berlin', days: 'weekdays' },
    ],
    ['unsubscribe', {}, 'unsubscribe', { name: 'unsubscribe' }],
    ['help', {}, 'help', { name: 'help' }],
  ])('%s %j is the same command as Slack text', (sub, options, slackText, expected) => {
    expect(commandOf(interaction(sub, options))).toEqual(expected);
    expect(parseCommandText(slackText)).toEqual(expected);
  });

  it('turns an unknown subcommand into help with the reason', () => {
    expect(commandOf(interaction('frobnicate'))).toEqual({
      name: 'help',
      reason: 'I don\'t know "frobnicate".',
    });
  });
});

describe('Discord actor', () => {
  it.each([
    ['0', false],
    [String(1n << 4n), true],
    [String((1n << 4n) | (1n << 3n)), true],
    ['not a number', false],
  ])('permissions %s give canManageChannel %s (Manage Channels bit)', (permissions, can) => {
    const i = { ...interaction('help'), member: { user: { id: 'U1' }, permissions } };
    expect(actorOf(i)?.canManageChannel).toBe(can);
  });

  it('scopes a DM (no guild) to its own channel', () => {
    const { member: _m, guild_id: _g, ...rest } = interaction('help');
    expect(actorOf({ ...rest, user: { id: 'U9', username: 'ada' } })).toMatchObject({
      platform: 'discord',
      tenantId: 'dm-C1',
      userId: 'U9',
      canManageChannel: false,
    });
  });
});
