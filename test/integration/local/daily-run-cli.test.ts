import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { DEV_SECRETS } from '../../../src/local/dev-secrets.ts';
import { type LocalBot, startLocalBot } from '../../../src/local/local-bot.ts';
import { startFakeDiscordApi } from '../../support/fake-discord-api.ts';
import { startFakeSlackApi } from '../../support/fake-slack-api.ts';
import {
  DISCORD_CHANNEL,
  dueInDataDir,
  networkRecorder,
  plainEnv,
  runCli,
  SLACK_CHANNEL,
  subscribe,
  subscribeInDataDir,
} from './processes.ts';

/** `npx studybot daily run` as a person runs it: the real CLI process, with the development secrets. */
const AT = ['--at', '2026-03-02T09:31:00Z'];
const STACK_LINE = /^\s+at /m;

describe('studybot daily run', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'studybot-daily-cli-'));
    dirs.push(d);
    return d;
  };
  let bot: LocalBot | undefined;
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('with the development tokens and no server, calls neither slack.com nor discord.com, says so in one sentence and exits 1', async () => {
    const dataDir = tempDir();
    await subscribeInDataDir(dataDir, [SLACK_CHANNEL, DISCORD_CHANNEL]);
    const network = networkRecorder(tempDir());

    const r = await runCli(['daily', 'run', ...AT], {
      env: plainEnv({ DATA_DIR: dataDir }),
      nodeArgs: network.nodeArgs,
    });

    expect(network.hosts().filter((h) => /slack\.com|discord(app)?\.com/.test(h))).toEqual([]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/SLACK_BOT_TOKEN and DISCORD_BOT_TOKEN are local development values/);
    expect(lines[0]).toMatch(/npm start/);
    // Nothing was claimed or changed: both channels are still due for the real pass.
    expect(await dueInDataDir(dataDir, '2026-03-02T09:31:00Z')).toHaveLength(2);
  });

  it('with a real Slack token but the development Discord one, posts to Slack only and never calls discord.com', async () => {
    const dataDir = tempDir();
    const slack = await startFakeSlackApi({ token: 'xoxb-real-looking' });
    try {
      await subscribeInDataDir(dataDir, [SLACK_CHANNEL, DISCORD_CHANNEL]);
      const network = networkRecorder(tempDir());
      const r = await runCli(['daily', 'run', ...AT], {
        env: plainEnv({
          DATA_DIR: dataDir,
          SLACK_BOT_TOKEN: 'xoxb-real-looking',
          SLACK_API_URL: slack.apiUrl,
        }),
        nodeArgs: network.nodeArgs,
      });
      expect(network.hosts().filter((h) => /discord(app)?\.com/.test(h))).toEqual([]);
      expect(slack.calls('chat.postMessage')).toHaveLength(1);
      expect(r.stdout).toMatch(/1 posted, .* 1 failed/);
      expect(r.stderr).toMatch(
        /Discord channels are not posted to: DISCORD_BOT_TOKEN is a local development value/,
      );
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.code).toBe(1);
    } finally {
      await slack.close();
    }
  });

  it('prints each failed channel as one line, without stack traces, and exits 1', async () => {
    const dataDir = tempDir();
    const slack = await startFakeSlackApi({ token: DEV_SECRETS.slackBotToken });
    const discord = await startFakeDiscordApi();
    try {
      slack.fail('chat.postMessage', { error: 'internal_error' });
      discord.failNext('POST /channels/:channel/messages', {
        status: 400,
        body: { message: 'Invalid Form Body', code: 50035 },
      });
      await subscribeInDataDir(dataDir, [SLACK_CHANNEL, DISCORD_CHANNEL]);
      // The bot is still in the server (the daily run's removal check asks).
      discord.setGuilds([DISCORD_CHANNEL.tenantId]);
      // Development tokens may go to stand-ins on this machine, as the playground's are.
      const r = await runCli(['daily', 'run', ...AT], {
        env: plainEnv({ DATA_DIR: dataDir, SLACK_API_URL: slack.apiUrl, DISCORD_API_URL: discord.api }),
      });

      expect(r.stdout).toMatch(/2 due, 0 posted, 0 skipped, 0 paused, 2 failed/);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr).not.toMatch(/^\{/m);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines.find((l) => l.includes('slack:'))).toMatch(/post failed.*internal_error/);
      expect(lines.find((l) => l.includes('discord:'))).toMatch(/post failed.*Invalid Form Body/);
      expect(lines[2]).toMatch(/^2 channels failed/);
      expect(r.code).toBe(1);
    } finally {
      await slack.close();
      await discord.close();
    }
  });

  it('runs through the running local server, posting to its playground stand-ins', async () => {
    const dataDir = tempDir();
    bot = await startLocalBot(loadConfig({ PORT: '0', DATA_DIR: dataDir }, { devDefaults: DEV_SECRETS }), {
      playground: true,
    });
    await subscribe(bot.dynamoEndpoint, [SLACK_CHANNEL]);
    const network = networkRecorder(tempDir());

    const r = await runCli(['daily', 'run', ...AT], {
      env: plainEnv({ DATA_DIR: dataDir }),
      nodeArgs: network.nodeArgs,
    });

    expect(r.stdout).toContain('via the running local server');
    expect(r.stdout).toContain('1 posted');
    expect(network.hosts()).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('exits 1 when a channel failed in the running server', async () => {
    const dataDir = tempDir();
    const slack = await startFakeSlackApi({ token: 'xoxb-real-looking' });
    try {
      slack.fail('chat.postMessage', { error: 'internal_error' });
      bot = await startLocalBot(
        loadConfig(
          { PORT: '0', DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb-real-looking', SLACK_API_URL: slack.apiUrl },
          { devDefaults: DEV_SECRETS },
        ),
        { playground: false },
      );
      await subscribe(bot.dynamoEndpoint, [SLACK_CHANNEL]);
      const r = await runCli(['daily', 'run', ...AT], {
        env: plainEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'error' }),
      });
      expect(r.stdout).toMatch(/via the running local server.*1 failed/);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^1 channel failed; .*npm start/)]);
      expect(r.code).toBe(1);
    } finally {
      await slack.close();
    }
  });

  it('refuses a LOG_LEVEL that is not a level, in one sentence', async () => {
    const r = await runCli(['daily', 'run'], {
      env: plainEnv({ DATA_DIR: tempDir(), LOG_LEVEL: 'verbose' }),
    });
    expect(r.stderr.trim()).toMatch(/^daily run failed: LOG_LEVEL is not valid .* debug, info, warn, error/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.code).toBe(1);
  });
});
