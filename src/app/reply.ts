/**
 * The platform-neutral message model. The app and the engines produce these; the Slack adapter
 * renders them as Block Kit and the Discord adapter as embeds and components. Text uses a small
 * neutral markup that both can render: **bold**, _italic_, `code`, and [label](url) links.
 */
export interface Section {
  heading?: string;
  lines: string[];
}

export interface Field {
  label: string;
  value: string;
}

/** A button; `action` is an opaque id of at most 100 characters (Discord's custom_id limit). */
export interface Button {
  action: string;
  label: string;
  style?: 'primary' | 'danger' | 'secondary';
}

/** The choices of a question: one button each, or a pick-several list with a submit. */
export interface ChoicePicker {
  mode: 'single' | 'multiple';
  /** Action id prefix; a click sends `${action}` with the chosen choice ids as values. */
  action: string;
  /** `label` is short (a letter, fits any button); `text` is the whole choice. */
  choices: { id: string; label: string; text: string }[];
  /** For `multiple`: how many to pick. */
  pick?: number;
}

export interface Message {
  /** Plain text for notifications and clients that show no rich layout. */
  text: string;
  title?: string;
  sections: Section[];
  fields?: Field[];
  picker?: ChoicePicker;
  buttons?: Button[];
  footer?: string;
}

/** Who sees a reply: only the person who acted, or everyone in the channel. */
export type Visibility = 'ephemeral' | 'channel';

export interface Reply {
  visibility: Visibility;
  message: Message;
}

/**
 * A form the person fills in (a Slack modal, a Discord modal). Discord allows five components in a
 * modal, so a form has at most five fields (four with an `intro`); its submission comes back as an
 * action with `fields` filled: each field's id and what was typed or picked (a time as `HH:MM`, a
 * choice or a searched option as its value).
 */
export interface Form {
  /** Action id of the submission, at most 100 characters. */
  action: string;
  /** At most 24 characters (Slack's modal title limit). */
  title: string;
  submitLabel: string;
  /** A few lines shown above the fields (what is set now, what submitting does), in neutral markup. */
  intro?: string;
  fields: FormField[];
}

interface FormFieldBase {
  id: string;
  /** At most 45 characters (Discord's label limit). */
  label: string;
  required?: boolean;
  /** A short line under the field (at most 100 characters: Discord's label description). */
  hint?: string;
}

/** Free text, on one line or several. */
export interface TextField extends FormFieldBase {
  kind?: 'text';
  value?: string;
  placeholder?: string;
  multiline?: boolean;
  maxLength: number;
}

/** A time of day, `HH:MM` (24-hour): a time picker where the platform has one, else a text input. */
export interface TimeField extends FormFieldBase {
  kind: 'time';
  value?: string;
}

/** One of a few options (at most 10: Slack's radio buttons, Discord's select in a modal). */
export interface ChoiceField extends FormFieldBase {
  kind: 'choice';
  options: { value: string; label: string }[];
  value?: string;
}

/** Where a searchable field's options come from: the app answers searches by this name. */
export type SearchSource = 'timezone';

/**
 * One option of a long list, found by typing (Slack: a menu whose options the app sends as the
 * person types). Where the platform cannot search inside a form (Discord), a text input whose
 * value the app checks on submission.
 */
export interface SearchField extends FormFieldBase {
  kind: 'search';
  source: SearchSource;
  /** The option picked now: its value and how it is shown. */
  value?: string;
  valueLabel?: string;
  placeholder?: string;
  maxLength: number;
}

export type FormField = TextField | TimeField | ChoiceField | SearchField;

export const MAX_FORM_FIELDS = 5;

/** What one command or click produces. */
export interface Outcome {
  reply: Reply;
  /** A new version of the channel message the click came from (e.g. "12 answered"). */
  updateSource?: Message;
  /** Open this form instead of replying (the reply is shown only where a form cannot open). */
  form?: Form;
  /** The reply replaces the private message the form or click came from. */
  replacesSource?: boolean;
  /**
   * The reply grades the card the click came from (its feedback). Where the card stays in the
   * conversation (a study session in Slack's Messages tab) the feedback takes the card's place; any
   * other reply (a refusal such as "tick two") follows it, so the card can still be answered.
   */
  answersCard?: boolean;
  /** The click changed what the person's home view shows (reminders, settings): show it again. */
  homeChanged?: boolean;
}

export function ephemeral(message: Message): Outcome {
  return { reply: { visibility: 'ephemeral', message } };
}

export function textMessage(text: string, title?: string): Message {
  return { text, title, sections: [{ lines: text.split('\n') }] };
}

/** Action ids are `verb:arg:arg`; args must not contain ':'. Kept short for Discord's 100 limit. */
export function encodeAction(verb: string, ...args: string[]): string {
  const id = [verb, ...args].join(':');
  if (id.length > 100) throw new Error(`action id longer than 100 characters: ${verb}`);
  return id;
}

export function decodeAction(id: string): { verb: string; args: string[] } {
  const [verb = '', ...args] = id.split(':');
  return { verb, args };
}

/**
 * A moment in neutral markup, shown to each reader in their own time zone: Slack renders it as
 * `<!date^…>` and Discord as `<t:…>`. Where a platform cannot (titles, footers, notification
 * text), `plainTimes` writes the UTC fallback.
 */
export function timeToken(at: Date | string): string {
  return `{{t:${Math.floor(new Date(at).getTime() / 1000)}}}`;
}

export const TIME_TOKEN = /\{\{t:(\d{1,12})\}\}/g;

export function timeFallback(unixSeconds: number): string {
  return `${new Date(unixSeconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function plainTimes(text: string): string {
  return text.replace(TIME_TOKEN, (_, s: string) => timeFallback(Number(s)));
}
