import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIStringSelectComponent,
} from 'discord-api-types/v10';
import {
  type Button,
  type Form,
  type FormField,
  type Message,
  plainTimes,
  TIME_TOKEN,
} from '../../app/reply.ts';

/**
 * The neutral Message as a Discord embed plus components. Plain objects typed by discord-api-types
 * rather than @discordjs/builders: the builders' validators cost cold-start time on every request,
 * and these shapes are checked by the types and the tests instead.
 */

// Numeric values of discord-api-types' ComponentType/ButtonStyle/MessageFlags, inlined so this
// module imports types only and adds nothing to the handler's start-up.
const ACTION_ROW = 1;
const BUTTON = 2;
const STRING_SELECT = 3;
const STYLE = { primary: 1, secondary: 2, danger: 4 } as const;
export const EPHEMERAL = 64;
const CUSTOM_ID_MAX = 100;

/** Discord limits: embed description 4,096, field value 1,024, button label 80, 5 buttons a row. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function customId(id: string): string {
  // An over-long id would make Discord refuse the whole message; fail loudly where it is built.
  if (id.length > CUSTOM_ID_MAX)
    throw new Error(`custom_id longer than ${CUSTOM_ID_MAX} characters: ${id.slice(0, 20)}…`);
  return id;
}

/** A moment in each reader's own time zone (embed descriptions and field values render it). */
function discordTimes(text: string): string {
  return text.replace(TIME_TOKEN, (_, s: string) => `<t:${s}:f>`);
}

/** Neutral markup is Discord markdown already (**bold**, _italic_, `code`, [label](url)). */
export function toEmbed(message: Message): APIEmbed {
  // A button holds a letter, so the choices' full texts go in the embed, where they can be read.
  const choices = message.picker
    ? [message.picker.choices.map((c) => `**${c.label}.** ${c.text}`).join('\n')]
    : [];
  const description = [
    ...message.sections.map((s) =>
      [s.heading ? `**${s.heading}**` : '', ...s.lines].filter(Boolean).join('\n'),
    ),
    ...choices,
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    ...(message.title ? { title: clip(plainTimes(message.title), 256) } : {}),
    ...(description ? { description: clip(discordTimes(description), 4096) } : {}),
    ...(message.fields?.length
      ? {
          fields: message.fields.slice(0, 25).map((f) => ({
            name: clip(plainTimes(f.label), 256),
            value: clip(discordTimes(f.value), 1024),
            inline: true,
          })),
        }
      : {}),
    // Footers show no markdown, so a moment there is written in UTC.
    ...(message.footer ? { footer: { text: clip(plainTimes(message.footer), 2048) } } : {}),
    color: 0x2563eb,
  };
}

function button(
  action: string,
  label: string,
  style: Button['style'] = 'secondary',
): APIButtonComponentWithCustomId {
  return { type: BUTTON, style: STYLE[style], custom_id: customId(action), label: clip(label, 80) };
}

function rowsOf(
  buttons: APIButtonComponentWithCustomId[],
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  for (let i = 0; i < buttons.length; i += 5)
    rows.push({ type: ACTION_ROW, components: buttons.slice(i, i + 5) });
  return rows;
}

/**
 * Single-answer questions get one button per choice (`${action}:${choiceId}`); multiple-answer
 * questions a string select whose min and max are the number to pick, so Discord itself enforces
 * the count and sends all picks in one interaction (`values`). Other buttons go on their own rows.
 */
export function toComponents(message: Message): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  const picker = message.picker;
  if (picker?.mode === 'single') {
    rows.push(...rowsOf(picker.choices.map((c) => button(`${picker.action}:${c.id}`, c.label))));
  } else if (picker?.mode === 'multiple') {
    // An option shows its letter and as much of its text as fits; the embed has the whole text.
    const options = picker.choices
      .slice(0, 25)
      .map((c) => ({ label: clip(`${c.label}. ${c.text}`, 100), value: c.id }));
    const pick = Math.min(Math.max(picker.pick ?? 1, 1), options.length);
    const select: APIStringSelectComponent = {
      type: STRING_SELECT,
      custom_id: customId(picker.action),
      placeholder: `Pick ${pick}`,
      min_values: pick,
      max_values: pick,
      options,
    };
    rows.push({ type: ACTION_ROW, components: [select] });
  }
  rows.push(...rowsOf((message.buttons ?? []).map((b) => button(b.action, b.label, b.style))));
  // Discord allows five rows; a message never needs more, so extra rows are dropped rather than refused.
  return rows.slice(0, 5);
}

/** The body of a channel message (POST/PATCH /channels/{id}/messages) or an interaction reply. */
export interface DiscordMessageBody {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  flags?: number;
  allowed_mentions: { parse: [] };
}

