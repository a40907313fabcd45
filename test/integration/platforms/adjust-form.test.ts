import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordSees, slackSees } from '../../support/as-seen.ts';
import { dynamoTargets } from '../../support/dynamo.ts';
import { type PlatformHarness, startPlatformHarness } from '../../support/platform-harness.ts';
import {
  blockActionsBody,
  discordCommand,
  postDiscord,
  postSlack,
  slashCommandBody,
} from '../../support/platform-requests.ts';

/**
 * The Adjust form of a recommendation, as each platform drives it: the button opens a form
 * (Slack views.open with the click's trigger id; Discord a modal response), pre-filled with the
 * workload and what was read as key=value lines; submitting decides again with the same engine
 * and replaces the answer. Signed requests to the local server.
 */
const TARGET = dynamoTargets[0]!;
const NOW = new Date('2026-03-04T10:00:00Z');
const TS = Math.floor(NOW.getTime() / 1000);
const WORKLOAD = '20 MB documents, results within 30 minutes, 500 a day';

let h: PlatformHarness;

beforeAll(async () => {
  h = await startPlatformHarness(TARGET, { now: () => NOW });
});
afterAll(async () => h?.close());

type View = {
  callback_id: string;
  private_metadata: string;
  blocks: { block_id: string; element: { initial_value?: string } }[];
};

describe('the Adjust form', () => {
  it('on Slack: opens a modal pre-filled with what was read, and the submission replaces the answer', async () => {
    const res = await postSlack(h.local.url, slashCommandBody({ text: `recommend ${WORKLOAD}` }), {
      timestamp: TS,
    });
    const answer = await res.json();
    expect(slackSees(answer)).toMatch(/\[Adjust\]/);
    // What was read comes first, so a misreading shows at a glance.
    expect(slackSees(answer)).toMatch(/I read: 20 MB per request · results within 30 min · ~500 a day/);
    const adjust = /"(adjust:[^"]+)"/.exec(JSON.stringify(answer))![1]!;

    const click = blockActionsBody({
      action: { type: 'button', action_id: adjust },
      responseUrl: h.slack.responseUrl('adjust'),
      ephemeral: true,
    });
    expect((await postSlack(h.local.url, click, { timestamp: TS })).status).toBe(200);
    const open = h.slack.calls('views.open').at(-1);
    expect(open?.args.trigger_id).toBeDefined();
    const view = open!.args.view as View;
    const initial = Object.fromEntries(view.blocks.map((b) => [b.block_id, b.element.initial_value ?? '']));
    expect(initial.text).toBe(WORKLOAD);
    expect(initial.read).toMatch(/^payload=20MB$/m);
    expect(initial.read).toMatch(/^latency=30min$/m);

    // The person corrects the payload: 2 MB, answered within a second.
    const submission = new URLSearchParams({
      payload: JSON.stringify({
        type: 'view_submission',
        team: { id: 'T0001' },
        user: { id: 'U0001', team_id: 'T0001' },
        view: {
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          state: {
            values: {
              text: { text: { type: 'plain_text_input', value: WORKLOAD } },
              read: { read: { type: 'plain_text_input', value: 'payload=2MB\nlatency=1s' } },
            },
          },
        },
      }),
    }).toString();
    const before = h.slack.calls('response_url').length;
    expect((await postSlack(h.local.url, submission, { timestamp: TS })).status).toBe(200);
    for (let i = 0; i < 200 && h.slack.calls('response_url').length === before; i++)
      await new Promise((r) => setTimeout(r, 20));
    const replaced = h.slack.calls('response_url').at(-1);
    expect(replaced?.path).toBe('adjust');
    expect(replaced?.args.replace_original).toBe(true);
    const seen = slackSees(replaced?.args);
    expect(seen).not.toBe(slackSees(answer));
    expect(seen.split('\n')[0]).toMatch(/^SageMaker recommendation: Real-time/);
  });

  it('on Discord: answers with a modal, and the submission updates the message', async () => {
    const res = await postDiscord(
      h.local.url,
      discordCommand('recommend', [{ name: 'text', type: 3, value: WORKLOAD }]),
      h.keys,
      { timestamp: TS },
    );
    const first = ((await res.json()) as { data: unknown }).data;
    expect(discordSees(first)).toMatch(/\[Adjust\]/);
    expect(discordSees(first)).toMatch(/I read: 20 MB per request · results within 30 min · ~500 a day/);
    const adjust = /"(adjust:[^"]+)"/.exec(JSON.stringify(first))![1]!;
    const component = (data: Record<string, unknown>, type = 3) => ({
      id: `13${Math.floor(Math.random() * 1e15)}`,
      application_id: '100000000000000001',
      type,
      token: 'tok',
      version: 1,
      guild_id: 'G0001',
      channel_id: 'C0001',
      member: { user: { id: 'D0001', username: 'grace' }, permissions: '0' },
      message: { id: 'M-private', flags: 64 },
      data,
    });
    const modal = (await (
      await postDiscord(h.local.url, component({ custom_id: adjust, component_type: 2 }), h.keys, {
        timestamp: TS,
      })
    ).json()) as {
      type: number;
      data: { custom_id: string; components: { components: { custom_id: string; value?: string }[] }[] };
    };
    expect(modal.type).toBe(9);
    const inputs = Object.fromEntries(
      modal.data.components.map((r) => [r.components[0]!.custom_id, r.components[0]!.value ?? '']),
    );
    expect(inputs.text).toBe(WORKLOAD);
    expect(inputs.read).toMatch(/^payload=20MB$/m);

    const submitted = (await (
      await postDiscord(
        h.local.url,
        component(
          {
            custom_id: modal.data.custom_id,
            components: [
              { type: 1, components: [{ type: 4, custom_id: 'text', value: WORKLOAD }] },
              { type: 1, components: [{ type: 4, custom_id: 'read', value: 'payload=2MB\nlatency=1s' }] },
            ],
          },
          5,
        ),
        h.keys,
        { timestamp: TS },
      )
    ).json()) as { type: number; data: unknown };
    expect(submitted.type).toBe(7);
    expect(discordSees(submitted.data).split('\n')[0]).toMatch(/^SageMaker recommendation: Real-time/);
  });
});
