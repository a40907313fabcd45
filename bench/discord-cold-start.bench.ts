/**
 * `npm run bench discord`: the Discord handler's cold start next to the floor for any Discord
 * interactions endpoint: a minimal handler that checks the Ed25519 signature with node:crypto and
 * answers PING with PONG. Both are bundled with the project's esbuild settings
 * (infra/esbuild-options.cjs: minified ESM, platform node, target node22, each `import()` in a chunk
 * file beside the handler, as in the function's zip); a fresh `node` process imports one and answers
 * one signed request, and we time process start to first response.
 *
 * Runs are paired (anchor then StudyBot, then the other way round) so load on the machine falls on
 * both alike; the figure that matters is the median of the per-pair differences (target ≤ +60 ms).
 * StudyBot runs as deployed: its secrets come through a local stand-in for the AWS Parameters and
 * Secrets extension (SSM_PREFIX set, nothing secret in the environment); the anchor reads its public
 * key from the environment.
 *
 * Also measured, so the choices stay backed by numbers:
 * - "rest eager": @discordjs/rest evaluated at start instead of on the first REST call;
 * - "single file": the same build without code splitting, so every lazily imported module (the bot,
 *   the DynamoDB client, the question bank) is still parsed at start, though not evaluated;
 * - "full discord.js": the gateway client imported at start (what a discord.js bot would load),
 *   if discord.js can be resolved (install it outside the project with
 *   `npm install --prefix /tmp/studybot-djs --ignore-scripts discord.js@14`, or set DISCORD_JS_DIR).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { startFakeParametersExtension } from '../test/support/fake-parameters-extension.ts';
import { discordHeaders, discordKeys } from '../test/support/platform-requests.ts';
import { buildLambda, type LambdaBuild } from './bundles.bench.ts';
import type { Figure } from './run.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, '.esbuild', 'bench-discord');
const PAIRS = 11;
const RUNS = 7;
const SSM_PREFIX = '/studybot/bench';
const SESSION_TOKEN = 'bench-session-token';
const require = createRequire(import.meta.url);
const { ESBUILD } = require('../infra/esbuild-options.cjs') as { ESBUILD: BuildOptions };
const DJS_DIR = process.env.DISCORD_JS_DIR ?? '/tmp/studybot-djs';

const keys = discordKeys();

/** The floor: verify Discord's signature with node:crypto, answer PING with PONG. */
const ANCHOR_SOURCE = `
import { createPublicKey, verify } from 'node:crypto';
const key = createPublicKey({
  key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(process.env.DISCORD_PUBLIC_KEY, 'hex')]),
  format: 'der',
  type: 'spki',
});
export const handler = async (event) => {
  const signature = event.headers['x-signature-ed25519'];
  const timestamp = event.headers['x-signature-timestamp'];
  if (!signature || !timestamp || !verify(null, Buffer.from(timestamp + event.body), key, Buffer.from(signature, 'hex')))
    return { statusCode: 401, body: 'invalid request signature' };
  const interaction = JSON.parse(event.body);
  if (interaction.type === 1) return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"type":1}' };
  return { statusCode: 400, body: 'unknown interaction' };
};`;

/** A signed API Gateway v2 event for this interaction, signed for "now" in the child. */
function eventFor(interaction: unknown, ts: number) {
  const body = JSON.stringify(interaction);
  return { version: '2.0', headers: discordHeaders(body, ts, keys), body, isBase64Encoded: false };
}

const PING = { id: '1', application_id: '1', type: 1, token: 't', version: 1 };
const HELP = {
  id: '2',
  application_id: '1',
  type: 2,
  token: 't',
  version: 1,
  guild_id: 'G1',
  channel_id: 'C1',
  member: { user: { id: 'U1', username: 'bench' }, permissions: '0' },
  data: { id: '1', name: 'studybot', type: 1, options: [{ name: 'help', type: 1 }] },
};

/**
 * The child: import the bundle, hand it the event, print the status. performance.now() in a fresh
 * process counts from process start, so it includes Node's boot, the import and the request.
 */
function driver(bundle: string, event: unknown): string {
  return [
    `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});`,
    `const res = await handler(${JSON.stringify(event)});`,
    'const ms = performance.now();',
    'if (res.statusCode !== 200) { console.error(res.statusCode, res.body); process.exit(1); }',
    'process.stdout.write(String(ms));',
    // Do not wait for sockets or timers: the figure is the first response.
    'process.exit(0);',
  ].join('\n');
}

async function once(bundle: string, interaction: unknown, env: NodeJS.ProcessEnv): Promise<number> {
  const code = driver(bundle, eventFor(interaction, Math.floor(Date.now() / 1000)));
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (exit !== 0) throw new Error(`bench child failed: ${err.split('\n').slice(-6).join('\n')}`);
  return Number(out);
}

function medianOf(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function median(bundle: string, interaction: unknown, env: NodeJS.ProcessEnv): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await once(bundle, interaction, env));
  return medianOf(samples);
}

async function bundle(
  name: string,
  contents: string | undefined,
  extra: BuildOptions = {},
): Promise<LambdaBuild> {
  const entry = contents
    ? { stdin: { contents, resolveDir: root, sourcefile: `${name}.ts`, loader: 'ts' as const } }
    : { entryPoints: [join(root, 'src/handlers/discord.ts')] };
  // A folder each: the handler file and its chunks, as in the function's zip.
  return buildLambda({ ...ESBUILD, absWorkingDir: root, ...entry, ...extra }, join(outDir, name));
}

