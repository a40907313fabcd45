import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/bot.ts';
import type { ChoiceField, Form, SearchField, TimeField } from '../../../src/app/reply.ts';
import {
  actionNeedsChannelManager,
  commandNeedsChannelManager,
  SUBSCRIBE_SUBMIT,
  SubscriptionService,
  subscribeForm,
  UNSUBSCRIBE_CONFIRM,
  unknownZoneSentence,
  unsubscribeConfirm,
} from '../../../src/app/subscriptions.ts';
import {
  closeTimeZones,
  searchOptions,
  searchTimeZones,
  timeZoneLabel,
  timeZoneNames,
} from '../../../src/app/time-zones.ts';
import type { ChannelRecord, StudyStore } from '../../../src/store/store.ts';

/**
 * The subscribe form and the unsubscribe confirm as the app builds them (platform-neutral), and
 * the checks a submission goes through: the typed command's own, each refusal one sentence.
 */
const NOW = new Date('2026-03-04T10:00:00Z');
const manager: Actor = {
  platform: 'slack',
  tenantId: 'T1',
  channelId: 'C1',
  userId: 'U1',
  canManageChannel: true,
};
const record = (over: Partial<ChannelRecord> = {}): ChannelRecord => ({
  asked: [],
  askedVersion: 0,
  ...over,
});
const subscribed = record({
  subscription: { time: '07:30', timeZone: 'America/New_York', days: 'daily' },
  nextPostAt: '2026-03-04T12:30:00.000Z',
  timeZone: 'America/New_York',
});

const field = <T>(form: Form | undefined, id: string) => form?.fields.find((f) => f.id === id) as T;

/** A store that holds one channel in memory: enough for the subscription service. */
function memoryStore(initial?: ChannelRecord) {
  let channel = initial;
  const writes: string[] = [];
  const store = {
    getChannel: async () => channel,
    setSubscription: async (_c: unknown, subscription: ChannelRecord['subscription'], nextPostAt: string) => {
      writes.push('setSubscription');
      channel = { ...(channel ?? record()), subscription, nextPostAt };
    },
    setChannelTimeZone: async (_c: unknown, timeZone: string) => {
      writes.push('setChannelTimeZone');
      channel = { ...(channel ?? record()), timeZone };
    },
    removeSubscription: async () => {
      writes.push('removeSubscription');
      const had = Boolean(channel?.subscription);
      if (channel) channel = { ...channel, subscription: undefined, nextPostAt: undefined };
      return had;
    },
  } as unknown as StudyStore;
  return { store, writes, channel: () => channel };
}

describe('the subscribe form', () => {
  it('starts from 09:00 on weekdays in the person’s zone, else the channel’s, else UTC', () => {
    const zone = (actor: Partial<Actor>, r?: ChannelRecord) =>
      field<SearchField>(subscribeForm({ ...manager, ...actor }, r, NOW).form, 'zone').value;
    expect(zone({ timeZone: 'Europe/Berlin' }, record({ timeZone: 'Asia/Tokyo' }))).toBe('Europe/Berlin');
    expect(zone({}, record({ timeZone: 'Asia/Tokyo' }))).toBe('Asia/Tokyo');
    expect(zone({})).toBe('UTC');
    // A zone the runtime does not know is not offered as the start.
    expect(zone({ timeZone: 'Mars/Base' })).toBe('UTC');
    const { form } = subscribeForm(manager, undefined, NOW);
    expect(field<TimeField>(form, 'time')).toMatchObject({ kind: 'time', value: '09:00', required: true });
    expect(field<ChoiceField>(form, 'days')).toMatchObject({ kind: 'choice', value: 'weekdays' });
    expect(form?.submitLabel).toBe('Subscribe');
  });

  it('is pre-filled with the channel’s subscription, which it describes above the fields', () => {
    const { form, reply } = subscribeForm({ ...manager, timeZone: 'Europe/Berlin' }, subscribed, NOW);
    expect(field<TimeField>(form, 'time').value).toBe('07:30');
    expect(field<SearchField>(form, 'zone')).toMatchObject({
      value: 'America/New_York',
      valueLabel: 'America/New York (UTC-5)',
      source: 'timezone',
    });
    expect(field<ChoiceField>(form, 'days').value).toBe('daily');
    expect(form?.intro).toMatch(
      /^Now: \*\*07:30 America\/New_York, every day\*\*\. Next one: \{\{t:\d+\}\} your time\./,
    );
    expect(form?.submitLabel).toBe('Save');
    // Where the form cannot open, the reply still shows the subscription and how to type a change.
    expect(reply.message.text).toMatch(/^Daily question here at 07:30 America\/New_York, every day\./);
    expect(reply.message.text).toMatch(
      /Change it with `\/studybot subscribe 09:00 Europe\/Berlin weekdays`\.$/,
    );
  });

  it('says a paused subscription is paused, and that saving starts it again', () => {
    const paused = {
      ...subscribed,
      paused: { reason: 'I was removed from this channel.', code: 'x', at: '' },
    };
    expect(subscribeForm(manager, paused, NOW).form?.intro).toBe(
      'Now: 07:30 America/New_York, every day, **paused**: I was removed from this channel. Saving starts it again.',
    );
  });

  it('fits every platform: a short title, labels within 45 characters, at most 4 fields beside its intro', () => {
    const { form } = subscribeForm(manager, subscribed, NOW);
    expect(form!.title.length).toBeLessThanOrEqual(24);
    expect(form!.fields.length).toBeLessThanOrEqual(4);
    for (const f of form!.fields) {
      expect(f.label.length).toBeLessThanOrEqual(45);
      expect((f.hint ?? '').length).toBeLessThanOrEqual(100);
    }
    expect(form!.action).toBe(SUBSCRIBE_SUBMIT);
  });
});

