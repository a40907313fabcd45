/**
 * `npm run bench bundles`: each Lambda's bundle size and cold init, built with the same esbuild
 * options serverless-esbuild uses (infra/esbuild-options.cjs), for every function in serverless.yml.
 * Cold init is the wall time of a fresh `node` process that imports the bundle and exits: what a
 * Lambda cold start pays before the first request, less the runtime's own boot.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { type BuildOptions, build } from 'esbuild';
import { parse } from 'yaml';
import type { Figure } from './run.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, '.esbuild', 'bench');
const RUNS = 5;

const require = createRequire(import.meta.url);
const { ESBUILD } = require('../infra/esbuild-options.cjs') as { ESBUILD: BuildOptions };

/** Function name -> TypeScript entry, read from serverless.yml so the bench follows the deployment. */
export function lambdaEntries(): Map<string, string> {
  // logLevel error: CloudFormation tags such as !Ref are not YAML the parser knows; they stay strings.
  const sls = parse(readFileSync(join(root, 'serverless.yml'), 'utf8'), { logLevel: 'error' }) as {
    functions: Record<string, { handler: string }>;
  };
  return new Map(
    Object.entries(sls.functions).map(([name, fn]) => [
      name,
      `${fn.handler.slice(0, fn.handler.lastIndexOf('.'))}.ts`,
    ]),
  );
}

/** Dummy values for every secret, so each handler's config loads without SSM or dev secrets. */
const ENV: Record<string, string> = {
  SLACK_SIGNING_SECRET: 'bench-signing-secret',
  SLACK_BOT_TOKEN: 'xoxb-bench',
  DISCORD_PUBLIC_KEY: 'a'.repeat(64),
  DISCORD_APPLICATION_ID: '1',
  DISCORD_BOT_TOKEN: 'bench',
  DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
  DYNAMODB_TABLE: 'studybot-bench',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  LOG_LEVEL: 'error',
};

function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.SSM_PREFIX;
  delete env.NODE_OPTIONS; // tsx registers itself here; the measured process must be plain node
  return env;
}

/** Wall time of one fresh node process importing `file` (an empty import when file is undefined). */
async function timeProcess(file: string | undefined, env: NodeJS.ProcessEnv): Promise<number> {
  const code = file ? `await import(${JSON.stringify(pathToFileURL(file).href)});` : '';
  const start = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = performance.now() - start;
  if (exitCode !== 0) throw new Error(`importing ${file} failed: ${stderr.split('\n').slice(-8).join('\n')}`);
  return ms;
}

async function median(file: string | undefined, env: NodeJS.ProcessEnv): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await timeProcess(file, env));
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

/** One Lambda's build: its handler file and the chunk files beside it (infra/esbuild-options.cjs). */
export interface LambdaBuild {
  /** The handler file, which the runtime imports. */
  file: string;
  /** Every file written, handler included: what the function's zip holds. */
  files: string[];
  bytes: number;
  /** The handler and the chunks it imports statically: parsed before the handler's first line runs. */
  startBytes: number;
}

/**
 * Builds one entry (a path, or `stdin`) into `outdir` as serverless-esbuild does: code splitting puts
 * each `import()` in a chunk file, so the figures are the handler's start-up share and the total.
 */
export async function buildLambda(options: BuildOptions, outdir: string): Promise<LambdaBuild> {
  const cwd = options.absWorkingDir ?? root;
  const result = await build({ absWorkingDir: root, ...options, outdir, metafile: true, write: true });
  const outputs = result.metafile.outputs;
  // Chunks for import() count as entry points too; the handler is the one output at the top.
  const top = relative(cwd, outdir);
  const entries = Object.keys(outputs).filter((f) => outputs[f]!.entryPoint && dirname(f) === top);
  if (entries.length !== 1)
    throw new Error(`expected one handler file in ${outdir}, got ${entries.join(', ')}`);
  const start = new Set<string>();
  const visit = (file: string) => {
    if (start.has(file)) return;
    start.add(file);
    for (const i of outputs[file]!.imports)
      if (i.kind === 'import-statement' && !i.external && outputs[i.path]) visit(i.path);
  };
  visit(entries[0]!);
  const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + outputs[f]!.bytes, 0);
  return {
    file: join(cwd, entries[0]!),
    files: Object.keys(outputs).map((f) => join(cwd, f)),
    bytes: sum(Object.keys(outputs)),
    startBytes: sum(start),
  };
}

