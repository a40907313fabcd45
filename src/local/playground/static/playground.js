import {
  discordBody,
  discordModal,
  h,
  names,
  slackBody,
  slackModal,
  slackState,
  typedValues,
} from './render.js';

/**
 * The playground page: a channel drawn from the bot's own API calls, a command box, a person
 * switcher and a progress chart. Every action goes to /playground/send, which signs it like the
 * platform would and sends it to the bot's real endpoint.
 */
const state = {
  config: undefined,
  platform: localStorage.getItem('pg.platform') === 'discord' ? 'discord' : 'slack',
  person: localStorage.getItem('pg.person') || 'ada',
  events: [],
  last: 0,
  history: JSON.parse(localStorage.getItem('pg.history') || '[]'),
  historyAt: -1,
  busy: 0,
};

const $ = (id) => document.getElementById(id);
const SHORTCUTS = [
  'quiz',
  'study',
  'leaderboard',
  'leaderboard all',
  'progress',
  'recommend 20 MB documents, results within 30 minutes',
  'help',
];
const AVATAR_COLORS = { ada: '#7c3aed', grace: '#0891b2', linus: '#d97706' };

function person() {
  return state.config.people.find((p) => p.key === state.person) ?? state.config.people[0];
}
function userId() {
  return state.platform === 'slack' ? person().slackUserId : person().discordUserId;
}
function channel() {
  return state.config[state.platform];
}
function nameOfUser(id) {
  const p = state.config.people.find((x) => x.slackUserId === id || x.discordUserId === id);
  return p ? p.name : id;
}

async function api(path, init) {
  const res = await fetch(path, init);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}

async function poll() {
  try {
    const { events: all } = await api(`/playground/events?since=${state.last}`);
    // The interval and a send can poll at once: keep each event once.
    const events = all.filter((e) => e.seq > state.last);
    if (events.length) {
      state.events.push(...events);
      state.last = events[events.length - 1].seq;
      // API calls (users.info, views.open…) show in the request log only: the channel stays as drawn.
      if (events.some((e) => e.kind !== 'call')) renderChannel();
      renderWire();
      // A daily post (from the button, the CLI or the minute pass) moves the next slot on.
      if (events.some((e) => e.kind === 'message' && e.channelId === channel().channelId)) loadDaily();
    }
  } catch {
    // The server may be restarting; the next poll tries again.
  }
}

async function send(payload) {
  state.busy++;
  document.body.classList.add('busy');
  try {
    const result = await api('/playground/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: state.platform, person: state.person, ...payload }),
    });
    state.lastRequest = `${result.request} → ${result.response.status}`;
    if (result.response.status >= 400)
      showError(`The bot answered ${result.response.status}: ${JSON.stringify(result.response.body)}`);
    // A click (or command) the bot answered with a form: it opens on this person's screen.
    if (result.modal) openModal(result.modal);
    else if (result.formRefused)
      showError(
        state.platform === 'slack'
          ? `Slack refused the form the bot sent: ${result.formRefused}`
          : `This interaction failed: Discord refused the form the bot sent: ${result.formRefused}`,
      );
  } catch (err) {
    showError(err.message);
  } finally {
    state.busy--;
    if (!state.busy) document.body.classList.remove('busy');
  }
  await poll();
  loadProgress();
  const changesDaily =
    (payload.text && /^\/studybot\s+(un)?subscribe\b/i.test(payload.text)) ||
    // The unsubscribe confirm's button: the daily post stops.
    /^unsub:/.test(payload.click?.action ?? '');
  if (changesDaily) loadDaily();
}

// ---- forms (modals): drawn as the platform draws them, submitted as the platform submits them ----

/** The form on this person's screen: what the server sent, its dialog and its fields. */
let openForm;

const FIELD = '.sl-input, .dc-input';

/**
 * Draws a form (again, when it comes back with errors or a failure, keeping what was typed) in
 * a modal dialog over the page: Escape, Cancel, the × and a click beside it close it.
 */
