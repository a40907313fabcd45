import { describe, expect, it } from 'vitest';
import {
  dailyPostId,
  nextSlot,
  normalizeTime,
  type Subscription,
  slotDay,
  slotOn,
} from '../../../../src/engines/schedule/schedule.ts';

const sub = (time: string, timeZone: string, days: Subscription['days'] = 'daily'): Subscription => ({
  time,
  timeZone,
  days,
});

describe('slotOn: one instant per local day, across daylight-saving changes', () => {
  it.each([
    // zone, local day, time, expected UTC instant, why
    ['Europe/Berlin', '2026-03-28', '09:00', '2026-03-28T08:00:00.000Z', 'winter time, UTC+1'],
    ['Europe/Berlin', '2026-03-29', '09:00', '2026-03-29T07:00:00.000Z', 'summer time from that morning'],
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:00:00.000Z', 'missing 02:30 posts at 03:00 CEST'],
    [
      'Europe/Berlin',
      '2026-10-25',
      '02:30',
      '2026-10-25T00:30:00.000Z',
      'repeated 02:30 posts at the first one',
    ],
    ['Europe/Berlin', '2026-10-25', '09:00', '2026-10-25T08:00:00.000Z', 'back to UTC+1'],
    [
      'America/New_York',
      '2026-03-08',
      '02:15',
      '2026-03-08T07:00:00.000Z',
      'missing 02:15 posts at 03:00 EDT',
    ],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z', 'repeated 01:30 posts at EDT'],
    ['America/New_York', '2026-11-02', '01:30', '2026-11-02T06:30:00.000Z', 'EST the next day'],
    [
      'Australia/Sydney',
      '2026-10-04',
      '02:30',
      '2026-10-03T16:00:00.000Z',
      'southern spring forward at 02:00',
    ],
    ['Australia/Sydney', '2026-04-05', '02:30', '2026-04-04T15:30:00.000Z', 'southern fall back, AEDT first'],
    ['Asia/Kolkata', '2026-10-25', '09:00', '2026-10-25T03:30:00.000Z', 'UTC+5:30 all year'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:30:00.000Z', 'a 30-minute DST gap'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00.000Z', 'a 30-minute repeat'],
    ['America/St_Johns', '2026-11-01', '09:00', '2026-11-01T12:30:00.000Z', 'UTC-3:30 after fall back'],
  ])('%s %s at %s is %s (%s)', (zone, day, time, expected) => {
    const slot = slotOn(sub(time, zone), day);
    expect(slot.at.toISOString()).toBe(expected);
    expect(slotDay(sub(time, zone), slot.at)).toBe(day);
  });
});

describe('nextSlot', () => {
  it.each([
    [
      'Europe/Berlin',
      '09:00',
      'daily',
      '2026-10-24T07:00:00Z',
      '2026-10-25T08:00:00.000Z',
      'Sat after the slot: Sunday, after fall back',
    ],
    [
      'Europe/Berlin',
      '09:00',
      'weekdays',
      '2026-10-23T07:00:00Z',
      '2026-10-26T08:00:00.000Z',
      'Friday after the slot: Monday',
    ],
    [
      'Europe/Berlin',
      '09:00',
      'weekdays',
      '2026-10-23T06:59:59Z',
      '2026-10-23T07:00:00.000Z',
      'Friday just before',
    ],
    [
      'Europe/Berlin',
      '02:30',
      'daily',
      '2026-10-25T00:30:00Z',
      '2026-10-26T01:30:00.000Z',
      'the repeated 02:30 is not a second slot',
    ],
    [
      'Europe/Berlin',
      '02:30',
      'daily',
      '2026-03-28T23:00:00Z',
      '2026-03-29T01:00:00.000Z',
      'the missing 02:30 is not skipped',
    ],
    [
      'Australia/Sydney',
      '08:00',
      'weekdays',
      '2026-10-01T21:59:00Z',
      '2026-10-01T22:00:00.000Z',
      'Friday 08:00 AEST',
    ],
    [
      'Australia/Sydney',
      '08:00',
      'weekdays',
      '2026-10-01T22:00:00Z',
      '2026-10-04T21:00:00.000Z',
      'then Monday, in AEDT (the weekend had the change)',
    ],
    [
      'Asia/Kolkata',
      '00:00',
      'daily',
      '2026-01-01T18:30:00Z',
      '2026-01-02T18:30:00.000Z',
      'midnight slots step a whole day',
    ],
    [
      'Pacific/Kiritimati',
      '09:00',
      'daily',
      '2026-01-01T00:00:00Z',
      '2026-01-01T19:00:00.000Z',
      'UTC+14 (local day ahead of UTC)',
    ],
    [
      'Pacific/Pago_Pago',
      '23:30',
      'daily',
      '2026-01-01T00:00:00Z',
      '2026-01-01T10:30:00.000Z',
      'UTC-11 (local day behind UTC)',
    ],
  ])('%s %s %s after %s is %s (%s)', (zone, time, days, after, expected) => {
    const s = sub(time, zone, days as Subscription['days']);
    expect(nextSlot(s, new Date(after)).at.toISOString()).toBe(expected);
  });

  it.each([
    'Europe/Berlin',
    'America/New_York',
    'Australia/Sydney',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
    'America/St_Johns',
  ])('walking a year of slots in %s gives every local day exactly once', (zone) => {
    for (const time of ['00:00', '01:30', '02:00', '02:30', '03:00', '09:00', '23:59']) {
      const s = sub(time, zone);
      let at = new Date('2026-01-01T00:00:00Z');
      const days: string[] = [];
      for (let i = 0; i < 366; i++) {
        const slot = nextSlot(s, at);
        days.push(slot.day);
        at = slot.at;
      }
      const unique = new Set(days);
      expect(unique.size).toBe(days.length);
      // Consecutive: no local day skipped.
      for (let i = 1; i < days.length; i++) {
        const gap = (Date.parse(days[i]!) - Date.parse(days[i - 1]!)) / 86_400_000;
        expect(gap, `${zone} ${time} ${days[i - 1]} → ${days[i]}`).toBe(1);
      }
    }
  });

  it('weekday subscriptions never fall on a local Saturday or Sunday', () => {
    const s = sub('23:30', 'Pacific/Auckland', 'weekdays');
    let at = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < 60; i++) {
      const slot = nextSlot(s, at);
      const weekday = new Date(`${slot.day}T12:00:00Z`).getUTCDay();
      expect([0, 6]).not.toContain(weekday);
      at = slot.at;
    }
  });
});

describe('helpers', () => {
  it.each([
    ['9:00', '09:00'],
    ['09:05', '09:05'],
    ['23:59', '23:59'],
    ['24:00', undefined],
    ['9:60', undefined],
    ['nine', undefined],
  ])('normalizeTime(%s) is %s', (text, expected) => {
    expect(normalizeTime(text)).toBe(expected);
  });

  it('a daily post id is the local day without dashes', () => {
    expect(dailyPostId('2026-10-25')).toBe('d20261025');
  });
});
