import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { questionsById } from '../../src/content/index.ts';
import { pointsFor } from '../../src/engines/leaderboard/rules.ts';
import { DEV_SECRETS } from '../../src/local/dev-secrets.ts';
import { type LocalBot, startLocalBot } from '../../src/local/local-bot.ts';

/**
 * The playground in a real browser (Debian's Chromium through playwright-core): what a person
 * does right after `npm start`. Every click goes through the bot's signed endpoints; screenshots
 * of each step are kept in test-artifacts/playground/.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'playground');
// A fixed start that moves with real time: signatures stay fresh and the screenshots stable.
const T0 = Date.parse('2026-03-02T09:00:00Z');

if (!hasChromium) {
  if (process.env.CI)
    throw new Error(`${CHROMIUM} is missing; .ci/run installs it (apt-get install chromium).`);
  console.warn(
    `Skipping the playground browser test: ${CHROMIUM} is not installed (apt-get install chromium).`,
  );
}

describe.skipIf(!hasChromium)('the playground in Chromium', () => {
  let bot: LocalBot;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let dataDir: string;
  let shot = 0;

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
      viewport: { width: 1360, height: 900 },
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
    if (ctx.task.result?.state === 'fail')
      await screenshot(`failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
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

  /** The newest question posted to the channel (not a private message). */
  const latestQuestion = (): Locator =>
    page
      .locator('li.msg:not(.ephemeral)')
      .filter({ has: page.locator('[data-action^="q:"]') })
      .last();
  const privateMessages = (): Locator => page.locator('li.msg.ephemeral');

  /** Reads the question id from the buttons and picks its right answer, whatever the question type. */
  async function answer(question: Locator, options: { correctly: boolean }): Promise<number> {
    const action = (await question.locator('[data-action^="q:"]').first().getAttribute('data-action'))!;
    const [, , questionId] = action.split(':');
    const q = questionsById.get(questionId!)!;
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
    await waitForText(privateMessages(), `ada — ${points} pts`);
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
    const board = await waitForText(privateMessages(), `grace — ${points} pts`);
    expect(await board.textContent()).toMatch(/ada — \d+ pts/);
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
    await page.getByRole('tab', { name: 'Discord' }).click();
    await expect.poll(() => page.locator('body').getAttribute('class')).toBe('theme-discord');
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
    await page.locator('svg.readiness g.seen').first().waitFor();
    expect(await page.locator('svg.readiness g.seen').count()).toBe(1);
    expect(await page.locator('svg.per-day g[data-count="1"]').count()).toBe(1);
    await run('/studybot progress');
    await waitForText(privateMessages(), 'Your progress');
    await screenshot('discord-progress');

    // Back on Slack, Grace's progress counts her one channel answer there.
    await page.getByRole('tab', { name: 'Slack' }).click();
    await page.locator('svg.per-day g[data-count="1"]').waitFor();
    await screenshot('slack-progress');
  });

  it('shows the daily post that `studybot daily run` sends through the running server', async () => {
    await actAs('Ada');
    await run('/studybot subscribe 09:30 UTC daily');
    await waitForText(page.locator('li.msg'), 'Daily question at 09:30 UTC');
    // The real CLI, as a person would run it next to `npm start`; a time after the 09:30 slot.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['bin/studybot.mjs', 'daily', 'run', '--at', '2026-03-02T09:31:00Z'],
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
  }, 60_000);

  it('shows what people type as text, never as markup (the bot echoes input)', async () => {
    const typed = '<img src=x onerror="document.body.dataset.pwned=1">';
    await run(`/studybot quiz ${typed}`);
    // The bot clips the topic it quotes; the start is enough to see it came back as text.
    await waitForText(privateMessages(), '"<img src=x onerror=');
    expect(await page.locator('#messages img').count()).toBe(0);
    expect(await page.locator('body').getAttribute('data-pwned')).toBeNull();
  });
});
