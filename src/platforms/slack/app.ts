import { App, AwsLambdaReceiver, isValidSlackRequest, LogLevel, type SlashCommand } from '@slack/bolt';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Actor, Bot } from '../../app/bot.ts';
import { type Command, parseCommandText } from '../../app/commands.ts';
import { REMIND_FORM } from '../../app/home-actions.ts';
import type { Message, Outcome, SearchSource } from '../../app/reply.ts';
import {
  actionNeedsChannelManager,
  commandNeedsChannelManager,
  SUBSCRIBE_FORM,
} from '../../app/subscription-actions.ts';
import { StudyBotError, toUserMessage } from '../../errors.ts';
import { log } from '../../log.ts';
import { checkSlackPayload } from './payload.ts';
import {
  answerModal,
  homeView,
  PICKER_BLOCK_ID,
  PICKER_CHECKBOXES_ID,
  SEARCH_ACTION_PREFIX,
  submittedValue,
  toModal,
  toSlackMessage,
  toSlackOptions,
} from './render.ts';
import { SlackUserNames } from './user-names.ts';
import { SlackApiError, SlackWebApi } from './web-api.ts';

/** All the adapter needs of the bot: one entry for commands, one for clicks. */
export type SlackBot = Pick<Bot, 'command' | 'action'> & Partial<Pick<Bot, 'home' | 'workspaceRemoved'>>;

export interface SlackAppOptions {
  bot: SlackBot;
  signingSecret: string;
  botToken: string;
  apiUrl: string;
  adminUserIds: string[];
  /** Injected clock so tests can pin time; defaults to the real one. */
  now?: () => Date;
  /** The Web API client; built from botToken and apiUrl when not given. */
  api?: SlackWebApi;
  /** Display names by user id (users.info, cached); built on `api` when not given. */
  names?: SlackUserNames;
}

const FIVE_MINUTES_MS = 5 * 60 * 1000;

export type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

/** What a form's modal carries to its submission (Slack's private_metadata, at most 3,000 characters). */
interface FormMetadata {
  responseUrl?: string;
  channelId?: string;
  /** Opened from the App Home: the answer shows in the modal, and the Home is published again. */
  home?: boolean;
}

/** The parts of a view_submission payload the adapter reads. */
interface ViewSubmissionBody {
  team?: { id: string } | null;
  user: { id: string; team_id?: string };
  trigger_id?: string;
  view?: { title?: { text?: string } };
}

/** The parts of a block_actions payload the adapter reads (Bolt's type is a wide union). */
interface BlockActionsBody {
  team?: { id: string } | null;
  user: { id: string; username?: string; name?: string; team_id?: string };
  channel?: { id: string };
  /** `message` (a message's button), or `view` (the App Home: no channel, no response_url). */
  container?: { type?: string; message_ts?: string; channel_id?: string; is_ephemeral?: boolean };
  message?: { ts?: string };
  response_url?: string;
  trigger_id?: string;
  state?: { values: Record<string, Record<string, { selected_options?: { value: string }[] }>> };
}

/**
 * Builds the Bolt app once (at cold start) behind AwsLambdaReceiver. Every request must carry a
 * valid Slack v0 signature no older than 5 minutes, or it gets 401 and reaches nothing else.
 * The same handler serves Lambda and the local server.
 *
 * Lambda freezes once the response is returned, so all work runs before it: the bot's store
 * calls and at most one or two short Web API calls, each bounded well inside Slack's 3 seconds.
 */
