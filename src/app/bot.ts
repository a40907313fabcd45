import { type Command, helpMessage } from './commands.ts';
import { type Outcome, ephemeral } from './reply.ts';

export type Platform = 'slack' | 'discord';

/** Who is acting and where. Every stored key is scoped by platform and tenant (workspace or guild). */
export interface Actor {
  platform: Platform;
  /** Slack team id or Discord guild id (or the DM channel for Discord DMs). */
  tenantId: string;
  channelId: string;
  userId: string;
  userName?: string;
  /** Slack admin/owner or allow-listed; Discord Manage Channels. Gates subscription changes. */
  canManageChannel: boolean;
}

/** A click on a button or a pick from a list: the action id and the chosen values. */
export interface BotAction {
  id: string;
  values: string[];
}

/**
 * The bot: one entry for every command and click, whichever platform it came from. It calls the
 * engines and the store and answers in the platform-neutral message model.
 */
export class Bot {
  async command(_actor: Actor, command: Command, _now: Date): Promise<Outcome> {
    switch (command.name) {
      case 'help':
        return ephemeral(helpMessage(command.reason));
      default:
        return ephemeral(helpMessage(`\`${command.name}\` is coming soon.`));
    }
  }

  async action(_actor: Actor, _action: BotAction, _now: Date): Promise<Outcome> {
    return ephemeral(helpMessage('That button is no longer active.'));
  }
}
