import type { types } from '@slack/bolt';
import {
  type ChoicePicker,
  type Form,
  type FormField,
  type Message,
  plainTimes,
  TIME_TOKEN,
  timeFallback,
} from '../../app/reply.ts';

type ActionsBlock = types.ActionsBlock;
type Button = types.Button;
type HomeView = types.HomeView;
type InputBlock = types.InputBlock;
type KnownBlock = types.KnownBlock;
type ModalView = types.ModalView;
type SectionBlock = types.SectionBlock;

/** Block ids the app reads back from a block_actions payload. */
export const PICKER_BLOCK_ID = 'picker';
export const PICKER_CHECKBOXES_ID = 'picker-checkboxes';

/** Slack limits: section text 3,000, header 150, button and option text 75, 50 blocks a message. */
const MAX_MESSAGE_BLOCKS = 50;
const MAX_HOME_BLOCKS = 100;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Neutral markup to Slack mrkdwn. Slack reads &, < and > as control characters, so they are
 * escaped first; then **bold** becomes *bold* and [label](url) becomes <url|label>.
 */
export function toMrkdwn(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A channel mention (<#C0123>) is the one piece of markup both platforms share.
      .replace(/&lt;#([A-Z0-9]+)&gt;/g, '<#$1>')
      .replace(/\*\*(.+?)\*\*/g, '*$1*')
      .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<$2|$1>')
      // Each reader sees the moment in their own time zone; the fallback is for clients that can't.
      .replace(
        TIME_TOKEN,
        (_, s: string) => `<!date^${s}^{date_short_pretty} at {time}|${timeFallback(Number(s))}>`,
      )
  );
}

/** Choices are lettered so a long choice can be read in full and picked by its letter. */
function letter(index: number): string {
  return String.fromCharCode(65 + index);
}

function mrkdwnSection(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(toMrkdwn(text), 3000) } };
}

function pickerBlocks(picker: ChoicePicker): KnownBlock[] {
  if (picker.mode === 'single') {
    // One section per choice with its button alongside: the full text stays readable even when
    // it is longer than the 75 characters a button label allows.
    return picker.choices.map((c, i) => ({
      type: 'section',
      block_id: `${PICKER_BLOCK_ID}-${i}`,
      text: { type: 'mrkdwn', text: clip(toMrkdwn(`**${letter(i)}.** ${c.text}`), 3000) },
      accessory: {
        type: 'button',
        action_id: `${picker.action}:${c.id}`,
        value: c.id,
        text: { type: 'plain_text', text: letter(i) },
      },
    }));
  }
  const pick = picker.pick ?? 2;
  // A checkbox label holds 75 characters. When every choice fits, the checkboxes carry the full
  // text; otherwise the choices are listed in full above letter-only checkboxes.
  const fits = picker.choices.every((c) => c.text.length + 4 <= 75);
  return [
    mrkdwnSection(
      [
        `_Choose ${pick}, then submit._`,
        ...(fits ? [] : picker.choices.map((c, i) => `**${letter(i)}.** ${c.text}`)),
      ].join('\n'),
    ),
    {
      type: 'actions',
      block_id: PICKER_BLOCK_ID,
      elements: [
        {
          type: 'checkboxes',
          action_id: PICKER_CHECKBOXES_ID,
          options: picker.choices.slice(0, 10).map((c, i) => ({
            text: {
              type: 'mrkdwn',
              text: toMrkdwn(fits ? `**${letter(i)}.** ${c.text}` : `**${letter(i)}**`),
            },
            value: c.id,
          })),
        },
        {
          type: 'button',
          action_id: picker.action,
          style: 'primary',
          text: { type: 'plain_text', text: `Submit ${pick} answers` },
        },
      ],
    },
  ];
}

function buttonRows(buttons: NonNullable<Message['buttons']>): ActionsBlock[] {
  const elements: Button[] = buttons.map((b) => ({
    type: 'button',
    action_id: b.action,
    text: { type: 'plain_text', text: clip(b.label, 75) },
    ...(b.style === 'primary' || b.style === 'danger' ? { style: b.style } : {}),
  }));
  const rows: ActionsBlock[] = [];
  for (let i = 0; i < elements.length; i += 25)
    rows.push({ type: 'actions', elements: elements.slice(i, i + 25) });
  return rows;
}

export interface RenderOptions {
  /** Leave out buttons and pickers (a modal's answer). */
  interactive?: boolean;
  /** Leave out a question's choices only (App Home: a card is answered in the Messages tab). */
  picker?: boolean;
}

export function toBlocks(message: Message, options: RenderOptions = {}): KnownBlock[] {
  const interactive = options.interactive ?? true;
  const picker = interactive && (options.picker ?? true);
  const blocks: KnownBlock[] = [];
  if (message.title)
    blocks.push({ type: 'header', text: { type: 'plain_text', text: clip(plainTimes(message.title), 150) } });
  for (const section of message.sections) {
    const body = [section.heading ? `**${section.heading}**` : '', ...section.lines]
      .filter(Boolean)
      .join('\n');
    if (body) blocks.push(mrkdwnSection(body));
  }
  if (message.fields?.length) {
    blocks.push({
      type: 'section',
      fields: message.fields
        .slice(0, 10)
        .map((f) => ({ type: 'mrkdwn', text: clip(toMrkdwn(`**${f.label}**\n${f.value}`), 2000) })),
    });
  }
  if (picker && message.picker) blocks.push(...pickerBlocks(message.picker));
  if (interactive && message.buttons?.length) blocks.push(...buttonRows(message.buttons));
  if (message.footer) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clip(toMrkdwn(message.footer), 3000) }],
    });
  }
  return blocks.slice(0, MAX_MESSAGE_BLOCKS);
}

