import { describe, expect, it } from 'vitest';
import type { Form } from '../../../../src/app/reply.ts';
import type { Binding } from '../../../../src/local/playground/fake-apis.ts';
import {
  discordModalProblems,
  discordSubmittedRows,
  ModalStore,
  type OpenModal,
  openedSlackView,
  slackStateValues,
  slackViewProblems,
  typedProblems,
} from '../../../../src/local/playground/modals.ts';
import { PEOPLE, SLACK_PLACE } from '../../../../src/local/playground/people.ts';
import {
  discordModalSubmitInteraction,
  slackViewSubmissionBody,
} from '../../../../src/local/playground/requests.ts';
import { toModalData } from '../../../../src/platforms/discord/render.ts';
import { toModal } from '../../../../src/platforms/slack/render.ts';

/**
 * The playground's forms: the limits Slack's views.open and Discord's modal response enforce
 * (so a form the page shows is one the platform would), and the submissions it builds from them.
 */
const grace = PEOPLE[1]!;
const FORM: Form = {
  action: 'readj:abc123',
  title: 'Adjust the workload',
  submitLabel: 'Decide again',
  fields: [
    {
      id: 'text',
      label: 'Your workload',
      value: '20 MB documents',
      multiline: true,
      required: true,
      maxLength: 4000,
    },
    { id: 'read', label: 'What I read', value: 'payload=20MB', multiline: true, maxLength: 1000 },
  ],
};
const binding: Binding = {
  platform: 'slack',
  channelId: 'C1',
  userId: grace.slack.userId,
  sourceId: '1.000001',
};
const slackView = () =>
  openedSlackView(toModal(FORM, '{}') as unknown as Record<string, unknown>, SLACK_PLACE);

describe('Slack modal views, as views.open checks them', () => {
  it('accepts the bot’s own Adjust form', () => {
    expect(slackViewProblems(toModal(FORM, JSON.stringify({ responseUrl: 'https://x' })))).toEqual([]);
  });

  it.each([
    [
      'a title over 24 characters',
      { title: { type: 'plain_text', text: 'x'.repeat(25) } },
      '/view/title/text',
    ],
    ['no title', { title: undefined }, '/view/title'],
    [
      'private_metadata over 3,000 characters',
      { private_metadata: 'x'.repeat(3001) },
      '/view/private_metadata',
    ],
    ['inputs without a submit button', { submit: undefined }, '/view/submit'],
    ['a mrkdwn title', { title: { type: 'mrkdwn', text: 'Hi' } }, '/view/title/type'],
  ])('refuses %s, naming where', (_, change, pointer) => {
    const problems = slackViewProblems({ ...toModal(FORM, '{}'), ...change });
    expect(problems.join('\n')).toContain(`[json-pointer:${pointer}]`);
  });

  it('refuses an initial value longer than its max_length, and duplicate block ids', () => {
    const view = toModal(FORM, '{}') as unknown as { blocks: Record<string, unknown>[] };
    const blocks = [
      {
        ...view.blocks[0],
        element: { type: 'plain_text_input', action_id: 'a', max_length: 3, initial_value: 'four' },
      },
      view.blocks[0],
    ];
    const problems = slackViewProblems({ ...view, blocks });
    expect(problems.join('\n')).toContain('/view/blocks/0/element/initial_value');
    expect(problems.join('\n')).toContain('/view/blocks/1/block_id');
  });

  it('answers with an opened view: an id, ids Slack fills in, an empty state', () => {
    const view = openedSlackView(
      { type: 'modal', title: { type: 'plain_text', text: 'T' }, blocks: [{ type: 'input', element: {} }] },
      SLACK_PLACE,
    );
    expect(view.id).toMatch(/^V/);
    expect(view.root_view_id).toBe(view.id);
    expect(view.state).toEqual({ values: {} });
    const [block] = view.blocks as { block_id: string; element: { action_id: string } }[];
    expect(block!.block_id).toMatch(/^\w+$/);
    expect(block!.element.action_id).toMatch(/^\w+$/);
  });

  it('submits every input, an empty one as null, and nothing the view does not have', () => {
    const values = slackStateValues(slackView(), [
      { block: 'text', id: 'text', value: '2 MB documents' },
      { block: 'read', id: 'read', value: '' },
      { block: 'forged', id: 'forged', value: 'x' },
    ]);
    expect(values).toEqual({
      text: { text: { type: 'plain_text_input', value: '2 MB documents' } },
      read: { read: { type: 'plain_text_input', value: null } },
    });
  });

  it('builds the view_submission Slack sends, with the view it holds', () => {
    const view = slackView();
    const body = slackViewSubmissionBody(
      grace,
      view,
      [{ block: 'read', id: 'read', value: 'payload=2MB' }],
      'trig',
    );
    const payload = JSON.parse(new URLSearchParams(body).get('payload')!);
    expect(payload).toMatchObject({
      type: 'view_submission',
      team: { id: SLACK_PLACE.teamId },
      user: { id: grace.slack.userId, team_id: SLACK_PLACE.teamId },
      trigger_id: 'trig',
      view: {
        id: view.id,
        callback_id: 'readj:abc123',
        private_metadata: '{}',
        state: { values: { read: { read: { type: 'plain_text_input', value: 'payload=2MB' } } } },
      },
    });
    expect(payload.view.state.values.text.text.value).toBeNull();
  });
});

