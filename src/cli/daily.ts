import { join } from 'node:path';
import { type Config, loadConfig, secretEnvName } from '../config.ts';
import {
  callLocalServer,
  devTokensForRealPlatforms,
  type LocalDailyEndpoint,
  type PlatformName,
  readLocalEndpoint,
  runLocalPass,
  withoutDevTokensForRealPlatforms,
} from '../daily/local.ts';
import type { DailySummary } from '../daily/pass.ts';
import { createDailyRunnerFromConfig } from '../daily/runner.ts';
import { StudyBotError } from '../errors.ts';
import { DEV_SECRETS } from '../local/dev-secrets.ts';
import { startEmbeddedDynamo } from '../local/embedded-dynamo.ts';
import { configureLog } from '../log.ts';
import { createDocumentClient, ensureTable } from '../store/table.ts';
import { toStderr, toStdout, type Write } from './output.ts';

/**
 * `studybot daily run [--at <ISO time>]`: one scheduler pass.
 * Through the running `npm start` when there is one for this store (it owns the embedded store, and
 * its playground stands in for Slack and Discord; see src/daily/local.ts); else on the store
 * directly: DYNAMODB_ENDPOINT, or the embedded store in DATA_DIR, opened here.
 *
 * With the local development tokens nothing is ever sent to the real Slack or Discord. Each failure
 * is one line on stderr; the exit code is 1 when any channel failed.
 */
const USAGE = 'usage: studybot daily run [--at <ISO time>]';

const PLATFORM: Record<PlatformName, { name: string; host: string; token: string }> = {
  slack: { name: 'Slack', host: 'slack.com', token: secretEnvName('slackBotToken') },
  discord: { name: 'Discord', host: 'discord.com', token: secretEnvName('discordBotToken') },
};

function summaryLine(summary: DailySummary, where: string): string {
  return (
    `daily pass (${where}): ${summary.due} due, ${summary.posted} posted, ${summary.skipped} skipped, ` +
    `${summary.paused} paused, ${summary.failed} failed${summary.deferred ? `, ${summary.deferred} deferred` : ''}` +
    `${summary.reminded ? `, ${summary.reminded} reminders sent` : ''}\n`
  );
}

/** False only when the process is known to be gone (a file left by a server that was killed). */
function alive(pid: number | undefined): boolean {
  if (!pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** The running `npm start` for this store, if any: the endpoint file in DATA_DIR names it. */
function localServerFor(config: Config): LocalDailyEndpoint | undefined {
  const endpoint = readLocalEndpoint(config.dataDir);
  if (!endpoint || !alive(endpoint.pid)) return undefined;
  // With DYNAMODB_ENDPOINT, only a server on that same store; without, the one owning DATA_DIR.
  if (config.dynamoEndpoint && endpoint.dynamoEndpoint !== config.dynamoEndpoint) return undefined;
  return endpoint;
}

export async function run(
  args: string[],
  write: Write = toStdout,
  writeErr: Write = toStderr,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'run') {
    writeErr(`${USAGE}\n`);
    return 2;
  }
  let at: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--at' && rest[i + 1]) at = rest[++i];
    else {
      writeErr(`${USAGE}\n`);
      return 2;
    }
  }
  const now = at ? new Date(at) : new Date();
  if (Number.isNaN(now.getTime())) {
    writeErr(`"${at}" is not an ISO time; try 2026-10-26T08:00:00Z.\n`);
    return 2;
  }
  try {
    const config = loadConfig(env, { devDefaults: DEV_SECRETS });
    // A terminal, not CloudWatch: one readable line per problem, and the pass's own summary below
    // instead of its info lines (LOG_LEVEL, when set, still decides).
    configureLog({ format: 'line', level: env.LOG_LEVEL?.trim() ? config.logLevel : 'warn' });

    const endpoint = localServerFor(config);
    const remote = endpoint ? await callLocalServer(endpoint, at) : undefined;
    if (remote) {
      write(summaryLine(remote, 'via the running local server'));
      if (remote.failed > 0) {
        writeErr(
          `${remote.failed} channel${remote.failed === 1 ? '' : 's'} failed; the output of \`npm start\` says why, and a later pass retries.\n`,
        );
        return 1;
      }
      return 0;
    }

    const refused = devTokensForRealPlatforms(config);
    const where = config.dynamoEndpoint
      ? `DYNAMODB_ENDPOINT ${config.dynamoEndpoint}`
      : `DATA_DIR ${config.dataDir}`;
    if (refused.length === 2) {
      writeErr(
        `Nothing was posted: ${PLATFORM.slack.token} and ${PLATFORM.discord.token} are local development values, which StudyBot never sends to slack.com or discord.com, and no \`npm start\` is running for ${where} to show the posts in its playground; start it and run this again, or set the real tokens.\n`,
      );
      return 1;
    }
    for (const p of refused) {
      writeErr(
        `${PLATFORM[p].name} channels are not posted to: ${PLATFORM[p].token} is a local development value, which StudyBot never sends to ${PLATFORM[p].host}; set the real token (or run \`npm start\` and this again, to see the posts in its playground).\n`,
      );
    }

    const embedded = config.dynamoEndpoint
      ? undefined
      : await startEmbeddedDynamo({ path: join(config.dataDir, 'dynamodb') });
    try {
      const effective = withoutDevTokensForRealPlatforms({
        ...config,
        dynamoEndpoint: config.dynamoEndpoint ?? embedded!.endpoint,
      });
      await ensureTable(
        createDocumentClient({ endpoint: effective.dynamoEndpoint, region: config.region }),
        config.tableName,
      );
      const summary = await runLocalPass(createDailyRunnerFromConfig(effective), now);
      write(summaryLine(summary, config.dynamoEndpoint ?? `embedded store in ${config.dataDir}`));
      if (summary.failed > 0) {
        writeErr(
          `${summary.failed} channel${summary.failed === 1 ? '' : 's'} failed (each said why above); a later pass retries.\n`,
        );
        return 1;
      }
      return 0;
    } finally {
      await embedded?.close();
    }
  } catch (err) {
    writeErr(
      `daily run failed: ${err instanceof StudyBotError ? err.userMessage : err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
}
