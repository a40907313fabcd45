import { SUBCOMMANDS } from '../../app/commands.ts';
import { InputError } from '../../errors.ts';

export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * The bot scopes for the calls the app really makes: the slash command, chat.postMessage and
 * chat.update (chat:write; also in the person's DM with the app, the Messages tab, where App Home's
 * study session and reminders go: chat.postMessage with the user id as channel), posting quizzes and daily questions in public channels it has not
 * joined (chat:write.public), and users.info to recognise workspace admins before a
 * subscription changes (users:read). views.publish for App Home needs no scope, nor do the
 * app_uninstalled and tokens_revoked events (they stop the workspace's daily posts and schedule
 * the deletion of its data).
 */
export const BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'users:read'] as const;

/** The events the app subscribes to; app_uninstalled and tokens_revoked are sent to every app, scope-free. */
export const BOT_EVENTS = ['app_home_opened', 'app_uninstalled', 'tokens_revoked'] as const;

/** Reads `--url`: an https base such as https://abc.execute-api.us-east-1.amazonaws.com/dev. */
export function parseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(`"${raw}" is not a URL; try https://abc123.execute-api.us-east-1.amazonaws.com`);
  }
  if (url.protocol !== 'https:') {
    throw new InputError(`Slack only calls https URLs; "${raw}" starts with ${url.protocol}//`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new InputError(`Give the base URL alone, without a query, fragment or credentials: "${raw}"`);
  }
  // Someone may paste the full endpoint; the manifest adds the path itself.
  const path = url.pathname.replace(/\/+$/, '').replace(new RegExp(`${SLACK_EVENTS_PATH}$`), '');
  return `${url.origin}${path}`;
}

/** The manifest for "Create an app from a manifest" at https://api.slack.com/apps. */
export function slackManifest(baseUrl: string): Record<string, unknown> {
  const endpoint = `${parseBaseUrl(baseUrl)}${SLACK_EVENTS_PATH}`;
  return {
    display_information: {
      name: 'StudyBot',
      description: 'Daily ML-on-AWS questions, spaced-repetition review and SageMaker deployment advice',
      background_color: '#1d4ed8',
    },
    features: {
      app_home: {
        home_tab_enabled: true,
        // Study reminders and the App Home's study session arrive in the Messages tab
        // (chat.postMessage to the user id, chat:write); not read-only, so `/studybot study` and
        // `/studybot remind off` can be typed there. Typed messages are not read (no im:history).
        messages_tab_enabled: true,
        messages_tab_read_only_enabled: false,
      },
      bot_user: { display_name: 'StudyBot', always_online: true },
      slash_commands: [
        {
          command: '/studybot',
          url: endpoint,
          description: 'Quiz, review and SageMaker deployment advice',
          usage_hint: SUBCOMMANDS.map((s) => s.name).join(' | '),
          should_escape: false,
        },
      ],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { request_url: endpoint, bot_events: [...BOT_EVENTS] },
      // The options load URL: a form's time-zone menu asks it for options as the person types.
      interactivity: { is_enabled: true, request_url: endpoint, message_menu_options_url: endpoint },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}
