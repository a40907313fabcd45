/**
 * Draws what the bot sent, as Slack and as Discord would: the Block Kit subset and the Discord
 * embeds and components the bot uses. Every piece of text becomes a text node, never HTML: the
 * bot echoes what people type.
 */

/** Creates an element; string children become text nodes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) el.append(c);
  return el;
}

function safeLink(url, label) {
  // Only web links become anchors; anything else (javascript:, data:) stays text.
  if (!/^https?:\/\//i.test(url)) return document.createTextNode(label ?? url);
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, label ?? url);
}

/** Splits text on the earliest matching rule, builds that token, and carries on with the rest. */
function inline(text, rules, decode) {
  const frag = document.createDocumentFragment();
  let rest = String(text ?? '');
  while (rest) {
    let best;
    for (const rule of rules) {
      const m = rule.re.exec(rest);
      if (m && (!best || m.index < best.m.index)) best = { rule, m };
    }
    if (!best) {
      frag.append(decode(rest));
      break;
    }
    if (best.m.index > 0) frag.append(decode(rest.slice(0, best.m.index)));
    frag.append(best.rule.build(best.m, (t) => inline(t, rules, decode)));
    rest = rest.slice(best.m.index + best.m[0].length);
  }
  return frag;
}

const decodeSlack = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * Names for ids in mentions (`<@U0…>`, `<#C0…>`): the page knows its pretend people and channel.
 * The playground sets these once it has its config.
 */
export const names = { user: (id) => id, channel: (id) => id };

// Block elements (U+2580–U+259F): the bot draws progress bars with █ and ░ in inline code. Both
// platforms show inline code in a monospace font, where each of these fills exactly one cell; a
// font without them falls back to one whose cells differ, and the bar breaks. So each becomes a
// cell of its own, one character wide, painted solid or shaded; the character stays in the text.
const BLOCKS = /[\u2580-\u259f]+/g;
const SHADE = { '█': 'full', '▓': 'dark', '▒': 'medium', '░': 'light' };

/** Inline code as both platforms show it: monospace, with bar characters drawn as even cells. */
export function codeSpan(text, className) {
  const el = h('code', className ? { class: className } : {});
  let at = 0;
  for (const m of text.matchAll(BLOCKS)) {
    if (m.index > at) el.append(text.slice(at, m.index));
    const bar = h('span', { class: 'blocks', role: 'img', 'aria-label': m[0] });
    for (const ch of m[0]) bar.append(h('span', { class: `cell ${SHADE[ch] ?? 'glyph'}` }, ch));
    el.append(bar);
    at = m.index + m[0].length;
  }
  if (at < text.length) el.append(text.slice(at));
  return el;
}

// ---- times: Slack's <!date^…> and Discord's <t:…>, shown in the reader's own time zone ----

