import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type BuildOptions, build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { content } from '../../src/content/index.ts';
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
/**
 * What a chat function parses before its handler's first line runs (the handler file and the chunks
 * it imports statically): everything else waits for the import() that needs it. Today ~46 KB for
 * Discord and ~200 KB for Slack (Bolt); discord-api-types (~90 KB) back at start would fail this.
 */
const MAX_START_KB: Record<string, number> = { discord: 100, slack: 320 };
/** Paths that must never be an input of a Lambda bundle: local-only code and dev/test tooling. */
const FORBIDDEN_INPUT =
  /node_modules\/(dynalite|leveldown|level|memdown|abstract-leveldown|tsx|yaml|vitest|playwright|playwright-core|amplify-dynamodb-simulator)\/|(^|\/)src\/local\//;

/**
 * The relative imports of one minified ES module: `import…from"./x.mjs"` and `import"./x.mjs"`
 * (evaluated with the file) and `import("./x.mjs")` (when that code runs), resolved to zip paths.
 */
function importsOf(file: string, code: string): { static: string[]; dynamic: string[] } {
  const resolve = (spec: string) => posix.normalize(posix.join(posix.dirname(file), spec));
  const matches = (re: RegExp) => [...code.matchAll(re)].map((m) => resolve(m[1]!));
  return {
    static: matches(/(?:\bfrom|\bimport)\s*["'](\.\.?\/[^"']+)["']/g),
    dynamic: matches(/\bimport\s*\(\s*["'](\.\.?\/[^"']+)["']\s*\)/g),
  };
}

