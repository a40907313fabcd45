import { type Command, parseCommandText } from '../../app/commands.ts';
import { discordSubmittedRows, slackStateValues, type TypedValue } from './modals.ts';
import { DISCORD_PLACE, type PretendPerson, SLACK_PLACE } from './people.ts';

/**
 * The exact requests Slack and Discord would send for what a pretend person did in the page. Pure:
 * the caller signs and sends them, so these are the bodies the bot's real endpoints verify.
 */

/** What every Slack interaction payload says about who sent it, as Slack writes it. */
function slackInteractionEnvelope(person: PretendPerson) {
  return {
    user: {
      id: person.slack.userId,
      username: person.slack.userName,
      name: person.slack.userName,
      team_id: SLACK_PLACE.teamId,
    },
    api_app_id: SLACK_PLACE.appId,
    token: 'playground-legacy-token',
  };
}

/** A click in the page: the action id, the picked values and the message it was on. */
export interface Click {
  action: string;
  values: string[];
  messageId: string;
  ephemeral: boolean;
  /** Discord: a button (2) or a string select (3). */
  componentType?: 'button' | 'select';
  /** Slack: the message's checkbox selections, by block id and action id. */
  state?: Record<string, Record<string, string[]>>;
}

/** `/studybot <text>` as Slack posts a slash command: form-encoded. */
export function slackCommandBody(
  person: PretendPerson,
  text: string,
  responseUrl: string,
  triggerId: string,
): string {
  return new URLSearchParams({
    token: 'playground-legacy-token',
    team_id: SLACK_PLACE.teamId,
    team_domain: SLACK_PLACE.teamDomain,
    channel_id: SLACK_PLACE.channelId,
    channel_name: SLACK_PLACE.channelName,
    user_id: person.slack.userId,
    user_name: person.slack.userName,
    command: '/studybot',
    text,
    api_app_id: SLACK_PLACE.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
}

/** A button click as Slack posts a block_actions interaction: JSON in a `payload` form field. */
export function slackBlockActionsBody(
  person: PretendPerson,
  click: Click,
  responseUrl: string,
  triggerId: string,
): string {
  const state: Record<string, Record<string, unknown>> = {};
  for (const [blockId, actions] of Object.entries(click.state ?? {})) {
    state[blockId] = {};
    for (const [actionId, values] of Object.entries(actions)) {
      state[blockId][actionId] = { type: 'checkboxes', selected_options: values.map((value) => ({ value })) };
    }
  }
  const payload = {
    type: 'block_actions',
    ...slackInteractionEnvelope(person),
    container: {
      type: 'message',
      message_ts: click.messageId,
      channel_id: SLACK_PLACE.channelId,
      is_ephemeral: click.ephemeral,
    },
    trigger_id: triggerId,
    team: { id: SLACK_PLACE.teamId, domain: SLACK_PLACE.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: SLACK_PLACE.channelId, name: SLACK_PLACE.channelName },
    // Slack leaves the message out of clicks on ephemeral messages.
    ...(click.ephemeral
      ? {}
      : { message: { type: 'message', ts: click.messageId, user: SLACK_PLACE.botUserId } }),
    state: { values: state },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: click.action,
        block_id: 'playground',
        text: { type: 'plain_text', text: click.action },
        ...(click.values[0] ? { value: click.values[0] } : {}),
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

interface DiscordOption {
  name: string;
  type: 3;
  value: string;
}

/** Free text after /studybot, as the options Discord's typed `/studybot <sub>` would send. */
export function discordCommandOptions(text: string): { sub: string; options: DiscordOption[] } {
  const opt = (name: string, value: string | undefined): DiscordOption[] =>
    value ? [{ name, type: 3, value }] : [];
  // The workload goes as typed, however long: the bot, not the page, says what it reads.
  const recommend = /^\s*recommend(?:\s+([\s\S]*))?$/i.exec(text);
  if (recommend) return { sub: 'recommend', options: opt('text', recommend[1]?.trim()) };
  const command: Command = parseCommandText(text);
  switch (command.name) {
    case 'quiz':
    case 'study':
      return { sub: command.name, options: opt('topic', command.topic) };
    case 'leaderboard':
      return { sub: 'leaderboard', options: opt('period', command.period) };
    case 'subscribe':
      return {
        sub: 'subscribe',
        options: [
          ...opt('time', command.time),
          ...opt('timezone', command.timezone),
          ...opt('days', command.days),
        ],
      };
    case 'help':
      // Discord only offers registered subcommands; an unknown word is sent as typed so the bot's
      // own "I don't know" answer is what the person sees.
      return { sub: text.trim().split(/\s+/)[0]?.toLowerCase() || 'help', options: [] };
    default:
      return { sub: command.name, options: [] };
  }
}

function member(person: PretendPerson) {
  return {
    user: { id: person.discord.userId, username: person.discord.username, global_name: person.name },
    permissions: person.discord.permissions,
    roles: [],
  };
}

/** An application command interaction for `/studybot <sub>` in the playground guild. */
export function discordCommandInteraction(
  person: PretendPerson,
  text: string,
  id: string,
  token: string,
): unknown {
  const { sub, options } = discordCommandOptions(text);
  return {
    id,
    application_id: DISCORD_PLACE.applicationId,
    type: 2,
    token,
    version: 1,
    guild_id: DISCORD_PLACE.guildId,
    channel_id: DISCORD_PLACE.channelId,
    member: member(person),
    data: { id: '400000000000000001', name: 'studybot', type: 1, options: [{ name: sub, type: 1, options }] },
  };
}

/** A message component interaction: a button click or a string select's picks. */
export function discordComponentInteraction(
  person: PretendPerson,
  click: Click,
  id: string,
  token: string,
): unknown {
  const select = click.componentType === 'select';
  return {
    id,
    application_id: DISCORD_PLACE.applicationId,
    type: 3,
    token,
    version: 1,
    guild_id: DISCORD_PLACE.guildId,
    channel_id: DISCORD_PLACE.channelId,
    member: member(person),
    message: { id: click.messageId, channel_id: DISCORD_PLACE.channelId, flags: click.ephemeral ? 64 : 0 },
    data: {
      custom_id: click.action,
      component_type: select ? 3 : 2,
      ...(select ? { values: click.values } : {}),
    },
  };
}

/**
 * A form submitted on Slack: a `view_submission` interaction, JSON in a `payload` form field, with
 * the view as Slack holds it and what was typed in its `state.values`.
 */
export function slackViewSubmissionBody(
  person: PretendPerson,
  view: Record<string, unknown>,
  typed: TypedValue[],
  triggerId: string,
  offered: Record<string, Record<string, unknown>[]> = {},
): string {
  const payload = {
    type: 'view_submission',
    team: { id: SLACK_PLACE.teamId, domain: SLACK_PLACE.teamDomain },
    ...slackInteractionEnvelope(person),
    trigger_id: triggerId,
    view: { ...view, state: { values: slackStateValues(view, typed, offered) } },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/**
 * A form submitted on Discord: a MODAL_SUBMIT interaction (type 5) with the modal's custom id,
 * every text input with what was typed, and the message whose button opened it.
 */
export function discordModalSubmitInteraction(
  person: PretendPerson,
  data: Record<string, unknown>,
  typed: TypedValue[],
  source: { messageId?: string; ephemeral?: boolean },
  id: string,
  token: string,
): unknown {
  return {
    id,
    application_id: DISCORD_PLACE.applicationId,
    type: 5,
    token,
    version: 1,
    guild_id: DISCORD_PLACE.guildId,
    channel_id: DISCORD_PLACE.channelId,
    member: member(person),
    ...(source.messageId
      ? {
          message: {
            id: source.messageId,
            channel_id: DISCORD_PLACE.channelId,
            flags: source.ephemeral ? 64 : 0,
          },
        }
      : {}),
    data: { custom_id: data.custom_id, components: discordSubmittedRows(data, typed) },
  };
}

/**
 * A searchable menu in an open form asking for its options as the person types: a
 * `block_suggestion` request, JSON in a `payload` form field, sent to the options load URL.
 */
export function slackBlockSuggestionBody(
  person: PretendPerson,
  view: Record<string, unknown>,
  block: string,
  action: string,
  value: string,
): string {
  const payload = {
    type: 'block_suggestion',
    ...slackInteractionEnvelope(person),
    team: { id: SLACK_PLACE.teamId, domain: SLACK_PLACE.teamDomain },
    container: { type: 'view', view_id: view.id },
    block_id: block,
    action_id: action,
    value,
    view,
    is_enterprise_install: false,
    enterprise: null,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A form closed with Cancel on Slack, sent only when the view asked for it (`notify_on_close`). */
export function slackViewClosedBody(person: PretendPerson, view: Record<string, unknown>): string {
  const payload = {
    type: 'view_closed',
    team: { id: SLACK_PLACE.teamId, domain: SLACK_PLACE.teamDomain },
    ...slackInteractionEnvelope(person),
    view,
    is_cleared: false,
    is_enterprise_install: false,
    enterprise: null,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
