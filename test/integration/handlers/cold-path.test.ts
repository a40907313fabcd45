import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoTargets, freshTable } from '../../support/dynamo.ts';
import {
  type FakeParametersExtension,
  startFakeParametersExtension,
} from '../../support/fake-parameters-extension.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/fake-slack-api.ts';
import {
  discordHeaders,
  discordKeys,
  slackHeaders,
  slashCommandBody,
  TEST_SLACK_SECRET,
} from '../../support/platform-requests.ts';

/**
 * The chat bundles as deployed (infra/esbuild-options.cjs), each run in a fresh node process with
 * its secrets from a stand-in for the Parameters and Secrets extension: requests that need no
 * storage never evaluate AWS SDK code. The DynamoDB client modules are built with a marker that
 * records their evaluation; a quiz, which does need the store, shows the marker works.
 */
const require = createRequire(import.meta.url);
const { ESBUILD } = require('../../../infra/esbuild-options.cjs') as { ESBUILD: BuildOptions };
const ROOT = join(import.meta.dirname, '..', '..', '..');
const run = promisify(execFile);
const PREFIX = '/studybot/test';
const SESSION = 'test-session-token';

const sdkMarker: Plugin = {
  name: 'sdk-marker',
  setup(b) {
    b.onLoad({ filter: /@aws-sdk[\\/](client|lib)-dynamodb[\\/]dist-cjs[\\/]index\.js$/ }, (args) => ({
      contents: `globalThis.__studybotSdkEvaluated = true;\n${readFileSync(args.path, 'utf8')}`,
      loader: 'js',
    }));
  },
};

describe('chat Lambdas on their cold path', () => {
  const keys = discordKeys();
  let dir: string;
  let ext: FakeParametersExtension;
  let slack: FakeSlackApi;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'studybot-cold-path-'));
    for (const name of ['slack', 'discord']) {
      await build({
        ...ESBUILD,
        plugins: [...(ESBUILD.plugins ?? []), sdkMarker],
        absWorkingDir: ROOT,
        entryPoints: [`src/handlers/${name}.ts`],
        // A folder each: the handler file and its chunks (code splitting), as in the function's zip.
        outdir: join(dir, name),
      });
    }
    ext = await startFakeParametersExtension({
      token: SESSION,
      parameters: {
        [`${PREFIX}/slack-signing-secret`]: TEST_SLACK_SECRET,
        [`${PREFIX}/slack-bot-token`]: 'xoxb-test',
        [`${PREFIX}/discord-public-key`]: keys.publicKeyHex,
        [`${PREFIX}/discord-application-id`]: '100000000000000001',
        [`${PREFIX}/discord-bot-token`]: 'discord-test',
      },
    });
    slack = await startFakeSlackApi({ token: 'xoxb-test' });
    const { tableName } = await freshTable(dynamoTargets[0]!);
    env = {
      PATH: process.env.PATH,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SESSION_TOKEN: SESSION,
      SSM_PREFIX: PREFIX,
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(ext.port),
      DYNAMODB_ENDPOINT: dynamoTargets[0]!.endpoint,
      DYNAMODB_TABLE: tableName,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      LOG_LEVEL: 'error',
    };
  });

  afterAll(async () => {
    await ext?.close();
    await slack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function cold(name: string, event: unknown): Promise<{ status: number; body: string; sdk: boolean }> {
    const url = pathToFileURL(join(dir, name, `${name}.mjs`)).href;
    const code = `const { handler } = await import(${JSON.stringify(url)});
      const res = await handler(JSON.parse(process.env.EVENT), {});
      process.stdout.write(JSON.stringify({ status: res.statusCode, body: res.body ?? '', sdk: globalThis.__studybotSdkEvaluated === true }));
      process.exit(0);`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], {
      env: { ...env, EVENT: JSON.stringify(event) },
      timeout: 20_000,
    });
    return JSON.parse(stdout) as { status: number; body: string; sdk: boolean };
  }

  const slackEvent = (text: string, secret?: string) => {
    const body = slashCommandBody({
      text,
      channel_id: `C${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    });
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      ...slackHeaders(body, Math.floor(Date.now() / 1000), secret),
    };
    return { version: '2.0', rawPath: '/slack/events', headers, body, isBase64Encoded: false };
  };
  const discordEvent = (interaction: unknown, signed = true) => {
    const body = JSON.stringify(interaction);
    const headers = signed
      ? discordHeaders(body, Math.floor(Date.now() / 1000), keys)
      : { 'content-type': 'application/json' };
    return { version: '2.0', rawPath: '/discord/interactions', headers, body, isBase64Encoded: false };
  };
  const PING = { type: 1, id: '1', application_id: '100000000000000001', token: 't', version: 1 };

  it('answers a signed /studybot help with the command list, reading secrets from the extension, no SDK', async () => {
    const res = await cold('slack', slackEvent('help'));
    expect(res).toMatchObject({ status: 200, sdk: false });
    expect(res.body).toContain('/studybot recommend');
    expect(ext.requests().every((r) => r.authorized && r.withDecryption)).toBe(true);
  });

  it('refuses a Slack request signed with another secret, no SDK', async () => {
    expect(await cold('slack', slackEvent('help', 'not-the-secret'))).toMatchObject({
      status: 401,
      sdk: false,
    });
  });

  it("answers Discord's signed PING with PONG and refuses an unsigned one, no SDK", async () => {
    const pong = await cold('discord', discordEvent(PING));
    expect(pong).toMatchObject({ status: 200, sdk: false });
    expect(JSON.parse(pong.body)).toEqual({ type: 1 });
    expect(await cold('discord', discordEvent(PING, false))).toMatchObject({ status: 401, sdk: false });
  });

  it('loads the DynamoDB client for a quiz, which is stored, and posts it', async () => {
    const before = slack.calls('chat.postMessage').length;
    expect(await cold('slack', slackEvent('quiz'))).toMatchObject({ status: 200, sdk: true });
    expect(slack.calls('chat.postMessage').length).toBe(before + 1);
  });
});
