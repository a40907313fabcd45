import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../../src/cli/discord.ts';
import { studybotCommand } from '../../../../src/platforms/discord/command-definitions.ts';
import { captureCli } from '../../../support/cli.ts';
import {
  DISCORD_ERRORS,
  type FakeDiscordApi,
  startFakeDiscordApi,
} from '../../../support/fake-discord-api.ts';

/** `studybot discord register` against the fake Discord API: one bulk overwrite, clear failures. */
describe('studybot discord register', () => {
  let fake: FakeDiscordApi;
  beforeAll(async () => {
    fake = await startFakeDiscordApi();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const env = () => ({
    DISCORD_APPLICATION_ID: '4242',
    DISCORD_BOT_TOKEN: 'bot-token',
    DISCORD_API_URL: fake.api,
  });
  const cli = (args: string[], e: Record<string, string | undefined> = env()) => captureCli(run, args, e);

  it('registers /studybot globally with one PUT carrying the full definition', async () => {
    const { code, out } = await cli(['register']);
    expect(code).toBe(0);
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['PUT /applications/4242/commands']);
    expect(fake.calls[0]!.headers.authorization).toBe('Bot bot-token');
    expect(fake.calls[0]!.body).toEqual([studybotCommand()]);
    expect(out).toMatch(/Registered 1 command globally.*quiz, study, recommend/);
  });

  it('registers in one server with --guild', async () => {
    const { code, out } = await cli(['register', '--guild', '123456789012345678']);
    expect(code).toBe(0);
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'PUT /applications/4242/guilds/123456789012345678/commands',
    ]);
    expect(out).toContain('in server 123456789012345678');
  });

  it.each([
    [
      'DISCORD_BOT_TOKEN',
      { DISCORD_BOT_TOKEN: undefined },
      /DISCORD_BOT_TOKEN is not set. Find it in Discord Developer Portal/,
    ],
    ['DISCORD_APPLICATION_ID', { DISCORD_APPLICATION_ID: undefined }, /DISCORD_APPLICATION_ID is not set/],
  ])('says where to find %s when it is missing, and calls nothing', async (_name, over, sentence) => {
    const { code, err } = await cli(['register'], { ...env(), ...over });
    expect(code).toBe(1);
    expect(err).toMatch(sentence);
    expect(fake.calls).toHaveLength(0);
  });

  it('explains a refused token', async () => {
    fake.failNext('PUT /applications/:app/commands', DISCORD_ERRORS.unauthorized);
    const { code, err } = await cli(['register']);
    expect(code).toBe(1);
    expect(err).toMatch(/refused the bot token \(401\)/);
  });

  it.each([
    [['register', '--guild']],
    [['register', '--guild', 'abc']],
    [['register', '--frob']],
    [['deregister']],
    [[]],
  ])('refuses %j with usage and exit code 2', async (args) => {
    const { code, err } = await cli(args);
    expect(code).toBe(2);
    expect(err.length).toBeGreaterThan(0);
    expect(fake.calls).toHaveLength(0);
  });
});