const kb = (bytes: number) => Math.round(bytes / 1024);

export async function bench(): Promise<Figure[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const extension = await startFakeParametersExtension({
    token: SESSION_TOKEN,
    parameters: {
      [`${SSM_PREFIX}/discord-public-key`]: keys.publicKeyHex,
      [`${SSM_PREFIX}/discord-application-id`]: '1',
      [`${SSM_PREFIX}/discord-bot-token`]: 'bench',
    },
  });
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    DISCORD_API_URL: 'http://127.0.0.1:9/api',
    DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
    DYNAMODB_TABLE: 'studybot-bench',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    LOG_LEVEL: 'error',
  };
  delete base.NODE_OPTIONS; // tsx registers itself here; the measured process must be plain node
  for (const name of ['DISCORD_PUBLIC_KEY', 'DISCORD_APPLICATION_ID', 'DISCORD_BOT_TOKEN', 'SSM_PREFIX'])
    delete base[name];
  // StudyBot as deployed: secrets only through the extension stand-in.
  const env: NodeJS.ProcessEnv = {
    ...base,
    SSM_PREFIX,
    AWS_SESSION_TOKEN: SESSION_TOKEN,
    PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(extension.port),
  };
  const anchorEnv: NodeJS.ProcessEnv = { ...base, DISCORD_PUBLIC_KEY: keys.publicKeyHex };

  try {
    const deployedBuild = await bundle('discord', undefined);
    const deployed = deployedBuild.file;
    // The anchor has no stand-ins to take (it imports only node:crypto) and nothing to split.
    const anchor = (await bundle('discord-anchor', ANCHOR_SOURCE, { alias: {}, plugins: [] })).file;

    const ping: number[] = [];
    const floor: number[] = [];
    const over: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      let ours: number;
      let theirs: number;
      if (i % 2) {
        ours = await once(deployed, PING, env);
        theirs = await once(anchor, PING, anchorEnv);
      } else {
        theirs = await once(anchor, PING, anchorEnv);
        ours = await once(deployed, PING, env);
      }
      ping.push(ours);
      floor.push(theirs);
      over.push(ours - theirs);
    }
    const figures: Figure[] = [
      {
        name: 'discord deployed: bundle',
        value: kb(deployedBuild.bytes),
        unit: 'KB',
        note: `what we ship: the handler and ${deployedBuild.files.length - 1} chunk files`,
      },
      {
        name: 'discord deployed: parsed before PING',
        value: kb(deployedBuild.startBytes),
        unit: 'KB',
        note: 'the handler file and the chunks it imports statically',
      },
      {
        name: 'discord deployed: start → PONG',
        value: medianOf(ping),
        unit: 'ms',
        note: `fresh node, signed PING, median of ${PAIRS} paired runs; secrets via the extension stand-in`,
      },
      {
        name: 'discord anchor: start → PONG',
        value: medianOf(floor),
        unit: 'ms',
        note: 'node:crypto Ed25519 + PONG, same build settings',
      },
      {
        name: 'discord deployed − anchor (target ≤ +60 ms)',
        value: medianOf(over),
        unit: 'ms',
        note: 'median of per-pair differences',
      },
      {
        name: 'discord deployed: start → /studybot help',
        value: await median(deployed, HELP, env),
        unit: 'ms',
        note: `fresh node, signed command, median of ${RUNS}`,
      },
    ];
    if (extension.requests().some((r) => !r.authorized))
      throw new Error('a secrets read had no session token');

    const handlerPath = JSON.stringify(join(root, 'src/handlers/discord.ts'));
    const variants: { name: string; build: LambdaBuild; note: string }[] = [
      {
        name: 'rest eager',
        build: await bundle(
          'discord-rest-eager',
          `import '@discordjs/rest';\nexport { handler } from ${handlerPath};`,
        ),
        note: '@discordjs/rest evaluated at start',
      },
      {
        name: 'single file',
        build: await bundle('discord-single-file', undefined, {
          plugins: (ESBUILD.plugins ?? []).filter((p) => p.name !== 'studybot-lambda-chunks'),
        }),
        note: 'no code splitting: every lazy import parsed at start',
      },
    ];
    if (existsSync(join(DJS_DIR, 'node_modules', 'discord.js'))) {
      const build = await bundle(
        'discord-full-djs',
        `import { Client } from 'discord.js';\nexport const _c = Client;\nexport { handler } from ${handlerPath};`,
        {
          nodePaths: [join(DJS_DIR, 'node_modules')],
          external: ['zlib-sync', 'bufferutil', 'utf-8-validate'],
        },
      );
      variants.push({
        name: 'full discord.js client',
        build,
        note: 'Client imported at start (gateway lib)',
      });
    } else {
      figures.push({
        name: 'discord full discord.js client',
        value: Number.NaN,
        unit: '',
        note: `not installed in ${DJS_DIR}`,
      });
    }
    for (const v of variants) {
      figures.push({
        name: `discord ${v.name}: parsed before PING`,
        value: kb(v.build.startBytes),
        unit: 'KB',
        note: v.note,
      });
      figures.push({
        name: `discord ${v.name}: start → PONG`,
        value: await median(v.build.file, PING, env),
        unit: 'ms',
        note: `fresh node, signed PING, median of ${RUNS}`,
      });
    }
    writeFileSync(
      join(outDir, 'README'),
      'Bundles built by bench/discord-cold-start.bench.ts; safe to delete.\n',
    );
    return figures;
  } finally {
    await extension.close();
  }
}