const fmt = (at, options) => new Intl.DateTimeFormat('en-US', options).format(at);
const dayDiff = (at) => {
  const day = (d) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((day(at) - day(new Date())) / 86_400_000);
};
const ordinal = (n) => {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] || s[v] || s[0]}`;
};
function pretty(at, fallback) {
  const d = dayDiff(at);
  return d === 0 ? 'today' : d === -1 ? 'yesterday' : d === 1 ? 'tomorrow' : fallback;
}
function relative(at) {
  const s = Math.round((at.getTime() - Date.now()) / 1000);
  const units = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
    ['second', 1],
  ];
  const [unit, size] = units.find(([, n]) => Math.abs(s) >= n) ?? units[units.length - 1];
  return new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(Math.round(s / size), unit);
}

/** Slack's date tokens (https://api.slack.com/reference/surfaces/formatting#date-formatting). */
export function slackDate(unix, format, fallback) {
  const at = new Date(unix * 1000);
  if (Number.isNaN(at.getTime())) return fallback;
  const long = `${fmt(at, { month: 'long' })} ${ordinal(at.getDate())}, ${at.getFullYear()}`;
  const short = fmt(at, { month: 'short', day: 'numeric', year: 'numeric' });
  const longest = `${fmt(at, { weekday: 'long' })}, ${long}`;
  const tokens = {
    date_num: `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`,
    date: long,
    date_short: short,
    date_long: longest,
    date_pretty: pretty(at, long),
    date_short_pretty: pretty(at, short),
    date_long_pretty: pretty(at, longest),
    time: fmt(at, { hour: 'numeric', minute: '2-digit' }),
    time_secs: fmt(at, { hour: 'numeric', minute: '2-digit', second: '2-digit' }),
    ago: relative(at),
  };
  let unknown = false;
  const text = format.replace(/\{(\w+)\}/g, (all, name) => {
    if (name in tokens) return tokens[name];
    unknown = true;
    return all;
  });
  if (unknown) return fallback;
  // A pretty date opens the sentence in lower case in Slack too, except at the very start.
  return text.replace(/^(today|yesterday|tomorrow)/, (w) => w[0].toUpperCase() + w.slice(1));
}

/** Discord's timestamp styles (t, T, d, D, f, F, R); f is the default. */
export function discordTime(unix, style = 'f') {
  const at = new Date(unix * 1000);
  if (Number.isNaN(at.getTime())) return `<t:${unix}>`;
  const time = { hour: 'numeric', minute: '2-digit' };
  const date = { month: 'long', day: 'numeric', year: 'numeric' };
  switch (style) {
    case 't':
      return fmt(at, time);
    case 'T':
      return fmt(at, { ...time, second: '2-digit' });
    case 'd':
      return fmt(at, { month: '2-digit', day: '2-digit', year: 'numeric' });
    case 'D':
      return fmt(at, date);
    case 'F':
      return fmt(at, { weekday: 'long', ...date, ...time });
    case 'R':
      return relative(at);
    default:
      return fmt(at, { ...date, ...time });
  }
}

const timeEl = (at, text, className) =>
  h('time', { class: className, datetime: at.toISOString(), title: at.toString() }, text);

// ---- inline markup ----

const SLACK_RULES = [
  { re: /`([^`\n]+)`/, build: (m) => codeSpan(decodeSlack(m[1])) },
  {
    re: /<!date\^(\d+)\^([^^|>]+)(?:\^([^|>]+))?\|([^>]*)>/,
    build: (m) => {
      const text = slackDate(Number(m[1]), decodeSlack(m[2]), decodeSlack(m[4]));
      const at = new Date(Number(m[1]) * 1000);
      return m[3] ? safeLink(decodeSlack(m[3]), text) : timeEl(at, text, 'sl-date');
    },
  },
  { re: /<!(here|channel|everyone)(?:\|[^>]*)?>/, build: (m) => h('span', { class: 'mention' }, `@${m[1]}`) },
  {
    re: /<((?:https?|mailto):[^|>]+)(?:\|([^>]+))?>/,
    build: (m) => safeLink(decodeSlack(m[1]), m[2] ? decodeSlack(m[2]) : undefined),
  },
  {
    re: /<@([A-Z0-9]+)(?:\|([^>]+))?>/,
    build: (m) => h('span', { class: 'mention' }, `@${m[2] ? decodeSlack(m[2]) : names.user(m[1])}`),
  },
  {
    re: /<#([A-Z0-9]+)(?:\|([^>]*))?>/,
    build: (m) => h('span', { class: 'mention' }, `#${m[2] ? decodeSlack(m[2]) : names.channel(m[1])}`),
  },
  // Bold, italic and strike may span a <…> token (a link, a date), whatever characters it holds.
  {
    re: /(?<![\w*])\*(?!\s)((?:<[^>\n]*>|[^*\n])+?)(?<!\s)\*(?![\w*])/,
    build: (m, inner) => h('strong', {}, inner(m[1])),
  },
  {
    re: /(?<![\w_])_(?!\s)((?:<[^>\n]*>|[^_\n])+?)(?<!\s)_(?![\w_])/,
    build: (m, inner) => h('em', {}, inner(m[1])),
  },
  {
    re: /(?<![\w~])~(?!\s)((?:<[^>\n]*>|[^~\n])+?)(?<!\s)~(?![\w~])/,
    build: (m, inner) => h('s', {}, inner(m[1])),
  },
];

