import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Config } from '../config.ts';
import { DEV_SECRETS } from '../local/dev-secrets.ts';
import { log } from '../log.ts';
import { addSummary, type DailySummary, InProcessQueue } from './pass.ts';
import { createDailyRunnerFromConfig, type DailyRunner } from './runner.ts';

/**
 * The scheduler on this machine. The embedded store is a LevelDB folder only one process may open,
 * so while `npm start` runs, `studybot daily run` asks it to run the pass: the server exposes
 * POST /local/daily-run and writes its URL and a random token to <DATA_DIR>/daily-run.json (the
 * token keeps a tunnel such as ngrok from letting the internet trigger passes). `npm start` also
 * runs a pass every minute, with the in-process queue standing in for SQS.
 *
 * The development tokens are never sent to the real Slack or Discord: a platform whose bot token is
 * the development value gets no client unless its API URL is on this machine (the playground's
 * stand-ins, or a test's fake).
 */
export const LOCAL_DAILY_PATH = '/local/daily-run';
const TOKEN_HEADER = 'x-studybot-local-token';

export interface LocalDailyEndpoint {
  url: string;
  token: string;
  /** The server's base URL, and its process (for messages and tests). */
  server?: string;
  pid?: number;
  /** The DynamoDB endpoint the server's pass uses (its embedded store's, or DYNAMODB_ENDPOINT). */
  dynamoEndpoint?: string;
}

export type PlatformName = 'slack' | 'discord';

type PlatformSettings = Pick<
  Config,
  'devSecrets' | 'slackBotToken' | 'slackApiUrl' | 'discordBotToken' | 'discordApiUrl'
>;

/** True for URLs of this machine: localhost, 127.x.x.x, ::1. */
export function isLocalUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '[::1]'
  );
}

/** The platforms this config would call with a development token at a real (not local) API. */
export function devTokensForRealPlatforms(config: PlatformSettings): PlatformName[] {
  const out: PlatformName[] = [];
  const slackDev =
    config.devSecrets.includes('slackBotToken') || config.slackBotToken === DEV_SECRETS.slackBotToken;
  if (slackDev && config.slackBotToken && !isLocalUrl(config.slackApiUrl)) out.push('slack');
  const discordDev =
    config.devSecrets.includes('discordBotToken') || config.discordBotToken === DEV_SECRETS.discordBotToken;
  if (discordDev && config.discordBotToken && !isLocalUrl(config.discordApiUrl)) out.push('discord');
  return out;
}

/** The config without the tokens of `devTokensForRealPlatforms`: those platforms get no client. */
export function withoutDevTokensForRealPlatforms<C extends PlatformSettings>(config: C): C {
  const refused = devTokensForRealPlatforms(config);
  return {
    ...config,
    ...(refused.includes('slack') ? { slackBotToken: '' } : {}),
    ...(refused.includes('discord') ? { discordBotToken: '' } : {}),
  };
}

export function endpointFile(dataDir: string): string {
  return join(dataDir, 'daily-run.json');
}

export function readLocalEndpoint(dataDir: string): LocalDailyEndpoint | undefined {
  try {
    return JSON.parse(readFileSync(endpointFile(dataDir), 'utf8')) as LocalDailyEndpoint;
  } catch {
    return undefined;
  }
}

/** One pass with the in-process queue: what the CLI and the local server run. */
export async function runLocalPass(runner: DailyRunner, now: Date): Promise<DailySummary> {
  const queue = new InProcessQueue((batch) => runner.batch(batch, now));
  const summary = await runner.pass(now, { queue });
  return summary.queued
    ? addSummary({ ...summary, due: 0 }, { ...queue.summary, due: summary.due - summary.queued })
    : summary;
}

/** The local server's part: the route, and (for `npm start`) the endpoint file and the one-minute loop. */
export function localDaily() {
  const token = randomBytes(16).toString('hex');
  let runner: DailyRunner | undefined;
  let timer: NodeJS.Timeout | undefined;
  let file: string | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const route = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    if (!runner || event.headers[TOKEN_HEADER] !== token) return { statusCode: 403, body: 'forbidden' };
    const at = (JSON.parse(event.body || '{}') as { at?: string }).at;
    const now = at ? new Date(at) : new Date();
    if (Number.isNaN(now.getTime())) return { statusCode: 400, body: 'bad --at time' };
    const summary = await runLocalPass(runner, now);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(summary),
    };
  };

  return {
    routes: [{ method: 'POST' as const, path: LOCAL_DAILY_PATH, handler: route }],
    /** Called once the server's URL and the API URLs in use are known. */
    attach(config: Config, apiUrls: { slack: string; discord: string }, url: string, background: boolean) {
      runner = createDailyRunnerFromConfig(
        withoutDevTokensForRealPlatforms({
          ...config,
          slackApiUrl: apiUrls.slack,
          discordApiUrl: apiUrls.discord,
        }),
      );
      if (!background) return;
      mkdirSync(config.dataDir, { recursive: true });
      file = endpointFile(config.dataDir);
      const endpoint: LocalDailyEndpoint = {
        url: `${url}${LOCAL_DAILY_PATH}`,
        token,
        server: url,
        pid: process.pid,
        dynamoEndpoint: config.dynamoEndpoint,
      };
      writeFileSync(file, JSON.stringify(endpoint), { mode: 0o600 });
      timer = setInterval(() => {
        running = runLocalPass(runner!, new Date()).catch((err: unknown) =>
          log.error('local daily pass failed', { err }),
        );
      }, 60_000);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      await running;
      if (file) rmSync(file, { force: true });
    },
  };
}

export async function callLocalServer(
  endpoint: LocalDailyEndpoint,
  at: string | undefined,
): Promise<DailySummary | undefined> {
  try {
    const res = await fetch(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: endpoint.token },
      body: JSON.stringify(at ? { at } : {}),
    });
    if (!res.ok) throw new Error(`local server answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as DailySummary;
  } catch (err) {
    // Nobody listening: the file is left over from a server that stopped without cleaning up.
    if ((err as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') return undefined;
    throw err;
  }
}
