import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/bot.ts';
import { reportForm } from '../../../src/app/reports.ts';
import { subscribeForm } from '../../../src/app/subscriptions.ts';
import { content } from '../../../src/content/index.ts';
import {
  discordModalProblems,
  discordSubmittedRows,
  type OpenModal,
  openedSlackView,
  slackStateValues,
  slackViewProblems,
  typedProblems,
} from '../../../src/local/playground/modals.ts';
import { SLACK_PLACE } from '../../../src/local/playground/people.ts';
import { toModalData } from '../../../src/platforms/discord/render.ts';
import { submittedValue, toModal, toSlackOptions } from '../../../src/platforms/slack/render.ts';
import { discordModalSees, slackModalSees } from '../../support/as-seen.ts';

/**
 * The neutral form's field kinds (time, choice, searchable) as each platform receives them, within
 * the limits each documents (the playground's views.open and modal checks), and read back from a
 * submission.
 */
const NOW = new Date('2026-03-04T10:00:00Z');
const actor: Actor = {
  platform: 'slack',
  tenantId: 'T1',
  channelId: 'C1',
  userId: 'U1',
  canManageChannel: true,
};
const form = subscribeForm(
  actor,
  {
    asked: [],
    askedVersion: 0,
    subscription: { time: '07:30', timeZone: 'Europe/Berlin', days: 'daily' },
    nextPostAt: '2026-03-05T06:30:00.000Z',
  },
  NOW,
).form!;

type Json = Record<string, unknown>;

describe('Slack: the subscribe form as a modal', () => {
  const view = toModal(form, '{"channelId":"C1"}') as unknown as { blocks: Json[] };

  it('has the intro, then a time picker, a searchable zone menu and radio buttons, pre-filled', () => {
    expect(view.blocks.map((b) => (b.type === 'input' ? (b.element as Json).type : b.type))).toEqual([
      'section',
      'timepicker',
      'external_select',
      'radio_buttons',
    ]);
    expect(view.blocks[1]).toMatchObject({ block_id: 'time', element: { initial_time: '07:30' } });
    expect(view.blocks[2]).toMatchObject({
      block_id: 'zone',
      element: {
        action_id: 'options:timezone',
        min_query_length: 0,
        initial_option: {
          text: { type: 'plain_text', text: 'Europe/Berlin (UTC+1)' },
          value: 'Europe/Berlin',
        },
      },
    });
    expect(slackModalSees(view)).toContain('Days: ( ) Monday to Friday  (•) Every day');
  });

  it('is a view Slack’s views.open accepts', () => {
    expect(slackViewProblems(view)).toEqual([]);
  });

  it('reads each input of a submission as the field’s value', () => {
    expect(submittedValue({ value: 'typed' })).toBe('typed');
    expect(submittedValue({ selected_time: '06:15' })).toBe('06:15');
    expect(submittedValue({ selected_option: { value: 'Europe/Paris' } })).toBe('Europe/Paris');
    expect(submittedValue({ selected_option: null, selected_time: null, value: null })).toBe('');
  });

  it('answers an options request with at most 100 options of at most 75 characters', () => {
    const long = Array.from({ length: 150 }, (_, i) => ({ value: `v${i}`, label: 'x'.repeat(90) }));
    const { options } = toSlackOptions(long);
    expect(options).toHaveLength(100);
    expect(options[0]!.text.text).toHaveLength(75);
  });
});

describe('Discord: the subscribe form as a modal (type 9)', () => {
  const data = toModalData(form);

  it('is a Text Display and Labels: text inputs for the time and zone, a select for the days', () => {
    expect(data.components.map((c) => c.type)).toEqual([10, 18, 18, 18]);
    expect(discordModalSees(data)).toBe(
      [
        'Daily question',
        `Now: 07:30 Europe/Berlin, every day. Next one: Mar 5, 2026, 1:30 AM your time. To stop it, \`/studybot unsubscribe\`.`,
        'Time of day*: [07:30]',
        '  24-hour, in the time zone below, e.g. 09:00',
        'Time zone*: [Europe/Berlin]',
        '  An IANA name such as Europe/Berlin or America/New_York',
        'Days*: ▾ Every day {Monday to Friday | Every day}',
        '[Cancel] [Submit]',
      ].join('\n'),
    );
  });

  it('is a modal Discord accepts', () => {
    expect(discordModalProblems(data)).toEqual([]);
  });

  it('keeps a form of text fields only as rows of labelled text inputs, as before', () => {
    const question = content.questions[0]!;
    const report = toModalData(reportForm(question.id).form!);
    expect(report.components).toEqual([
      {
        type: 1,
        components: [
          expect.objectContaining({
            type: 4,
            custom_id: 'reason',
            label: 'What is wrong with this question?',
          }),
        ],
      },
    ]);
    expect(discordModalProblems(report)).toEqual([]);
  });
});

describe('the playground submits the new inputs as each platform does', () => {
  const view = openedSlackView(toModal(form, '{}') as unknown as Json, SLACK_PLACE);
  const modal: OpenModal = {
    id: String(view.id),
    platform: 'slack',
    binding: { platform: 'slack', channelId: 'C1', userId: 'U1' },
    payload: view,
    offered: {
      'zone|options:timezone': [
        { text: { type: 'plain_text', text: 'Asia/Tokyo (UTC+9)' }, value: 'Asia/Tokyo' },
      ],
    },
  };
  const typed = [
    { block: 'time', id: 'time', value: '06:15' },
    { block: 'zone', id: 'options:timezone', value: 'Asia/Tokyo' },
    { block: 'days', id: 'days', value: 'weekdays' },
  ];

  it('Slack: a picked time, a searched option and a radio as state.values', () => {
    expect(slackStateValues(view, typed, modal.offered)).toEqual({
      time: { time: { type: 'timepicker', selected_time: '06:15' } },
      zone: {
        'options:timezone': {
          type: 'external_select',
          selected_option: { text: { type: 'plain_text', text: 'Asia/Tokyo (UTC+9)' }, value: 'Asia/Tokyo' },
        },
      },
      days: {
        days: {
          type: 'radio_buttons',
          selected_option: { text: { type: 'plain_text', text: 'Monday to Friday' }, value: 'weekdays' },
        },
      },
    });
    expect(typedProblems(modal, typed)).toEqual({});
  });

  it('Slack: a menu lets the person pick only what the app offered', () => {
    const problems = typedProblems(modal, [
      ...typed.slice(0, 1),
      { block: 'zone', id: 'options:timezone', value: 'Mars/Base' },
      typed[2]!,
    ]);
    expect(problems).toEqual({ zone: 'Please select an option from the menu.' });
    expect(typedProblems(modal, [{ block: 'time', id: 'time', value: '' }, ...typed.slice(1)])).toEqual({
      time: 'Please complete this required field.',
    });
  });

  it('Discord: Labels come back with their input, a select with its values', () => {
    const data = toModalData(form) as unknown as Json;
    expect(
      discordSubmittedRows(data, [
        { id: 'time', value: '6:15' },
        { id: 'zone', value: 'Asia/Tokyo' },
        { id: 'days', value: 'daily' },
      ]),
    ).toEqual([
      { type: 10 },
      { type: 18, component: { type: 4, custom_id: 'time', value: '6:15' } },
      { type: 18, component: { type: 4, custom_id: 'zone', value: 'Asia/Tokyo' } },
      { type: 18, component: { type: 3, custom_id: 'days', values: ['daily'] } },
    ]);
  });
});
