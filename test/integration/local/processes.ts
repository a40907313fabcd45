import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedDynamo } from '../../../src/local/embedded-dynamo.ts';
import { DynamoStudyStore } from '../../../src/store/dynamo-store.ts';
import type { ChannelRef } from '../../../src/store/store.ts';
import { createDocumentClient, ensureTable } from '../../../src/store/table.ts';

/** Helpers for tests that run the real `npm start` and `studybot` processes, as a person would. */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** The environment of someone who set nothing: no secrets, store, port or log settings. */
export function plainEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TERM']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return { ...env, ...extra };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on the port any more. */
export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running process whose output is collected as it comes. */
export interface Running {
  child: ChildProcess;
  output(): string;
  exited: Promise<Finished>;
}

export function start(
  command: string,
  args: string[],
  options: { cwd?: string; env: Record<string, string>; detached?: boolean },
): Running {
  const child = spawn(command, args, {
    cwd: options.cwd ?? REPO,
    env: options.env,
    detached: options.detached ?? false,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, output: () => stdout + stderr, exited };
}

export async function run(
  command: string,
  args: string[],
  options: { cwd?: string; env: Record<string, string>; timeoutMs?: number },
): Promise<Finished> {
  const p = start(command, args, options);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  try {
    return await p.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** `node bin/studybot.mjs ...` in `cwd` (the repository unless told). */
export function runCli(
  args: string[],
  options: { cwd?: string; env: Record<string, string>; nodeArgs?: string[] },
): Promise<Finished> {
  const cwd = options.cwd ?? REPO;
  return run(process.execPath, [...(options.nodeArgs ?? []), join(cwd, 'bin', 'studybot.mjs'), ...args], {
    cwd,
    env: options.env,
  });
}

/**
 * A preload that records every host name the process looks up and answers ENOTFOUND, so a test
 * sees which servers a process tried to reach and none is ever reached.
 */
export function networkRecorder(dir: string): { nodeArgs: string[]; hosts(): string[] } {
  const log = join(dir, 'lookups.log');
  const preload = join(dir, 'record-lookups.mjs');
  writeFileSync(
    preload,
    `import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import { isIP } from 'node:net';
// This machine's names and addresses (the store, local stand-ins) resolve as usual.
const local = (host) => isIP(host) !== 0 || host === 'localhost';
const record = (host) => appendFileSync(${JSON.stringify(log)}, host + '\\n');
const refuse = (host) => Object.assign(new Error('getaddrinfo ENOTFOUND ' + host), { code: 'ENOTFOUND', hostname: host });
const lookup = dns.lookup;
const lookupAsync = dns.promises.lookup;
dns.lookup = function (host, options, callback) {
  if (local(host)) return lookup.call(this, host, options, callback);
  record(host);
  process.nextTick(typeof options === 'function' ? options : callback, refuse(host));
};
dns.promises.lookup = async (host, options) => {
  if (local(host)) return lookupAsync(host, options);
  record(host);
  throw refuse(host);
};
`,
  );
  return {
    nodeArgs: ['--import', preload],
    hosts: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
  };
}

export const SLACK_CHANNEL: ChannelRef = { platform: 'slack', tenantId: 'T0LOCAL', channelId: 'C0DAILY' };
export const DISCORD_CHANNEL: ChannelRef = {
  platform: 'discord',
  tenantId: '200000000000000001',
  channelId: '300000000000000001',
};

/** Subscribes channels to a 09:00 UTC daily question, due since 2026-03-02 09:00. */
export async function subscribe(
  endpoint: string,
  channels: ChannelRef[],
  tableName = 'studybot',
): Promise<void> {
  const doc = createDocumentClient({ endpoint, region: 'us-east-1' });
  await ensureTable(doc, tableName);
  const store = new DynamoStudyStore(doc, tableName);
  for (const channel of channels) {
    await store.setSubscription(
      channel,
      { time: '09:00', timeZone: 'UTC', days: 'daily' },
      '2026-03-02T09:00:00.000Z',
    );
  }
}

/** The same, in the embedded store of a DATA_DIR (opened and closed again). */
export async function subscribeInDataDir(dataDir: string, channels: ChannelRef[]): Promise<void> {
  const embedded = await startEmbeddedDynamo({ path: join(dataDir, 'dynamodb') });
  try {
    await subscribe(embedded.endpoint, channels);
  } finally {
    await embedded.close();
  }
}

/** Channels still due at `at` in a DATA_DIR's embedded store. */
export async function dueInDataDir(dataDir: string, at: string): Promise<string[]> {
  const embedded = await startEmbeddedDynamo({ path: join(dataDir, 'dynamodb') });
  try {
    const store = new DynamoStudyStore(
      createDocumentClient({ endpoint: embedded.endpoint, region: 'us-east-1' }),
      'studybot',
    );
    return (await store.dueChannels(new Date(at), 100)).map(
      (d) => `${d.channel.platform}:${d.channel.channelId}`,
    );
  } finally {
    await embedded.close();
  }
}
