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

const SLACK_RULES = [
  { re: /`([^`\n]+)`/, build: (m) => h('code', {}, decodeSlack(m[1])) },
  {
    re: /<((?:https?|mailto):[^|>]+)(?:\|([^>]+))?>/,
    build: (m) => safeLink(decodeSlack(m[1]), m[2] ? decodeSlack(m[2]) : undefined),
  },
  { re: /<@([A-Z0-9]+)>/, build: (m) => h('span', { class: 'mention' }, `@${m[1]}`) },
  { re: /<#[A-Z0-9]+\|([^>]+)>/, build: (m) => h('span', { class: 'mention' }, `#${decodeSlack(m[1])}`) },
  { re: /(?<![\w*])\*([^*\n]+?)\*(?![\w*])/, build: (m, inner) => h('strong', {}, inner(m[1])) },
  { re: /(?<![\w_])_([^_\n]+?)_(?![\w_])/, build: (m, inner) => h('em', {}, inner(m[1])) },
  { re: /(?<![\w~])~([^~\n]+?)~(?![\w~])/, build: (m, inner) => h('s', {}, inner(m[1])) },
];

const DISCORD_RULES = [
  { re: /`([^`\n]+)`/, build: (m) => h('code', {}, m[1]) },
  { re: /\[([^\]]+)\]\((https?:[^)\s]+)\)/, build: (m) => safeLink(m[2], m[1]) },
  { re: /\*\*([^\n]+?)\*\*/, build: (m, inner) => h('strong', {}, inner(m[1])) },
  { re: /__([^\n]+?)__/, build: (m, inner) => h('u', {}, inner(m[1])) },
  { re: /(?<![\w_])_([^_\n]+?)_(?![\w_])/, build: (m, inner) => h('em', {}, inner(m[1])) },
  { re: /(?<![\w*])\*([^*\n]+?)\*(?![\w*])/, build: (m, inner) => h('em', {}, inner(m[1])) },
  { re: /~~([^\n]+?)~~/, build: (m, inner) => h('s', {}, inner(m[1])) },
  { re: /https?:\/\/[^\s<>)]+/, build: (m) => safeLink(m[0]) },
];

export const slackMrkdwn = (text) => inline(text, SLACK_RULES, decodeSlack);
export const discordMarkdown = (text) => inline(text, DISCORD_RULES, (s) => s);

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
    { class: 'dc-select', role: 'group', 'aria-label': select.placeholder ?? 'Choose' },
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
    e.title ? h('div', { class: 'dc-embed-title' }, discordMarkdown(e.title)) : null,
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
    e.footer?.text ? h('div', { class: 'dc-embed-footer' }, e.footer.text) : null,
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
