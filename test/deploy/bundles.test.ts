import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type BuildOptions, build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEV_SECRETS } from '../../src/local/dev-secrets.ts';
import { dynamoTargets, freshTable } from '../support/dynamo.ts';
import {
  discordHeaders,
  discordKeys,
  slackHeaders,
  slashCommandBody,
  TEST_SLACK_SECRET,
} from '../support/platform-requests.ts';
import { describePackaged, PACKAGE_DIR, ROOT, readZip } from './packaged.ts';

/** The Lambda zips `npm run package` writes: what is in them, what is not, and that they run. */

const require = createRequire(import.meta.url);
const { ESBUILD } = require('../../infra/esbuild-options.cjs') as { ESBUILD: BuildOptions };
const run = promisify(execFile);

const sls = parse(readFileSync(join(ROOT, 'serverless.yml'), 'utf8'), { logLevel: 'error' }) as {
  custom: { esbuild: { config: string } };
  functions: Record<string, { handler: string }>;
};
const FUNCTIONS = Object.keys(sls.functions);
/** `src/handlers/daily-worker` for `handler: src/handlers/daily-worker.handler`. */
const handlerFile = (name: string) => sls.functions[name]!.handler.replace(/\.handler$/, '');
/** Generous ceilings that still catch a dependency pulled in by mistake (the bench has the real sizes). */
const MAX_BUNDLE_KB = 5120;
/** Paths that must never be an input of a Lambda bundle: local-only code and dev/test tooling. */
const FORBIDDEN_INPUT =
  /node_modules\/(dynalite|leveldown|level|memdown|abstract-leveldown|tsx|yaml|vitest|playwright|playwright-core|amplify-dynamodb-simulator)\/|(^|\/)src\/local\//;

describe('the Lambda build options', () => {
  it('are the file serverless-esbuild loads, so the bench measures what is deployed', () => {
    expect(sls.custom.esbuild.config).toBe('./infra/esbuild-options.cjs');
  });

  it.each([
    ['the development signer', '../../src/local/dev-secrets.ts'],
    ['the embedded dynalite server', '../../src/local/embedded-dynamo.ts'],
    ['dynalite', 'dynalite'],
    ['tsx', 'tsx'],
    ['yaml', 'yaml'],
  ])('refuse to bundle %s', async (_, path) => {
    const attempt = build({
      ...ESBUILD,
      logLevel: 'silent',
      write: false,
      stdin: {
        contents: `import * as m from '${path}'; console.log(m);`,
        resolveDir: join(ROOT, 'test', 'deploy'),
        loader: 'ts',
      },
    });
    await expect(attempt).rejects.toThrow(/local-only and must not be bundled into a Lambda/);
  });
});