export function toMessageBody(message: Message): DiscordMessageBody {
  // No mentions ever ping anyone: text can quote user input (e.g. a recommendation request).
  return {
    content: '',
    embeds: [toEmbed(message)],
    components: toComponents(message),
    allowed_mentions: { parse: [] },
  };
}

export function toInteractionData(message: Message, ephemeral: boolean): DiscordMessageBody {
  return { ...toMessageBody(message), ...(ephemeral ? { flags: EPHEMERAL } : {}) };
}

const TEXT_INPUT = 4;
const TEXT_DISPLAY = 10;
const LABEL = 18;
/** Discord caps a modal title at 45 characters, a text input's label at 45 and its value at 4,000. */
const INPUT_MAX = 4000;
/** A label's description and a select option's label and value: at most 100 characters. */
const SHORT_MAX = 100;

interface DiscordTextInput {
  type: typeof TEXT_INPUT;
  custom_id: string;
  /** Only outside a Label (an action row of its own); inside one the Label names it. */
  label?: string;
  style: 1 | 2;
  required: boolean;
  min_length?: number;
  max_length: number;
  value?: string;
  placeholder?: string;
}

interface DiscordModalSelect {
  type: typeof STRING_SELECT;
  custom_id: string;
  required: boolean;
  min_values: number;
  max_values: number;
  options: { label: string; value: string; default?: boolean }[];
}

export type DiscordModalComponent =
  | { type: typeof ACTION_ROW; components: DiscordTextInput[] }
  | {
      type: typeof LABEL;
      label: string;
      description?: string;
      component: DiscordTextInput | DiscordModalSelect;
    }
  | { type: typeof TEXT_DISPLAY; content: string };

/** The data of a modal response (interaction response type 9) for a neutral form. */
export interface DiscordModalData {
  custom_id: string;
  title: string;
  components: DiscordModalComponent[];
}

/**
 * A field as what goes inside its Label. A modal cannot search a long list (a select holds 25
 * options and there are 400 time zones), so a searchable field is a text input the app checks on
 * submission; a time is a short text input, HH:MM.
 */
function labelled(f: FormField): DiscordTextInput | DiscordModalSelect {
  const required = f.required ?? false;
  switch (f.kind) {
    case 'choice':
      return {
        type: STRING_SELECT,
        custom_id: f.id,
        required,
        min_values: required ? 1 : 0,
        max_values: 1,
        options: f.options.slice(0, 25).map((o) => ({
          label: clip(o.label, SHORT_MAX),
          value: o.value.slice(0, SHORT_MAX),
          ...(o.value === f.value ? { default: true } : {}),
        })),
      };
    case 'time':
      return {
        type: TEXT_INPUT,
        custom_id: f.id,
        style: 1,
        required,
        min_length: 4,
        max_length: 5,
        ...(f.value ? { value: f.value } : {}),
        placeholder: 'HH:MM, e.g. 09:00',
      };
    default:
      return {
        type: TEXT_INPUT,
        custom_id: f.id,
        style: f.kind !== 'search' && f.multiline ? 2 : 1,
        required,
        max_length: Math.min(f.maxLength, INPUT_MAX),
        ...(f.value ? { value: f.value.slice(0, INPUT_MAX) } : {}),
        ...(f.placeholder ? { placeholder: clip(f.placeholder, 100) } : {}),
      };
  }
}

/**
 * A neutral form as a modal. A form of text fields only is rows of text inputs, one each; a form
 * with a choice, a time or an intro uses Labels (a label, a description, one component: a text
 * input or a select) and a Text Display for the intro. Discord allows five components in all.
 */
export function toModalData(form: Form): DiscordModalData {
  const plain = !form.intro && form.fields.every((f) => (f.kind ?? 'text') === 'text');
  const components: DiscordModalComponent[] = plain
    ? form.fields.map((f) => {
        const input = labelled(f) as DiscordTextInput;
        return { type: ACTION_ROW, components: [{ ...input, label: clip(f.label, 45) }] };
      })
    : [
        ...(form.intro
          ? [{ type: TEXT_DISPLAY, content: clip(discordTimes(form.intro), 4000) } as const]
          : []),
        ...form.fields.map(
          (f): DiscordModalComponent => ({
            type: LABEL,
            label: clip(f.label, 45),
            ...(f.hint ? { description: clip(f.hint, SHORT_MAX) } : {}),
            component: labelled(f),
          }),
        ),
      ];
  return {
    custom_id: customId(form.action),
    title: clip(form.title, 45),
    components: components.slice(0, 5),
  };
}
