import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../../src/app/commands.ts';
import {
  fromTenant,
  inTenant,
  keepTenant,
  nextReminder,
  REMIND_OFF,
  reminderMessage,
  reminderNonce,
} from '../../../src/app/reminders.ts';
import { decodeAction, ephemeral } from '../../../src/app/reply.ts';

/** `/studybot remind` as typed, the reminder's message, and the tenant its buttons carry. */
describe('parsing /studybot remind', () => {
  it.each([
    ['remind', { name: 'remind' }],
    ['remind 8:30', { name: 'remind', time: '8:30' }],
    ['remind 08:30 Europe/Berlin', { name: 'remind', time: '08:30', timeZone: 'Europe/Berlin' }],
    ['remind america/new_york 18.05', { name: 'remind', time: '18:05', timeZone: 'america/new_york' }],
    ['remind UTC', { name: 'remind', timeZone: 'UTC' }],
    ['remind off', { name: 'remind', off: true }],
    ['Reminder OFF', { name: 'remind', off: true }],
  ])('%s', (text, command) => {
    expect(parseCommandText(text)).toEqual(command);
  });

  it('answers unreadable input with one sentence naming what to type', () => {
    const bad = parseCommandText('remind tomorrow');
    expect(bad).toEqual({
      name: 'help',
      reason:
        'I couldn\'t read "tomorrow" as a reminder time; try `remind 08:30 Europe/Berlin` or `remind off`.',
    });
    expect(parseCommandText('remind off 08:00')).toMatchObject({
      name: 'help',
      reason: /takes nothing else/,
    });
  });
});

describe('the reminder slot', () => {
  it('is every day at the local time, the first valid instant on a spring-forward day', () => {
    const setting = { time: '02:30', timeZone: 'Europe/Berlin' };
    // 29 March 2026: Berlin skips 02:00–03:00.
    const next = nextReminder(setting, new Date('2026-03-28T12:00:00Z'));
    expect(next).toEqual({ at: new Date('2026-03-29T01:00:00Z'), day: '2026-03-29' });
    expect(nextReminder(setting, next.at).day).toBe('2026-03-30');
  });

  it('gives one nonce per person and local day, short enough for Discord', () => {
    const p = { platform: 'discord' as const, tenantId: 'G1', userId: 'D1' };
    expect(reminderNonce(p, '2026-11-02')).toHaveLength(25);
    expect(reminderNonce(p, '2026-11-02')).toBe(reminderNonce(p, '2026-11-02'));
    expect(reminderNonce(p, '2026-11-03')).not.toBe(reminderNonce(p, '2026-11-02'));
  });
});

describe('the reminder message', () => {
  const guild = { platform: 'discord' as const, tenantId: '1234567890123456789', userId: '42' };
  const setting = { time: '08:30', timeZone: 'Europe/Berlin' };

  it('says how many cards are due, N+ when capped, with Start review and how to stop', () => {
    const m = reminderMessage(guild, { count: 50, capped: true }, setting);
    expect(m.text).toBe('You have 50+ cards due for review in StudyBot.');
    expect(m.buttons?.map((b) => b.label)).toEqual(['Start review', 'Stop reminders']);
    expect(m.footer).toBe(
      'Daily at 08:30 Europe/Berlin when cards are due. To stop: Stop reminders, or /studybot remind off in the server where you turned them on.',
    );
    const one = reminderMessage(
      { platform: 'slack', tenantId: 'T1', userId: 'U1' },
      { count: 1, capped: false },
      setting,
    );
    expect(one.text).toBe('You have 1 card due for review in StudyBot.');
    expect(one.footer).toMatch(/or \/studybot remind off\.$/);
  });

  it('names the deck’s tenant in its buttons, so a click from a Discord DM studies that deck', () => {
    const [start, stop] = reminderMessage(guild, { count: 3, capped: false }, setting).buttons!;
    expect(decodeAction(start!.action).verb).toBe('@');
    expect(fromTenant(decodeAction(start!.action).args)).toEqual({ tenantId: guild.tenantId, id: 'next' });
    expect(fromTenant(decodeAction(stop!.action).args)).toEqual({ tenantId: guild.tenantId, id: REMIND_OFF });
  });
});

describe('actions in a person’s other tenant', () => {
  const guild = { platform: 'discord' as const, tenantId: '1234567890123456789' };

  it('round-trips snowflakes and other ids, and refuses verbs outside the study session', () => {
    for (const tenantId of ['1234567890123456789', '18446744073709551615', 'T0001', 'dm-77']) {
      const id = inTenant({ platform: 'discord', tenantId }, 'r:q-1:3:abcdefghij')!;
      expect(fromTenant(decodeAction(id).args)).toEqual({ tenantId, id: 'r:q-1:3:abcdefghij' });
    }
    expect(inTenant(guild, 'share:abc')).toBeUndefined();
    expect(inTenant(guild, 'forget:x')).toBeUndefined();
    expect(fromTenant(['ab', 'q', 'p1', 'q1'])).toBeUndefined();
    expect(fromTenant(['ab', '@', 'cd', 'next'])).toBeUndefined();
    expect(fromTenant(['NOT-base36!', 'next'])).toBeUndefined();
  });

  it('carries the tenant onto the next buttons, picker and form, within 100 characters', () => {
    const longest = `r:${'q'.repeat(51)}:123:abcdefghij`;
    const outcome = keepTenant(
      {
        ...ephemeral({
          text: 'card',
          sections: [],
          picker: { mode: 'single', action: longest, choices: [{ id: 'a', label: 'A', text: 'x' }] },
          buttons: [
            { action: 'next', label: 'Next review' },
            { action: 'share:abc', label: 'Share' },
          ],
        }),
        form: { action: 'flagd:q1', title: 'Report', submitLabel: 'Send', fields: [] },
      },
      guild,
      'dm-5',
    );
    const m = outcome.reply.message;
    expect(`${m.picker!.action}:a`.length).toBeLessThanOrEqual(100);
    expect(fromTenant(decodeAction(m.picker!.action).args)?.id).toBe(longest);
    expect(m.buttons!.map((b) => b.action)).toEqual([inTenant(guild, 'next'), 'share:abc']);
    expect(outcome.form?.action).toBe(inTenant(guild, 'flagd:q1'));
    // Clicked in the deck's own tenant: nothing to carry.
    const same = ephemeral({ text: 't', sections: [], buttons: [{ action: 'next', label: 'n' }] });
    expect(keepTenant(same, guild, guild.tenantId)).toBe(same);
  });
});
