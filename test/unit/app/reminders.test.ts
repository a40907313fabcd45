import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../../src/app/commands.ts';
import { nextReminder, REMIND_OFF, reminderMessage, reminderNonce } from '../../../src/app/reminders.ts';

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
      'Daily at 08:30 Europe/Berlin when cards are due. To stop: Stop reminders, or /studybot remind off.',
    );
    const one = reminderMessage(
      { platform: 'slack', tenantId: 'T1', userId: 'U1' },
      { count: 1, capped: false },
      setting,
    );
    expect(one.text).toBe('You have 1 card due for review in StudyBot.');
    expect(one.footer).toMatch(/or \/studybot remind off\.$/);
  });

  it('its buttons are plain study actions: the deck is the person’s wherever they click', () => {
    const [start, stop] = reminderMessage(guild, { count: 3, capped: false }, setting).buttons!;
    expect(start!.action).toBe('next');
    expect(stop!.action).toBe(REMIND_OFF);
  });
});
