import { describe, expect, it } from 'vitest';
import { describeSlot } from '../../../../src/engines/schedule/schedule.ts';
import { dailyRunCommand, nextPostFromStatus, passTimeFor } from '../../../../src/local/playground/daily.ts';

const NOW = new Date('2026-03-02T09:00:00Z');
const SLOT = new Date('2026-03-02T09:30:00Z');
const unix = SLOT.getTime() / 1000;

describe('the next daily post, read from what the bot says about the subscription', () => {
  it.each([
    [
      'Discord (a <t:…> time token)',
      `Daily question here at 09:30 UTC, every day. Next one: Mon 2 Mar, 09:30 UTC (<t:${unix}:f> your time).`,
    ],
    [
      'Slack (a <!date^…> token)',
      `Daily question here at 09:30 UTC, every day. Next one: Mon 2 Mar, 09:30 UTC (<!date^${unix}^{date_short_pretty} at {time}|2026-03-02 09:30 UTC> your time).`,
    ],
    [
      'Slack’s plain text (the UTC fallback)',
      'Next one: Mon 2 Mar, 09:30 UTC (2026-03-02 09:30 UTC your time).',
    ],
    [
      'the slot alone, as describeSlot writes it',
      `Daily question here at 09:30 UTC, every day. Next one: ${describeSlot(SLOT, 'UTC')}.`,
    ],
  ])('%s', (_, status) => {
    expect(nextPostFromStatus(status, NOW)).toEqual(SLOT);
  });

  it('reads a slot in another zone, and finds its year from the weekday across new year', () => {
    const slot = new Date('2027-01-04T08:00:00Z'); // Monday 09:00 in Berlin
    const status = `Daily question here at 09:00 Europe/Berlin, Monday to Friday. Next one: ${describeSlot(slot, 'Europe/Berlin')}.`;
    expect(nextPostFromStatus(status, new Date('2026-12-31T12:00:00Z'))).toEqual(slot);
  });

  it('has nothing to read when the channel has no daily question, or it is paused', () => {
    expect(
      nextPostFromStatus(
        'This channel has no daily question. Someone who manages the channel can start one with `/studybot subscribe 09:00 Europe/Berlin weekdays`.',
        NOW,
      ),
    ).toBeUndefined();
    expect(
      nextPostFromStatus(
        'The daily question here (09:00 UTC, every day) is paused: the bot was removed.',
        NOW,
      ),
    ).toBeUndefined();
  });
});

describe('the pass that posts it', () => {
  it('runs at the slot, or now when the slot has already passed', () => {
    expect(passTimeFor(SLOT, NOW)).toEqual(SLOT);
    const later = new Date('2026-03-02T09:45:00Z');
    expect(passTimeFor(SLOT, later)).toEqual(later);
  });

  it('is the command a person runs beside npm start', () => {
    expect(dailyRunCommand(SLOT)).toBe('npx studybot daily run --at 2026-03-02T09:30:00Z');
  });
});
