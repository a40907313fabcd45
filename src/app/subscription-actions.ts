import type { Command } from './commands.ts';
import { decodeAction } from './reply.ts';

/**
 * The ids of the subscription forms and buttons, and which answers depend on who may manage the
 * channel. Apart from subscriptions.ts (which loads the schedule rules and luxon) so the Slack
 * adapter can ask at cold start without loading them.
 */

/** Action verbs: open the form (a button), its submission, and the unsubscribe confirm's two buttons. */
export const SUBSCRIBE_FORM = 'subf';
export const SUBSCRIBE_SUBMIT = 'subd';
export const UNSUBSCRIBE_CONFIRM = 'unsub';
export const UNSUBSCRIBE_KEEP = 'unsub-keep';

/**
 * Whether answering this action depends on who may manage the channel (the platform adapter then
 * asks, e.g. Slack's users.info, which a click does not carry).
 */
export function actionNeedsChannelManager(actionId: string): boolean {
  const { verb } = decodeAction(actionId);
  return verb === SUBSCRIBE_FORM || verb === SUBSCRIBE_SUBMIT || verb === UNSUBSCRIBE_CONFIRM;
}

/** Whether answering this command depends on who may manage the channel (alone, it opens the form). */
export function commandNeedsChannelManager(command: Command): boolean {
  return command.name === 'subscribe' || command.name === 'unsubscribe';
}