/** The arguments of chat.postMessage / chat.update / a slash command answer for a message. */
export function toSlackMessage(message: Message): { text: string; blocks: KnownBlock[] } {
  // `text` is the notification and screen-reader fallback; Slack caps it at 40,000 characters.
  return { text: clip(plainTimes(message.text), 4000), blocks: toBlocks(message) };
}

/**
 * The App Home tab: the given messages one under another, with their buttons (a click there comes
 * back as block_actions from the view). Slack refuses a view of more than 100 blocks, so a message
 * is shown whole or not at all: the first ones (progress, settings) always fit.
 */
export function homeView(messages: Message[]): HomeView {
  const blocks: KnownBlock[] = [];
  for (const m of messages) {
    const next = [
      ...(blocks.length ? [{ type: 'divider' } as const] : []),
      ...toBlocks(m, { picker: false }),
    ];
    if (blocks.length + next.length > MAX_HOME_BLOCKS) break;
    blocks.push(...next);
  }
  return { type: 'home', blocks };
}

/** A modal showing an answer (a form opened from the App Home answers in place): no inputs, Done. */
export function answerModal(message: Message, title: string): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: clip(title, 24) },
    close: { type: 'plain_text', text: 'Done' },
    blocks: toBlocks(message, { interactive: false }),
  };
}

/** Slack caps a plain_text_input at 3,000 characters, a modal title at 24, a label at 2,000. */
const SLACK_INPUT_MAX = 3000;
/** Slack: an option's text at most 75 characters, its value 150; radio buttons at most 10. */
const OPTION_TEXT_MAX = 75;
const OPTION_VALUE_MAX = 150;

function option(value: string, label: string) {
  return {
    text: { type: 'plain_text' as const, text: clip(label, OPTION_TEXT_MAX) },
    value: value.slice(0, OPTION_VALUE_MAX),
  };
}

/** An external_select's action id: this prefix and the field's source (e.g. `options:timezone`). */
export const SEARCH_ACTION_PREFIX = 'options:';

/** Options for an external_select, as the answer to its block_suggestion request. */
export function toSlackOptions(options: { value: string; label: string }[]) {
  // Slack shows at most 100 options in a menu.
  return { options: options.slice(0, 100).map((o) => option(o.value, o.label)) };
}

/**
 * One field as the element of its input block: a text input, a time picker, radio buttons, or a
 * menu whose options Slack asks for as the person types (block_suggestion to the options URL),
 * because a static menu holds at most 100 options and there are more than 400 time zones.
 */
function inputElement(f: FormField): InputBlock['element'] {
  switch (f.kind) {
    case 'time':
      return { type: 'timepicker', action_id: f.id, ...(f.value ? { initial_time: f.value } : {}) };
    case 'choice': {
      const options = f.options.slice(0, 10).map((o) => option(o.value, o.label));
      const initial = options.find((o) => o.value === f.value);
      return {
        type: 'radio_buttons',
        action_id: f.id,
        options,
        ...(initial ? { initial_option: initial } : {}),
      };
    }
    case 'search':
      return {
        type: 'external_select',
        // The options request names the action, not the block: the source rides in the action id.
        action_id: `${SEARCH_ACTION_PREFIX}${f.source}`,
        // Opening the menu asks at once (the common choices), then each typed character narrows it.
        min_query_length: 0,
        ...(f.value ? { initial_option: option(f.value, f.valueLabel ?? f.value) } : {}),
        ...(f.placeholder ? { placeholder: { type: 'plain_text', text: clip(f.placeholder, 150) } } : {}),
      };
    default:
      return {
        type: 'plain_text_input',
        action_id: f.id,
        multiline: f.multiline ?? false,
        max_length: Math.min(f.maxLength, SLACK_INPUT_MAX),
        ...(f.value ? { initial_value: f.value.slice(0, SLACK_INPUT_MAX) } : {}),
        ...(f.placeholder ? { placeholder: { type: 'plain_text', text: clip(f.placeholder, 150) } } : {}),
      };
  }
}

/** A neutral form as a Slack modal (views.open); `metadata` comes back with the submission. */
export function toModal(form: Form, metadata: string): ModalView {
  const inputs: KnownBlock[] = form.fields.map((f) => ({
    type: 'input',
    block_id: f.id,
    optional: !f.required,
    label: { type: 'plain_text', text: clip(f.label, 2000) },
    ...(f.hint ? { hint: { type: 'plain_text', text: clip(f.hint, 2000) } } : {}),
    element: inputElement(f),
  }));
  return {
    type: 'modal',
    callback_id: form.action,
    title: { type: 'plain_text', text: clip(form.title, 24) },
    submit: { type: 'plain_text', text: clip(form.submitLabel, 24) },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: metadata,
    blocks: [...(form.intro ? [mrkdwnSection(form.intro)] : []), ...inputs],
  };
}

/**
 * What a submitted modal's input holds, as the neutral field value: typed text, a picked time
 * (`HH:MM`), or the picked option's value. Empty when nothing was given.
 */
export function submittedValue(input: {
  value?: string | null;
  selected_time?: string | null;
  selected_option?: { value?: string } | null;
}): string {
  return input.value ?? input.selected_time ?? input.selected_option?.value ?? '';
}