const DISCORD_RULES = [
  // A backslash shows the next markdown character as itself.
  { re: /\\([*_~`|\\<>#[\]()-])/, build: (m) => document.createTextNode(m[1]) },
  { re: /``([^\n]+?)``|`([^`\n]+)`/, build: (m) => codeSpan((m[1] ?? m[2]).trim() || (m[1] ?? m[2])) },
  {
    re: /<t:(-?\d{1,13})(?::([tTdDfFR]))?>/,
    build: (m) => timeEl(new Date(Number(m[1]) * 1000), discordTime(Number(m[1]), m[2]), 'dc-time'),
  },
  { re: /<@!?(\d+)>/, build: (m) => h('span', { class: 'mention' }, `@${names.user(m[1])}`) },
  { re: /<@&\d+>/, build: () => h('span', { class: 'mention' }, '@role') },
  { re: /<#(\d+)>/, build: (m) => h('span', { class: 'mention' }, `#${names.channel(m[1])}`) },
  { re: /\[([^\]\n]+)\]\(<?(https?:[^)\s>]+)>?\)/, build: (m) => safeLink(m[2], m[1]) },
  { re: /<(https?:\/\/[^\s>]+)>/, build: (m) => safeLink(m[1]) },
  { re: /\*\*\*(?!\s)([^\n]+?)\*\*\*/, build: (m, inner) => h('strong', {}, h('em', {}, inner(m[1]))) },
  { re: /\*\*(?!\s)([^\n]+?)\*\*/, build: (m, inner) => h('strong', {}, inner(m[1])) },
  { re: /__(?!\s)([^\n]+?)__/, build: (m, inner) => h('u', {}, inner(m[1])) },
  // Italic may span a link or a <…> token, underscores in its URL included.
  {
    re: /(?<![\w_])_(?!\s)((?:\[[^\]\n]*\]\([^)\s]*\)|<[^>\n]*>|[^_\n])+?)_(?![\w_])/,
    build: (m, inner) => h('em', {}, inner(m[1])),
  },
  { re: /(?<![\w*])\*(?![\s*])([^*\n]+?)(?<!\s)\*(?![\w*])/, build: (m, inner) => h('em', {}, inner(m[1])) },
  { re: /~~(?!\s)([^\n]+?)~~/, build: (m, inner) => h('s', {}, inner(m[1])) },
  {
    re: /\|\|([^\n]+?)\|\|/,
    build: (m, inner) =>
      h('span', { class: 'dc-spoiler', onclick: (e) => e.currentTarget.classList.add('shown') }, inner(m[1])),
  },
  { re: /https?:\/\/[^\s<>)]+/, build: (m) => safeLink(m[0]) },
];

const slackInline = (text) => inline(text, SLACK_RULES, decodeSlack);
const discordInline = (text) => inline(text, DISCORD_RULES, (s) => s);

/**
 * The lines of a text: fenced code blocks and quotes (both platforms), and on Discord headings
 * (`#`, `##`, `###`), subtext (`-#`) and bulleted lists, as each platform lays them out. Other
 * lines stay text, their line breaks kept by `white-space: pre-wrap`.
 */
function blocks(text, platform) {
  const frag = document.createDocumentFragment();
  const slack = platform === 'slack';
  const lines = String(text ?? '').split('\n');
  const inlineOf = slack ? slackInline : discordInline;
  const code = (body) => h('pre', { class: 'codeblock' }, slack ? decodeSlack(body) : body);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const newline = i < lines.length - 1 ? '\n' : '';
    const oneLine = /^```(.+?)```\s*$/.exec(line);
    if (oneLine) {
      frag.append(code(oneLine[1]));
      continue;
    }
    const fence = /^```(.*)$/.exec(line);
    const end = fence ? lines.findIndex((l, j) => j > i && /```\s*$/.test(l)) : -1;
    if (fence && end > 0) {
      // Discord reads the rest of the opening line as the language; Slack as the first code line.
      const body = [
        ...(slack && fence[1] ? [fence[1]] : []),
        ...lines.slice(i + 1, end),
        ...(lines[end].replace(/```\s*$/, '') ? [lines[end].replace(/```\s*$/, '')] : []),
      ];
      frag.append(code(body.join('\n')));
      i = end;
      continue;
    }
    if (!slack && line.startsWith('>>> ')) {
      frag.append(h('blockquote', {}, inlineOf([line.slice(4), ...lines.slice(i + 1)].join('\n'))));
      break;
    }
    const q = slack ? /^&gt; ?(.*)$/.exec(line) : /^> (.*)$/.exec(line);
    const head = slack ? null : /^(#{1,3}) (.+)$/.exec(line);
    const sub = slack ? null : /^-# (.+)$/.exec(line);
    const item = slack ? null : /^( *)[-*] (.+)$/.exec(line);
    if (q) frag.append(h('blockquote', {}, inlineOf(q[1])));
    else if (head) frag.append(h(`h${head[1].length + 2}`, { class: 'dc-heading' }, inlineOf(head[2])));
    else if (sub) frag.append(h('div', { class: 'dc-subtext' }, inlineOf(sub[1])));
    else if (item) frag.append(h('div', { class: `dc-li${item[1] ? ' nested' : ''}` }, inlineOf(item[2])));
    else frag.append(inlineOf(line), newline);
  }
  return frag;
}