function openModal(modal) {
  const again = openForm && openForm.modal.id === modal.id;
  const values = again ? currentValues(openForm) : {};
  if (openForm && !again) closeModal(false);
  const slack = modal.platform === 'slack';
  const person = state.person;
  // A searchable menu asks the bot for its options (Slack's block_suggestion) as the person types.
  const suggest = async (block, action, value) => {
    const { result } = await formRequest(
      { platform: modal.platform, person },
      { suggest: { modal: modal.id, block, action, value } },
    );
    return result.options ?? [];
  };
  const options = { errors: modal.errors, failure: modal.failure, values, suggest };
  const drawn = slack ? slackModal(modal.view, options) : discordModal(modal.data, options);
  const dialog = again ? openForm.dialog : h('dialog', { class: 'pg-dialog' });
  dialog.className = `pg-dialog ${slack ? 'sl-dialog' : 'dc-dialog'}`;
  dialog.dataset.modalId = modal.id;
  dialog.setAttribute('aria-labelledby', drawn.titleId);
  dialog.replaceChildren(drawn.form);
  openForm = {
    modal,
    platform: modal.platform,
    person: state.person,
    dialog,
    inputs: drawn.inputs,
    returnTo: again ? openForm.returnTo : document.activeElement,
  };
  drawn.form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitModal();
  });
  for (const b of drawn.form.querySelectorAll('[data-close]')) b.addEventListener('click', cancelModal);
  if (!again) {
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      cancelModal();
    });
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog) cancelModal();
    });
    document.body.append(dialog);
    dialog.showModal();
  }
  // The first field with an error, else the first field, as both platforms open a form.
  (drawn.form.querySelector(`.has-error :is(${FIELD})`) ?? drawn.inputs[0])?.focus();
}

function currentValues(form) {
  const values = {};
  for (const el of form.inputs) {
    if (el.dataset.customId !== undefined) values[el.dataset.customId] = el.value;
    else values[`${el.dataset.block}|${el.dataset.actionId}`] = el.value;
  }
  return values;
}

/** Takes the form off the screen; the server is told separately, when it needs to be. */
function closeModal(restoreFocus = true) {
  if (!openForm) return;
  const { dialog, returnTo } = openForm;
  openForm = undefined;
  if (dialog.open) dialog.close();
  dialog.remove();
  if (restoreFocus && returnTo?.isConnected) returnTo.focus();
}

async function formRequest(form, body) {
  const res = await fetch('/playground/send', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform: form.platform, person: form.person, ...body }),
  });
  return { status: res.status, result: await res.json().catch(() => ({})) };
}

async function submitModal() {
  const form = openForm;
  if (!form || form.sending) return;
  form.sending = true;
  const button = form.dialog.querySelector('.modal-submit');
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    const { status, result } = await formRequest(form, {
      submit: { modal: form.modal.id, values: typedValues(form.inputs) },
    });
    if (openForm !== form) return;
    if (result.request) state.lastRequest = `${result.request} → ${result.response?.status}`;
    if (result.modal) {
      openModal(result.modal);
    } else {
      closeModal();
      if (status >= 400) showError(result.error || `HTTP ${status}`);
    }
  } catch (err) {
    if (openForm === form) openModal({ ...form.modal, errors: undefined, failure: err.message });
  } finally {
    form.sending = false;
    if (button.isConnected) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }
  state.stickToBottom = true;
  await poll();
}

async function cancelModal() {
  const form = openForm;
  if (!form) return;
  closeModal();
  // Closed on this screen either way; the server forgets it (and tells Slack apps that asked).
  await formRequest(form, { cancel: { modal: form.modal.id } }).catch(() => {});
}

function showError(text) {
  const list = $('messages');
  list.append(h('li', { class: 'msg error', role: 'alert' }, text));
  list.scrollTop = list.scrollHeight;
}

/** Replays the timeline into the messages this person sees in this channel, in order. */
function channelMessages() {
  const byId = new Map();
  const order = [];
  for (const e of state.events) {
    if (e.platform !== state.platform || e.channelId !== channel().channelId) continue;
    if (e.visibleTo && e.visibleTo !== userId()) continue;
    if (e.kind === 'message' || e.kind === 'command') {
      const key = e.messageId ?? `cmd-${e.seq}`;
      const item = { ...e, key, edits: 0 };
      byId.set(key, item);
      order.push(item);
    } else if (e.kind === 'update' && byId.has(e.messageId)) {
      const item = byId.get(e.messageId);
      item.body = e.body;
      item.edits++;
      item.lastVia = e.via;
    } else if (e.kind === 'delete' && byId.has(e.messageId)) {
      byId.get(e.messageId).deleted = true;
    }
  }
  return order.filter((m) => !m.deleted);
}

function time(iso) {
  return new Date(iso).toISOString().slice(11, 16);
}

