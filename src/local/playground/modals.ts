import type { Binding } from './fake-apis.ts';

/**
 * Forms (modals) in the playground. Slack opens one when the bot calls `views.open` with a
 * click's trigger id; Discord when the bot answers an interaction with type 9 (MODAL). Each
 * platform checks the form against its documented limits first and refuses one that breaks
 * them, so the checks here are the same: a form the playground shows is one the platform would.
 *
 * An open form is kept here, on the server, the way the platform keeps it: the page shows it and
 * sends back only what was typed; the submission is built from the form the bot sent.
 */

export type JsonObject = Record<string, unknown>;

export interface OpenModal {
  /** Slack: the view id (`V…`); Discord: an id of the playground's own. */
  id: string;
  platform: 'slack' | 'discord';
  /** Where the form was opened from: its channel, its person, and the message clicked. */
  binding: Binding;
  /** Slack: the view as views.open answers it; Discord: the modal's `data`. */
  payload: JsonObject;
  /**
   * Slack: the options the app sent for each searchable menu (by `block|action`), the last time
   * it was asked: the only ones Slack lets the person pick.
   */
  offered?: Record<string, JsonObject[]>;
}

/** What the page is given to draw a form. */
export interface ModalForPage {
  id: string;
  platform: 'slack' | 'discord';
  view?: JsonObject;
  data?: JsonObject;
  /** Slack `response_action: errors`: a message under each block id. */
  errors?: Record<string, string>;
  /** The submission failed as the platform would show it (the form stays open). */
  failure?: string;
}

// Slack: a trigger id is good for one views.open, within 3 seconds of the click.
const TRIGGER_TTL_MS = 3000;
const MAX_OPEN = 200;

interface Trigger {
  binding: Binding;
  issuedAt: number;
  used: boolean;
}

export class ModalStore {
  private triggers = new Map<string, Trigger>();
  private open = new Map<string, OpenModal>();
  /** What a click's trigger id (Slack) or interaction token (Discord) opened: a form, or why not. */
  private openedBy = new Map<string, { modal?: OpenModal; refused?: string }>();

  issueTrigger(triggerId: string, binding: Binding, at: Date): void {
    this.triggers.set(triggerId, { binding, issuedAt: at.getTime(), used: false });
    trim(this.triggers, MAX_OPEN);
  }

  /** views.open's trigger check, with Slack's error names. */
  useTrigger(
    triggerId: string,
    at: Date,
  ): { binding: Binding } | { error: 'invalid_trigger_id' | 'expired_trigger_id' | 'exchanged_trigger_id' } {
    const trigger = this.triggers.get(triggerId);
    if (!trigger) return { error: 'invalid_trigger_id' };
    if (trigger.used) return { error: 'exchanged_trigger_id' };
    if (at.getTime() - trigger.issuedAt > TRIGGER_TTL_MS) return { error: 'expired_trigger_id' };
    trigger.used = true;
    return { binding: trigger.binding };
  }

  add(modal: OpenModal, openedBy?: string): OpenModal {
    this.open.set(modal.id, modal);
    trim(this.open, MAX_OPEN);
    if (openedBy) {
      this.openedBy.set(openedBy, { modal });
      trim(this.openedBy, MAX_OPEN);
    }
    return modal;
  }

  refuse(openedBy: string, why: string): void {
    this.openedBy.set(openedBy, { refused: why });
    trim(this.openedBy, MAX_OPEN);
  }

  /** The form a click opened (or why the platform refused it), once: the page shows it once. */
  takeOpenedBy(key: string): { modal?: OpenModal; refused?: string } | undefined {
    const found = this.openedBy.get(key);
    this.openedBy.delete(key);
    return found;
  }

  /** Records the options the app sent for a searchable menu (only those can be picked). */
  offer(id: string, key: string, options: JsonObject[]): void {
    const modal = this.open.get(id);
    if (modal) modal.offered = { ...modal.offered, [key]: options.slice(0, 100) };
  }

