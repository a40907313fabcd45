/**
 * What a person sees: the exact payload a platform receives, rendered to the plain text its client
 * shows. Slack: Block Kit (header, section text and fields, buttons, checkboxes, context) with
 * mrkdwn links, mentions, escapes and `<!date>` tokens resolved. Discord: content, embeds (title,
 * description, fields, footer) and components (buttons, selects) with markdown and `<t:>` tokens
 * resolved. Times are shown as a reader in `readerZone` sees them, so a test can tell a reader's
 * local time from a hard-coded "UTC".
 *
 * `slackProblems` / `discordProblems` list every platform limit a payload breaks (the platform
 * would refuse or cut it), so a view can be checked for "nothing over the limits" in one line.
 */

export interface SeenOptions {
  /** The reader's time zone: Slack and Discord show date tokens in it. */
  readerZone?: string;
}

const DEFAULT_ZONE = 'America/New_York';

function localTime(unixSeconds: number, zone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(unixSeconds * 1000));
}

// ---------------------------------------------------------------- Slack

type Json = Record<string, unknown>;

/** mrkdwn as the Slack client shows it. */
export function slackMrkdwn(text: string, options: SeenOptions = {}): string {
  const zone = options.readerZone ?? DEFAULT_ZONE;
  return text
    .replace(/<!date\^(\d+)\^[^|>]*(?:\|[^>]*)?>/g, (_, s: string) => localTime(Number(s), zone))
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `#${name || id}`)
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1$2')
    .replace(/(^|[\s(])_([^_\n]+)_/g, '$1$2')
    .replace(/(^|[\s(])~([^~\n]+)~/g, '$1$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function slackText(t: unknown, options: SeenOptions): string {
  const o = (t ?? {}) as { type?: string; text?: string };
  if (typeof o.text !== 'string') return '';
  return o.type === 'mrkdwn' ? slackMrkdwn(o.text, options) : o.text;
}

function slackElement(e: Json, options: SeenOptions): string[] {
  switch (e.type) {
    case 'button':
      return [`[${slackText(e.text, options)}]`];
    case 'checkboxes':
    case 'radio_buttons':
      return ((e.options ?? []) as Json[]).map((o) => `☐ ${slackText(o.text, options)}`);
    case 'static_select':
      return [`▾ ${slackText(e.placeholder, options)}`];
    case 'mrkdwn':
    case 'plain_text':
      return [slackText(e, options)];
    default:
      return [`<${String(e.type)}>`];
  }
}

/** The blocks (or, with none, the text) of a Slack message or view, as the client shows them. */
export function slackSees(payload: unknown, options: SeenOptions = {}): string {
  const p = (payload ?? {}) as { text?: string; blocks?: Json[] };
  if (!p.blocks?.length) return slackMrkdwn(p.text ?? '', options);
  const out: string[] = [];
  for (const b of p.blocks) {
    switch (b.type) {
      case 'header':
        out.push(slackText(b.text, options));
        break;
      case 'section': {
        const line = [
          slackText(b.text, options),
          ...((b.fields ?? []) as Json[]).map((f) => slackText(f, options)),
        ]
          .filter(Boolean)
          .join('\n');
        const accessory = b.accessory ? slackElement(b.accessory as Json, options).join(' ') : '';
        out.push(accessory ? `${line} ${accessory}` : line);
        break;
      }
      case 'actions':
        out.push(((b.elements ?? []) as Json[]).flatMap((e) => slackElement(e, options)).join('\n'));
        break;
      case 'context':
        out.push(((b.elements ?? []) as Json[]).flatMap((e) => slackElement(e, options)).join(' '));
        break;
      case 'divider':
        out.push('———');
        break;
      default:
        out.push(`<${String(b.type)} block>`);
    }
  }
  return out.join('\n');
}

/** Slack's documented limits on what the bot sends; each breach is one line. */
export function slackProblems(payload: unknown, surface: 'message' | 'home' = 'message'): string[] {
  const p = (payload ?? {}) as { text?: string; blocks?: Json[] };
  const problems: string[] = [];
  const blocks = p.blocks ?? [];
  const maxBlocks = surface === 'home' ? 100 : 50;
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (max ${maxBlocks})`);
  if ((p.text ?? '').length > 40_000) problems.push('text over 40,000 characters');
  const len = (t: unknown) => ((t as { text?: string } | undefined)?.text ?? '').length;
  for (const [i, b] of blocks.entries()) {
    if (b.type === 'header' && len(b.text) > 150) problems.push(`block ${i}: header over 150`);
    if (b.type === 'section') {
      if (len(b.text) > 3000) problems.push(`block ${i}: section text over 3,000`);
      const fields = (b.fields ?? []) as Json[];
      if (fields.length > 10) problems.push(`block ${i}: ${fields.length} fields (max 10)`);
      for (const f of fields) if (len(f) > 2000) problems.push(`block ${i}: field over 2,000`);
    }
    const elements = [...((b.elements ?? []) as Json[]), ...(b.accessory ? [b.accessory as Json] : [])];
    if (b.type === 'actions' && elements.length > 25) problems.push(`block ${i}: over 25 elements`);
    for (const e of elements) {
      if (e.type === 'button' && len(e.text) > 75) problems.push(`block ${i}: button text over 75`);
      if (typeof e.action_id === 'string' && e.action_id.length > 255)
        problems.push(`block ${i}: action_id over 255`);
      for (const o of (e.options ?? []) as Json[])
        if (len(o.text) > 75) problems.push(`block ${i}: option text over 75`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------- Discord

/** Discord markdown as the client shows it. */
export function discordMarkdown(text: string, options: SeenOptions = {}): string {
  const zone = options.readerZone ?? DEFAULT_ZONE;
  return text
    .replace(/<t:(-?\d+)(?::[tTdDfFR])?>/g, (_, s: string) => localTime(Number(s), zone))
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '$1')
    .replace(/<#(\d+|[A-Z0-9]+)>/g, '#$1')
    .replace(/<@!?(\d+)>/g, '@$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])_([^_\n]+)_/g, '$1$2')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1$2');
}

interface DiscordBody {
  content?: string;
  embeds?: Json[];
  components?: Json[];
}

function discordComponent(c: Json, options: SeenOptions): string[] {
  switch (c.type) {
    case 1:
      return [((c.components ?? []) as Json[]).flatMap((x) => discordComponent(x, options)).join(' ')];
    case 2:
      return [`[${String(c.label ?? '')}]`];
    case 3:
      return [
        `▾ ${String(c.placeholder ?? '')}`,
        ...((c.options ?? []) as Json[]).map((o) => `• ${String(o.label ?? '')}`),
      ];
    default:
      return [`<component ${String(c.type)}>`];
  }
}

/** A Discord message body (or interaction response data), as the client shows it. */
export function discordSees(body: unknown, options: SeenOptions = {}): string {
  const b = (body ?? {}) as DiscordBody;
  const out: string[] = [];
  if (b.content) out.push(discordMarkdown(b.content, options));
  for (const e of b.embeds ?? []) {
    // Titles and footers show no markdown and no timestamps: they are printed as sent.
    if (e.title) out.push(String(e.title));
    if (e.description) out.push(discordMarkdown(String(e.description), options));
    for (const f of (e.fields ?? []) as Json[])
      out.push(`${String(f.name)}\n${discordMarkdown(String(f.value), options)}`);
    const footer = (e.footer as { text?: string } | undefined)?.text;
    if (footer) out.push(footer);
  }
  for (const c of b.components ?? []) out.push(...discordComponent(c, options));
  return out.join('\n');
}

/** Discord's documented limits on a message body; each breach is one line. */
export function discordProblems(body: unknown): string[] {
  const b = (body ?? {}) as DiscordBody;
  const problems: string[] = [];
  if ((b.content ?? '').length > 2000) problems.push('content over 2,000');
  if ((b.embeds ?? []).length > 10) problems.push('over 10 embeds');
  let embedTotal = 0;
  for (const e of b.embeds ?? []) {
    const fields = (e.fields ?? []) as Json[];
    const title = String(e.title ?? '');
    const description = String(e.description ?? '');
    const footer = String((e.footer as { text?: string } | undefined)?.text ?? '');
    if (title.length > 256) problems.push('embed title over 256');
    if (description.length > 4096) problems.push('embed description over 4,096');
    if (fields.length > 25) problems.push('over 25 embed fields');
    if (footer.length > 2048) problems.push('embed footer over 2,048');
    embedTotal += title.length + description.length + footer.length;
    for (const f of fields) {
      const name = String(f.name ?? '');
      const value = String(f.value ?? '');
      if (name.length > 256) problems.push('field name over 256');
      if (value.length > 1024) problems.push('field value over 1,024');
      if (!value) problems.push('empty field value');
      embedTotal += name.length + value.length;
    }
  }
  if (embedTotal > 6000) problems.push(`embeds total ${embedTotal} characters (max 6,000)`);
  const rows = b.components ?? [];
  if (rows.length > 5) problems.push(`${rows.length} action rows (max 5)`);
  for (const row of rows) {
    const items = (row.components ?? []) as Json[];
    if (items.length > 5) problems.push('over 5 components in a row');
    for (const c of items) {
      if (typeof c.custom_id === 'string' && c.custom_id.length > 100) problems.push('custom_id over 100');
      if (c.type === 2 && String(c.label ?? '').length > 80) problems.push('button label over 80');
      if (c.type === 3) {
        const opts = (c.options ?? []) as Json[];
        if (opts.length > 25) problems.push('over 25 select options');
        for (const o of opts) if (String(o.label ?? '').length > 100) problems.push('option label over 100');
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------- forms (modals)

/**
 * A Slack modal view (views.open) as the person sees it: the title, other blocks as in a message,
 * then each input as `Label: what it holds` (a text's initial value, a time picker's time, a
 * menu's picked option, radio buttons as `(•) picked ( ) other`), and the footer's buttons.
 */
export function slackModalSees(view: unknown, options: SeenOptions = {}): string {
  const v = (view ?? {}) as { title?: Json; submit?: Json; close?: Json; blocks?: Json[] };
  const out = [slackText(v.title, options)];
  for (const b of v.blocks ?? []) {
    if (b.type !== 'input') {
      out.push(slackSees({ blocks: [b] }, options));
      continue;
    }
    const el = (b.element ?? {}) as Json;
    const label = `${slackText(b.label, options)}${b.optional ? ' (optional)' : ''}`;
    const picked = (el.initial_option as Json | undefined)?.text;
    let shown: string;
    switch (el.type) {
      case 'plain_text_input':
        shown = `[${String(el.initial_value ?? '')}]`;
        break;
      case 'timepicker':
        shown = `🕘 ${String(el.initial_time ?? '--:--')}`;
        break;
      case 'radio_buttons':
        shown = ((el.options ?? []) as Json[])
          .map(
            (o) =>
              `${o.value === (el.initial_option as Json | undefined)?.value ? '(•)' : '( )'} ${slackText(o.text, options)}`,
          )
          .join('  ');
        break;
      case 'static_select':
      case 'external_select':
        shown = `▾ ${picked ? slackText(picked, options) : slackText(el.placeholder, options)}`;
        break;
      default:
        shown = `<${String(el.type)}>`;
    }
    out.push(`${label}: ${shown}`);
    if (b.hint) out.push(`  ${slackText(b.hint, options)}`);
  }
  out.push(`[${slackText(v.close, options) || 'Cancel'}] [${slackText(v.submit, options)}]`);
  return out.filter(Boolean).join('\n');
}

/**
 * A Discord modal (interaction response type 9's data) as the person sees it: the title, Text
 * Displays as markdown, each input as `Label: what it holds` (`*` when required; a select as
 * `▾ picked {option | option}`), and Cancel and Submit.
 */
export function discordModalSees(data: unknown, options: SeenOptions = {}): string {
  const d = (data ?? {}) as { title?: string; components?: Json[] };
  const out = [String(d.title ?? '')];
  for (const row of d.components ?? []) {
    if (row.type === 10) {
      out.push(discordMarkdown(String(row.content ?? ''), options));
      continue;
    }
    const c = ((row.type === 18 ? row.component : (row.components as Json[] | undefined)?.[0]) ?? {}) as Json;
    const label = `${String((row.type === 18 ? row.label : c.label) ?? '')}${c.required === false ? '' : '*'}`;
    const shown =
      c.type === 3
        ? `▾ ${String(((c.options ?? []) as Json[]).find((o) => o.default)?.label ?? '')} {${((c.options ?? []) as Json[]).map((o) => String(o.label)).join(' | ')}}`
        : `[${String(c.value ?? '')}]`;
    out.push(`${label}: ${shown}`);
    if (row.type === 18 && row.description) out.push(`  ${String(row.description)}`);
  }
  out.push('[Cancel] [Submit]');
  return out.filter(Boolean).join('\n');
}