function renderMessage(m) {
  if (m.kind === 'command') {
    const who = nameOfUser(m.userId);
    return h(
      'li',
      { class: 'cmd', dataset: { kind: 'command' } },
      state.platform === 'discord'
        ? [
            h('span', { class: 'cmd-icon', 'aria-hidden': 'true' }, '↳'),
            h('strong', {}, who),
            ' used ',
            h('code', {}, m.text),
          ]
        : [
            h('strong', {}, who),
            ' ran ',
            h('code', {}, m.text),
            h('span', { class: 'muted' }, ' · only you see this line'),
          ],
    );
  }
  const ephemeral = Boolean(m.visibleTo);
  const ctx = {
    messageId: m.messageId,
    click: (click) => {
      const el = document.querySelector(`[data-message-id="${CSS.escape(m.messageId)}"]`);
      send({
        click: {
          ...click,
          messageId: m.messageId,
          ephemeral,
          ...(state.platform === 'slack' && el ? { state: slackState(el) } : {}),
        },
      });
    },
  };
  const slack = state.platform === 'slack';
  return h(
    'li',
    {
      class: `msg${ephemeral ? ' ephemeral' : ''}`,
      dataset: { messageId: m.messageId, kind: 'message', via: m.via },
      title: `via ${m.via}${m.edits ? `, edited ${m.edits}× via ${m.lastVia}` : ''}`,
    },
    h('div', { class: 'avatar bot', 'aria-hidden': 'true' }, '📚'),
    h(
      'div',
      { class: 'msg-main' },
      h(
        'div',
        { class: 'msg-meta' },
        h('span', { class: 'author' }, 'StudyBot'),
        h('span', { class: 'badge' }, slack ? 'APP' : 'BOT'),
        h('span', { class: 'time' }, time(m.at)),
        m.edits ? h('span', { class: 'edited muted' }, '(edited)') : null,
      ),
      ephemeral && slack ? h('div', { class: 'only-you' }, eye(), 'Only visible to you') : null,
      slack ? slackBody(m.body, ctx) : discordBody(m.body, ctx),
      ephemeral && !slack ? h('div', { class: 'only-you' }, eye(), 'Only you can see this') : null,
    ),
  );
}

function eye() {
  const svg = s('svg', { viewBox: '0 0 16 16', width: 14, height: 14, class: 'eye', 'aria-hidden': 'true' });
  svg.append(
    s('path', {
      d: 'M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5z',
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': 1.4,
    }),
  );
  svg.append(s('circle', { cx: 8, cy: 8, r: 2.2, fill: 'currentColor' }));
  return svg;
}

function renderChannel() {
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const items = channelMessages().slice(-80);
  list.replaceChildren(
    ...(items.length
      ? items.map(renderMessage)
      : [h('li', { class: 'empty muted' }, 'Nothing here yet. Try /studybot quiz below.')]),
  );
  if (atBottom || state.stickToBottom) list.scrollTop = list.scrollHeight;
  state.stickToBottom = false;
}

function renderWire() {
  const calls = state.events
    .filter((e) => e.kind !== 'command')
    .slice(-40)
    .reverse();
  $('wire').replaceChildren(
    ...calls.map((e) =>
      h(
        'li',
        {},
        h('span', { class: `tag ${e.platform}` }, e.platform),
        ' ',
        h('code', {}, e.via),
        e.visibleTo ? h('span', { class: 'muted' }, ` → ${nameOfUser(e.visibleTo)} only`) : '',
      ),
    ),
  );
}

function renderPeople() {
  $('people').replaceChildren(
    ...state.config.people.map((p) =>
      h(
        'button',
        {
          type: 'button',
          role: 'radio',
          class: 'person',
          'aria-checked': String(p.key === state.person),
          dataset: { person: p.key },
          title: p.admin ? `${p.name} can manage the channel` : p.name,
          onclick: () => {
            state.person = p.key;
            localStorage.setItem('pg.person', p.key);
            applySwitches();
          },
        },
        h(
          'span',
          { class: 'avatar small', style: `background:${AVATAR_COLORS[p.key] ?? '#64748b'}` },
          p.name[0],
        ),
        p.name,
      ),
    ),
  );
}

function applySwitches() {
  // A form is on the screen of the person (and in the app) it opened for, not the next one's.
  if (openForm && (openForm.person !== state.person || openForm.platform !== state.platform))
    closeModal(false);
  document.body.className = `theme-${state.platform}`;
  for (const b of document.querySelectorAll('[data-platform]'))
    b.setAttribute('aria-selected', String(b.dataset.platform === state.platform));
  for (const b of document.querySelectorAll('[data-person]'))
    b.setAttribute('aria-checked', String(b.dataset.person === state.person));
  $('channel-name').textContent = `# ${channel().channelName}`;
  $('acting-as').textContent = person().name;
  $('progress-title').textContent = `${person().name}'s progress`;
  state.stickToBottom = true;
  renderChannel();
  loadProgress();
  // The last pass's result was for the other channel (or another moment): start clean.
  $('daily-result').textContent = '';
  loadDaily();
}

