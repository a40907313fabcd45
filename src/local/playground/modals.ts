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
    if (el.type !== 'plain_text_input') continue;
    if (len(el.action_id) > 255) at(`${p}/element/action_id`, 'must be less than 256 characters');
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

/** The inputs of a Slack view, in order: block id, action id. */
export function slackInputs(view: JsonObject): { block: string; action: string }[] {
  return (Array.isArray(view.blocks) ? view.blocks : []).flatMap((b) =>
    isObject(b) &&
    b.type === 'input' &&
    isObject(b.element) &&
    b.element.type === 'plain_text_input' &&
    typeof b.block_id === 'string'
      ? [{ block: b.block_id, action: String(b.element.action_id) }]
      : [],
  );
}

/**
 * The view's `state.values` as Slack submits it: every input, an empty one as `null`. Built from
 * the view the bot sent; typed values for anything else are ignored.
 */
export function slackStateValues(view: JsonObject, typed: TypedValue[]): JsonObject {
  const values: Record<string, JsonObject> = {};
  for (const { block, action } of slackInputs(view)) {
    const value = typed.find((t) => t.block === block && t.id === action)?.value ?? '';
    values[block] ??= {};
    values[block][action] = { type: 'plain_text_input', value: value === '' ? null : value };
  }
  return values;
}

// ---- Discord: the modal response (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal) ----

const ACTION_ROW = 1;
const TEXT_INPUT = 4;

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
    if (!isObject(row) || row.type !== ACTION_ROW) {
      at(`${p}.type`, 'Value must be one of {1}.');
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

/** The rows a type-5 submission carries: every text input of the modal with what was typed. */
export function discordSubmittedRows(data: JsonObject, typed: TypedValue[]): JsonObject[] {
  const rows = Array.isArray(data.components) ? data.components : [];
  return rows.flatMap((row) => {
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
    for (const b of Array.isArray(modal.payload.blocks) ? modal.payload.blocks : []) {
      if (!isObject(b) || b.type !== 'input' || !isObject(b.element) || b.element.type !== 'plain_text_input')
        continue;
      const block = String(b.block_id);
      const el = b.element;
      const value = typed.find((t) => t.block === block && t.id === el.action_id)?.value ?? '';
      check(block, value, b.optional !== true, el.min_length, el.max_length ?? 3000);
    }
  } else {
    for (const row of Array.isArray(modal.payload.components) ? modal.payload.components : []) {
      const input = isObject(row) && Array.isArray(row.components) ? row.components[0] : undefined;
      if (!isObject(input) || input.type !== TEXT_INPUT) continue;
      const id = String(input.custom_id);
      const value = typed.find((t) => t.id === id)?.value ?? '';
      check(id, value, input.required !== false, input.min_length, input.max_length ?? 4000);
    }
  }
  return problems;
}