export const slackMrkdwn = (text) => blocks(text, 'slack');
export const discordMarkdown = (text) => blocks(text, 'discord');

function slackText(obj) {
  if (!obj) return document.createDocumentFragment();
  return obj.type === 'mrkdwn' ? slackMrkdwn(obj.text) : document.createTextNode(obj.text ?? '');
}

/** Keeps what was ticked across redraws (the channel is redrawn when new events arrive). */
export const picks = new Map();

function slackElement(el, blockId, ctx) {
  switch (el.type) {
    case 'button':
      return h(
        'button',
        {
          type: 'button',
          class: `sl-btn${el.style ? ` sl-${el.style}` : ''}`,
          dataset: { action: el.action_id },
          onclick: () => ctx.click({ action: el.action_id, values: el.value ? [el.value] : [] }),
        },
        el.text?.text ?? '',
      );
    case 'checkboxes':
      return h(
        'div',
        { class: 'sl-checkboxes', role: 'group' },
        (el.options ?? []).map((o) => {
          const key = `${ctx.messageId}|${blockId}|${el.action_id}|${o.value}`;
          const box = h('input', {
            type: 'checkbox',
            value: o.value,
            dataset: { block: blockId, actionId: el.action_id },
            checked: picks.get(key) === true,
            onchange: (e) => picks.set(key, e.target.checked),
          });
          return h('label', { class: 'sl-checkbox' }, box, h('span', {}, slackText(o.text)));
        }),
      );
    case 'static_select':
      return h(
        'select',
        {
          class: 'sl-select',
          onchange: (e) => ctx.click({ action: el.action_id, values: [e.target.value] }),
        },
        h('option', { value: '' }, el.placeholder?.text ?? 'Choose'),
        (el.options ?? []).map((o) => h('option', { value: o.value }, o.text?.text ?? o.value)),
      );
    case 'image':
      return h('span', { class: 'muted' }, el.alt_text ?? '');
    case 'mrkdwn':
    case 'plain_text':
      return h('span', {}, slackText(el));
    default:
      return h('span', { class: 'unsupported' }, `[${el.type}]`);
  }
}

function slackBlock(block, ctx) {
  switch (block.type) {
    case 'header':
      return h('div', { class: 'sl-header' }, block.text?.text ?? '');
    case 'section':
      return h(
        'div',
        { class: `sl-section${block.accessory ? ' has-accessory' : ''}` },
        h(
          'div',
          { class: 'sl-section-main' },
          block.text ? h('div', { class: 'sl-text' }, slackText(block.text)) : null,
          block.fields?.length
            ? h(
                'div',
                { class: 'sl-fields' },
                block.fields.map((f) => h('div', { class: 'sl-field' }, slackText(f))),
              )
            : null,
        ),
        block.accessory
          ? h('div', { class: 'sl-accessory' }, slackElement(block.accessory, block.block_id, ctx))
          : null,
      );
    case 'actions':
      return h(
        'div',
        { class: 'sl-actions' },
        (block.elements ?? []).map((e) => slackElement(e, block.block_id, ctx)),
      );
    case 'context':
      return h(
        'div',
        { class: 'sl-context' },
        (block.elements ?? []).map((e) => slackElement(e, block.block_id, ctx)),
      );
    case 'divider':
      return h('hr', { class: 'sl-divider' });
    default:
      return h('div', { class: 'unsupported' }, `[unsupported block: ${block.type}]`);
  }
}

