/**
 * `npm run bench slack-cold-start`: how long a cold Slack Lambda takes to answer its first request,
 * next to the floor for a Bolt app on Lambda: the hello-world `AwsLambdaReceiver` app from Bolt's
 * deployment guide, built here with the same esbuild settings as StudyBot's bundle.
 *
 * Each run is a whole new `node` process that imports a bundle and answers one signed
 * `/studybot help`; the time runs from spawning the process to the response arriving on its
 * stdout. Runs are paired (anchor, StudyBot, then StudyBot, anchor, ...) so load on the machine
 * falls on both sides alike, and the ratio is the median of the per-pair ratios.
 *
 * StudyBot runs as deployed: its secrets come through a local stand-in for the AWS Parameters and
 * Secrets extension (SSM_PREFIX set, nothing secret in the environment). The anchor reads its two
 * secrets from the environment and authorizes with a fixed token (no auth.test), as StudyBot does.
 *
 * The anchor gets the project's build settings (minified ESM for node22, the same banner) without
 * StudyBot's stand-ins for code it never runs (`alias` and the Bolt receiver plugin in
 * infra/esbuild-options.cjs): they are StudyBot's own cold-start work, which a hello-world app
 * does not have. The anchor with them is printed as well, for comparison.
 * Slack gives us 3 s for all of it (plus the network and Lambda's own start, not measured here).
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { startEmbeddedDynamo } from '../src/local/embedded-dynamo.ts';
import { createDocumentClient, ensureTable } from '../src/store/table.ts';
import { startFakeParametersExtension } from '../test/support/fake-parameters-extension.ts';
import { startFakeSlackApi } from '../test/support/fake-slack-api.ts';
import { buildLambda } from './bundles.bench.ts';
import type { Figure } from './run.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAIRS = 11;
const QUIZ_RUNS = 5;
const SECRET = 'bench-slack-signing-secret';
const TABLE = 'studybot-slack-bench';
const SSM_PREFIX = '/studybot/bench';
const SESSION_TOKEN = 'bench-session-token';

const require = createRequire(import.meta.url);
const { ESBUILD } = require('../infra/esbuild-options.cjs') as { ESBUILD: BuildOptions };

/** Bolt's hello world for AWS Lambda, answering the slash command. */
const ANCHOR_SOURCE = `
import { App, AwsLambdaReceiver } from '@slack/bolt';
const receiver = new AwsLambdaReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET });
const app = new App({ receiver, authorize: async () => ({ botToken: process.env.SLACK_BOT_TOKEN }) });
app.command('/studybot', async ({ ack }) => { await ack('Hello, world'); });
export const handler = async (event, context, callback) => {
  const handle = await receiver.start();
  return handle(event, context, callback);
};`;