describePackaged('the packaged Lambda zips', () => {
  const bundles = new Map<string, Buffer>();
  beforeAll(() => {
    for (const name of FUNCTIONS) {
      const entries = readZip(join(PACKAGE_DIR, `${name}.zip`));
      // One file per zip: no node_modules, no source maps, nothing another function imports.
      expect([...entries.keys()], `${name}.zip`).toEqual([`${handlerFile(name)}.mjs`]);
      bundles.set(name, entries.get(`${handlerFile(name)}.mjs`)!);
    }
  });

  it.each(FUNCTIONS)('%s.zip holds one minified ESM bundle under the size ceiling', (name) => {
    const code = bundles.get(name)!;
    expect(code.length / 1024).toBeLessThan(MAX_BUNDLE_KB);
    expect(code.toString('utf8')).toMatch(/export\s*\{[^}]*\bas handler\b/);
  });

  it.each(FUNCTIONS)('%s.zip holds no development secret or signer', (name) => {
    const code = bundles.get(name)!.toString('utf8');
    for (const value of Object.values(DEV_SECRETS)) expect(code).not.toContain(value);
    expect(code).not.toContain('studybot-local-development-seed');
  });

  it.each(FUNCTIONS)(
    '%s.zip is built only from deployable code (no dynalite, leveldb, tsx, yaml, vitest, playwright, src/local)',
    async (name) => {
      const entry = `${sls.functions[name]!.handler.replace(/\.[^.]+$/, '')}.ts`;
      const result = await build({
        ...ESBUILD,
        absWorkingDir: ROOT,
        entryPoints: [entry],
        write: false,
        metafile: true,
        outdir: join(ROOT, '.esbuild', 'deploy-test'),
      });
      // The same options on the same sources give the same bytes: so this input list is the zip's.
      const rebuilt = result.outputFiles[0]!.text;
      expect(
        rebuilt === bundles.get(name)!.toString('utf8'),
        `${name}.zip is stale: run \`npm run package\` again`,
      ).toBe(true);
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs).toContain(entry);
      expect(inputs.filter((p) => FORBIDDEN_INPUT.test(p))).toEqual([]);
    },
  );

  describe('run as Lambda runs them', () => {
    const keys = discordKeys();
    let dir: string;
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'studybot-zips-'));
      for (const [name, code] of bundles) {
        const file = join(dir, `${handlerFile(name)}.mjs`);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, code);
      }
      const target = dynamoTargets[0]!;
      const { tableName } = await freshTable(target);
      env = {
        PATH: process.env.PATH,
        AWS_REGION: 'us-east-1',
        DYNAMODB_ENDPOINT: target.endpoint,
        DYNAMODB_TABLE: tableName,
        SLACK_SIGNING_SECRET: TEST_SLACK_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-test',
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        DISCORD_APPLICATION_ID: '100000000000000001',
        DISCORD_BOT_TOKEN: 'discord-test',
        // Nothing leaves the machine: any call to Slack or Discord would fail fast here.
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
        DISCORD_API_URL: 'http://127.0.0.1:9/api',
        LOG_LEVEL: 'error',
      };
    });

    /** Imports the bundle in a fresh node process (a cold start) and invokes its handler once. */
    async function invoke(name: string, event: unknown): Promise<{ statusCode?: number; body?: string }> {
      const url = pathToFileURL(join(dir, `${handlerFile(name)}.mjs`)).href;
      const code = `const { handler } = await import(${JSON.stringify(url)});
        const result = await handler(JSON.parse(process.env.EVENT), {}, () => {});
        process.stdout.write(JSON.stringify(result ?? null));`;
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], {
        env: { ...env, EVENT: JSON.stringify(event) },
        timeout: 20_000,
      });
      return JSON.parse(stdout) as { statusCode?: number; body?: string };
    }

    function httpEvent(path: string, headers: Record<string, string>, body: string): APIGatewayProxyEventV2 {
      const now = Date.now();
      return {
        version: '2.0',
        routeKey: `POST ${path}`,
        rawPath: path,
        rawQueryString: '',
        headers,
        body,
        isBase64Encoded: false,
        requestContext: {
          accountId: '123456789012',
          apiId: 'api',
          domainName: 'api.execute-api.us-east-1.amazonaws.com',
          domainPrefix: 'api',
          http: { method: 'POST', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
          requestId: `deploy-test-${now}`,
          routeKey: `POST ${path}`,
          stage: '$default',
          time: new Date(now).toISOString(),
          timeEpoch: now,
        },
      };
    }

    it('the slack bundle answers a signed /studybot help with the command list', async () => {
      const body = slashCommandBody({ text: 'help' });
      const headers = {
        'content-type': 'application/x-www-form-urlencoded',
        ...slackHeaders(body, Math.floor(Date.now() / 1000)),
      };
      const res = await invoke('slack', httpEvent('/slack/events', headers, body));
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('/studybot recommend');
    });

    it('the slack bundle refuses a request signed with another secret', async () => {
      const body = slashCommandBody({ text: 'help' });
      const headers = slackHeaders(body, Math.floor(Date.now() / 1000), 'not-the-secret');
      const res = await invoke('slack', httpEvent('/slack/events', headers, body));
      expect(res.statusCode).toBe(401);
    });

    it("the discord bundle answers Discord's signed PING with PONG and refuses an unsigned one", async () => {
      const body = JSON.stringify({
        type: 1,
        id: '1',
        application_id: '100000000000000001',
        token: 't',
        version: 1,
      });
      const signed = await invoke(
        'discord',
        httpEvent('/discord/interactions', discordHeaders(body, Math.floor(Date.now() / 1000), keys), body),
      );
      expect(signed.statusCode).toBe(200);
      expect(JSON.parse(signed.body ?? '{}')).toEqual({ type: 1 });
      const unsigned = await invoke(
        'discord',
        httpEvent('/discord/interactions', { 'content-type': 'application/json' }, body),
      );
      expect(unsigned.statusCode).toBe(401);
    });

    it('the daily bundle runs a scheduled tick', async () => {
      await expect(
        invoke('daily', {
          'detail-type': 'Scheduled Event',
          source: 'aws.events',
          time: new Date().toISOString(),
        }),
      ).resolves.toBeDefined();
    });
  });
});
