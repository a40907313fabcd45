import { describe, expect, it } from 'vitest';
import { SUBCOMMANDS } from '../../../../src/app/commands.ts';
import {
  commandDefinitions,
  studybotCommand,
} from '../../../../src/platforms/discord/command-definitions.ts';

type Opt = {
  name: string;
  type: number;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { value: string }[];
};

const subs = () => (studybotCommand().options ?? []) as unknown as (Opt & { options?: Opt[] })[];
const optionsOf = (name: string) => subs().find((s) => s.name === name)?.options ?? [];

describe('/studybot command definitions', () => {
  it('has exactly the subcommands Slack understands, in the same order', () => {
    expect(subs().map((s) => s.name)).toEqual(SUBCOMMANDS.map((s) => s.name));
    expect(subs().every((s) => s.type === 1)).toBe(true);
  });

  it.each([
    ['quiz', [{ name: 'topic', type: 3, autocomplete: true }]],
    [
      'study',
      [
        { name: 'topic', type: 3, autocomplete: true },
        { name: 'retention', type: 10, min_value: 0.7, max_value: 0.97 },
        { name: 'mode', type: 3 },
      ],
    ],
    [
      'settings',
      [
        { name: 'retention', type: 4, min_value: 70, max_value: 97 },
        { name: 'new', type: 4, min_value: 0, max_value: 100 },
        { name: 'timezone', type: 3, autocomplete: true },
      ],
    ],
    // Optional: `/studybot recommend` alone opens a form for the workload.
    ['recommend', [{ name: 'text', type: 3, max_length: 4000 }]],
    ['leaderboard', [{ name: 'period', type: 3 }]],
    [
      'subscribe',
      [
        { name: 'time', type: 3 },
        { name: 'timezone', type: 3, autocomplete: true },
        { name: 'days', type: 3 },
      ],
    ],
    ['progress', []],
    ['unsubscribe', []],
    ['help', []],
  ])('%s takes the typed options named as everywhere else', (sub, expected) => {
    const got = optionsOf(sub);
    expect(got.map((o) => o.name)).toEqual(expected.map((o) => o.name));
    for (const [i, o] of expected.entries()) expect(got[i]).toMatchObject(o);
  });

  it('lets recommend be sent without text, so it can open the workload form', () => {
    expect(optionsOf('recommend')[0]?.required).not.toBe(true);
  });

  it.each([
    ['leaderboard', 'period', ['week', 'all']],
    ['subscribe', 'days', ['weekdays', 'daily']],
  ])('%s %s offers only the values the bot accepts', (sub, opt, values) => {
    expect(
      optionsOf(sub)
        .find((o) => o.name === opt)
        ?.choices?.map((c) => c.value),
    ).toEqual(values);
  });

  it('registers one command, usable by everyone (subscribe is gated by the bot on Manage Channels)', () => {
    const defs = commandDefinitions();
    expect(defs.map((d) => d.name)).toEqual(['studybot']);
    expect(defs[0]?.default_member_permissions ?? null).toBeNull();
  });
});

describe('where Discord offers /studybot', () => {
  it('in servers and in a DM with the bot, never in group DMs where it cannot post', () => {
    const command = studybotCommand();
    expect(command.integration_types).toEqual([0]); // installed to servers
    expect(command.contexts).toEqual([0, 1]); // guild, bot DM; not 2 (private channel)
  });
});
