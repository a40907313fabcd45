import { describe, expect, it } from 'vitest';
import type { Message } from '../../../../src/app/reply.ts';
import {
  toComponents,
  toEmbed,
  toInteractionData,
  toMessageBody,
} from '../../../../src/platforms/discord/render.ts';

const question = (mode: 'single' | 'multiple', n = 4, pick?: number): Message => ({
  text: 'Which endpoint type fits?',
  title: 'Question of the day',
  sections: [{ heading: 'Endpoint types', lines: ['A 20 MB payload, results within 30 minutes.'] }],
  picker: {
    mode,
    action: 'q:post123',
    choices: Array.from({ length: n }, (_, i) => ({
      id: String.fromCharCode(97 + i),
      label: String.fromCharCode(65 + i),
      text: `Choice ${i + 1}`,
    })),
    ...(pick ? { pick } : {}),
  },
  footer: '0 answered',
});

describe('Discord rendering', () => {
  it('renders the title, sections, every choice in full and the footer as one embed', () => {
    const embed = toEmbed(question('single'));
    expect(embed.title).toBe('Question of the day');
    // A button holds only its letter: without these lines a question cannot be answered.
    expect(embed.description).toBe(
      '**Endpoint types**\nA 20 MB payload, results within 30 minutes.\n\n**A.** Choice 1\n**B.** Choice 2\n**C.** Choice 3\n**D.** Choice 4',
    );
    expect(embed.footer).toEqual({ text: '0 answered' });
  });

  it('gives a single-answer question one button per choice with custom_id action:choice', () => {
    const rows = toComponents(question('single', 4));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).toEqual([
      'q:post123:a',
      'q:post123:b',
      'q:post123:c',
      'q:post123:d',
    ]);
  });

  it('wraps more than five choices onto a second row (Discord allows five buttons a row)', () => {
    const rows = toComponents(question('single', 7));
    expect(rows.map((r) => r.components.length)).toEqual([5, 2]);
  });

  it('gives a multiple-answer question a string select that requires exactly `pick` choices', () => {
    const [row] = toComponents(question('multiple', 5, 2));
    const select = row!.components[0]!;
    expect(select).toMatchObject({ type: 3, custom_id: 'q:post123', min_values: 2, max_values: 2 });
    expect('options' in select && select.options.map((o) => o.value)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('puts other buttons on their own row after the choices', () => {
    const rows = toComponents({
      ...question('single', 2),
      buttons: [{ action: 'next', label: 'Next card', style: 'primary' }],
    });
    expect(rows).toHaveLength(2);
    expect(rows[1]!.components[0]).toMatchObject({
      type: 2,
      style: 1,
      custom_id: 'next',
      label: 'Next card',
    });
  });

  it('refuses to build a custom_id longer than Discord accepts rather than send a message Discord rejects', () => {
    expect(() =>
      toComponents({ text: '', sections: [], buttons: [{ action: 'x'.repeat(101), label: 'x' }] }),
    ).toThrow(/longer than 100/);
  });

  it.each([
    ['embed title', { title: 't'.repeat(300) }, (m: Message) => toEmbed(m).title!.length, 256],
    [
      'button label',
      { buttons: [{ action: 'a', label: 'l'.repeat(120) }] },
      (m: Message) => {
        const c = toComponents(m)[0]!.components[0]!;
        return 'label' in c ? (c.label ?? '').length : 0;
      },
      80,
    ],
  ])('clips an over-long %s to Discord’s limit', (_name, over, measure, max) => {
    expect(measure({ text: '', sections: [{ lines: ['x'] }], ...over } as Message)).toBe(max);
  });

  it('marks private replies ephemeral (flag 64) and never lets a message ping anyone', () => {
    expect(toInteractionData(question('single'), true)).toMatchObject({
      flags: 64,
      allowed_mentions: { parse: [] },
    });
    expect(toInteractionData(question('single'), false)).not.toHaveProperty('flags');
    expect(toMessageBody(question('single'))).toMatchObject({ allowed_mentions: { parse: [] } });
  });
});