  get(id: string): OpenModal | undefined {
    return this.open.get(id);
  }

  close(id: string): void {
    this.open.delete(id);
  }
}

function trim<K, V>(map: Map<K, V>, max: number): void {
  while (map.size > max) map.delete(map.keys().next().value as K);
}

export function forPage(modal: OpenModal, extra: Partial<ModalForPage> = {}): ModalForPage {
  return {
    id: modal.id,
    platform: modal.platform,
    ...(modal.platform === 'slack' ? { view: modal.payload } : { data: modal.payload }),
    ...extra,
  };
}

// ---- Slack: the modal view object (https://docs.slack.dev/reference/views/modal-views) ----

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const len = (v: unknown) => (typeof v === 'string' ? [...v].length : 0);

/**
 * What Slack's views.open would refuse in a modal view, as its `invalid_arguments` messages say
 * it (`[ERROR] … [json-pointer:/view/…]`). Only the parts the playground draws are checked.
 */
export function slackViewProblems(view: unknown): string[] {
  const problems: string[] = [];
  const at = (pointer: string, message: string) =>
    problems.push(`[ERROR] ${message} [json-pointer:/view${pointer}]`);
  if (!isObject(view)) {
    at('', 'must provide an object');
    return problems;
  }
  if (view.type !== 'modal') at('/type', 'must be "modal"');
  const plain = (pointer: string, obj: unknown, max: number, required: boolean) => {
    if (obj === undefined) {
      if (required) at(pointer, 'must provide an object');
      return;
    }
    if (!isObject(obj) || obj.type !== 'plain_text') return at(`${pointer}/type`, 'must be "plain_text"');
    if (!len(obj.text)) return at(`${pointer}/text`, 'must be more than 0 characters');
    if (len(obj.text) > max) at(`${pointer}/text`, `must be less than ${max + 1} characters`);
  };
  plain('/title', view.title, 24, true);
  plain('/close', view.close, 24, false);
  const blocks = Array.isArray(view.blocks) ? view.blocks : undefined;
  if (!blocks) at('/blocks', 'must provide an array');
  else if (blocks.length > 100) at('/blocks', 'must contain at most 100 items');
  const hasInput = (blocks ?? []).some((b) => isObject(b) && b.type === 'input');
  plain('/submit', view.submit, 24, hasInput);
  if (len(view.private_metadata) > 3000) at('/private_metadata', 'must be less than 3001 characters');
  if (len(view.callback_id) > 255) at('/callback_id', 'must be less than 256 characters');
  const blockIds = new Set<string>();
  for (const [i, block] of (blocks ?? []).entries()) {
    const p = `/blocks/${i}`;
    if (!isObject(block)) {
      at(p, 'must provide an object');
      continue;
    }
    if (typeof block.block_id === 'string') {
      if (len(block.block_id) > 255) at(`${p}/block_id`, 'must be less than 256 characters');
      if (blockIds.has(block.block_id)) at(`${p}/block_id`, 'must be unique');
      blockIds.add(block.block_id);
    }
    if (block.type !== 'input') continue;
    plain(`${p}/label`, block.label, 2000, true);
    plain(`${p}/hint`, block.hint, 2000, false);
    const el = block.element;
    if (!isObject(el)) {
      at(`${p}/element`, 'must provide an object');
      continue;
    }
    if (len(el.action_id) > 255) at(`${p}/element/action_id`, 'must be less than 256 characters');
    if (el.type !== 'plain_text_input') {
      elementProblems(el, `${p}/element`, at, plain);
      continue;
    }
    plain(`${p}/element/placeholder`, el.placeholder, 150, false);
    const max = typeof el.max_length === 'number' ? el.max_length : 3000;
    const min = typeof el.min_length === 'number' ? el.min_length : 0;
    if (max < 1 || max > 3000) at(`${p}/element/max_length`, 'must be between 1 and 3000');
    if (min < 0 || min > 3000) at(`${p}/element/min_length`, 'must be between 0 and 3000');
    if (min > max) at(`${p}/element/min_length`, 'must be less than or equal to max_length');
    if (len(el.initial_value) > max)
      at(`${p}/element/initial_value`, `must be less than ${max + 1} characters`);
  }
  return problems;
}

