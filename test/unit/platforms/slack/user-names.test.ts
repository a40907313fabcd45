import { describe, expect, it } from 'vitest';
import {
  cleanName,
  NAME_TTL_MS,
  SlackUserNames,
  slackNameOf,
} from '../../../../src/platforms/slack/user-names.ts';
import { SlackApiError, type SlackArgs, type SlackResult } from '../../../../src/platforms/slack/web-api.ts';

/** A scripted users.info: what each user id answers, or an error to throw; every call is recorded. */
function scriptedApi(users: Record<string, unknown>) {
  const calls: { method: string; args: SlackArgs; limits: unknown }[] = [];
  let failure: Error | undefined;
  let gate: Promise<void> | undefined;
  return {
    calls,
    failWith(err: Error | undefined) {
      failure = err;
    },
    hold(until: Promise<void>) {
      gate = until;
    },
    async call(method: string, args: SlackArgs = {}, limits?: unknown): Promise<SlackResult> {
      calls.push({ method, args, limits });
      if (gate) await gate;
      if (failure) throw failure;
      return { ok: true, user: users[String(args.user)] };
    },
  };
}

function setup(users: Record<string, unknown>, options: { maxEntries?: number } = {}) {
  const api = scriptedApi(users);
  let t = Date.parse('2026-03-02T09:00:00Z');
  const names = new SlackUserNames({ api, now: () => new Date(t), ...options });
  return {
    api,
    names,
    advance(ms: number) {
      t += ms;
    },
    lookups: (user?: string) => api.calls.filter((c) => !user || c.args.user === user).length,
  };
}

const profile = (display: string, real = '', handle = 'ada') => ({
  id: 'U1',
  name: handle,
  profile: { display_name: display, real_name: real },
});

describe('slackNameOf', () => {
  it.each([
    ['the display name', profile('Ada Lovelace', 'Augusta Ada King'), 'Ada Lovelace'],
    ['the real name when no display name is set', profile('', 'Grace Hopper'), 'Grace Hopper'],
    ['the real name when the display name is blank', profile('   ', 'Grace Hopper'), 'Grace Hopper'],
    ['the top-level real name without a profile', { name: 'grace', real_name: 'Grace H.' }, 'Grace H.'],
    ['the handle when no name is set', profile('', ''), 'ada'],
    ['nothing for no user', undefined, undefined],
  ])('takes %s', (_label, user, expected) => {
    expect(slackNameOf(user)).toBe(expected);
  });
});

describe('cleanName', () => {
  it('keeps a name on one line, without control characters, at most 80 characters', () => {
    expect(cleanName('  Ada\n\tLovelace\u0007 ')).toBe('Ada Lovelace');
    const long = cleanName('x'.repeat(200))!;
    expect([...long]).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
    expect(cleanName('')).toBeUndefined();
    expect(cleanName(42)).toBeUndefined();
  });
});