/** The zip paths reachable from `from` by following imports (static only, or dynamic too). */
function closure(files: Map<string, Buffer>, from: string, withDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = files.get(file);
    if (!code) return;
    const { static: eager, dynamic } = importsOf(file, code.toString('utf8'));
    for (const next of withDynamic ? [...eager, ...dynamic] : eager) visit(next);
  };
  visit(from);
  return seen;
}

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
      outdir: join(ROOT, '.esbuild', 'deploy-test'),
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
  /** Each function's zip: its entries by path, and the handler file the runtime imports. */
  const zips = new Map<string, { handler: string; files: Map<string, Buffer> }>();
  beforeAll(() => {
    for (const name of FUNCTIONS)
      zips.set(name, {
        handler: `${handlerFile(name)}.mjs`,
        files: readZip(join(PACKAGE_DIR, `${name}.zip`)),
      });
  });
  const codeOf = (name: string) =>
    [...zips.get(name)!.files.values()].map((b) => b.toString('utf8')).join('\n');

  it.each(FUNCTIONS)(
    '%s.zip holds its handler and exactly the chunk files it can import (no node_modules, no source maps, nothing of another function)',
    (name) => {
      const { handler, files } = zips.get(name)!;
      const paths = [...files.keys()];
      expect(paths, `${name}.zip`).toContain(handler);
      // Code splitting (infra/esbuild-options.cjs): the handler's chunks, in a folder named after it.
      const chunkDir = `${handlerFile(name)}.chunks/`;
      expect(paths.filter((p) => p !== handler && !(p.startsWith(chunkDir) && p.endsWith('.mjs')))).toEqual(
        [],
      );
      // Every relative import of every file is in the zip: none would fail at run time.
      const missing = paths.flatMap((p) => {
        const { static: eager, dynamic } = importsOf(p, files.get(p)!.toString('utf8'));
        return [...eager, ...dynamic].filter((target) => !files.has(target)).map((t) => `${p} -> ${t}`);
      });
      expect(missing).toEqual([]);
      // And every file in the zip can be reached from the handler: nothing shipped that never loads.
      expect([...closure(files, handler, true)].sort()).toEqual(paths.sort());
    },
  );

  it.each(FUNCTIONS)('%s.zip holds minified ESM under the size ceiling, the handler exported', (name) => {
    const { handler, files } = zips.get(name)!;
    const bytes = [...files.values()].reduce((n, b) => n + b.length, 0);
    expect(bytes / 1024).toBeLessThan(MAX_BUNDLE_KB);
    expect(files.get(handler)!.toString('utf8')).toMatch(/export\s*\{[^}]*\bas handler\b/);
  });

  it.each(Object.keys(MAX_START_KB))(
    '%s.zip parses at start neither the DynamoDB client nor the question bank, which are in the zip for the requests that need them',
    (name) => {
      const { handler, files } = zips.get(name)!;
      const start = [...closure(files, handler, false)];
      const startBytes = start.reduce((n, p) => n + files.get(p)!.length, 0);
      expect(startBytes / 1024).toBeLessThan(MAX_START_KB[name]!);
      // keepNames keeps the class name; a question id is a string of the bank's.
      for (const marker of ['DynamoDBClient', content.questions[0]!.id]) {
        const holders = [...files.keys()].filter((p) => files.get(p)!.toString('utf8').includes(marker));
        expect(holders.length, `${marker} is somewhere in ${name}.zip`).toBeGreaterThan(0);
        expect(
          holders.filter((p) => start.includes(p)),
          `${marker} is parsed at start`,
        ).toEqual([]);
      }
    },
  );

  it.each(FUNCTIONS)('%s.zip holds no development secret or signer', (name) => {
    const code = codeOf(name);
    for (const value of Object.values(DEV_SECRETS)) expect(code).not.toContain(value);
    expect(code).not.toContain('studybot-local-development-seed');
  });

  it.each(FUNCTIONS)(
    '%s.zip is built only from deployable code (no dynalite, leveldb, tsx, yaml, vitest, playwright, src/local)',
    async (name) => {
      const entry = `${sls.functions[name]!.handler.replace(/\.[^.]+$/, '')}.ts`;
      // serverless-esbuild builds each handler into a folder named as the handler's own.
      const outdir = join(ROOT, '.esbuild', 'deploy-test', dirname(entry));
      const result = await build({
        ...ESBUILD,
        absWorkingDir: ROOT,
        entryPoints: [entry],
        write: false,
        metafile: true,
        outdir,
      });
      // The same options on the same sources give the same bytes, file for file: so this input list
      // is the zip's.
      const rebuilt = new Map(
        result.outputFiles.map((f) => [posix.join(dirname(entry), relative(outdir, f.path)), f.text]),
      );
      const zipped = new Map([...zips.get(name)!.files].map(([p, b]) => [p, b.toString('utf8')]));
      expect(
        [...rebuilt.keys()].sort().join('\n') === [...zipped.keys()].sort().join('\n') &&
          [...rebuilt].every(([p, text]) => zipped.get(p) === text),
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
      // Each zip unpacked into a folder of its own, as Lambda unpacks it into /var/task.
      dir = mkdtempSync(join(tmpdir(), 'studybot-zips-'));
      for (const [name, { files }] of zips) {
        for (const [path, code] of files) {
          const file = join(dir, name, path);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, code);
        }
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
    async function invoke(
      name: string,
      event: unknown,
      extraEnv: NodeJS.ProcessEnv = {},
    ): Promise<{ statusCode?: number; body?: string }> {
      const url = pathToFileURL(join(dir, name, zips.get(name)!.handler)).href;
      const code = `const { handler } = await import(${JSON.stringify(url)});
        const result = await handler(JSON.parse(process.env.EVENT), {}, () => {});
        process.stdout.write(JSON.stringify(result ?? null));`;
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], {
        env: { ...env, ...extraEnv, EVENT: JSON.stringify(event) },
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

    it('the discord bundle answers /studybot help and a topic autocomplete from the chunks it imports on demand', async () => {
      const interaction = (type: number, options: unknown[]) =>
        JSON.stringify({
          id: '2',
          application_id: '100000000000000001',
          type,
          token: 't',
          version: 1,
          guild_id: 'G1',
          channel_id: 'C1',
          member: { user: { id: 'U1', username: 'deploy-test' }, permissions: '0' },
          data: { id: '1', name: 'studybot', type: 1, options },
        });
      const signed = (body: string) =>
        httpEvent('/discord/interactions', discordHeaders(body, Math.floor(Date.now() / 1000), keys), body);
      // The bot (create-bot and what it imports) loads for a command.
      const help = await invoke('discord', signed(interaction(2, [{ name: 'help', type: 1 }])));
      expect(help.statusCode).toBe(200);
      expect(help.body).toContain('/studybot recommend');
      // Autocomplete reads the question bank, which only its chunk imports.
      const topics = await invoke(
        'discord',
        signed(
          interaction(4, [
            { name: 'quiz', type: 1, options: [{ name: 'topic', type: 3, value: 'autosc', focused: true }] },
          ]),
        ),
      );
      expect(topics.statusCode).toBe(200);
      expect(JSON.parse(topics.body ?? '{}')).toMatchObject({
        type: 8,
        data: { choices: [{ value: 'autoscaling' }] },
      });
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

    it.each(['daily', 'dailyWorker'])(
      'the %s bundle reads its tokens from SSM at start, with the SSM client from its chunk file',
      async (name) => {
        // A stand-in for SSM's GetParameters: the client is imported lazily, so this is the chunk's code.
        const asked: string[] = [];
        const ssm = createServer((req, res) => {
          let body = '';
          req.on('data', (d: Buffer) => {
            body += d.toString();
          });
          req.on('end', () => {
            const names = (JSON.parse(body || '{}') as { Names?: string[] }).Names ?? [];
            asked.push(...names);
            res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
            res.end(
              JSON.stringify({
                Parameters: names.map((n) => ({ Name: n, Type: 'SecureString', Value: 'from-ssm' })),
              }),
            );
          });
        });
        await new Promise<void>((resolve) => ssm.listen(0, '127.0.0.1', resolve));
        try {
          const event =
            name === 'daily'
              ? { 'detail-type': 'Scheduled Event', source: 'aws.events', time: new Date().toISOString() }
              : { Records: [] };
          await invoke(name, event, {
            SSM_PREFIX: '/studybot/deploy-test',
            AWS_ENDPOINT_URL_SSM: `http://127.0.0.1:${(ssm.address() as AddressInfo).port}`,
            AWS_ACCESS_KEY_ID: 'deploy-test',
            AWS_SECRET_ACCESS_KEY: 'deploy-test',
            SLACK_BOT_TOKEN: undefined,
            DISCORD_BOT_TOKEN: undefined,
          });
          expect(asked.sort()).toEqual([
            '/studybot/deploy-test/discord-bot-token',
            '/studybot/deploy-test/slack-bot-token',
          ]);
        } finally {
          ssm.close();
        }
      },
    );
  });
});