// ---- progress: readiness per topic as bars, answers per day as columns (inline SVG) ----

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}
const pct = (x) => `${Math.round(x * 100)}%`;

/**
 * Readiness per topic as rows of HTML, not SVG text: a topic's name is shown whole (it wraps on a
 * narrow screen instead of being cut), with its bar, its readiness and, once seen, its recall.
 */
function readinessChart(topics) {
  const rows = [...topics].sort((a, b) => b.readiness - a.readiness || a.name.localeCompare(b.name));
  return h(
    'ol',
    { class: 'chart readiness', 'aria-label': 'Readiness per topic' },
    rows.map((t) =>
      h(
        'li',
        {
          class: t.seen ? 'seen' : 'unseen',
          dataset: { topic: t.topicId, readiness: t.readiness, recall: t.recall, seen: t.seen },
          title: `${t.name}: readiness ${pct(t.readiness)}, ${t.seen}/${t.total} seen${t.seen ? `, recall ${pct(t.recall)}` : ''}`,
        },
        h('span', { class: 'topic-name' }, t.name),
        h(
          'span',
          {
            class: 'meter',
            role: 'meter',
            'aria-valuenow': Math.round(t.readiness * 100),
            'aria-valuemin': 0,
            'aria-valuemax': 100,
            'aria-label': `${t.name} readiness`,
          },
          h('span', {
            class: 'meter-bar',
            style: `width: ${Math.max(t.readiness > 0 ? 2 : 0, t.readiness * 100)}%`,
          }),
        ),
        h('span', { class: 'topic-value' }, pct(t.readiness)),
        t.seen
          ? h('span', { class: 'topic-detail' }, `recall ${pct(t.recall)} · ${t.seen}/${t.total} seen`)
          : null,
      ),
    ),
  );
}

function answersChart(perDay, today) {
  // The last 7 days up to today, days without answers included, so gaps are visible.
  const counts = new Map(perDay.map((d) => [d.day, d.count]));
  const end = new Date(`${today}T00:00:00Z`);
  const days = Array.from({ length: 7 }, (_, i) =>
    new Date(end.getTime() - (6 - i) * 86_400_000).toISOString().slice(0, 10),
  );
  const max = Math.max(1, ...days.map((d) => counts.get(d) ?? 0));
  const colW = 40;
  const chartH = 90;
  const svg = s('svg', {
    viewBox: `0 0 ${days.length * colW} ${chartH + 34}`,
    class: 'chart per-day',
    role: 'img',
    'aria-label': 'Answers per day',
  });
  days.forEach((day, i) => {
    const n = counts.get(day) ?? 0;
    const hgt = (n / max) * chartH;
    const g = s('g', { 'data-day': day, 'data-count': n });
    g.append(
      s('rect', {
        x: i * colW + 8,
        y: chartH - hgt + 14,
        width: colW - 16,
        height: Math.max(hgt, n ? 2 : 0),
        rx: 3,
        class: 'col',
      }),
    );
    g.append(
      s('line', {
        x1: i * colW + 4,
        x2: (i + 1) * colW - 4,
        y1: chartH + 14,
        y2: chartH + 14,
        class: 'axis',
      }),
    );
    if (n)
      g.append(
        s(
          'text',
          { x: i * colW + colW / 2, y: chartH - hgt + 10, 'text-anchor': 'middle', class: 'value' },
          String(n),
        ),
      );
    const label = new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
      weekday: 'short',
      timeZone: 'UTC',
    });
    g.append(
      s(
        'text',
        { x: i * colW + colW / 2, y: chartH + 30, 'text-anchor': 'middle', class: 'label' },
        day === today ? 'Today' : label,
      ),
    );
    g.append(s('title', {}, `${day}: ${n} answer${n === 1 ? '' : 's'}`));
    svg.append(g);
  });
  return svg;
}

let progressSeq = 0;
async function loadProgress() {
  const mine = ++progressSeq;
  try {
    const p = await api(`/playground/progress?platform=${state.platform}&person=${state.person}`);
    if (mine !== progressSeq) return;
    const tile = (label, value) =>
      h(
        'div',
        { class: 'tile' },
        h('div', { class: 'tile-value' }, value),
        h('div', { class: 'tile-label' }, label),
      );
    $('progress').replaceChildren(
      h(
        'div',
        { class: 'tiles' },
        tile('Readiness', pct(p.readiness)),
        tile('Points', String(p.score)),
        tile('Streak', String(p.streak)),
        tile('Due', String(p.due)),
      ),
      h('h3', {}, 'Answers per day'),
      answersChart(p.answersPerDay, p.today),
      h('h3', {}, 'Readiness per topic'),
      readinessChart(p.topics),
    );
  } catch (err) {
    $('progress').replaceChildren(h('p', { class: 'muted' }, `Progress is unavailable: ${err.message}`));
  }
}