/** A signed `/studybot <text>` as API Gateway hands it to the Lambda. */
function slashCommandEvent(text: string, channelId = 'C0BENCH'): unknown {
  const body = new URLSearchParams({
    team_id: 'T0BENCH',
    channel_id: channelId,
    user_id: 'U0BENCH',
    user_name: 'bench',
    command: '/studybot',
    text,
    response_url: 'https://hooks.slack.com/commands/T0BENCH/1/x',
    trigger_id: `1.2.${Math.random()}`,
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

const kb = (bytes: number) => Math.round(bytes / 1024);

export async function bench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'studybot-slack-bench-'));
  const dynamo = await startEmbeddedDynamo();
  const slack = await startFakeSlackApi({ token: 'xoxb-bench' });
  const extension = await startFakeParametersExtension({
    token: SESSION_TOKEN,
    parameters: {
      [`${SSM_PREFIX}/slack-signing-secret`]: SECRET,
      [`${SSM_PREFIX}/slack-bot-token`]: 'xoxb-bench',
    },
  });
  try {
    // Each in a folder of its own: the handler file and its chunks, as in the function's zip.
    const slackBuild = await buildLambda(
      { ...ESBUILD, absWorkingDir: root, entryPoints: ['src/handlers/slack.ts'] },
      join(dir, 'slack'),
    );
    const bundle = slackBuild.file;
    const stdin = {
      contents: ANCHOR_SOURCE,
      resolveDir: root,
      sourcefile: 'anchor.ts',
      loader: 'ts' as const,
    };
    const anchorBuild = await buildLambda(
      { ...ESBUILD, alias: {}, plugins: [], absWorkingDir: root, stdin },
      join(dir, 'anchor'),
    );
    const anchor = anchorBuild.file;
    const anchorStubbedBuild = await buildLambda(
      { ...ESBUILD, absWorkingDir: root, stdin },
      join(dir, 'anchor-stubbed'),
    );
    const anchorStubbed = anchorStubbedBuild.file;
    await ensureTable(createDocumentClient({ endpoint: dynamo.endpoint, region: 'us-east-1' }), TABLE);

    const base: NodeJS.ProcessEnv = {
      ...process.env,
      SLACK_API_URL: slack.apiUrl,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DYNAMODB_TABLE: TABLE,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      LOG_LEVEL: 'error',
    };
    delete base.NODE_OPTIONS; // tsx registers itself there; the measured process must be plain node
    delete base.SLACK_SIGNING_SECRET;
    delete base.SLACK_BOT_TOKEN;
    // StudyBot as deployed: secrets only through the extension stand-in.
    const studybotEnv: NodeJS.ProcessEnv = {
      ...base,
      SSM_PREFIX,
      AWS_SESSION_TOKEN: SESSION_TOKEN,
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(extension.port),
    };
    const anchorEnv: NodeJS.ProcessEnv = {
      ...base,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench',
    };
    delete anchorEnv.SSM_PREFIX;

    const help: number[] = [];
    const floor: number[] = [];
    const floorStubbed: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      // Alternate who goes first, so a slow moment on the machine does not always hit one side.
      const ours = async () => coldRun(bundle, slashCommandEvent('help'), studybotEnv);
      const theirs = async () => coldRun(anchor, slashCommandEvent('help'), anchorEnv);
      let a: number;
      let b: number;
      if (i % 2) {
        a = await ours();
        b = await theirs();
      } else {
        b = await theirs();
        a = await ours();
      }
      help.push(a);
      floor.push(b);
      ratios.push(a / b);
      floorStubbed.push(await coldRun(anchorStubbed, slashCommandEvent('help'), anchorEnv));
    }
    const quiz: number[] = [];
    // A channel has one open quiz post at a time, so each run asks in a channel of its own.
    for (let i = 0; i < QUIZ_RUNS; i++)
      quiz.push(await coldRun(bundle, slashCommandEvent('quiz', `C0BENCHQ${i}`), studybotEnv));
    const posts = slack.calls('chat.postMessage').length;
    if (slack.calls('auth.test').length) throw new Error('the cold start called auth.test');
    if (posts !== QUIZ_RUNS) throw new Error(`expected ${QUIZ_RUNS} quiz posts, saw ${posts}`);
    if (extension.requests().some((r) => !r.authorized))
      throw new Error('a secrets read had no session token');

    const note = `fresh node → first response, median of ${PAIRS} paired runs`;
    return [
      {
        name: 'slack handler bundle',
        value: kb(slackBuild.bytes),
        unit: 'KB',
        note: `minified ESM, node22; the handler and ${slackBuild.files.length - 1} chunk files`,
      },
      {
        name: 'slack handler: parsed before `help`',
        value: kb(slackBuild.startBytes),
        unit: 'KB',
        note: 'the handler file and the chunks it imports statically',
      },
      { name: 'slack anchor bundle (Bolt hello world)', value: kb(anchorBuild.bytes), unit: 'KB' },
      { name: 'slack cold start → `/studybot help` answered', value: median(help), unit: 'ms', note },
      {
        name: 'slack anchor cold start → hello answered',
        value: median(floor),
        unit: 'ms',
        note: 'Bolt AwsLambdaReceiver hello world, same build settings',
      },
      {
        name: 'slack cold start ÷ anchor (target ≤ 1.0)',
        value: median(ratios),
        unit: 'x',
        note: `median of per-pair ratios; secrets via the extension stand-in`,
      },
      {
        name: 'slack anchor with our stand-ins → hello answered',
        value: median(floorStubbed),
        unit: 'ms',
        note: `${kb(anchorStubbedBuild.bytes)} KB; StudyBot ÷ it: ${(median(help) / median(floorStubbed)).toFixed(2)}x`,
      },
      {
        name: 'slack cold start → `/studybot quiz` posted + answered',
        value: median(quiz),
        unit: 'ms',
        note: `median of ${QUIZ_RUNS}; DynamoDB + chat.postMessage`,
      },
      { name: 'slack cold start, slowest `help` run', value: Math.max(...help), unit: 'ms' },
    ];
  } finally {
    await extension.close();
    await slack.close();
    await dynamo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