const OPTION = (o: unknown) => isObject(o) && isObject(o.text) && typeof o.value === 'string';

/** An input block's other elements, as Slack checks them: time pickers, radio buttons and menus. */
function elementProblems(
  el: JsonObject,
  p: string,
  at: (pointer: string, message: string) => void,
  plain: (pointer: string, obj: unknown, max: number, required: boolean) => void,
): void {
  const options = Array.isArray(el.options) ? el.options : undefined;
  const checkOptions = (max: number) => {
    if (!options) return at(`${p}/options`, 'must provide an array');
    if (options.length < 1 || options.length > max) at(`${p}/options`, `must contain 1 to ${max} items`);
    for (const [i, o] of options.entries()) {
      if (!OPTION(o)) {
        at(`${p}/options/${i}`, 'must provide an object with text and value');
        continue;
      }
      plain(`${p}/options/${i}/text`, (o as JsonObject).text, 75, true);
      if (len((o as JsonObject).value) > 150)
        at(`${p}/options/${i}/value`, 'must be less than 151 characters');
    }
  };
  const initialAmong = () => {
    if (el.initial_option === undefined) return;
    const v = isObject(el.initial_option) ? el.initial_option.value : undefined;
    if (!options?.some((o) => isObject(o) && o.value === v))
      at(`${p}/initial_option`, 'must match one of the options');
  };
  switch (el.type) {
    case 'timepicker':
      if (el.initial_time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(String(el.initial_time)))
        at(`${p}/initial_time`, 'must be in the format HH:mm');
      plain(`${p}/placeholder`, el.placeholder, 150, false);
      return;
    case 'radio_buttons':
      checkOptions(10);
      initialAmong();
      return;
    case 'static_select':
      checkOptions(100);
      initialAmong();
      plain(`${p}/placeholder`, el.placeholder, 150, false);
      return;
    case 'external_select':
      if (el.initial_option !== undefined && !OPTION(el.initial_option))
        at(`${p}/initial_option`, 'must provide an object with text and value');
      if (
        el.min_query_length !== undefined &&
        (typeof el.min_query_length !== 'number' || el.min_query_length < 0)
      )
        at(`${p}/min_query_length`, 'must be a number, 0 or more');
      plain(`${p}/placeholder`, el.placeholder, 150, false);
      return;
    default:
      at(`${p}/type`, `the playground does not draw "${String(el.type)}" elements`);
  }
}

let viewSeq = 0;
const randomId = (n: number) =>
  Array.from(
    { length: n },
    () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[Math.floor(Math.random() * 36)],
  ).join('');

/**
 * The view as views.open answers it: an id, block and action ids filled in where the app left
 * them out (Slack makes them up), an empty state and the defaults Slack adds.
 */
export function openedSlackView(
  view: JsonObject,
  place: { teamId: string; appId: string; botId: string },
  previousViewId: string | null = null,
  rootViewId?: string,
): JsonObject {
  const id = `V0PLAY${String(++viewSeq).padStart(4, '0')}${randomId(4)}`;
  const blocks = (Array.isArray(view.blocks) ? view.blocks : []).map((b) => {
    if (!isObject(b)) return b;
    const block: JsonObject = { ...b, block_id: typeof b.block_id === 'string' ? b.block_id : randomId(5) };
    if (block.type === 'input' && isObject(block.element) && typeof block.element.action_id !== 'string')
      block.element = { ...block.element, action_id: randomId(5) };
    return block;
  });
  return {
    id,
    team_id: place.teamId,
    type: 'modal',
    private_metadata: '',
    callback_id: '',
    external_id: '',
    clear_on_close: false,
    notify_on_close: false,
    ...view,
    blocks,
    state: { values: {} },
    hash: `${Math.floor(Date.now() / 1000)}.${randomId(8)}`,
    previous_view_id: previousViewId,
    root_view_id: rootViewId ?? id,
    app_id: place.appId,
    app_installed_team_id: place.teamId,
    bot_id: place.botId,
  };
}