describe('a submitted subscribe form', () => {
  const submit = async (fields: Record<string, string>, actor: Actor = manager, initial?: ChannelRecord) => {
    const m = memoryStore(initial);
    const out = await new SubscriptionService(m.store).action(
      actor,
      { id: SUBSCRIBE_SUBMIT, values: [], fields },
      NOW,
    );
    return { out, text: out.reply.message.text, ...m };
  };

  it('subscribes as the typed command does and tells the channel', async () => {
    const { out, channel } = await submit({ time: '7:05', zone: 'europe/berlin', days: 'daily' });
    expect(out.reply.visibility).toBe('channel');
    expect(out.reply.message.text).toMatch(
      /^Daily question at 07:05 Europe\/Berlin, every day\. First one: Thu 5 Mar, 07:05 Europe\/Berlin/,
    );
    expect(channel()?.subscription).toEqual({ time: '07:05', timeZone: 'Europe/Berlin', days: 'daily' });
    expect(channel()?.timeZone).toBe('Europe/Berlin');
  });

  it.each([
    [{ time: '25:99', zone: 'UTC', days: 'daily' }, 'I couldn\'t read "25:99" as a time of day; try 09:00.'],
    [{ time: 'nine', zone: 'UTC', days: 'daily' }, 'I couldn\'t read "nine" as a time of day; try 09:00.'],
    [
      { time: '09:00', zone: 'Europe/Berln', days: 'daily' },
      "I don't know the time zone Europe/Berln; did you mean Europe/Berlin?",
    ],
    [
      { time: '09:00', zone: 'Berlin', days: 'daily' },
      "I don't know the time zone Berlin; did you mean Europe/Berlin?",
    ],
    [
      { time: '09:00', zone: 'Mars/Olympus_Mons', days: 'daily' },
      "I don't know the time zone Mars/Olympus_Mons; try Europe/Berlin.",
    ],
    [{ time: '09:00', zone: 'UTC', days: 'fortnightly' }, 'Pick Monday to Friday or every day.'],
  ])('refuses %j in one sentence, changing nothing', async (fields, sentence) => {
    const { out, text, writes } = await submit(fields);
    expect(text).toBe(`${sentence}\nNothing was changed.`);
    expect(out.reply.visibility).toBe('ephemeral');
    expect(out.reply.message.buttons?.map((b) => b.label)).toEqual(['Open the form again']);
    expect(writes).toEqual([]);
  });

  it('refuses someone who may not manage the channel, with no button to try again', async () => {
    const { out, writes } = await submit(
      { time: '09:00', zone: 'UTC', days: 'daily' },
      { ...manager, canManageChannel: false },
    );
    expect(out.reply.message.text).toMatch(
      /^Only workspace admins and owners .* can change the daily question here\./,
    );
    expect(out.reply.message.buttons).toBeUndefined();
    expect(writes).toEqual([]);
  });

  it('answers anything at all with a sentence, never a stack trace', async () => {
    const junk = ['', ' ', '\u0000', 'x'.repeat(5000), '<script>', '99:99:99', '-1:00', 'Etc/../../x', '💥'];
    for (const a of junk)
      for (const b of junk) {
        const { out } = await submit({ time: a, zone: b, days: a });
        expect(out.reply.message.text).not.toMatch(/Error|at .*\.ts:\d+/);
        expect(out.reply.message.text.length).toBeLessThan(400);
      }
  });
});