/** The checkbox selections of a Slack message, as Slack puts them in `state.values`. */
export function slackState(messageEl) {
  const state = {};
  for (const box of messageEl.querySelectorAll('input[type=checkbox][data-action-id]')) {
    const block = box.dataset.block || 'block';
    state[block] ??= {};
    state[block][box.dataset.actionId] ??= [];
    if (box.checked) state[block][box.dataset.actionId].push(box.value);
  }
  return state;
}

/** A Slack message body: `{text, blocks}`. */
export function slackBody(body, ctx) {
  const blocks = Array.isArray(body?.blocks) ? body.blocks : [];
  if (!blocks.length) return h('div', { class: 'sl-text' }, slackMrkdwn(body?.text ?? ''));
  return h(
    'div',
    { class: 'sl-blocks' },
    blocks.map((b) => slackBlock(b, ctx)),
  );
}

const DISCORD_BUTTON_STYLES = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link' };

function discordSelect(select, ctx) {
  const keyOf = (value) => `${ctx.messageId}|${select.custom_id}|${value}`;
  const chosen = () => (select.options ?? []).filter((o) => picks.get(keyOf(o.value))).map((o) => o.value);
  const min = select.min_values ?? 1;
  const max = select.max_values ?? 1;
  const send = h(
    'button',
    {
      type: 'button',
      class: 'dc-btn dc-primary dc-select-send',
      disabled: chosen().length < min || chosen().length > max,
      onclick: () => ctx.click({ action: select.custom_id, values: chosen(), componentType: 'select' }),
    },
    'Send',
  );
  const status = h('span', { class: 'dc-select-count' }, `${chosen().length} of ${max} picked`);
  const refresh = () => {
    const n = chosen().length;
    send.disabled = n < min || n > max;
    status.textContent = `${n} of ${max} picked`;
  };
  return h(
    'div',
    {
      class: 'dc-select',
      role: 'group',
      'aria-label': select.placeholder ?? 'Choose',
      dataset: { action: select.custom_id },
    },
    h('div', { class: 'dc-select-head' }, select.placeholder ?? 'Make a selection', status),
    (select.options ?? []).map((o) =>
      h(
        'label',
        { class: 'dc-option' },
        h('input', {
          type: 'checkbox',
          value: o.value,
          checked: picks.get(keyOf(o.value)) === true,
          onchange: (e) => {
            picks.set(keyOf(o.value), e.target.checked);
            refresh();
          },
        }),
        h('span', {}, o.label ?? o.value),
      ),
    ),
    h('div', { class: 'dc-select-foot' }, send),
  );
}

function discordComponent(c, ctx) {
  if (c.type === 2) {
    const style = DISCORD_BUTTON_STYLES[c.style] ?? 'secondary';
    if (style === 'link') return safeLink(c.url ?? '', c.label);
    return h(
      'button',
      {
        type: 'button',
        class: `dc-btn dc-${style}`,
        disabled: c.disabled,
        dataset: { action: c.custom_id },
        onclick: () => ctx.click({ action: c.custom_id, values: [], componentType: 'button' }),
      },
      c.emoji?.name ? `${c.emoji.name} ` : '',
      c.label ?? '',
    );
  }
  if (c.type === 3) return discordSelect(c, ctx);
  return h('span', { class: 'unsupported' }, `[component ${c.type}]`);
}

function hexColor(n) {
  return typeof n === 'number' ? `#${n.toString(16).padStart(6, '0')}` : undefined;
}

function discordEmbed(e) {
  return h(
    'div',
    { class: 'dc-embed', style: hexColor(e.color) ? `border-left-color: ${hexColor(e.color)}` : undefined },
    e.author?.name ? h('div', { class: 'dc-embed-author' }, e.author.name) : null,
    e.title
      ? h('div', { class: 'dc-embed-title' }, e.url ? safeLink(e.url, e.title) : discordInline(e.title))
      : null,
    e.description ? h('div', { class: 'dc-embed-desc' }, discordMarkdown(e.description)) : null,
    e.fields?.length
      ? h(
          'div',
          { class: 'dc-fields' },
          e.fields.map((f) =>
            h(
              'div',
              { class: `dc-field${f.inline ? ' inline' : ''}` },
              h('div', { class: 'dc-field-name' }, discordMarkdown(f.name)),
              h('div', { class: 'dc-field-value' }, discordMarkdown(f.value)),
            ),
          ),
        )
      : null,
    e.footer?.text || e.timestamp
      ? h(
          'div',
          { class: 'dc-embed-footer' },
          [e.footer?.text, e.timestamp ? discordTime(Date.parse(e.timestamp) / 1000, 'f') : '']
            .filter(Boolean)
            .join(' • '),
        )
      : null,
  );
}

