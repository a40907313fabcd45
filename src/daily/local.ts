import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Config } from '../config.ts';
import { log } from '../log.ts';
import { addSummary, type DailySummary, InProcessQueue } from './pass.ts';
import { createDailyRunnerFromConfig, type DailyRunner } from './runner.ts';

/**
 * The scheduler on this machine. The embedded store is a LevelDB folder only one process may open,
 * so while `npm start` runs, `studybot daily run` asks it to run the pass: the server exposes
 * POST /local/daily-run and writes its URL and a random token to <DATA_DIR>/daily-run.json (the
 * token keeps a tunnel such as ngrok from letting the internet trigger passes). `npm start` also
 * runs a pass every minute, with the in-process queue standing in for SQS.
 */
export const LOCAL_DAILY_PATH = '/local/daily-run';
const TOKEN_HEADER = 'x-studybot-local-token';

export interface LocalDailyEndpoint {
  url: string;
  token: string;
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
      runner = createDailyRunnerFromConfig({
        ...config,
        slackApiUrl: apiUrls.slack,
        discordApiUrl: apiUrls.discord,
      });
      if (!background) return;
      mkdirSync(config.dataDir, { recursive: true });
      file = endpointFile(config.dataDir);
      writeFileSync(file, JSON.stringify({ url: `${url}${LOCAL_DAILY_PATH}`, token }), { mode: 0o600 });
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