export function createSlackHandler(options: SlackAppOptions): HttpHandler {
  const now = options.now ?? (() => new Date());
  const api = options.api ?? new SlackWebApi({ token: options.botToken, apiUrl: options.apiUrl });
  const { bot } = options;
  // Built once per cold start, so a warm Lambda asks users.info about a person once an hour at most.
  const names = options.names ?? new SlackUserNames({ api, now });
  // The signature is checked below, before Bolt parses anything, with the injectable clock.
  const receiver = new AwsLambdaReceiver({
    signingSecret: options.signingSecret,
    signatureVerification: false,
    logLevel: LogLevel.WARN,
  });
  const app = new App({
    receiver,
    // With a plain `token`, Bolt calls auth.test at start or on the first event to learn the bot's
    // ids; a cold start must not wait on a network call it does not need, so authorize returns it.
    authorize: async () => ({ botToken: options.botToken }),
    clientOptions: { slackApiUrl: options.apiUrl },
    logLevel: LogLevel.WARN,
  });

  /**
   * Slash commands and clicks carry no admin flag: users.info is asked only when the answer
   * depends on it (a subscription command, the subscribe form, the unsubscribe confirm). It also
   * gives the person's time zone, which the subscribe form starts from.
   */
  async function canManageChannel(
    userId: string,
    needed: boolean,
    wantsZone = false,
  ): Promise<{ can: boolean; note?: string; timeZone?: string }> {
    const listed = options.adminUserIds.includes(userId);
    if (!needed || (listed && !wantsZone)) return { can: listed };
    try {
      const res = await api.call('users.info', { user: userId });
      const user = (res.user ?? {}) as {
        is_admin?: boolean;
        is_owner?: boolean;
        is_primary_owner?: boolean;
        tz?: unknown;
      };
      const timeZone = typeof user.tz === 'string' && user.tz.length <= 64 ? user.tz : undefined;
      return {
        can: listed || Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
        ...(timeZone ? { timeZone } : {}),
      };
    } catch (err) {
      if (listed) return { can: true };
      log.warn('slack users.info failed; treating the user as not an admin', { err, userId });
      return {
        can: false,
        note: "_I couldn't check with Slack whether you are a workspace admin, so I answered as if you were not._",
      };
    }
  }

  /**
   * Opens a form with the trigger id of the command or click that asked for it (good for 3 s);
   * the submission brings back where to answer. False when Slack refused it.
   */
  async function openForm(
    form: NonNullable<Outcome['form']>,
    triggerId: string,
    metadata: FormMetadata,
  ): Promise<boolean> {
    try {
      await api.call('views.open', { trigger_id: triggerId, view: toModal(form, JSON.stringify(metadata)) });
      return true;
    } catch (err) {
      log.warn('slack views.open failed; answering in the message instead', { err });
      return false;
    }
  }

  /**
   * The person's Slack time zone (users.info `tz`), asked only when a reminder is set without one:
   * it is the reminder's default zone. Nice to have, so a short call that never fails the command.
   */
  async function profileZone(userId: string, command: Command): Promise<string | undefined> {
    if (command.name !== 'remind' || !command.time || command.timeZone) return undefined;
    return slackZone(userId);
  }

  /** The person's Slack profile zone (users.info `tz`): one short call that never fails the request. */
  async function slackZone(userId: string): Promise<string | undefined> {
    try {
      const res = await api.call('users.info', { user: userId }, { timeoutMs: 1000, maxRetries: 0 });
      const tz = (res.user as { tz?: unknown } | undefined)?.tz;
      return typeof tz === 'string' && tz ? tz : undefined;
    } catch (err) {
      log.warn('slack users.info failed; the reminder zone falls back', { err, userId });
      return undefined;
    }
  }

  // Any command name: a workspace may rename /studybot when the name is taken, and only our app's
  // commands are sent to this URL.
  app.command(/^\/.+/, async ({ command, ack }) => {
    try {
      await ack(await answerCommand(command));
    } catch (err) {
      // A StudyBotError is a failure the person can act on (its sentence says how); others are bugs.
      (err instanceof StudyBotError ? log.warn : log.error)('slack command failed', {
        err,
        sub: command.text?.split(' ')[0],
      });
      await ack({ response_type: 'ephemeral', text: toUserMessage(err) });
    }
  });

  async function answerCommand(command: SlashCommand): Promise<Record<string, unknown> | undefined> {
    const parsed = parseCommandText(command.text ?? '');
    const [admin, timeZone] = await Promise.all([
      canManageChannel(
        command.user_id,
        commandNeedsChannelManager(parsed),
        // Alone, `subscribe` opens the form, which starts from the person's own zone.
        parsed.name === 'subscribe' && !(parsed.time || parsed.timezone || parsed.days),
      ),
      profileZone(command.user_id, parsed),
    ]);
    const actor: Actor = {
      platform: 'slack',
      tenantId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      // Commands store no name, so none is looked up for them; a click will have cached it.
      userName: names.peek(command.team_id, command.user_id) ?? command.user_name,
      canManageChannel: admin.can,
      ...(command.trigger_id ? { deliveryId: `slack-trigger-${command.trigger_id}` } : {}),
      ...((timeZone ?? admin.timeZone) ? { timeZone: timeZone ?? admin.timeZone } : {}),
    };
    const outcome = await bot.command(actor, parsed, now());
    // A form opens over the channel; the command itself then answers nothing.
    if (
      outcome.form &&
      command.trigger_id &&
      (await openForm(outcome.form, command.trigger_id, {
        ...(command.response_url ? { responseUrl: command.response_url } : {}),
        channelId: command.channel_id,
      }))
    )
      return undefined;
    const { message, visibility } = outcome.reply;
    if (visibility === 'channel') {
      // Posted with the bot token (not as the command's response) so a later click can
      // chat.update it, exactly like the daily scheduler's posts. The post itself confirms.
      await api.call('chat.postMessage', {
        channel: command.channel_id,
        ...toSlackMessage(message),
        unfurl_links: false,
      });
      return undefined;
    }
    const withNote = admin.note ? addNote(message, admin.note) : message;
    // Typed in the app's Messages tab: a normal message there, so a study session stays in the
    // conversation. A DM between people starts with D too, but the bot is not in it: Slack refuses
    // the post (channel_not_found) and the answer is ephemeral, as anywhere else.
    if (isDm(command.channel_id) && (await postInDm(command.channel_id, withNote))) return undefined;
    return { response_type: 'ephemeral', ...toSlackMessage(withNote) };
  }

  /** Posts to a DM channel if the bot is in it (the app's own DM); false when Slack refuses. */
  async function postInDm(channel: string, message: Message): Promise<boolean> {
    try {
      await api.call(
        'chat.postMessage',
        { channel, ...toSlackMessage(message), unfurl_links: false },
        { timeoutMs: 1500, maxRetries: 0 },
      );
      return true;
    } catch (err) {
      const why = err instanceof SlackApiError ? err.error : 'request_failed';
      log.info('slack command in a DM the bot is not in; answering privately', { why });
      return false;
    }
  }

  app.action({ type: 'block_actions' }, async ({ ack, body, action }) => {
    await ack();
    // A toggle of a multiple-answer question's checkboxes only changes the form; the submit reads it.
    if (!('action_id' in action) || action.action_id === PICKER_CHECKBOXES_ID) return;
    const b = body as unknown as BlockActionsBody;
    const tenantId = b.team?.id ?? b.user.team_id ?? '';
    // The name boards show (display name, real name, handle); never throws, falls back to the handle.
    const handle = b.user.username ?? b.user.name;
    const userName = await names.nameOf(tenantId, b.user.id, handle);
    // Not from Slack's profile (users.info failed on a cold start): a stored name is kept over it.
    const fromProfile = names.peek(tenantId, b.user.id) !== undefined;
    const [admin, zone] = await Promise.all([
      canManageChannel(
        b.user.id,
        actionNeedsChannelManager(action.action_id),
        action.action_id === SUBSCRIBE_FORM,
      ),
      // The reminder form starts from the person's own zone when they have set none in StudyBot.
      action.action_id === REMIND_FORM ? slackZone(b.user.id) : Promise.resolve(undefined),
    ]);
    const timeZone = admin.timeZone ?? zone;
    const actor: Actor = {
      platform: 'slack',
      tenantId,
      channelId: b.channel?.id ?? b.container?.channel_id ?? '',
      userId: b.user.id,
      ...(userName ? (fromProfile ? { userName } : { fallbackName: userName }) : {}),
      canManageChannel: admin.can,
      ...(b.trigger_id ? { deliveryId: `slack-trigger-${b.trigger_id}` } : {}),
      ...(timeZone ? { timeZone } : {}),
    };
    const fromHome = b.container?.type === 'view';
    const selected = b.state?.values[PICKER_BLOCK_ID]?.[PICKER_CHECKBOXES_ID]?.selected_options ?? [];
    // Buttons carry their meaning in the action id; only a multiple-answer submit sends values.
    const values = action.type === 'button' ? selected.map((o) => o.value) : [];
    let outcome: Outcome;
    try {
      outcome = await bot.action(actor, { id: action.action_id, values }, now());
    } catch (err) {
      log.error('slack action failed', { err, action: action.action_id.split(':')[0] });
      const failure = { text: toUserMessage(err), sections: [{ lines: [toUserMessage(err)] }] };
      await (fromHome ? postToDm(actor, failure) : replyPrivately(b, actor, failure));
      return;
    }
    if (
      outcome.form &&
      b.trigger_id &&
      (await openForm(outcome.form, b.trigger_id, {
        ...(b.response_url ? { responseUrl: b.response_url } : {}),
        channelId: actor.channelId,
        ...(fromHome ? { home: true } : {}),
      }))
    )
      return;
    const sourceIsEphemeral = b.container?.is_ephemeral === true;
    const sourceTs = b.container?.message_ts ?? b.message?.ts;
    if (fromHome || (isDm(actor.channelId) && !sourceIsEphemeral && sourceTs && !outcome.updateSource)) {
      await answerInConversation(outcome, actor, fromHome ? undefined : sourceTs, action.action_id);
      return;
    }
    const work: Promise<unknown>[] = [];
    if (outcome.updateSource && !sourceIsEphemeral && sourceTs && actor.channelId) {
      work.push(
        api.call('chat.update', {
          channel: actor.channelId,
          ts: sourceTs,
          ...toSlackMessage(outcome.updateSource),
        }),
      );
    }
    if (outcome.reply.visibility === 'channel') {
      work.push(
        api.call('chat.postMessage', {
          channel: actor.channelId,
          ...toSlackMessage(outcome.reply.message),
          unfurl_links: false,
        }),
      );
    } else {
      work.push(replyPrivately(b, actor, outcome.reply.message));
    }
    // The private answer and the public count are independent; one failing must not stop the other.
    const results = await Promise.allSettled(work);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      log.error('slack action reply failed', { err: failed.reason, action: action.action_id.split(':')[0] });
      if (outcome.reply.visibility === 'channel') {
        await replyPrivately(b, actor, {
          text: toUserMessage(failed.reason),
          sections: [{ lines: [toUserMessage(failed.reason)] }],
        }).catch((err: unknown) => log.warn('slack could not report a failure', { err }));
      }
    }
  });

  /**
   * A click on the App Home, or on the bot's own message in the app's DM (the Messages tab, where a
   * study session runs): the answer is a normal message in that DM, so it stays there and reaches
   * the phone. A card's feedback (or an answer that replaces its confirm) takes the place of the
   * message clicked; anything else follows it. From the Home, a click that changed what the Home
   * shows (reminder off) publishes it again with the answer on top, instead of a message.
   */
  async function answerInConversation(
    outcome: Outcome,
    actor: Actor,
    sourceTs: string | undefined,
    actionId: string,
  ): Promise<void> {
    const message = outcome.reply.message;
    const post = () =>
      api.call('chat.postMessage', {
        channel: actor.channelId,
        ...toSlackMessage(message),
        unfurl_links: false,
      });
    try {
      if (!sourceTs && outcome.homeChanged) await publishHome(actor, message);
      else if (sourceTs && (outcome.answersCard || outcome.replacesSource)) {
        try {
          await api.call('chat.update', {
            channel: actor.channelId,
            ts: sourceTs,
            ...toSlackMessage(message),
          });
        } catch (err) {
          // The card could not be replaced (deleted meanwhile): the answer follows it instead.
          log.warn('slack card not replaced in the DM; posting the answer below', { err });
          await post();
        }
      } else if (sourceTs) await post();
      else await postToDm(actor, message);
    } catch (err) {
      log.error('slack answer in the DM failed', { err, action: actionId.split(':')[0] });
    }
  }

  /** A normal message in the person's DM with the app (chat.postMessage to the user id: the Messages tab). */
  async function postToDm(actor: Actor, message: Message): Promise<void> {
    await api.call('chat.postMessage', {
      channel: actor.userId,
      ...toSlackMessage(message),
      unfurl_links: false,
    });
  }

  /** Publishes the person's App Home (views.publish), optionally with a notice above it. */
  async function publishHome(actor: Actor, notice?: Message): Promise<void> {
    const messages = await homeMessages(bot, actor, now());
    await api.call('views.publish', {
      user_id: actor.userId,
      view: homeView(notice ? [notice, ...messages] : messages),
    });
  }

  /**
   * An ephemeral answer to a click. Through response_url: it replaces an ephemeral question in a
   * study session (so the card cannot be answered twice) and works in channels the bot has not
   * joined; under a channel message it adds a new message only the clicker sees.
   */
  async function replyPrivately(b: BlockActionsBody, actor: Actor, message: Message): Promise<void> {
    if (b.response_url) {
      await api.respond(b.response_url, {
        response_type: 'ephemeral',
        replace_original: b.container?.is_ephemeral === true,
        ...toSlackMessage(message),
      });
      return;
    }
    await api.call('chat.postEphemeral', {
      channel: actor.channelId,
      user: actor.userId,
      ...toSlackMessage(message),
    });
  }

  // A form (modal) submitted: the bot decides, the modal closes, and the answer replaces the
  // private message the form was opened from (its response_url came back in private_metadata).
  // A form opened from the App Home answers in the modal itself (response_action update: there is
  // no message to reply under), then the Home is published again when the answer changed it.
  app.view({ type: 'view_submission' }, async ({ ack, body, view }) => {
    const b = body as unknown as ViewSubmissionBody;
    let metadata: FormMetadata = {};
    try {
      metadata = JSON.parse(view.private_metadata || '{}') as FormMetadata;
    } catch {
      metadata = {};
    }
    const modalTitle = b.view?.title?.text || 'StudyBot';
    let acked = false;
    if (!metadata.home) {
      await ack();
      acked = true;
    }
    const tenantId = b.team?.id ?? b.user.team_id ?? '';
    try {
      const admin = await canManageChannel(b.user.id, actionNeedsChannelManager(view.callback_id));
      const actor: Actor = {
        platform: 'slack',
        tenantId,
        channelId: metadata.channelId ?? '',
        userId: b.user.id,
        canManageChannel: admin.can,
        ...(b.trigger_id ? { deliveryId: `slack-trigger-${b.trigger_id}` } : {}),
      };
      // Each input block is one field, by block id: typed text, a picked time or a picked option.
      const fields = Object.fromEntries(
        Object.entries(view.state.values).flatMap(([blockId, inputs]) =>
          Object.values(inputs).map((input) => [blockId, submittedValue(input as never)]),
        ),
      );
      const outcome = await bot.action(actor, { id: view.callback_id, values: [], fields }, now());
      if (metadata.home) {
        await ack({ response_action: 'update', view: answerModal(outcome.reply.message, modalTitle) });
        acked = true;
        if (outcome.homeChanged) await publishHome(actor);
        return;
      }
      let message = toSlackMessage(outcome.reply.message);
      let replaces = outcome.replacesSource === true;
      if (outcome.reply.visibility === 'channel' && actor.channelId) {
        // For everyone (a new daily question): posted with the bot token, as a command's would be.
        try {
          await api.call('chat.postMessage', { channel: actor.channelId, ...message, unfurl_links: false });
          return;
        } catch (err) {
          // Done, but the channel could not be told: the person hears why, privately.
          log.warn('slack form answer not posted to the channel', {
            err,
            form: view.callback_id.split(':')[0],
          });
          const why = toUserMessage(err);
          message = toSlackMessage(addNote(outcome.reply.message, `_${why}_`));
          replaces = false;
        }
      }
      if (metadata.responseUrl) {
        await api.respond(metadata.responseUrl, {
          response_type: 'ephemeral',
          replace_original: replaces,
          ...message,
        });
      } else if (actor.channelId) {
        await api.call('chat.postEphemeral', { channel: actor.channelId, user: actor.userId, ...message });
      }
    } catch (err) {
      log.error('slack form submission failed', { err, form: view.callback_id.split(':')[0] });
      // From the Home, the modal says what went wrong (unless only publishing the Home failed).
      if (!acked) {
        const why = toUserMessage(err);
        await ack({
          response_action: 'update',
          view: answerModal({ text: why, sections: [{ lines: [why] }] }, modalTitle),
        });
      }
    }
  });

  // A form's searchable menu (external_select) asks for its options as the person types. The
  // answer comes from bundled data (the time zones), no store and no bot call, always in time.
  app.options<'block_suggestion'>({ type: 'block_suggestion' }, async ({ ack, payload }) => {
    const source = payload.action_id.startsWith(SEARCH_ACTION_PREFIX)
      ? (payload.action_id.slice(SEARCH_ACTION_PREFIX.length) as SearchSource)
      : undefined;
    // Loaded on the first options request: a cold start that never opens the form never parses it.
    const { searchOptions } = await import('../../app/time-zones.ts');
    const found = source === 'timezone' ? searchOptions(source, payload.value ?? '', now(), 100) : [];
    await ack(toSlackOptions(found));
  });

  app.event('app_home_opened', async ({ event, body, context }) => {
    if (event.tab !== 'home') return;
    // Slack retries an event it thinks timed out; the first delivery is already publishing.
    if (context.retryNum && context.retryReason === 'http_timeout') return;
    const actor: Actor = {
      platform: 'slack',
      tenantId: (body as { team_id?: string }).team_id ?? '',
      channelId: event.channel,
      userId: event.user,
      canManageChannel: options.adminUserIds.includes(event.user),
    };
    try {
      await publishHome(actor);
    } catch (err) {
      log.error('slack app home failed', { err });
    }
  });

  /**
   * The app was uninstalled from a workspace, or its bot token revoked: its daily posts stop now
   * and its data is deleted after the grace period. A failure throws, so Bolt answers 500 and
   * Slack sends the event again (the bot's handling is idempotent).
   */
  async function workspaceRemoved(teamId: string | undefined, why: 'app_uninstalled' | 'tokens_revoked') {
    if (!teamId) {
      log.warn('slack removal event without a team id; ignored', { why });
      return;
    }
    if (!bot.workspaceRemoved) {
      log.error('slack removal event not handled: this bot has no workspaceRemoved', { why, teamId });
      return;
    }
    try {
      const done = await bot.workspaceRemoved({ platform: 'slack', tenantId: teamId }, why, now());
      log.info('slack workspace removed the app: daily posts stopped, data deletion scheduled', {
        why,
        teamId,
        ...done,
      });
    } catch (err) {
      log.error('slack workspace removal failed; Slack will retry', { err, why, teamId });
      throw err;
    }
  }

  app.event('app_uninstalled', async ({ body }) => {
    await workspaceRemoved((body as { team_id?: string }).team_id, 'app_uninstalled');
  });

  app.event('tokens_revoked', async ({ event, body }) => {
    // Only the bot token matters: StudyBot holds no user tokens, so revoking those changes nothing.
    const revoked = (event as { tokens?: { bot?: string[] } }).tokens?.bot ?? [];
    if (revoked.length === 0) return;
    await workspaceRemoved((body as { team_id?: string }).team_id, 'tokens_revoked');
  });

  const handle = receiver.toHandler();
  return async (event) => {
    // API Gateway may base64 the body; Bolt decodes it as ASCII, which would break signatures of
    // UTF-8 JSON bodies, so decode it here as UTF-8 once.
    const body =
      (event.body && event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body) ?? '';
    const headers = lowerCaseKeys(event.headers ?? {});
    const verified = isValidSlackRequest({
      signingSecret: options.signingSecret,
      body,
      headers: {
        'x-slack-signature': headers['x-slack-signature'] ?? '',
        'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
      },
      nowMilliseconds: now().getTime(),
    });
    // Bolt refuses stale timestamps; a timestamp from the future is refused here too.
    const fromFuture =
      Number(headers['x-slack-request-timestamp']) * 1000 > now().getTime() + FIVE_MINUTES_MS;
    if (!verified || fromFuture) return { statusCode: 401, body: 'invalid signature' };
    // Bolt matches the content type exactly; Slack may add a charset.
    const contentType = (headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    const shape = checkSlackPayload(body, contentType);
    if (!shape.ok) {
      log.warn('slack payload refused', { why: shape.why });
      return { statusCode: 400, body: 'bad request' };
    }
    try {
      return (await handle(
        { ...event, headers: { ...headers, 'content-type': contentType }, body, isBase64Encoded: false },
        {} as never,
      )) as APIGatewayProxyResultV2;
    } catch (err) {
      // Bolt throws on a body it cannot parse; that is the sender's mistake, not ours.
      log.warn('slack request could not be read', { err });
      return { statusCode: 400, body: 'bad request' };
    }
  };
}

/** The App Home tab: your progress, settings and reminder, and the boards of the channels you answer in. */
async function homeMessages(bot: SlackBot, actor: Actor, now: Date): Promise<Message[]> {
  if (bot.home) return bot.home(actor, now);
  const progress = await bot.command(actor, { name: 'progress' }, now);
  return [progress.reply.message];
}

/** A Slack DM channel (D…): the app's own DM, or one between people, which the bot is not in. */
function isDm(channelId: string): boolean {
  return channelId.startsWith('D');
}

function addNote(message: Message, note: string): Message {
  return { ...message, sections: [...message.sections, { lines: [note] }] };
}

function lowerCaseKeys(headers: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