describe('SlackUserNames', () => {
  it('asks users.info once per person within the TTL, with a short budget and no retries', async () => {
    const s = setup({ U1: profile('Ada Lovelace') });
    expect(await s.names.nameOf('T1', 'U1', 'ada')).toBe('Ada Lovelace');
    s.advance(NAME_TTL_MS - 1000);
    expect(await s.names.nameOf('T1', 'U1', 'ada')).toBe('Ada Lovelace');
    expect(s.lookups()).toBe(1);
    expect(s.api.calls[0]).toMatchObject({
      method: 'users.info',
      args: { user: 'U1' },
      limits: { maxRetries: 0, timeoutMs: 1000 },
    });
  });

  it('shows a rename once the entry expires', async () => {
    const users = { U1: profile('Ada Lovelace') };
    const s = setup(users);
    await s.names.nameOf('T1', 'U1', 'ada');
    users.U1 = profile('Ada King');
    s.advance(NAME_TTL_MS + 1);
    expect(await s.names.nameOf('T1', 'U1', 'ada')).toBe('Ada King');
    expect(s.lookups()).toBe(2);
  });

  it('looks again at once when the request carries a new handle', async () => {
    const users = { U1: profile('Ada Lovelace') };
    const s = setup(users);
    await s.names.nameOf('T1', 'U1', 'ada');
    users.U1 = profile('Ada King', '', 'aking');
    expect(await s.names.nameOf('T1', 'U1', 'aking')).toBe('Ada King');
    expect(s.lookups()).toBe(2);
  });

  it('keeps people of different workspaces apart', async () => {
    const s = setup({ U1: profile('Ada Lovelace') });
    await s.names.nameOf('T1', 'U1', 'ada');
    await s.names.nameOf('T2', 'U1', 'ada');
    expect(s.lookups()).toBe(2);
  });

  it('falls back to the handle when users.info fails and nothing is known, and does not ask again for a minute', async () => {
    const s = setup({ U1: profile('Ada Lovelace') });
    s.api.failWith(new SlackApiError('users.info', 'ratelimited'));
    expect(await s.names.nameOf('T1', 'U1', 'ada')).toBe('ada');
    expect(await s.names.nameOf('T1', 'U1', 'ada')).toBe('ada');
    expect(s.lookups()).toBe(1);
    s.api.failWith(undefined);
    s.advance(61 * 1000);
    expect(await s.names.nameOf('T1', 'U1', 'ada')).toBe('Ada Lovelace');
    expect(s.lookups()).toBe(2);
  });

  it('keeps the last known name when a later lookup fails', async () => {
    const s = setup({ U1: profile('Ada Lovelace') });
    await s.names.nameOf('T1', 'U1', 'ada');
    s.advance(NAME_TTL_MS + 1);
    s.api.failWith(new SlackApiError('users.info', 'request_failed'));
    expect(await s.names.nameOf('T1', 'U1', 'ada')).toBe('Ada Lovelace');
  });

  it('answers the handle when Slack knows the person but no name, and undefined when nothing is known', async () => {
    const s = setup({ U1: { id: 'U1', profile: { display_name: '', real_name: '' } } });
    expect(await s.names.nameOf('T1', 'U1', 'ada')).toBe('ada');
    s.api.failWith(new SlackApiError('users.info', 'user_not_found'));
    expect(await s.names.nameOf('T1', 'U2')).toBeUndefined();
  });

  it('makes one call for concurrent clicks of the same person', async () => {
    const s = setup({ U1: profile('Ada Lovelace') });
    let release = () => {};
    s.api.hold(
      new Promise<void>((resolve) => {
        release = resolve;
      }),
    );
    const pending = [1, 2, 3].map(() => s.names.nameOf('T1', 'U1', 'ada'));
    release();
    expect(await Promise.all(pending)).toEqual(['Ada Lovelace', 'Ada Lovelace', 'Ada Lovelace']);
    expect(s.lookups()).toBe(1);
  });

  it('keeps at most maxEntries people, dropping the least recently used', async () => {
    const s = setup({ U1: profile('One'), U2: profile('Two'), U3: profile('Three') }, { maxEntries: 2 });
    await s.names.nameOf('T1', 'U1', 'ada');
    await s.names.nameOf('T1', 'U2', 'ada');
    await s.names.nameOf('T1', 'U1', 'ada'); // U1 is now the most recently used
    await s.names.nameOf('T1', 'U3', 'ada'); // drops U2
    expect(s.names.peek('T1', 'U1')).toBe('One');
    expect(s.names.peek('T1', 'U2')).toBeUndefined();
    expect(s.names.peek('T1', 'U3')).toBe('Three');
    await s.names.nameOf('T1', 'U2', 'ada');
    expect(s.lookups('U2')).toBe(2);
    expect(s.lookups('U1')).toBe(1);
  });

  it('peeks without asking Slack, and forgets expired names', async () => {
    const s = setup({ U1: profile('Ada Lovelace') });
    expect(s.names.peek('T1', 'U1')).toBeUndefined();
    await s.names.nameOf('T1', 'U1', 'ada');
    expect(s.names.peek('T1', 'U1')).toBe('Ada Lovelace');
    s.advance(NAME_TTL_MS + 1);
    expect(s.names.peek('T1', 'U1')).toBeUndefined();
    expect(s.lookups()).toBe(1);
  });
});
