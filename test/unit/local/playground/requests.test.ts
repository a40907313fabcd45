import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../../../src/app/commands.ts';
import { PEOPLE } from '../../../../src/local/playground/people.ts';
import {
  discordCommandInteraction,
  discordCommandOptions,
  discordComponentInteraction,
  slackBlockActionsBody,
  slackCommandBody,
} from '../../../../src/local/playground/requests.ts';
import { commandOf, type Interaction } from '../../../../src/platforms/discord/handler.ts';

const ada = PEOPLE[0]!;

describe('what the playground sends for a typed command', () => {
  it.each([
    ['quiz', { sub: 'quiz', options: [] }],
    ['quiz autoscaling', { sub: 'quiz', options: [{ name: 'topic', type: 3, value: 'autoscaling' }] }],
    [
      'recommend 20 MB documents within 30 minutes',
      { sub: 'recommend', options: [{ name: 'text', type: 3, value: '20 MB documents within 30 minutes' }] },
    ],
    ['leaderboard all', { sub: 'leaderboard', options: [{ name: 'period', type: 3, value: 'all' }] }],
    [
      'subscribe 9:00 Europe/Berlin weekdays',
      {
        sub: 'subscribe',
        options: [
          { name: 'time', type: 3, value: '09:00' },
          { name: 'timezone', type: 3, value: 'Europe/Berlin' },
          { name: 'days', type: 3, value: 'weekdays' },
        ],
      },
    ],
    ['frobnicate', { sub: 'frobnicate', options: [] }],
  ])('"%s" becomes the Discord options %j', (text, expected) => {
    expect(discordCommandOptions(text)).toEqual(expected);
  });

  it.each([
    'quiz autoscaling',
    'leaderboard all',
    'subscribe 09:00 Europe/Berlin daily',
    'progress',
    'recommend 5 GB video',
  ])('the Discord adapter reads "%s" as the same command Slack free text gives', (text) => {
    const interaction = discordCommandInteraction(ada, text, '1', 't') as Interaction;
    expect(commandOf(interaction)).toEqual(parseCommandText(text));
  });

  it('sends a recommend text over the bot’s limit whole, so the bot’s own answer says the limit', () => {
    const long = `recommend ${'20 MB documents, results within 30 minutes. '.repeat(100)}`.trim();
    expect(long.length).toBeGreaterThan(4000);
    const { sub, options } = discordCommandOptions(long);
    expect(sub).toBe('recommend');
    expect(options[0]?.value).toBe(long.slice('recommend '.length));
    const interaction = discordCommandInteraction(ada, long, '1', 't') as Interaction;
    const command = commandOf(interaction);
    expect(command).toEqual(parseCommandText(long));
    expect(command).toMatchObject({
      name: 'help',
      reason: expect.stringContaining('at most 4,000 characters'),
    });
  });

  it('a Slack slash command carries the person, the channel and a response_url back to the playground', () => {
    const form = new URLSearchParams(
      slackCommandBody(ada, 'quiz', 'http://127.0.0.1:3000/playground/slack/respond/x', 'trig'),
    );
    expect(Object.fromEntries(form)).toMatchObject({
      command: '/studybot',
      text: 'quiz',
      user_id: ada.slack.userId,
      user_name: 'ada',
      response_url: 'http://127.0.0.1:3000/playground/slack/respond/x',
    });
  });
});

describe('what the playground sends for a click', () => {
  const click = { action: 'q:p1:s001:b', values: [], messageId: '1700000000.000001', ephemeral: false };

  it('Slack: a block_actions payload naming the clicked message, with checkbox state as Slack nests it', () => {
    const body = slackBlockActionsBody(
      ada,
      { ...click, state: { picker: { 'picker-checkboxes': ['a', 'c'] } } },
      'http://x/r',
      't',
    );
    const payload = JSON.parse(new URLSearchParams(body).get('payload')!);
    expect(payload.actions[0].action_id).toBe('q:p1:s001:b');
    expect(payload.container).toMatchObject({ message_ts: click.messageId, is_ephemeral: false });
    expect(payload.message.ts).toBe(click.messageId);
    expect(payload.state.values.picker['picker-checkboxes'].selected_options).toEqual([
      { value: 'a' },
      { value: 'c' },
    ]);
  });

  it('Slack: a click on a private message has no `message`, as Slack sends it', () => {
    const payload = JSON.parse(
      new URLSearchParams(slackBlockActionsBody(ada, { ...click, ephemeral: true }, 'u', 't')).get(
        'payload',
      )!,
    );
    expect(payload.message).toBeUndefined();
    expect(payload.container.is_ephemeral).toBe(true);
  });

  it('Discord: a select sends its values; a private message is flagged ephemeral', () => {
    const i = discordComponentInteraction(
      ada,
      { ...click, ephemeral: true, componentType: 'select', values: ['a', 'b'] },
      '1',
      't',
    ) as {
      message: { flags: number };
      data: { component_type: number; values: string[] };
      member: { permissions: string };
    };
    expect(i.data).toEqual({ custom_id: click.action, component_type: 3, values: ['a', 'b'] });
    expect(i.message.flags).toBe(64);
    // Ada may manage the channel: Discord's Manage Channels bit is set.
    expect(BigInt(i.member.permissions) & 16n).toBe(16n);
  });
});