describe('the unsubscribe confirm', () => {
  it('says what will stop and what stays, with Unsubscribe (danger) and Keep it', () => {
    const { reply } = unsubscribeConfirm(subscribed, NOW);
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.message.sections[0]!.lines[0]).toMatch(
      /^This stops the daily question here: 07:30 America\/New_York, every day\./,
    );
    expect(reply.message.buttons?.map((b) => [b.label, b.style])).toEqual([
      ['Unsubscribe', 'danger'],
      ['Keep it', undefined],
    ]);
    expect(reply.message.buttons![0]!.action.length).toBeLessThanOrEqual(100);
  });

  it('typed, asks first and stops nothing; the confirm stops it once', async () => {
    const m = memoryStore(subscribed);
    const service = new SubscriptionService(m.store);
    const asked = await service.command(manager, { name: 'unsubscribe' }, NOW);
    expect(asked.reply.message.title).toBe('🛑 Stop the daily question?');
    expect(m.writes).toEqual([]);
    const stop = asked.reply.message.buttons![0]!.action;
    expect(stop.startsWith(`${UNSUBSCRIBE_CONFIRM}:`)).toBe(true);
    const done = await service.action(manager, { id: stop, values: [] }, NOW);
    expect(done.replacesSource).toBe(true);
    expect(done.reply.message.text).toMatch(/^Daily questions stopped in this channel\./);
    expect(m.writes).toEqual(['removeSubscription']);
    const again = await service.action(manager, { id: stop, values: [] }, NOW);
    expect(again.reply.message.text).toBe('The daily question here had already stopped; nothing changed.');
  });

  it('with no subscription, says so without asking', async () => {
    const out = await new SubscriptionService(memoryStore(undefined).store).command(
      manager,
      { name: 'unsubscribe' },
      NOW,
    );
    expect(out.reply.message.text).toBe('This channel had no daily question.');
    expect(out.reply.message.buttons).toBeUndefined();
  });

  it('refuses a forged confirm id: no time, or a time far from now', async () => {
    const m = memoryStore(subscribed);
    for (const id of ['unsub', 'unsub:zz', `unsub:${(NOW.getTime() + 3600_000).toString(36)}:x`]) {
      const out = await new SubscriptionService(m.store).action(manager, { id, values: [] }, NOW);
      expect(out.reply.message.text).toMatch(/^That confirm has expired; nothing was stopped\./);
    }
    expect(m.writes).toEqual([]);
  });
});

describe('which answers depend on who may manage the channel', () => {
  it('names the subscription commands and actions, and nothing else', () => {
    expect(commandNeedsChannelManager({ name: 'subscribe' })).toBe(true);
    expect(commandNeedsChannelManager({ name: 'unsubscribe' })).toBe(true);
    expect(commandNeedsChannelManager({ name: 'progress' })).toBe(false);
    expect(['subf', 'subd', 'unsub:abc:def'].map(actionNeedsChannelManager)).toEqual([true, true, true]);
    expect(['unsub-keep', 'q:1:2', 'forget:abc', 'recd'].map(actionNeedsChannelManager)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('time zones to pick from', () => {
  it('lists the runtime’s zones with UTC first, once', () => {
    const zones = timeZoneNames();
    expect(zones[0]).toBe('UTC');
    expect(zones.filter((z) => z === 'UTC')).toHaveLength(1);
    expect(zones.length).toBeGreaterThan(300);
  });

  it.each([
    ['berlin', 'Europe/Berlin'],
    ['europe/ber', 'Europe/Berlin'],
    ['new york', 'America/New_York'],
    ['NEW_YORK', 'America/New_York'],
    ['utc', 'UTC'],
    ['tokyo', 'Asia/Tokyo'],
  ])('finds %j as %s first', (typed, zone) => {
    expect(searchTimeZones(typed, 10)[0]).toBe(zone);
  });

  it('offers the common zones before anything is typed, and at most the limit', () => {
    expect(searchTimeZones('', 100)).toContain('Europe/London');
    expect(searchTimeZones('a', 100)).toHaveLength(100);
    expect(searchTimeZones('zzzz-nowhere', 100)).toEqual([]);
  });

  it.each([
    ['Europe/Berln', ['Europe/Berlin']],
    ['Amerca/Chicago', ['America/Chicago']],
    ['Berlin', ['Europe/Berlin']],
    ['Mars/Olympus_Mons', []],
    ['x', []],
  ])('suggests close zones for %j', (typed, close) => {
    expect(closeTimeZones(typed)).toEqual(close);
  });

  it('labels zones as people read them, with the offset at that moment', () => {
    expect(timeZoneLabel('Europe/Berlin', NOW)).toBe('Europe/Berlin (UTC+1)');
    expect(timeZoneLabel('Europe/Berlin', new Date('2026-07-01T00:00:00Z'))).toBe('Europe/Berlin (UTC+2)');
    expect(timeZoneLabel('America/New_York', NOW)).toBe('America/New York (UTC-5)');
    expect(timeZoneLabel('UTC', NOW)).toBe('UTC');
    expect(timeZoneLabel('Asia/Kolkata', NOW)).toBe('Asia/Kolkata (UTC+5:30)');
    expect(searchOptions('timezone', 'berlin', NOW, 5)).toEqual([
      { value: 'Europe/Berlin', label: 'Europe/Berlin (UTC+1)' },
    ]);
  });

  it('writes an unknown zone as a sentence with what was typed, clipped', () => {
    expect(unknownZoneSentence(`Mars/${'x'.repeat(100)}`)).toBe(
      `I don't know the time zone Mars/${'x'.repeat(35)}; try Europe/Berlin.`,
    );
  });
});