describe('Discord modals, as the interaction response is checked', () => {
  it('accepts the bot’s own Adjust form', () => {
    expect(discordModalProblems(toModalData(FORM))).toEqual([]);
  });

  it.each([
    [
      'a title over 45 characters',
      (d: Record<string, unknown>) => ({ ...d, title: 'x'.repeat(46) }),
      'data.title',
    ],
    [
      'six rows',
      (d: Record<string, unknown>) => ({ ...d, components: Array(6).fill((d.components as unknown[])[0]) }),
      'data.components',
    ],
    ['no custom id', (d: Record<string, unknown>) => ({ ...d, custom_id: '' }), 'data.custom_id'],
  ])('refuses %s', (_, change, path) => {
    const data = change(toModalData(FORM) as unknown as Record<string, unknown>);
    expect(discordModalProblems(data).join('\n')).toContain(path);
  });

  it('refuses a label over 45 characters and a style that is not 1 or 2', () => {
    const data = toModalData(FORM) as unknown as { components: { components: Record<string, unknown>[] }[] };
    data.components[0]!.components[0] = {
      ...data.components[0]!.components[0],
      label: 'x'.repeat(46),
      style: 3,
    };
    const problems = discordModalProblems(data).join('\n');
    expect(problems).toContain('data.components.0.components.0.label');
    expect(problems).toContain('data.components.0.components.0.style');
  });

  it('builds the MODAL_SUBMIT interaction: every input with what was typed, and the source message', () => {
    const data = toModalData(FORM) as unknown as Record<string, unknown>;
    const typed = [{ id: 'read', value: 'payload=2MB' }];
    expect(discordSubmittedRows(data, typed)).toEqual([
      { type: 1, components: [{ type: 4, custom_id: 'text', value: '' }] },
      { type: 1, components: [{ type: 4, custom_id: 'read', value: 'payload=2MB' }] },
    ]);
    const interaction = discordModalSubmitInteraction(
      grace,
      data,
      typed,
      { messageId: 'i-tok', ephemeral: true },
      '9',
      'tok',
    );
    expect(interaction).toMatchObject({
      type: 5,
      token: 'tok',
      member: { user: { id: grace.discord.userId } },
      message: { id: 'i-tok', flags: 64 },
      data: { custom_id: (data as { custom_id: string }).custom_id },
    });
  });
});

describe('what the platforms’ own forms refuse before sending', () => {
  const slack: OpenModal = { id: 'V1', platform: 'slack', binding, payload: slackView() };
  const discord: OpenModal = {
    id: 'd1',
    platform: 'discord',
    binding: { ...binding, platform: 'discord' },
    payload: toModalData(FORM) as unknown as Record<string, unknown>,
  };

  it('a required field left empty, in each platform’s words; an optional one may be', () => {
    expect(typedProblems(slack, [{ block: 'text', id: 'text', value: '' }])).toEqual({
      text: 'Please complete this required field.',
    });
    expect(typedProblems(discord, [{ id: 'text', value: '' }])).toEqual({ text: 'This field is required' });
    expect(typedProblems(slack, [{ block: 'text', id: 'text', value: 'x' }])).toEqual({});
  });

  it('a text longer than the field takes', () => {
    expect(
      typedProblems(discord, [
        { id: 'text', value: 'x' },
        { id: 'read', value: 'y'.repeat(1001) },
      ]),
    ).toEqual({
      read: 'Must be 1000 characters or fewer.',
    });
  });
});

describe('Slack trigger ids', () => {
  const at = new Date('2026-03-02T09:00:00Z');
  const later = (ms: number) => new Date(at.getTime() + ms);

  it('open one form, once, within 3 seconds of the click', () => {
    const store = new ModalStore();
    store.issueTrigger('t1', binding, at);
    store.issueTrigger('t2', binding, at);
    expect(store.useTrigger('t1', later(2900))).toEqual({ binding });
    expect(store.useTrigger('t1', later(2950))).toEqual({ error: 'exchanged_trigger_id' });
    expect(store.useTrigger('t2', later(3001))).toEqual({ error: 'expired_trigger_id' });
    expect(store.useTrigger('nope', at)).toEqual({ error: 'invalid_trigger_id' });
  });

  it('tell the page once what a click opened', () => {
    const store = new ModalStore();
    const modal: OpenModal = { id: 'V1', platform: 'slack', binding, payload: {} };
    store.add(modal, 't1');
    expect(store.takeOpenedBy('t1')).toEqual({ modal });
    expect(store.takeOpenedBy('t1')).toBeUndefined();
    expect(store.get('V1')).toBe(modal);
    store.close('V1');
    expect(store.get('V1')).toBeUndefined();
  });
});