async function bundle(entry: string, dir: string, extra: BuildOptions = {}): Promise<LambdaBuild> {
  return buildLambda({ ...ESBUILD, absWorkingDir: root, entryPoints: [entry], ...extra }, dir);
}

/**
 * A stand-in for SSM's GetParameters, so a cold start can read its secrets the way it does in
 * Lambda (SSM_PREFIX set) without leaving the machine.
 */
async function startFakeSsm(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      const names = (JSON.parse(body || '{}') as { Names?: string[] }).Names ?? [];
      const value = (name: string) => (name.endsWith('discord-public-key') ? 'a'.repeat(64) : 'bench');
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify({
          Parameters: names.map((n) => ({ Name: n, Type: 'SecureString', Value: value(n) })),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

export async function bench(): Promise<Figure[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const env = { ...baseEnv(), ...ENV };
  const figures: Figure[] = [];
  const nodeAlone = await median(undefined, env);
  figures.push({
    name: 'node process, empty import (baseline)',
    value: nodeAlone,
    unit: 'ms',
    note: `median of ${RUNS}`,
  });

  const built = new Map<string, LambdaBuild>();
  for (const [name, entry] of lambdaEntries()) {
    const lambda = await bundle(entry, join(outDir, name));
    built.set(name, lambda);
    const zipped = lambda.files.reduce((n, f) => n + deflateRawSync(readFileSync(f), { level: 9 }).length, 0);
    figures.push({
      name: `${name}: bundle`,
      value: Math.round(lambda.bytes / 1024),
      unit: 'KB',
      note: `minified ESM, ${lambda.files.length} files`,
    });
    figures.push({
      name: `${name}: parsed at start`,
      value: Math.round(lambda.startBytes / 1024),
      unit: 'KB',
      note: 'the handler file and the chunks it imports statically',
    });
    figures.push({
      name: `${name}: bundle deflated`,
      value: Math.round(zipped / 1024),
      unit: 'KB',
      note: '≈ zip size',
    });
    figures.push({
      name: `${name}: cold init`,
      value: await median(lambda.file, env),
      unit: 'ms',
      note: `fresh node importing the bundle, median of ${RUNS}`,
    });
  }

  // Bundle the AWS SDK or use the one in the nodejs22.x runtime? The daily functions read their
  // tokens with the SSM client at every cold start (the chat functions use the secrets extension on
  // their first request instead, see slack-/discord-cold-start); compare both ways against a local
  // SSM stand-in.
  const ssm = await startFakeSsm();
  try {
    // No secrets in the environment: they must come through the SSM client, as in Lambda.
    const ssmEnv: NodeJS.ProcessEnv = {
      ...env,
      SSM_PREFIX: '/studybot/bench',
      AWS_ENDPOINT_URL_SSM: ssm.url,
    };
    for (const key of Object.keys(ENV))
      if (/SECRET|TOKEN|PUBLIC_KEY|APPLICATION_ID/.test(key) && !key.startsWith('AWS_')) delete ssmEnv[key];
    for (const name of ['daily', 'dailyWorker']) {
      const entry = lambdaEntries().get(name);
      if (!entry) continue;
      const bundled = built.get(name)!.file;
      // Resolved from node_modules at run time, as the runtime's preinstalled SDK would be.
      const sdkExternal = await bundle(entry, join(outDir, `${name}.sdk-external`), {
        external: ['@aws-sdk/*'],
      });
      const external = sdkExternal.file;
      const externalBytes = sdkExternal.bytes;
      figures.push({
        name: `${name}: cold init with SSM, SDK bundled`,
        value: await median(bundled, ssmEnv),
        unit: 'ms',
        note: 'what we deploy',
      });
      figures.push({
        name: `${name}: cold init with SSM, SDK from node_modules`,
        value: await median(external, ssmEnv),
        unit: 'ms',
        note: `bundle ${Math.round(externalBytes / 1024)} KB without the SDK`,
      });
    }
  } finally {
    ssm.close();
  }
  return figures;
}
