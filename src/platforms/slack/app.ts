import { App, AwsLambdaReceiver, LogLevel, isValidSlackRequest } from '@slack/bolt';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { type Actor, type Bot } from '../../app/bot.ts';
import { parseCommandText } from '../../app/commands.ts';
import { toUserMessage } from '../../errors.ts';
import { log } from '../../log.ts';
import { toBlocks } from './render.ts';

export interface SlackAppOptions {
  bot: Bot;
  signingSecret: string;
  botToken: string;
  apiUrl: string;
  adminUserIds: string[];
  /** Injected clock so tests can pin time; defaults to the real one. */
  now?: () => Date;
}

const FIVE_MINUTES_MS = 5 * 60 * 1000;

export type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

/**
 * Builds the Bolt app once (at cold start) behind AwsLambdaReceiver. Every request must carry a
 * valid Slack v0 signature no older than 5 minutes, or it gets 401 and reaches nothing else.
 * The same handler serves Lambda and the local server.
 */
export function createSlackHandler(options: SlackAppOptions): HttpHandler {
  const now = options.now ?? (() => new Date());
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

  app.command('/studybot', async ({ command, ack }) => {
    const actor: Actor = {
      platform: 'slack',
      tenantId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      userName: command.user_name,
      canManageChannel: options.adminUserIds.includes(command.user_id),
    };
    try {
      const outcome = await options.bot.command(actor, parseCommandText(command.text ?? ''), now());
      const { message, visibility } = outcome.reply;
      await ack({
        response_type: visibility === 'channel' ? 'in_channel' : 'ephemeral',
        text: message.text,
        blocks: toBlocks(message),
      });
    } catch (err) {
      log.error('slack command failed', { err, command: command.command, sub: command.text?.split(' ')[0] });
      await ack({ response_type: 'ephemeral', text: toUserMessage(err) });
    }
  });

  const handle = receiver.toHandler();
  return async (event) => {
    // API Gateway may base64 the body; Bolt decodes it as ASCII, which would break signatures of
    // UTF-8 JSON bodies, so decode it here as UTF-8 once.
    const body =
      (event.body && event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) ?? '';
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
    const fromFuture = Number(headers['x-slack-request-timestamp']) * 1000 > now().getTime() + FIVE_MINUTES_MS;
    if (!verified || fromFuture) return { statusCode: 401, body: 'invalid signature' };
    try {
      return (await handle({ ...event, body, isBase64Encoded: false }, {} as never)) as APIGatewayProxyResultV2;
    } catch (err) {
      // Bolt throws on a body it cannot parse; that is the sender's mistake, not ours.
      log.warn('slack request could not be read', { err });
      return { statusCode: 400, body: 'bad request' };
    }
  };
}

function lowerCaseKeys(headers: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}
