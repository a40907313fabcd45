/**
 * `npm run bench slack-cold-start`: how long a cold Slack Lambda takes to answer its first request.
 * The handler is bundled as it is deployed (infra/esbuild-options.cjs: minified ESM for node22),
 * then each run is a whole new `node` process that imports the bundle and answers one signed
 * request; the time runs from spawning the process to the response arriving on its stdout.
 * Slack gives us 3 s for all of it (plus the network and Lambda's own start, not measured here).
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import { startEmbeddedDynamo } from '../src/local/embedded-dynamo.ts';
import { createDocumentClient, ensureTable } from '../src/store/table.ts';
import { startFakeSlackApi } from '../test/support/fake-slack-api.ts';
import type { Figure } from './run.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;
const SECRET = 'bench-slack-signing-secret';
const TABLE = 'studybot-slack-bench';

const require = createRequire(import.meta.url);
const { ESBUILD } = require('../infra/esbuild-options.cjs') as { ESBUILD: BuildOptions };

/** A signed `/studybot <text>` as API Gateway hands it to the Lambda. */
function slashCommandEvent(text: string): unknown {
  const body = new URLSearchParams({
    team_id: 'T0BENCH',
    channel_id: 'C0BENCH',
    user_id: 'U0BENCH',
    user_name: 'bench',
    command: '/studybot',
    text,
    response_url: 'https://hooks.slack.com/commands/T0BENCH/1/x',
    trigger_id: '1.2.3',
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    version: '2.0',
    rawPath: '/slack/events',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature,
    },
    body,
    isBase64Encoded: false,
  };
}

/** One fresh process: import the bundle, answer the event, print the status; returns wall ms. */
async function coldRun(bundle: string, event: unknown, env: NodeJS.ProcessEnv): Promise<number> {
  const code = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    const res = await handler(JSON.parse(process.env.BENCH_EVENT), {});
    process.stdout.write(String(res.statusCode) + '\\n');
    process.exit(0);`;
  const start = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    env: { ...env, BENCH_EVENT: JSON.stringify(event) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  // Stop the clock at the first byte of the answer, not at process exit.
  const answered = await new Promise<{ ms: number; line: string }>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) =>
      resolve({ ms: performance.now() - start, line: d.toString().trim() }),
    );
    child.once('close', (exitCode) =>
      reject(new Error(`handler exited ${exitCode} without answering: ${stderr.slice(-800)}`)),
    );
  });
  await new Promise((resolve) => child.once('close', resolve));
  if (answered.line !== '200') throw new Error(`handler answered ${answered.line}: ${stderr.slice(-800)}`);
  return answered.ms;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function bench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'studybot-slack-bench-'));
  const dynamo = await startEmbeddedDynamo();
  const slack = await startFakeSlackApi({ token: 'xoxb-bench' });
  try {
    const bundle = join(dir, 'slack.mjs');
    await build({ ...ESBUILD, absWorkingDir: root, entryPoints: ['src/handlers/slack.ts'], outfile: bundle });
    const kb = Math.round(statSync(bundle).size / 1024);
    await ensureTable(createDocumentClient({ endpoint: dynamo.endpoint, region: 'us-east-1' }), TABLE);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: slack.apiUrl,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DYNAMODB_TABLE: TABLE,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      LOG_LEVEL: 'error',
    };
    delete env.SSM_PREFIX; // secrets come from the environment here, not SSM
    delete env.NODE_OPTIONS; // tsx registers itself there; the measured process must be plain node

    const help: number[] = [];
    const quiz: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      help.push(await coldRun(bundle, slashCommandEvent('help'), env));
      quiz.push(await coldRun(bundle, slashCommandEvent('quiz'), env));
    }
    const posts = slack.calls('chat.postMessage').length;
    if (slack.calls('auth.test').length) throw new Error('the cold start called auth.test');
    if (posts !== RUNS) throw new Error(`expected ${RUNS} quiz posts, saw ${posts}`);
    const note = `fresh node → first response, median of ${RUNS}`;
    return [
      { name: 'slack handler bundle', value: kb, unit: 'KB', note: 'minified ESM, node22' },
      { name: 'slack cold start → `/studybot help` answered', value: median(help), unit: 'ms', note },
      {
        name: 'slack cold start → `/studybot quiz` posted + answered',
        value: median(quiz),
        unit: 'ms',
        note: `${note}; DynamoDB + chat.postMessage`,
      },
      { name: 'slack cold start, slowest `help` run', value: Math.max(...help), unit: 'ms' },
    ];
  } finally {
    await slack.close();
    await dynamo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
