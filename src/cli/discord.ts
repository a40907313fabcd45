/** `studybot discord register [--guild <id>]`: registers /studybot with one bulk overwrite. */
import { loadConfig } from '../config.ts';
import { StudyBotError } from '../errors.ts';
import { commandDefinitions } from '../platforms/discord/command-definitions.ts';
import { createDiscordApi, DiscordAccessError } from '../platforms/discord/rest.ts';
import { toStderr, toStdout, type Write } from './output.ts';

const USAGE = [
  'usage: studybot discord register [--guild <id>] | migrate-decks',
  '  Registers /studybot and its subcommands with one bulk overwrite (PUT), replacing what was there.',
  '  --guild <id>   register in one server only: changes show at once, handy while developing.',
  '                 Without it the commands are global (every server the app is in).',
  '  Reads DISCORD_APPLICATION_ID and DISCORD_BOT_TOKEN (and DISCORD_API_URL, if set).',
  'studybot discord migrate-decks',
  "  Once, after upgrading from per-server decks: moves each Discord person's cards, settings and",
  '  history into their one deck (merging decks from several servers). Safe to re-run.',
].join('\n');

async function migrateDecks(
  args: string[],
  write: Write,
  writeErr: Write,
  env: Record<string, string | undefined>,
): Promise<number> {
  if (args.length) {
    writeErr(`studybot discord migrate-decks takes no arguments\n${USAGE}\n`);
    return 2;
  }
  try {
    const { openConfiguredStore } = await import('./reports.ts');
    const { store, close } = await openConfiguredStore(env);
    try {
      const r = await store.migrateDiscordPeople();
      write(
        r.items === 0
          ? 'Nothing to migrate: every Discord person already has one deck.\n'
          : `Moved ${r.items} item${r.items === 1 ? '' : 's'} of ${r.people} Discord ${r.people === 1 ? 'person' : 'people'} into one deck each (${r.merged} merged with an item already there).\n`,
      );
      return 0;
    } finally {
      await close();
    }
  } catch (err) {
    writeErr(`discord migrate-decks failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

export async function run(
  args: string[],
  write: Write = toStdout,
  writeErr: Write = toStderr,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    write(`${USAGE}\n`);
    return 0;
  }
  if (sub === 'migrate-decks') return migrateDecks(rest, write, writeErr, env);
  if (sub !== 'register') {
    writeErr(`${sub ? `unknown command "${sub}"\n` : ''}${USAGE}\n`);
    return 2;
  }
  let guildId: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--guild') {
      guildId = rest[++i];
      if (!guildId || !/^\d{5,25}$/.test(guildId)) {
        writeErr(
          `--guild needs a server id (digits; Discord > Server Settings > Widget, or right-click > Copy Server ID)\n`,
        );
        return 2;
      }
    } else {
      writeErr(`unknown option ${arg}\n${USAGE}\n`);
      return 2;
    }
  }

  try {
    const config = loadConfig(env, { required: ['discordApplicationId', 'discordBotToken'] });
    const api = createDiscordApi({ apiUrl: config.discordApiUrl, botToken: config.discordBotToken });
    const commands = commandDefinitions();
    const registered = await api.bulkOverwriteCommands(config.discordApplicationId, commands, guildId);
    const names = commands.flatMap((c) => (c.options ?? []).map((o) => o.name));
    write(
      `Registered ${registered.length} command${registered.length === 1 ? '' : 's'} ` +
        `${guildId ? `in server ${guildId}` : 'globally (may take a few minutes to show everywhere)'}: ` +
        `/studybot ${names.join(', ')}\n`,
    );
    return 0;
  } catch (err) {
    writeErr(`${describe(err)}\n`);
    return 1;
  }
}

function describe(err: unknown): string {
  const e = (err instanceof DiscordAccessError ? err.cause : err) as { status?: number; message?: string };
  if (e?.status === 401) {
    return 'Discord refused the bot token (401). Check DISCORD_BOT_TOKEN (Developer Portal > Bot > Reset Token).';
  }
  if (e?.status === 403) {
    return 'Discord refused the registration (403). Is DISCORD_APPLICATION_ID the application of this token, and is the app in that server?';
  }
  // Missing settings and rate limits already carry a sentence for people.
  if (err instanceof StudyBotError && err.userMessage) return err.userMessage;
  return `Registration failed: ${e?.message ?? String(err)}`;
}