/** A Discord message body: `{content, embeds, components}`. */
export function discordBody(body, ctx) {
  return h(
    'div',
    { class: 'dc-body' },
    body?.content ? h('div', { class: 'dc-content' }, discordMarkdown(body.content)) : null,
    (body?.embeds ?? []).map(discordEmbed),
    (body?.components ?? []).map((row) =>
      h(
        'div',
        { class: 'dc-row' },
        (row.components ?? []).map((c) => discordComponent(c, ctx)),
      ),
    ),
  );
}

// ---- forms (modals): Slack's views.open view and Discord's type-9 modal, as each draws them ----

/** Grows a text area with what it holds, up to the height its CSS allows. */
function autosize(area) {
  const fit = () => {
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 2}px`;
  };
  area.addEventListener('input', fit);
  requestAnimationFrame(fit);
}

/** A text field as either platform draws it: one line, or a text area that grows. */
function textField(attrs, multiline, value) {
  if (!multiline) return h('input', { type: 'text', ...attrs, value: value ?? '' });
  const area = h('textarea', { rows: 3, ...attrs });
  area.value = value ?? '';
  autosize(area);
  return area;
}

let modalSeq = 0;

/** Characters as the platforms count them (code points), for the "n / max" counter. */
const count = (s) => [...s].length;

/**
 * One of Slack's other input elements: a time picker, radio buttons, a static menu, or a menu whose
 * options the app sends as the person types (`suggest(block, action, typed)` asks for them; the
 * person picks one of the answered options, or keeps the one it opened with). Each gives back one
 * field whose `value` (and data-block / data-action-id) is what the page submits.
 */
function slackPicker(el, attrs, value, suggest) {
  const initial = el.initial_option?.value ?? el.initial_time;
  const current = value ?? initial ?? '';
  const data = attrs.dataset;
  if (el.type === 'timepicker')
    return { field: h('input', { type: 'time', ...attrs, value: current }), control: null };
  if (el.type === 'static_select') {
    const select = h(
      'select',
      attrs,
      h('option', { value: '' }, el.placeholder?.text ?? 'Select an option'),
      (el.options ?? []).map((o) =>
        h('option', { value: o.value, selected: o.value === current }, o.text?.text ?? ''),
      ),
    );
    return { field: select, control: null };
  }
  if (el.type === 'radio_buttons') {
    // The group's pick, mirrored in one hidden field that the page submits.
    const hidden = h('input', { type: 'hidden', dataset: data, value: current });
    const group = h(
      'div',
      { class: 'sl-radios', role: 'radiogroup', id: attrs.id, 'aria-describedby': attrs['aria-describedby'] },
      (el.options ?? []).map((o, i) =>
        h(
          'label',
          { class: 'sl-radio' },
          h('input', {
            type: 'radio',
            name: `${attrs.id}-radio`,
            value: o.value,
            checked: o.value === current,
            id: i === 0 ? `${attrs.id}-first` : undefined,
            onchange: () => {
              hidden.value = o.value;
            },
          }),
          ' ',
          o.text?.text ?? '',
        ),
      ),
    );
    return { field: hidden, control: h('div', {}, group, hidden) };
  }
  // external_select: a search box over the options the app answers with.
  const listId = `${attrs.id}-options`;
  const list = h('datalist', { id: listId });
  const fill = (options) =>
    list.replaceChildren(...options.map((o) => h('option', { value: o.value }, o.text?.text ?? o.value)));
  if (el.initial_option) fill([el.initial_option]);
  const input = h('input', {
    type: 'search',
    ...attrs,
    list: listId,
    autocomplete: 'off',
    placeholder: el.placeholder?.text ?? 'Type to search',
    value: current,
  });
  let asked = 0;
  const ask = async () => {
    if (!suggest) return;
    const n = ++asked;
    const options = await suggest(data.block, data.actionId, input.value).catch(() => []);
    if (n === asked) fill(options);
  };
  input.addEventListener('input', ask);
  input.addEventListener('focus', ask, { once: true });
  return { field: input, control: h('div', { class: 'sl-search' }, input, list) };
}

/**
 * A Slack modal: the app's icon and title in the header with a close ×, the blocks (input blocks
 * as labelled fields, others as in a message), and Cancel and the submit button in the footer.
 * `errors` (a `response_action: errors` answer) go under their blocks, by block id.
 */
export function slackModal(view, { errors = {}, failure, values = {}, suggest } = {}) {
  const inputs = [];
  const titleId = `modal-title-${++modalSeq}`;
  const blocks = (view.blocks ?? []).map((block) => {
    if (block.type !== 'input') return slackBlock(block, { messageId: view.id, click: () => {} });
    const el = block.element ?? {};
    const id = `sl-in-${view.id}-${block.block_id}`;
    const error = errors[block.block_id];
    const describedBy = error ? `${id}-error` : block.hint ? `${id}-hint` : undefined;
    const picker =
      el.type === 'plain_text_input'
        ? undefined
        : ['timepicker', 'static_select', 'radio_buttons', 'external_select'].includes(el.type)
          ? slackPicker(
              el,
              {
                id,
                class: 'sl-input',
                required: !block.optional,
                'aria-invalid': error ? 'true' : undefined,
                'aria-describedby': describedBy,
                dataset: { block: block.block_id, actionId: el.action_id },
              },
              values[`${block.block_id}|${el.action_id}`],
              suggest,
            )
          : undefined;
    const field = picker
      ? picker.field
      : el.type === 'plain_text_input'
        ? textField(
            {
              id,
              class: 'sl-input',
              maxlength: el.max_length,
              minlength: el.min_length,
              placeholder: el.placeholder?.text,
              required: !block.optional,
              'aria-invalid': error ? 'true' : undefined,
              'aria-describedby': error ? `${id}-error` : block.hint ? `${id}-hint` : undefined,
              dataset: { block: block.block_id, actionId: el.action_id },
            },
            el.multiline,
            values[`${block.block_id}|${el.action_id}`] ?? el.initial_value,
          )
        : h('span', { class: 'unsupported' }, `[${el.type}]`);
    if (el.type === 'plain_text_input' || picker) inputs.push(field);
    return h(
      'div',
      { class: `sl-input-block${error ? ' has-error' : ''}`, dataset: { block: block.block_id } },
      h(
        'label',
        { class: 'sl-input-label', for: id },
        block.label?.text ?? '',
        block.optional ? h('span', { class: 'sl-optional' }, ' (optional)') : null,
      ),
      picker?.control ?? field,
      block.hint ? h('div', { class: 'sl-input-hint', id: `${id}-hint` }, block.hint.text) : null,
      error ? h('div', { class: 'sl-input-error', id: `${id}-error`, role: 'alert' }, error) : null,
    );
  });
  const form = h(
    'form',
    { class: 'modal-box sl-modal', method: 'dialog', novalidate: true },
    h(
      'header',
      { class: 'modal-head' },
      h('span', { class: 'sl-modal-icon', 'aria-hidden': 'true' }, '📚'),
      h('h2', { class: 'modal-title', id: titleId }, view.title?.text ?? ''),
      h('button', { type: 'button', class: 'modal-x', 'aria-label': 'Close', dataset: { close: '' } }, '×'),
    ),
    h('div', { class: 'modal-body' }, blocks),
    failure ? h('div', { class: 'modal-failure', role: 'alert' }, failure) : null,
    h(
      'footer',
      { class: 'modal-foot' },
      h(
        'button',
        { type: 'button', class: 'sl-btn modal-cancel', dataset: { close: '' } },
        view.close?.text ?? 'Cancel',
      ),
      view.submit
        ? h('button', { type: 'submit', class: 'sl-btn sl-primary modal-submit' }, view.submit.text)
        : null,
    ),
  );
  return { form, inputs, titleId };
}

/**
 * A Discord modal: the title with a close ×, each text input under its upper-case label (a red
 * asterisk when required) with its character count, and Cancel and Submit at the bottom.
 */
export function discordModal(data, { errors = {}, failure, values = {} } = {}) {
  const inputs = [];
  const titleId = `modal-title-${++modalSeq}`;
  const rows = (data.components ?? []).map((row, i) => {
    // A Text Display shows markdown; a Label holds one input under its label and description.
    if (row.type === 10) return h('div', { class: 'dc-text-display' }, discordMarkdown(row.content ?? ''));
    const inLabel = row.type === 18;
    const c = (inLabel ? row.component : row.components?.[0]) ?? {};
    const label = inLabel ? row.label : c.label;
    const id = `dc-in-${i}`;
    const error = errors[c.custom_id];
    const required = c.required !== false;
    const head = h(
      'label',
      { class: 'dc-input-label', for: id },
      label ?? '',
      required ? h('span', { class: 'dc-required', 'aria-hidden': 'true' }, '*') : null,
      error ? h('span', { class: 'dc-input-error', id: `${id}-error`, role: 'alert' }, ` - ${error}`) : null,
    );
    const description =
      inLabel && row.description ? h('div', { class: 'dc-input-description' }, row.description) : null;
    if (c.type === 3) {
      const picked = values[c.custom_id] ?? (c.options ?? []).find((o) => o.default)?.value ?? '';
      const select = h(
        'select',
        {
          id,
          class: 'dc-input',
          required,
          'aria-invalid': error ? 'true' : undefined,
          dataset: { customId: c.custom_id },
        },
        h('option', { value: '' }, c.placeholder ?? 'Make a selection'),
        (c.options ?? []).map((o) =>
          h('option', { value: o.value, selected: o.value === picked }, o.label ?? ''),
        ),
      );
      inputs.push(select);
      return h(
        'div',
        { class: `dc-input-block${error ? ' has-error' : ''}`, dataset: { customId: c.custom_id } },
        head,
        description,
        h('div', { class: 'dc-input-wrap' }, select),
      );
    }
    if (c.type !== 4) return h('div', { class: 'unsupported' }, `[component ${c.type}]`);
    const field = textField(
      {
        id,
        class: 'dc-input',
        maxlength: c.max_length,
        minlength: c.min_length,
        placeholder: c.placeholder,
        required,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': error ? `${id}-error` : undefined,
        dataset: { customId: c.custom_id },
      },
      c.style === 2,
      values[c.custom_id] ?? c.value,
    );
    inputs.push(field);
    const counter = c.max_length
      ? h('span', { class: 'dc-counter', 'aria-hidden': 'true' }, `${count(field.value)}/${c.max_length}`)
      : null;
    if (counter)
      field.addEventListener('input', () => {
        counter.textContent = `${count(field.value)}/${c.max_length}`;
      });
    return h(
      'div',
      { class: `dc-input-block${error ? ' has-error' : ''}`, dataset: { customId: c.custom_id } },
      head,
      description,
      h('div', { class: 'dc-input-wrap' }, field, counter),
    );
  });
  const form = h(
    'form',
    { class: 'modal-box dc-modal', method: 'dialog', novalidate: true },
    h(
      'header',
      { class: 'modal-head' },
      h('span', { class: 'dc-modal-icon', 'aria-hidden': 'true' }, '📚'),
      h('h2', { class: 'modal-title', id: titleId }, data.title ?? ''),
      h('button', { type: 'button', class: 'modal-x', 'aria-label': 'Close', dataset: { close: '' } }, '×'),
    ),
    h('div', { class: 'modal-body' }, rows),
    failure ? h('div', { class: 'modal-failure', role: 'alert' }, failure) : null,
    h(
      'footer',
      { class: 'modal-foot' },
      h('button', { type: 'button', class: 'dc-link-btn modal-cancel', dataset: { close: '' } }, 'Cancel'),
      h('button', { type: 'submit', class: 'dc-btn dc-primary modal-submit' }, 'Submit'),
    ),
  );
  return { form, inputs, titleId };
}

/** What was typed, as the page sends it: Slack by block and action id, Discord by input id. */
export function typedValues(inputs) {
  return inputs.map((el) =>
    el.dataset.customId !== undefined
      ? { id: el.dataset.customId, value: el.value }
      : { block: el.dataset.block, id: el.dataset.actionId, value: el.value },
  );
}