/** One typed value, as the page sends it: Slack names the block and the action, Discord the input. */
export interface TypedValue {
  block?: string;
  id: string;
  value: string;
}

/** The input elements the playground draws and submits. */
const SLACK_INPUTS = new Set([
  'plain_text_input',
  'timepicker',
  'radio_buttons',
  'static_select',
  'external_select',
]);

/** The inputs of a Slack view, in order: block id, action id, the element. */
export function slackInputs(view: JsonObject): { block: string; action: string; element: JsonObject }[] {
  return (Array.isArray(view.blocks) ? view.blocks : []).flatMap((b) =>
    isObject(b) &&
    b.type === 'input' &&
    isObject(b.element) &&
    SLACK_INPUTS.has(String(b.element.type)) &&
    typeof b.block_id === 'string'
      ? [{ block: b.block_id, action: String(b.element.action_id), element: b.element }]
      : [],
  );
}

/** The option a picked value stands for: one of the element's, or (a searchable menu) one offered. */
function pickedOption(
  element: JsonObject,
  value: string,
  offered: JsonObject[] = [],
): JsonObject | undefined {
  const own = [
    ...(Array.isArray(element.options) ? element.options : []),
    ...(isObject(element.initial_option) ? [element.initial_option] : []),
    ...(element.type === 'external_select' ? offered : []),
  ];
  return own.find((o): o is JsonObject => isObject(o) && o.value === value);
}

/**
 * The view's `state.values` as Slack submits it: every input, an empty one as `null` (a text
 * input's `value`, a time picker's `selected_time`, a menu's or radio group's `selected_option`).
 * Built from the view the bot sent; typed values for anything else are ignored.
 */
export function slackStateValues(
  view: JsonObject,
  typed: TypedValue[],
  offered: Record<string, JsonObject[]> = {},
): JsonObject {
  const values: Record<string, JsonObject> = {};
  for (const { block, action, element } of slackInputs(view)) {
    const value = typed.find((t) => t.block === block && t.id === action)?.value ?? '';
    values[block] ??= {};
    const type = String(element.type);
    values[block][action] =
      type === 'plain_text_input'
        ? { type, value: value === '' ? null : value }
        : type === 'timepicker'
          ? { type, selected_time: value === '' ? null : value }
          : { type, selected_option: pickedOption(element, value, offered[`${block}|${action}`]) ?? null };
  }
  return values;
}

// ---- Discord: the modal response (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal) ----

const ACTION_ROW = 1;
const STRING_SELECT = 3;
const TEXT_INPUT = 4;
const TEXT_DISPLAY = 10;
const LABEL = 18;

