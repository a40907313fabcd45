import { SlashCommandBuilder, type SlashCommandStringOption } from '@discordjs/builders';
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { MAX_RECOMMEND_CHARS, MAX_RETENTION, MIN_RETENTION, SUBCOMMANDS } from '../../app/commands.ts';
import { MAX_NEW_CARDS_PER_DAY } from '../../app/study.ts';

/**
 * `/studybot` as Discord registers it: the same subcommands and option names as Slack's free text
 * (`quiz topic`, `recommend text`, `leaderboard period`, `subscribe time timezone days`). Built with
 * @discordjs/builders so Discord's length and naming rules are checked here, at registration, not
 * by a refused PUT. Only the CLI and the tests import this; the request handler never needs it.
 *
 * Discord's `default_member_permissions` applies to a whole top-level command, never to one
 * subcommand, so `subscribe`/`unsubscribe` cannot be hidden from people without Manage Channels
 * while staying under `/studybot`; the bot refuses them instead (Actor.canManageChannel comes from
 * the member's Manage Channels permission).
 */
const about = (name: (typeof SUBCOMMANDS)[number]['name']): string =>
  SUBCOMMANDS.find((s) => s.name === name)!.about.slice(0, 100);

const topic = (o: SlashCommandStringOption) =>
  o
    .setName('topic')
    .setDescription('A topic, e.g. autoscaling (start typing to see them all)')
    .setAutocomplete(true);

export function studybotCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return (
    new SlashCommandBuilder()
      .setName('studybot')
      .setDescription('Daily questions, spaced review and SageMaker deployment advice')
      // Installed to servers, offered in servers and in a DM with the bot, where it can answer;
      // not in group DMs, where the bot cannot post (the option would only fail there).
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .addSubcommand((s) => s.setName('quiz').setDescription(about('quiz')).addStringOption(topic))
      .addSubcommand((s) =>
        s
          .setName('study')
          .setDescription(about('study'))
          .addStringOption(topic)
          .addNumberOption((o) =>
            o
              .setName('retention')
              .setDescription('How likely you want to be to remember a card when it comes back (0.7 to 0.97)')
              .setMinValue(MIN_RETENTION)
              .setMaxValue(MAX_RETENTION),
          )
          .addStringOption((o) =>
            o
              .setName('mode')
              .setDescription('Drill what you got wrong lately, or your weakest topic (your schedule stays)')
              .addChoices(
                { name: 'my mistakes', value: 'mistakes' },
                { name: 'my weakest topic', value: 'weakest' },
              ),
          ),
      )
      .addSubcommand((s) =>
        s
          .setName('recommend')
          .setDescription(about('recommend'))
          .addStringOption((o) =>
            o
              .setName('text')
              .setDescription(
                'The workload in plain words, e.g. "20 MB documents, results within 30 minutes"; empty: a form',
              )
              .setMaxLength(MAX_RECOMMEND_CHARS),
          ),
      )
      .addSubcommand((s) =>
        s
          .setName('leaderboard')
          .setDescription(about('leaderboard'))
          .addStringOption((o) =>
            o
              .setName('period')
              .setDescription('This week (default) or all time')
              .addChoices({ name: 'this week', value: 'week' }, { name: 'all time', value: 'all' }),
          ),
      )
      .addSubcommand((s) => s.setName('progress').setDescription(about('progress')))
      .addSubcommand((s) =>
        s
          .setName('settings')
          .setDescription(about('settings'))
          .addIntegerOption((o) =>
            o
              .setName('retention')
              .setDescription('Desired retention in percent (70 to 97)')
              .setMinValue(Math.round(MIN_RETENTION * 100))
              .setMaxValue(Math.round(MAX_RETENTION * 100)),
          )
          .addIntegerOption((o) =>
            o
              .setName('new')
              .setDescription(`New cards a day (0 to ${MAX_NEW_CARDS_PER_DAY})`)
              .setMinValue(0)
              .setMaxValue(MAX_NEW_CARDS_PER_DAY),
          )
          .addStringOption((o) =>
            o
              .setName('timezone')
              .setDescription('Your time zone, e.g. Europe/Berlin (start typing to search)')
              .setAutocomplete(true),
          ),
      )
      .addSubcommand((s) =>
        s
          .setName('subscribe')
          .setDescription(about('subscribe'))
          .addStringOption((o) =>
            o
              .setName('time')
              .setDescription('Local time of the daily question, HH:MM (e.g. 09:00)')
              .setMinLength(4)
              .setMaxLength(5),
          )
          .addStringOption((o) =>
            o.setName('timezone').setDescription('IANA time zone, e.g. Europe/Berlin').setAutocomplete(true),
          )
          .addStringOption((o) =>
            o
              .setName('days')
              .setDescription('Weekdays only or every day')
              .addChoices({ name: 'weekdays', value: 'weekdays' }, { name: 'every day', value: 'daily' }),
          ),
      )
      .addSubcommand((s) => s.setName('unsubscribe').setDescription(about('unsubscribe')))
      .addSubcommand((s) =>
        s
          .setName('remind')
          .setDescription(about('remind'))
          .addStringOption((o) =>
            o
              .setName('time')
              .setDescription('Local time of your reminder, HH:MM (e.g. 08:30), or off to stop reminders')
              .setMinLength(3)
              .setMaxLength(5),
          )
          .addStringOption((o) =>
            o
              .setName('timezone')
              .setDescription('Your time zone, e.g. Europe/Berlin (start typing to search)')
              .setAutocomplete(true),
          ),
      )
      .addSubcommand((s) => s.setName('forget-me').setDescription(about('forget-me')))
      .addSubcommand((s) => s.setName('help').setDescription(about('help')))
      .toJSON()
  );
}

/** Everything `studybot discord register` sends in its one bulk overwrite. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [studybotCommand()];
}