// ---- composer ----

function submitCommand(text) {
  const clean = text.trim();
  if (!clean) return;
  const full = clean.startsWith('/') ? clean : `/studybot ${clean}`;
  state.history = [full, ...state.history.filter((x) => x !== full)].slice(0, 30);
  localStorage.setItem('pg.history', JSON.stringify(state.history));
  state.historyAt = -1;
  state.stickToBottom = true;
  send({ text: full });
}

function setupComposer() {
  const input = $('command');
  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    submitCommand(input.value);
    input.value = '/studybot ';
  });
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    state.historyAt = Math.max(
      -1,
      Math.min(state.history.length - 1, state.historyAt + (e.key === 'ArrowUp' ? 1 : -1)),
    );
    input.value = state.historyAt < 0 ? '/studybot ' : state.history[state.historyAt];
  });
  $('chips').replaceChildren(
    ...SHORTCUTS.map((sub) =>
      h(
        'button',
        {
          type: 'button',
          class: 'chip',
          dataset: { command: sub },
          title: `/studybot ${sub}`,
          onclick: () => submitCommand(`/studybot ${sub}`),
        },
        sub.startsWith('recommend') ? 'recommend…' : sub,
      ),
    ),
  );
}

// ---- daily post: the channel's next slot, and one scheduler pass at it ----

let dailySeq = 0;
async function loadDaily() {
  if (!$('daily').open) return;
  const mine = ++dailySeq;
  try {
    const d = await api(`/playground/daily?platform=${state.platform}`);
    if (mine !== dailySeq) return;
    $('daily-command').textContent = d.command ?? `Nothing to run yet. ${d.status}`;
    $('daily-run').disabled = !d.command;
    $('daily').dataset.next = d.next ?? '';
  } catch (err) {
    $('daily-command').textContent = `Unavailable: ${err.message}`;
  }
}

async function runDaily() {
  const button = $('daily-run');
  button.disabled = true;
  $('daily-result').textContent = 'Running one pass…';
  try {
    const res = await fetch('/playground/daily/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: state.platform }),
    });
    const d = await res.json().catch(() => ({}));
    if (!res.ok) {
      $('daily-result').textContent = d.error || `HTTP ${res.status}`;
    } else {
      const s = d.summary ?? {};
      const when = new Date(d.at).toISOString().slice(0, 16).replace('T', ' ');
      $('daily-result').textContent =
        `Pass at ${when} UTC: ${s.posted ?? 0} posted${s.skipped ? `, ${s.skipped} skipped` : ''}${s.failed ? `, ${s.failed} failed` : ''}.`;
    }
  } catch (err) {
    $('daily-result').textContent = err.message;
  } finally {
    button.disabled = false;
  }
  state.stickToBottom = true;
  await poll();
  loadDaily();
}

/** The top bar wraps on a narrow screen; the channel below it fills the rest of the screen. */
function trackTopbar() {
  const bar = document.querySelector('.topbar');
  const set = () => document.body.style.setProperty('--top-h', `${bar.offsetHeight}px`);
  new ResizeObserver(set).observe(bar);
  set();
}

async function start() {
  state.config = await api('/playground/config');
  names.user = nameOfUser;
  names.channel = (id) =>
    [state.config.slack, state.config.discord].find((c) => c.channelId === id)?.channelName ?? id;
  trackTopbar();
  $('daily').addEventListener('toggle', loadDaily);
  $('daily-run').addEventListener('click', runDaily);
  $('daily-subscribe').addEventListener('click', (e) => {
    $('command').value = `/studybot ${e.currentTarget.dataset.command}`;
    $('command').focus();
  });
  for (const b of document.querySelectorAll('[data-platform]')) {
    b.addEventListener('click', () => {
      state.platform = b.dataset.platform;
      localStorage.setItem('pg.platform', state.platform);
      applySwitches();
    });
  }
  $('refresh-progress').addEventListener('click', loadProgress);
  renderPeople();
  setupComposer();
  await poll();
  applySwitches();
  document.body.dataset.ready = 'true';
  setInterval(poll, 1000);
}

start();