/** What Discord would refuse in a type-9 response's data, as `path: message` (its Invalid Form Body). */
export function discordModalProblems(data: unknown): string[] {
  const problems: string[] = [];
  const at = (path: string, message: string) => problems.push(`data.${path}: ${message}`);
  const between = (path: string, v: unknown, min: number, max: number) => {
    if (typeof v !== 'string') return at(path, 'This field is required');
    if (len(v) < min) at(path, `Must be between ${min} and ${max} in length.`);
    else if (len(v) > max) at(path, `Must be ${max} or fewer in length.`);
  };
  if (!isObject(data)) {
    at('', 'This field is required');
    return problems;
  }
  between('custom_id', data.custom_id, 1, 100);
  between('title', data.title, 1, 45);
  const rows = Array.isArray(data.components) ? data.components : [];
  if (rows.length < 1 || rows.length > 5) at('components', 'Must be between 1 and 5 in length.');
  const ids = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const p = `components.${i}`;
    if (isObject(row) && row.type === TEXT_DISPLAY) {
      between(`${p}.content`, row.content, 1, 4000);
      continue;
    }
    if (isObject(row) && row.type === LABEL) {
      labelProblems(row, p, at, between, ids);
      continue;
    }
    if (!isObject(row) || row.type !== ACTION_ROW) {
      at(`${p}.type`, 'Value must be one of {1, 10, 18}.');
      continue;
    }
    const inputs = Array.isArray(row.components) ? row.components : [];
    if (inputs.length !== 1) {
      at(`${p}.components`, inputs.length ? 'Must be 1 or fewer in length.' : 'This field is required');
      continue;
    }
    const input = inputs[0];
    const q = `${p}.components.0`;
    if (!isObject(input) || input.type !== TEXT_INPUT) {
      at(`${q}.type`, 'Value of field "type" must be one of (4,).');
      continue;
    }
    between(`${q}.custom_id`, input.custom_id, 1, 100);
    if (typeof input.custom_id === 'string') {
      if (ids.has(input.custom_id)) at(`${q}.custom_id`, 'Component custom id cannot be duplicated');
      ids.add(input.custom_id);
    }
    between(`${q}.label`, input.label, 1, 45);
    if (input.style !== 1 && input.style !== 2) at(`${q}.style`, 'Value must be one of {1, 2}.');
    const num = (name: string, v: unknown, min: number, max: number) => {
      if (v === undefined) return;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
        at(`${q}.${name}`, `int value should be between ${min} and ${max}.`);
    };
    num('min_length', input.min_length, 0, 4000);
    num('max_length', input.max_length, 1, 4000);
    if (input.value !== undefined) {
      const max = typeof input.max_length === 'number' ? input.max_length : 4000;
      if (typeof input.value !== 'string' || len(input.value) > max)
        at(`${q}.value`, `Must be ${max} or fewer in length.`);
    }
    if (
      input.placeholder !== undefined &&
      (typeof input.placeholder !== 'string' || len(input.placeholder) > 100)
    )
      at(`${q}.placeholder`, 'Must be 100 or fewer in length.');
  }
  return problems;
}

/** A Label (type 18): its text and one text input (without a label of its own) or string select. */
function labelProblems(
  row: JsonObject,
  p: string,
  at: (path: string, message: string) => void,
  between: (path: string, v: unknown, min: number, max: number) => void,
  ids: Set<string>,
): void {
  between(`${p}.label`, row.label, 1, 45);
  if (row.description !== undefined) between(`${p}.description`, row.description, 1, 100);
  const c = row.component;
  const q = `${p}.component`;
  if (!isObject(c) || (c.type !== TEXT_INPUT && c.type !== STRING_SELECT)) {
    at(`${q}.type`, 'Value of field "type" must be one of (3, 4).');
    return;
  }
  between(`${q}.custom_id`, c.custom_id, 1, 100);
  if (typeof c.custom_id === 'string') {
    if (ids.has(c.custom_id)) at(`${q}.custom_id`, 'Component custom id cannot be duplicated');
    ids.add(c.custom_id);
  }
  if (c.type === TEXT_INPUT) {
    if (c.label !== undefined) at(`${q}.label`, 'A text input in a label must not have its own label.');
    if (c.style !== 1 && c.style !== 2) at(`${q}.style`, 'Value must be one of {1, 2}.');
    if (typeof c.value === 'string' && typeof c.max_length === 'number' && len(c.value) > c.max_length)
      at(`${q}.value`, `Must be ${c.max_length} or fewer in length.`);
    return;
  }
  const options = Array.isArray(c.options) ? c.options : [];
  if (options.length < 1 || options.length > 25) at(`${q}.options`, 'Must be between 1 and 25 in length.');
  for (const [j, o] of options.entries()) {
    if (!isObject(o)) continue;
    between(`${q}.options.${j}.label`, o.label, 1, 100);
    between(`${q}.options.${j}.value`, o.value, 1, 100);
  }
}

