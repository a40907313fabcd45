import { describe, expect, it } from 'vitest';
import { actorOf, type Interaction, nameOf } from '../../../../src/platforms/discord/handler.ts';

/** A click from a guild member, or (member undefined) from a DM, with the name fields Discord sends. */
function from(
  user: { username?: string; global_name?: string | null },
  member?: { nick?: string | null },
): Interaction {
  const u = { id: 'U1', ...user };
  return {
    type: 3,
    channel_id: 'C1',
    ...(member ? { guild_id: 'G1', member: { user: u, permissions: '0', ...member } } : { user: u }),
    data: { custom_id: 'next' },
  };
}

describe('the name Discord shows for a person', () => {
  it.each<[string, Interaction, string | undefined]>([
    [
      'the server nickname first',
      from({ username: 'grace', global_name: 'Grace Hopper' }, { nick: 'Amazing Grace' }),
      'Amazing Grace',
    ],
    [
      'the display name without a nickname',
      from({ username: 'grace', global_name: 'Grace Hopper' }, { nick: null }),
      'Grace Hopper',
    ],
    [
      'the display name when the nickname is blank',
      from({ username: 'grace', global_name: 'Grace Hopper' }, { nick: ' ' }),
      'Grace Hopper',
    ],
    ['the username without either', from({ username: 'grace', global_name: null }, {}), 'grace'],
    [
      'the display name in a DM (no member, no nickname)',
      from({ username: 'ada', global_name: 'Ada' }),
      'Ada',
    ],
    ['nothing when Discord sends no name', from({}, {}), undefined],
  ])('takes %s', (_label, i, expected) => {
    expect(nameOf(i)).toBe(expected);
    expect(actorOf(i)?.userName).toBe(expected);
  });

  it('keeps a name on one line', () => {
    expect(nameOf(from({ username: 'grace' }, { nick: ' Amazing\nGrace ' }))).toBe('Amazing Grace');
  });
});
