import { describe, expect, it } from 'vitest';
import type { Message } from '../../../../src/app/reply.ts';
import {
  homeView,
  PICKER_BLOCK_ID,
  PICKER_CHECKBOXES_ID,
  toBlocks,
  toMrkdwn,
} from '../../../../src/platforms/slack/render.ts';

const long =
  'Scheduled scaling that raises capacity before the morning surge, combined with a target tracking policy';

const question = (mode: 'single' | 'multiple'): Message => ({
  text: 'Which set-up?',
  title: 'Question',
  sections: [{ lines: ['Which set-up handles both?'] }],
  picker: {
    mode,
    action: 'q:P1:Q1',
    ...(mode === 'multiple' ? { pick: 2 } : {}),
    choices: [
      { id: 'a', label: 'A', text: long },
      { id: 'b', label: 'B', text: 'Scheduled scaling alone' },
      { id: 'c', label: 'C', text: 'Step scaling' },
    ],
  },
  footer: '0 answered',
});

describe('toMrkdwn', () => {
  it.each([
    ['**bold** and _italic_', '*bold* and _italic_'],
    [
      '[AWS docs](https://docs.aws.amazon.com/x?a=1&b=2)',
      '<https://docs.aws.amazon.com/x?a=1&amp;b=2|AWS docs>',
    ],
    ['p99 < 100 ms & cost > $5', 'p99 &lt; 100 ms &amp; cost &gt; $5'],
    ['`ml.g5.xlarge`', '`ml.g5.xlarge`'],
  ])('renders %j as %j', (input, expected) => {
    expect(toMrkdwn(input)).toBe(expected);
  });
});

describe('toBlocks', () => {
  it('gives a single-answer question one button per choice, beside the full text of that choice', () => {
    const blocks = toBlocks(question('single'));
    const choices = blocks.filter((b) => b.type === 'section' && 'accessory' in b && b.accessory);
    expect(choices.map((b) => (b as { accessory: { action_id: string } }).accessory.action_id)).toEqual([
      'q:P1:Q1:a',
      'q:P1:Q1:b',
      'q:P1:Q1:c',
    ]);
    expect(JSON.stringify(choices[0])).toContain(long);
    expect(JSON.stringify(blocks.at(-1))).toContain('0 answered');
  });

  it('gives a multiple-answer question checkboxes and one submit button carrying the picker action', () => {
    const blocks = toBlocks(question('multiple'));
    const actions = blocks.find((b) => b.block_id === PICKER_BLOCK_ID) as unknown as {
      elements: Record<string, unknown>[];
    };
    const [boxes, submit] = actions.elements;
    expect(boxes).toMatchObject({ type: 'checkboxes', action_id: PICKER_CHECKBOXES_ID });
    expect((boxes!.options as { value: string }[]).map((o) => o.value)).toEqual(['a', 'b', 'c']);
    // Option text is capped at 75 characters by Slack; the full text is listed above the boxes.
    for (const o of boxes!.options as { text: { text: string } }[])
      expect(o.text.text.length).toBeLessThanOrEqual(75);
    expect(JSON.stringify(blocks)).toContain(long);
    expect(submit).toMatchObject({
      type: 'button',
      action_id: 'q:P1:Q1',
      text: { text: 'Submit 2 answers' },
    });
  });

  it('renders buttons, fields and a footer, and keeps within Slack limits', () => {
    const message: Message = {
      text: 'x',
      title: 'T'.repeat(200),
      sections: Array.from({ length: 60 }, (_, i) => ({ heading: `H${i}`, lines: ['y'.repeat(4000)] })),
      fields: [{ label: 'Option', value: 'Async inference' }],
      buttons: [
        { action: 'share:R1', label: 'Share to channel', style: 'primary' },
        { action: 'next', label: 'Next review', style: 'secondary' },
      ],
      footer: 'f',
    };
    const blocks = toBlocks(message);
    expect(blocks.length).toBeLessThanOrEqual(50);
    const header = blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(150);
    for (const b of blocks) {
      const t = (b as { text?: { text: string } }).text?.text;
      if (t) expect(t.length).toBeLessThanOrEqual(3000);
    }
    const withButtons = toBlocks({ ...message, sections: [] });
    const row = withButtons.find((b) => b.type === 'actions') as unknown as {
      elements: Record<string, unknown>[];
    };
    expect(row.elements).toEqual([
      expect.objectContaining({ action_id: 'share:R1', style: 'primary' }),
      expect.not.objectContaining({ style: expect.anything() }),
    ]);
    expect(withButtons.some((b) => b.type === 'section' && 'fields' in b)).toBe(true);
  });
});

describe('homeView', () => {
  it('stacks the messages with dividers, keeps their buttons and leaves out a question’s choices', () => {
    const view = homeView([
      { ...question('single'), buttons: [{ action: 'next', label: 'Study', style: 'primary' }] },
      { text: 'b', title: 'Leaderboard', sections: [{ lines: ['1. ada'] }] },
    ]);
    expect(view.type).toBe('home');
    expect(view.blocks.some((b) => b.type === 'divider')).toBe(true);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('"action_id":"next"');
    expect(json).not.toContain('q:P1:Q1');
    expect(json).toContain('Leaderboard');
  });

  it('shows a message whole or not at all, within Slack’s 100 blocks', () => {
    const board = (n: number): Message => ({
      text: `board ${n}`,
      title: `Board ${n}`,
      sections: [{ lines: [`<#C${n}>`] }, { lines: ['1. ada'] }],
      footer: 'You: 1 pt',
    });
    const view = homeView(Array.from({ length: 40 }, (_, i) => board(i)));
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    // Each board is 4 blocks and a divider: 20 fit (99 blocks), the 21st would not.
    expect(view.blocks.filter((b) => b.type === 'header')).toHaveLength(20);
    expect(view.blocks.at(-1)?.type).toBe('context');
  });
});
