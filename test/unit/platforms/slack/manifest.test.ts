import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../../../src/cli/slack.ts';
import { captureCli } from '../../../support/cli.ts';

const cli = (args: string[]) => captureCli(run, args);

describe('studybot slack manifest', () => {
  it('prints a manifest whose command, interactivity and events all point at <base>/slack/events', async () => {
    const { code, out } = await cli([
      'manifest',
      '--url',
      'https://abc.execute-api.eu-west-1.amazonaws.com/dev/',
    ]);
    expect(code).toBe(0);
    const m = parse(out);
    const endpoint = 'https://abc.execute-api.eu-west-1.amazonaws.com/dev/slack/events';
    expect(m.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/studybot', url: endpoint }),
    ]);
    expect(m.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: endpoint,
      message_menu_options_url: endpoint,
    });
    expect(m.settings.event_subscriptions).toEqual({
      request_url: endpoint,
      // Uninstalling the app or revoking its token stops daily posts and schedules the deletion.
      bot_events: ['app_home_opened', 'app_uninstalled', 'tokens_revoked'],
    });
    expect(m.features.app_home.home_tab_enabled).toBe(true);
    // App Home's study session runs in the Messages tab: posted with chat:write to the user id,
    // typed commands allowed there; typed messages are never read, so no im:history.
    expect(m.features.app_home.messages_tab_enabled).toBe(true);
    expect(m.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(m.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'chat:write.public', 'users:read']);
    expect(m.settings.socket_mode_enabled).toBe(false);
  });

  it('prints JSON with --json and accepts a pasted full endpoint', async () => {
    const { code, out } = await cli(['manifest', '--json', '--url=https://bot.example.com/slack/events']);
    expect(code).toBe(0);
    expect(JSON.parse(out).settings.interactivity.request_url).toBe('https://bot.example.com/slack/events');
  });

  it.each([
    [['manifest'], '--url is required'],
    [['manifest', '--url', 'http://bot.example.com'], 'only calls https'],
    [['manifest', '--url', 'not a url'], 'is not a URL'],
    [['manifest', '--url', 'https://bot.example.com/?x=1'], 'without a query'],
    [['manifest', '--url', 'https://x.com', '--yaml'], 'unknown option --yaml'],
    [['publish'], 'unknown slack command "publish"'],
  ])('refuses %j with usage', async (args, message) => {
    const { code, out, err } = await cli(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
  });
});
