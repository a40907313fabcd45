/// <reference lib="dom" />
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { content, type Question, questionsById } from '../../src/content/index.ts';
import { pointsFor } from '../../src/engines/leaderboard/rules.ts';
import { DEV_SECRETS } from '../../src/local/dev-secrets.ts';
import { type LocalBot, startLocalBot } from '../../src/local/local-bot.ts';

/**
 * The playground in a real browser (Debian's Chromium through playwright-core): what a person
 * does right after `npm start`. Every click goes through the bot's signed endpoints; screenshots
 * of each step are kept in test-artifacts/playground/, and of both views at desktop and phone width
 * as slack-1400.png, discord-1400.png, slack-390.png and discord-390.png.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'playground');
// A fixed start that moves with real time: signatures stay fresh and the screenshots stable.
// 2026-03-02 is a Monday.
const T0 = Date.parse('2026-03-02T09:00:00Z');
const DESKTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 844 };
const LETTERS = ['A', 'B', 'C', 'D', 'E'];

if (!hasChromium) {
  if (process.env.CI)
    throw new Error(`${CHROMIUM} is missing; .ci/run installs it (apt-get install chromium).`);
  console.warn(
    `Skipping the playground browser test: ${CHROMIUM} is not installed (apt-get install chromium).`,
  );
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const WORKLOAD = '20 MB documents, results within 30 minutes, 500 a day';

describe.skipIf(!hasChromium)('the playground in Chromium', () => {
  let bot: LocalBot;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let dataDir: string;
  let shot = 0;
  /** Every response of 400 or more the page got (a missing favicon, a refused send). */
  const failed: string[] = [];

  beforeAll(async () => {
    const started = Date.now();
    // A data folder of its own, as `npm start` has: it is where `studybot daily run` finds the server.
    dataDir = mkdtempSync(join(tmpdir(), 'studybot-playground-'));
    const config = loadConfig(
      { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'error' },
      { devDefaults: DEV_SECRETS },
    );
    bot = await startLocalBot(config, {
      playground: true,
      now: () => new Date(T0 + Date.now() - started),
    });
    expect(bot.playground).toBe(true);
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'studybot-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: DESKTOP,
      timezoneId: 'UTC',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    page.on('response', (res) => {
      if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
    });
    await page.goto(bot.url);
    await page.locator('body[data-ready="true"]').waitFor();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await bot?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  // A failed step leaves a picture of what the page showed.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    await screenshot(`failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    // A form left open would keep the next test from the page behind it.
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('dialog')) d.remove();
    });
  });

  async function screenshot(name: string): Promise<void> {
    shot++;
    await page.screenshot({ path: join(ARTIFACTS, `${String(shot).padStart(2, '0')}-${name}.png`) });
  }

  async function run(command: string): Promise<void> {
    await page.locator('#command').fill(command);
    await page.locator('#command').press('Enter');
  }

  async function actAs(name: string): Promise<void> {
    await page.getByRole('radio', { name }).click();
  }

  async function view(platform: 'Slack' | 'Discord'): Promise<void> {
    await page.getByRole('tab', { name: platform }).click();
    await expect
      .poll(() => page.locator('body').getAttribute('class'))
      .toContain(`theme-${platform.toLowerCase()}`);
  }

  /** The channel's questions (not private messages), newest last. */
  const questions = (): Locator =>
    page.locator('li.msg:not(.ephemeral)').filter({ has: page.locator('[data-action^="q:"]') });
  const latestQuestion = (): Locator => questions().last();
  const privateMessages = (): Locator => page.locator('li.msg.ephemeral');

  async function questionOf(message: Locator): Promise<Question> {
    const action = (await message.locator('[data-action^="q:"]').first().getAttribute('data-action'))!;
    const [, , questionId] = action.split(':');
    return questionsById.get(questionId!)!;
  }

  /** Reads the question id from the buttons and picks its right (or a wrong) answer, whatever its type. */
  async function answer(question: Locator, options: { correctly: boolean }): Promise<number> {
    const q = await questionOf(question);
    const chosen = options.correctly
      ? q.answer
      : q.choices
          .map((c) => c.id)
          .filter((id) => !q.answer.includes(id))
          .slice(0, q.answer.length);
    if (q.type === 'single') {
      await question.locator(`[data-action$=":${chosen[0]}"]`).click();
    } else {
      for (const id of chosen) await question.locator(`input[type=checkbox][value="${id}"]`).check();
      // Slack: the submit button carries the picker's action id; Discord: the select's Send.
      await question.locator('.sl-btn.sl-primary, .dc-select-send').click();
    }
    return pointsFor(q.difficulty, options.correctly);
  }

  async function waitForText(locator: Locator, text: string | RegExp): Promise<Locator> {
    const match = locator.filter({ hasText: text }).last();
    await match.waitFor();
    return match;
  }

  /** Runs a command and waits for one more of `messages`: the newest is the answer to it. */
  async function runForNew(command: string, messages: () => Locator): Promise<Locator> {
    const before = await messages().count();
    await run(command);
    await expect.poll(() => messages().count()).toBeGreaterThan(before);
    return messages().last();
  }

  /** The recall the bot's `/studybot progress` states for a topic, in percent (undefined: not listed). */
  async function recallInProgressMessage(topicName: string): Promise<number | undefined> {
    const message = await runForNew('/studybot progress', () =>
      privateMessages().filter({ hasText: 'Your progress' }),
    );
    const text = (await message.textContent()) ?? '';
    const m = new RegExp(`${escapeRegExp(topicName)} — [^\n]*?recall (\\d+)%`).exec(text);
    return m ? Number(m[1]) : undefined;
  }

  /** The recall the page's own progress chart shows for a topic (0..1), once it has been seen. */
  async function recallInChart(topicId: string): Promise<number> {
    await page.locator('#refresh-progress').click();
    const row = page.locator(`ol.readiness li.seen[data-topic="${topicId}"]`);
    await row.waitFor();
    return Number(await row.getAttribute('data-recall'));
  }

  /**
   * Every choice of the question, in full, under a letter of its own, as the person reads the
   * message (the bot shuffles the choices of each post, so any letter).
   */
  async function expectEveryChoiceInFull(message: Locator, q: Question): Promise<void> {
    const text = squash((await message.textContent()) ?? '');
    expect(text).toContain(squash(q.prompt));
    const letters = q.choices.map((c) => {
      const shown = new RegExp(`([A-E])\\. ${escapeRegExp(squash(c.text))}`).exec(text);
      expect(shown, `choice "${c.text}" of ${q.id}`).not.toBeNull();
      return shown![1];
    });
    expect(new Set(letters), q.id).toEqual(new Set(LETTERS.slice(0, q.choices.length)));
  }

  it('loads without a failed request: the favicon is served', async () => {
    expect(failed).toEqual([]);
    const icon = await page.request.get(`${bot.url}/favicon.ico`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toBe('image/svg+xml');
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
  });

  it('posts a quiz, takes one private answer, and counts it on the shared question (Slack)', async () => {
    await screenshot('empty-slack');
    await run('/studybot quiz');
    const question = latestQuestion();
    await waitForText(question, '0 answered');
    await screenshot('quiz-posted');

    const points = await answer(question, { correctly: true });
    const feedback = await waitForText(privateMessages(), 'Correct');
    expect(await feedback.textContent()).toContain('Only visible to you');
    await waitForText(latestQuestion(), '1 answered');
    await screenshot('ada-answered');

    await run('/studybot leaderboard');
    await waitForText(privateMessages(), `ada — ${points} pt`);
    await screenshot('leaderboard-ada');
  });

  it('another person sees none of the first one’s private messages, and their answer counts too', async () => {
    await actAs('Grace');
    await expect.poll(() => privateMessages().filter({ hasText: 'Correct' }).count()).toBe(0);
    const points = await answer(latestQuestion(), { correctly: true });
    await waitForText(privateMessages(), 'Correct');
    await waitForText(latestQuestion(), '2 answered');
    await screenshot('grace-answered');

    await run('/studybot leaderboard');
    const board = await waitForText(privateMessages(), `grace — ${points} pt`);
    expect(await board.textContent()).toMatch(/ada — \d+ pts?/i);
    await screenshot('leaderboard-two-people');
  });

  it('answering the same question twice counts once', async () => {
    await answer(latestQuestion(), { correctly: false });
    const again = await waitForText(privateMessages(), 'Your first answer stands');
    expect(await again.textContent()).toContain('0 (already answered)');
    // One reply for the repeat (counting only it: other replies may still be arriving by poll).
    expect(await privateMessages().filter({ hasText: 'Your first answer stands' }).count()).toBe(1);
    // The shared count has not moved.
    expect(await latestQuestion().textContent()).toContain('2 answered');
    await screenshot('answered-twice');
  });

  it('does the same on the Discord view: embed, buttons, private answer, edited count', async () => {
    await view('Discord');
    await run('/studybot quiz');
    const question = latestQuestion();
    await waitForText(question, '0 answered');
    await screenshot('discord-quiz-posted');
    await answer(question, { correctly: true });
    const feedback = await waitForText(privateMessages(), 'Correct');
    expect(await feedback.textContent()).toContain('Only you can see this');
    await waitForText(latestQuestion(), '1 answered');
    await screenshot('discord-answered');
  });

  it('shows the person’s progress as a chart: readiness per topic and answers per day', async () => {
    await page.locator('#refresh-progress').click();
    await page.locator('ol.readiness li.seen').first().waitFor();
    expect(await page.locator('ol.readiness li.seen').count()).toBe(1);
    expect(await page.locator('svg.per-day g[data-count="1"]').count()).toBe(1);
    await run('/studybot progress');
    await waitForText(privateMessages(), 'Your progress');
    await screenshot('discord-progress');

    // Back on Slack, Grace's progress counts her one channel answer there.
    await view('Slack');
    await page.locator('svg.per-day g[data-count="1"]').waitFor();
    await screenshot('slack-progress');
  });

  it('names every topic in full in the progress chart, on both views', async () => {
    for (const platform of ['Slack', 'Discord'] as const) {
      await view(platform);
      await page.locator('ol.readiness li').first().waitFor();
      const rows = await page.locator('ol.readiness li').evaluateAll((lis) =>
        lis.map((li) => {
          const name = li.querySelector('.topic-name') as HTMLElement;
          return {
            topic: li.getAttribute('data-topic'),
            text: name.textContent,
            cut: name.scrollWidth > name.clientWidth + 1 || name.scrollHeight > name.clientHeight + 1,
          };
        }),
      );
      expect(rows).toHaveLength(content.topics.length);
      for (const row of rows) {
        const topic = content.topics.find((t) => t.id === row.topic)!;
        expect({ text: row.text, cut: row.cut }, platform).toEqual({ text: topic.name, cut: false });
      }
    }
  });

  for (const [platform, topicId, person] of [
    ['Slack', 'neo-edge', 'Linus'],
    ['Discord', 'deployment-targets', 'Linus'],
  ] as const) {
    it(`shows every choice of a question in full, and a wrong answer lowers that topic’s recall (${platform})`, async () => {
      const topic = content.topics.find((t) => t.id === topicId)!;
      await view(platform);
      await actAs(person);

      // A right answer first: the topic is seen, its recall high.
      const first = await runForNew(`/studybot quiz ${topicId}`, questions);
      const q1 = await questionOf(first);
      expect(q1.topic).toBe(topicId);
      await expectEveryChoiceInFull(first, q1);
      await answer(first, { correctly: true });
      await waitForText(privateMessages(), 'Correct');
      const recallBefore = await recallInProgressMessage(topic.name);
      const chartBefore = await recallInChart(topicId);
      expect(recallBefore).toBeDefined();
      await screenshot(`${platform.toLowerCase()}-right-answer-progress`);

      // Then a wrong one in the same topic.
      const second = await runForNew(`/studybot quiz ${topicId}`, questions);
      const q2 = await questionOf(second);
      expect(q2.topic).toBe(topicId);
      expect(q2.id).not.toBe(q1.id);
      await expectEveryChoiceInFull(second, q2);
      await answer(second, { correctly: false });
      await waitForText(privateMessages(), 'The answer:');
      const recallAfter = await recallInProgressMessage(topic.name);
      await screenshot(`${platform.toLowerCase()}-wrong-answer-progress`);
      // A card just answered wrong is not recalled: the topic's recall drops below where it was.
      expect(recallAfter).toBeLessThan(100);
      expect(recallAfter).toBeLessThan(recallBefore!);
      const chartAfter = await recallInChart(topicId);
      expect(chartAfter).toBeLessThan(1);
      expect(chartAfter).toBeLessThan(chartBefore);
    });
  }

  it('draws the bot’s progress bars (█/░ in inline code) as even monospace cells', async () => {
    for (const platform of ['Discord', 'Slack'] as const) {
      await view(platform);
      const message = privateMessages().filter({ hasText: 'Your progress' }).last();
      await message.waitFor();
      const bars = await message.locator('code .blocks').evaluateAll((els) =>
        els.map((el) => ({
          text: el.textContent,
          cells: [...el.querySelectorAll('.cell')].map((c) => {
            const r = c.getBoundingClientRect();
            return { w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10, top: r.top };
          }),
        })),
      );
      expect(bars.length, platform).toBeGreaterThan(0);
      for (const bar of bars) {
        expect(bar.text).toMatch(/^[█░]{10}$/);
        expect(bar.cells).toHaveLength(10);
        // One width, one height, one row: a bar, not glyphs of different fonts.
        expect(new Set(bar.cells.map((c) => c.w)).size).toBe(1);
        expect(new Set(bar.cells.map((c) => c.h)).size).toBe(1);
        expect(new Set(bar.cells.map((c) => Math.round(c.top))).size).toBe(1);
        expect(bar.cells[0]!.w).toBeGreaterThan(4);
      }
    }
  });

  it('/studybot with nothing after it shows the help, on both views', async () => {
    for (const platform of ['Slack', 'Discord'] as const) {
      await view(platform);
      const help = await runForNew('/studybot', () => privateMessages().filter({ hasText: 'Commands' }));
      expect(await help.textContent()).toMatch(/\/studybot quiz \[topic\]/);
    }
  });

  it('a recommend text over 4,000 characters gets the bot’s own answer about the limit', async () => {
    const long = `recommend ${'20 MB documents, results within 30 minutes, 500 a day. '.repeat(80)}`;
    expect(long.length).toBeGreaterThan(4_000);
    for (const platform of ['Slack', 'Discord'] as const) {
      await view(platform);
      const reply = await runForNew(`/studybot ${long}`, () =>
        privateMessages().filter({ hasText: 'at most 4,000 characters' }),
      );
      expect(await reply.textContent()).toMatch(/at most 4,000 characters/);
      expect(await page.locator('li.msg.error').count()).toBe(0);
    }
  });

  it('the daily-post hint runs a pass that posts: its command, and its button', async () => {
    await view('Slack');
    await actAs('Ada');
    await run('/studybot subscribe 09:30 UTC daily');
    await waitForText(page.locator('li.msg'), 'Daily question at 09:30 UTC');
    await page.locator('#daily summary').click();
    // The hint names the channel's next slot, so running it posts (a time in the past would not).
    await expect.poll(() => page.locator('#daily-command').textContent()).toContain('--at');
    const hint = (await page.locator('#daily-command').textContent())!.trim();
    expect(hint).toBe('npx studybot daily run --at 2026-03-02T09:30:00Z');
    // The real CLI, as a person would run it next to `npm start`, with the arguments the page shows.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['bin/studybot.mjs', ...hint.split(' ').slice(2)],
      {
        cwd: process.cwd(),
        env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'error' },
        timeout: 30_000,
      },
    );
    expect(stdout).toContain('via the running local server');
    expect(stdout).toContain('1 posted');
    const daily = await waitForText(page.locator('li.msg:not(.ephemeral)'), 'Question of the day');
    expect(await daily.getAttribute('data-via')).toBe('chat.postMessage');
    await daily.scrollIntoViewIfNeeded();
    await screenshot('daily-post');
    // The hint moves on to the following day's slot.
    await expect.poll(() => page.locator('#daily-command').textContent()).toContain('2026-03-03T09:30:00Z');

    // On Discord, the button runs the pass for that channel's next slot.
    await view('Discord');
    await run('/studybot subscribe 10:00 UTC weekdays');
    await waitForText(page.locator('li.msg'), 'Daily question at 10:00 UTC');
    await expect.poll(() => page.locator('#daily-command').textContent()).toContain('2026-03-02T10:00:00Z');
    await page.getByRole('button', { name: 'Run the daily pass now' }).click();
    await expect.poll(() => page.locator('#daily-result').textContent()).toContain('1 posted');
    const discordDaily = await waitForText(page.locator('li.msg:not(.ephemeral)'), 'Question of the day');
    await expectEveryChoiceInFull(discordDaily, await questionOf(discordDaily));
    await screenshot('discord-daily-post');
  }, 60_000);

  it('draws the markup the bot sends as each platform does', async () => {
    const at = Date.parse('2026-03-03T09:00:00Z') / 1000;
    // The page's own renderer, as a module of its own (vitest would rewrite an import() written here).
    await page.addScriptTag({
      type: 'module',
      content: "import * as r from '/playground/static/render.js'; window.pgRender = r;",
    });
    await page.waitForFunction(() => 'pgRender' in window);
    const drawn = await page.evaluate((unix) => {
      const r = (
        window as unknown as { pgRender: Record<'discordMarkdown' | 'slackMrkdwn', (text: string) => Node> }
      ).pgRender;
      const html = (frag: Node) => {
        const div = document.createElement('div');
        div.append(frag);
        return div;
      };
      const discord = html(
        r.discordMarkdown(
          `**A.** Load testing\n_Answers close <t:${unix}:f>._\n\\*not italic\\*\n\`\`\`\nfirst line\n\`\`\`\n- a point\n> quoted`,
        ),
      );
      const slack = html(
        r.slackMrkdwn(
          `*A.* Load testing\n_Answers close <!date^${unix}^{date_short_pretty} at {time}|2026-03-03 09:00 UTC>._\n&gt; quoted &amp; kept`,
        ),
      );
      return {
        discord: {
          bold: discord.querySelector('strong')?.textContent,
          italicTime: discord.querySelector('em time')?.textContent,
          text: discord.textContent,
          code: discord.querySelector('pre')?.textContent,
          bullet: discord.querySelector('.dc-li')?.textContent,
          quote: discord.querySelector('blockquote')?.textContent,
        },
        slack: {
          bold: slack.querySelector('strong')?.textContent,
          italicTime: slack.querySelector('em time')?.textContent,
          quote: slack.querySelector('blockquote')?.textContent,
        },
      };
    }, at);
    expect(drawn.discord).toMatchObject({
      bold: 'A.',
      // The reader's own time zone: UTC in this browser.
      italicTime: 'March 3, 2026 at 9:00 AM',
      code: 'first line',
      bullet: 'a point',
      quote: 'quoted',
    });
    expect(drawn.discord.text).toContain('*not italic*');
    expect(drawn.slack).toMatchObject({ bold: 'A.', quote: 'quoted & kept' });
    expect(drawn.slack.italicTime).toMatch(/^(Mar 3, 2026|Today|Tomorrow|Yesterday) at 9:00 AM$/);
  });

  it('shows what people type as text, never as markup (the bot echoes input)', async () => {
    const typed = '<img src=x onerror="document.body.dataset.pwned=1">';
    await run(`/studybot quiz ${typed}`);
    // The bot clips the topic it quotes; the start is enough to see it came back as text.
    await waitForText(privateMessages(), '"<img src=x onerror=');
    expect(await page.locator('#messages img').count()).toBe(0);
    expect(await page.locator('body').getAttribute('data-pwned')).toBeNull();
  });

  /** Something in the box of `inner` that is not inside `inner`: what covers it. */
  async function coveredBy(inner: Locator): Promise<string | null> {
    return inner.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit && (el === hit || el.contains(hit)) ? null : (hit?.outerHTML.slice(0, 80) ?? 'nothing');
    });
  }

  /** The person's private recommendations (they carry the Adjust button), newest last. */
  const recommendations = (): Locator =>
    privateMessages().filter({ has: page.locator('[data-action^="adjust:"]') });
  /** The open form, by the title both platforms show for it. */
  const form = (): Locator => page.getByRole('dialog', { name: 'Adjust the workload' });
  /** What the recommendation recommends: its first line (Slack's header, Discord's embed title). */
  const verdict = async (message: Locator): Promise<string> =>
    squash(
      (await message
        .locator('.sl-header, .sl-section, .dc-embed-title, .dc-embed-desc')
        .first()
        .textContent()) ?? '',
    );

  /** Runs the recommend command, then opens the Adjust form of its answer. */
  async function openAdjustForm(): Promise<{ message: Locator; messageId: string }> {
    const answer = await runForNew(`/studybot recommend ${WORKLOAD}`, recommendations);
    const messageId = (await answer.getAttribute('data-message-id'))!;
    const message = page.locator(`li.msg[data-message-id="${messageId}"]`);
    await message.locator('[data-action^="adjust:"]').click();
    await form().waitFor();
    return { message, messageId };
  }

  /** The two fields the bot's form has, found by their labels as a person finds them. */
  const workloadField = () => form().getByLabel('Your workload, in your words');
  const readField = () => form().getByLabel(/What I read/);

  /** The correction the brief asks for: 2 MB instead of 20, answered within a second. */
  async function correctThePayload(): Promise<void> {
    const read = await readField().inputValue();
    expect(read).toMatch(/^payload=20MB$/m);
    // As a person edits: the payload line, and the time line (or a new one if none was read).
    const edited = read.replace(/^payload=20MB$/m, 'payload=2MB');
    await readField().fill(
      /^latency=/m.test(edited) ? edited.replace(/^latency=.*$/m, 'latency=1s') : `${edited}\nlatency=1s`,
    );
  }

  /** Submits the form and waits for it to close and the answer to be replaced in place. */
  async function submitAndSeeReplaced(message: Locator, before: string): Promise<void> {
    const count = await recommendations().count();
    await form().locator('.modal-submit').click();
    await form().waitFor({ state: 'detached' });
    await expect.poll(() => verdict(message)).toMatch(/real-time/i);
    expect(before).toMatch(/asynchronous/i);
    expect(await verdict(message)).not.toMatch(/asynchronous/i);
    // The same message, replaced: no second recommendation beside it.
    expect(await recommendations().count()).toBe(count);
    expect(await page.locator('li.msg.error').count()).toBe(0);
  }

  for (const platform of ['Slack', 'Discord'] as const) {
    it(`opens the Adjust form pre-filled, and its submission replaces the answer (${platform})`, async () => {
      await view(platform);
      await actAs('Grace');
      const { message } = await openAdjustForm();
      const before = await verdict(message);
      const dialog = form();
      // As each app draws a form: its title, the labelled fields pre-filled, Cancel and submit.
      await expect.poll(() => dialog.locator('.modal-title').textContent()).toBe('Adjust the workload');
      expect(await workloadField().inputValue()).toBe(WORKLOAD);
      expect(await readField().inputValue()).toMatch(/^payload=20MB$/m);
      expect(await readField().inputValue()).toMatch(/^latency=30min$/m);
      expect(await dialog.getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
      const submit = platform === 'Slack' ? 'Decide again' : 'Submit';
      expect(await dialog.locator('.modal-submit').textContent()).toBe(submit);
      // The first field has the focus, and the page behind cannot be clicked.
      expect(await workloadField().evaluate((el) => el === document.activeElement)).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `adjust-form-${platform.toLowerCase()}.png`) });

      // Escape closes it, as Cancel does; nothing changes, and Adjust opens it again.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await verdict(message)).toBe(before);
      await message.locator('[data-action^="adjust:"]').click();
      await dialog.waitFor();

      // A required field left empty: the app's own form says so and sends nothing.
      await workloadField().fill('');
      await dialog.locator('.modal-submit').click();
      await expect
        .poll(() => dialog.locator('[role="alert"]').first().textContent())
        .toMatch(platform === 'Slack' ? /Please complete this required field/ : /This field is required/);
      expect(await workloadField().evaluate((el) => el === document.activeElement)).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `adjust-form-${platform.toLowerCase()}-required.png`) });
      await workloadField().fill(WORKLOAD);

      await correctThePayload();
      await submitAndSeeReplaced(message, before);
      // The replaced answer from its top: what it recommends now, and that it was edited.
      await message.evaluate((el) => {
        const list = el.closest('.messages') as HTMLElement;
        list.scrollTop = el.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
      });
      await screenshot(`${platform.toLowerCase()}-adjusted`);
    });
  }

  for (const platform of ['Slack', 'Discord'] as const) {
    it(`the Adjust form works at phone width (390 px) on ${platform}: the whole form on screen`, async () => {
      await page.setViewportSize(PHONE);
      try {
        await view(platform);
        await actAs('Linus');
        const { message } = await openAdjustForm();
        const before = await verdict(message);
        const box = (await form().boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
        expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
        for (const control of [
          workloadField(),
          readField(),
          form().getByRole('button', { name: 'Cancel' }),
          form().locator('.modal-submit'),
        ]) {
          const r = (await control.boundingBox())!;
          expect(r.x).toBeGreaterThanOrEqual(0);
          expect(r.x + r.width).toBeLessThanOrEqual(PHONE.width);
          await control.scrollIntoViewIfNeeded();
          expect(await coveredBy(control)).toBeNull();
        }
        await page.screenshot({ path: join(ARTIFACTS, `adjust-form-${platform.toLowerCase()}-390.png`) });
        await correctThePayload();
        await submitAndSeeReplaced(message, before);
      } finally {
        await page.setViewportSize(DESKTOP);
      }
    });
  }

  for (const platform of ['Slack', 'Discord'] as const) {
    it(`works at phone width (390 px) on ${platform}: the channel is full width, its buttons uncovered`, async () => {
      await page.setViewportSize(PHONE);
      try {
        await view(platform);
        await actAs('Grace');
        const channel = await page.locator('section.channel').boundingBox();
        expect(channel!.width).toBeGreaterThanOrEqual(PHONE.width - 2);
        // The progress panel is below the channel, not over it.
        const side = await page.locator('aside.side').boundingBox();
        expect(side!.y).toBeGreaterThanOrEqual(channel!.y + channel!.height - 1);
        // Everyone to switch to is on the screen.
        for (const name of ['Ada', 'Grace', 'Linus']) {
          const box = await page.getByRole('radio', { name }).boundingBox();
          expect(box!.x + box!.width, name).toBeLessThanOrEqual(PHONE.width);
        }

        const question = await runForNew('/studybot quiz', questions);
        await question.locator('[data-action^="q:"]').last().scrollIntoViewIfNeeded();
        for (const control of await question.locator('button, input').all()) {
          const box = await control.boundingBox();
          expect(box!.x).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
          await control.scrollIntoViewIfNeeded();
          expect(await coveredBy(control)).toBeNull();
        }
        expect(await coveredBy(page.locator('#command'))).toBeNull();
        expect(await coveredBy(page.locator('button.send'))).toBeNull();
        await expectEveryChoiceInFull(question, await questionOf(question));
        // And they work: an answer is taken.
        await answer(question, { correctly: true });
        await waitForText(privateMessages(), 'Correct');
        await waitForText(latestQuestion(), '1 answered');
      } finally {
        await page.setViewportSize(DESKTOP);
      }
    });
  }

  for (const platform of ['Slack', 'Discord'] as const) {
    it(`opens the subscribe form for Ada, pre-filled, and its submission subscribes the channel (${platform})`, async () => {
      await view(platform);
      await actAs('Ada');
      await run('/studybot subscribe');
      const dialog = page.getByRole('dialog', { name: 'Daily question' });
      await dialog.waitFor();
      // A time, a zone found by typing (Slack: a menu the bot fills; Discord: a text field) and the days.
      const time = dialog.getByLabel('Time of day');
      const zone = dialog.getByLabel('Time zone');
      expect(await time.inputValue()).toMatch(/^\d{2}:\d{2}$/);
      await time.fill('07:45');
      await zone.fill('');
      if (platform === 'Slack') {
        await zone.pressSequentially('berl');
        await expect
          .poll(() =>
            dialog
              .locator('datalist option')
              .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
          )
          .toEqual(['Europe/Berlin']);
        await zone.fill('Europe/Berlin');
        await dialog.getByRole('radio', { name: 'Every day' }).check();
      } else {
        await zone.fill('Europe/Berlin');
        await dialog.getByLabel('Days').selectOption('daily');
      }
      await page.screenshot({ path: join(ARTIFACTS, `subscribe-form-${platform.toLowerCase()}.png`) });
      await dialog.locator('.modal-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await waitForText(page.locator('li.msg'), 'Daily question at 07:45 Europe/Berlin, every day');
      expect(await page.locator('li.msg.error').count()).toBe(0);
    });
  }

  for (const platform of ['Slack', 'Discord'] as const) {
    it(`opens the study settings form from progress, pre-filled, and saves it with a reminder (${platform})`, async () => {
      await view(platform);
      await actAs('Grace');
      await run('/studybot progress');
      await waitForText(page.locator('li.msg'), 'Due in the next 7 days');
      await page.locator('li.msg').last().getByRole('button', { name: 'Study settings' }).click();
      const dialog = page.getByRole('dialog', { name: 'Study settings' });
      await dialog.waitFor();
      const retention = dialog.getByLabel(/Desired retention/);
      expect(await retention.inputValue()).toBe('90');
      await retention.fill('85');
      await dialog.getByLabel(/New cards a day/).fill('8');
      await dialog.getByLabel(/Your time zone/).fill('Europe/Berlin');
      await dialog.getByLabel(/Daily reminder/).fill('07:30');
      await page.screenshot({ path: join(ARTIFACTS, `settings-form-${platform.toLowerCase()}.png`) });
      await dialog.locator('.modal-submit').click();
      await dialog.waitFor({ state: 'detached' });
      await waitForText(page.locator('li.msg'), 'Reminder set: 07:30 Europe/Berlin');
      await waitForText(page.locator('li.msg'), 'New cards a day: 8');
      expect(await page.locator('li.msg.error').count()).toBe(0);
    });
  }

  it('keeps screenshots of both views at 1400 px and 390 px', async () => {
    await actAs('Linus');
    for (const platform of ['Slack', 'Discord'] as const) {
      await view(platform);
      const name = platform.toLowerCase();
      for (const size of [DESKTOP, PHONE]) {
        await page.setViewportSize(size);
        // The latest question at the top of the channel (scrolled there within the channel, the page
        // itself at its top), its choices and buttons in view.
        await latestQuestion().evaluate((el) => {
          const list = el.closest('.messages') as HTMLElement;
          list.scrollTop = el.getBoundingClientRect().top - list.getBoundingClientRect().top + list.scrollTop;
          window.scrollTo(0, 0);
          document.querySelector('aside.side')?.scrollTo(0, 0);
        });
        await page.screenshot({ path: join(ARTIFACTS, `${name}-${size.width}.png`) });
        if (size === PHONE)
          await page.screenshot({ path: join(ARTIFACTS, `${name}-${size.width}-full.png`), fullPage: true });
      }
      // Linus's progress message, as the bot draws it (bars, recall per topic).
      await page.setViewportSize(DESKTOP);
      await privateMessages()
        .filter({ hasText: 'Your progress' })
        .last()
        .screenshot({ path: join(ARTIFACTS, `${name}-progress-message.png`) });
    }
    await page.setViewportSize(DESKTOP);
    expect(existsSync(join(ARTIFACTS, 'discord-390.png'))).toBe(true);
  });
});