/**
 * The components a type-5 submission carries: every input of the modal with what was typed or
 * picked (a text input's `value`, a select's `values`), a Text Display as its type alone.
 */
export function discordSubmittedRows(data: JsonObject, typed: TypedValue[]): JsonObject[] {
  const rows = Array.isArray(data.components) ? data.components : [];
  return rows.flatMap((row): JsonObject[] => {
    if (isObject(row) && row.type === TEXT_DISPLAY) return [{ type: TEXT_DISPLAY }];
    if (isObject(row) && row.type === LABEL && isObject(row.component)) {
      const c = row.component;
      const id = String(c.custom_id);
      const value = typed.find((t) => t.id === id)?.value ?? '';
      return [
        {
          type: LABEL,
          component:
            c.type === STRING_SELECT
              ? { type: STRING_SELECT, custom_id: id, values: value ? [value] : [] }
              : { type: TEXT_INPUT, custom_id: id, value },
        },
      ];
    }
    const input = isObject(row) && Array.isArray(row.components) ? row.components[0] : undefined;
    if (!isObject(input) || input.type !== TEXT_INPUT) return [];
    const id = String(input.custom_id);
    const value = typed.find((t) => t.id === id)?.value ?? '';
    return [{ type: ACTION_ROW, components: [{ type: TEXT_INPUT, custom_id: id, value }] }];
  });
}

/**
 * What the platform's own form would not let through, by input (Slack: block id; Discord: the
 * input's custom id): a required field left empty, or a text shorter or longer than its limits.
 * Slack and Discord check these on the person's screen, before anything is sent.
 */
export function typedProblems(modal: OpenModal, typed: TypedValue[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const check = (key: string, value: string, required: boolean, min: unknown, max: unknown) => {
    const n = len(value);
    if (!n) {
      if (required)
        problems[key] =
          modal.platform === 'slack' ? 'Please complete this required field.' : 'This field is required';
      return;
    }
    if (typeof min === 'number' && n < min) problems[key] = `Must be at least ${min} characters.`;
    if (typeof max === 'number' && n > max) problems[key] = `Must be ${max} characters or fewer.`;
  };
  if (modal.platform === 'slack') {
    for (const { block, action, element: el } of slackInputs(modal.payload)) {
      const b = (modal.payload.blocks as JsonObject[]).find((x) => isObject(x) && x.block_id === block);
      const value = typed.find((t) => t.block === block && t.id === action)?.value ?? '';
      if (el.type === 'plain_text_input') {
        check(block, value, b?.optional !== true, el.min_length, el.max_length ?? 3000);
        continue;
      }
      check(block, value, b?.optional !== true, undefined, undefined);
      // A picker or a menu lets the person choose only what it offers.
      if (value && el.type === 'timepicker' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(value))
        problems[block] = 'Please enter a valid time.';
      if (
        value &&
        el.type !== 'timepicker' &&
        !pickedOption(el, value, modal.offered?.[`${block}|${action}`])
      )
        problems[block] = 'Please select an option from the menu.';
    }
  } else {
    for (const row of Array.isArray(modal.payload.components) ? modal.payload.components : []) {
      const input = !isObject(row)
        ? undefined
        : row.type === LABEL
          ? row.component
          : Array.isArray(row.components)
            ? row.components[0]
            : undefined;
      if (!isObject(input) || (input.type !== TEXT_INPUT && input.type !== STRING_SELECT)) continue;
      const id = String(input.custom_id);
      const value = typed.find((t) => t.id === id)?.value ?? '';
      if (input.type === STRING_SELECT) {
        check(id, value, input.required !== false, undefined, undefined);
        const options = Array.isArray(input.options) ? input.options : [];
        if (value && !options.some((o) => isObject(o) && o.value === value))
          problems[id] = 'Pick one of the options.';
        continue;
      }
      check(id, value, input.required !== false, input.min_length, input.max_length ?? 4000);
    }
  }
  return problems;
}
