import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { callLocalServer, readLocalEndpoint, runLocalPass } from '../daily/local.ts';
import type { DailySummary } from '../daily/pass.ts';
import { createDailyRunnerFromConfig } from '../daily/runner.ts';
import { StudyBotError } from '../errors.ts';
import { DEV_SECRETS } from '../local/dev-secrets.ts';
import { startEmbeddedDynamo } from '../local/embedded-dynamo.ts';
import { createDocumentClient, ensureTable } from '../store/table.ts';

/**
 * `studybot daily run [--at <ISO time>]`: one scheduler pass against the configured store and APIs.
 * Store: DYNAMODB_ENDPOINT if set; else the running `npm start` (it owns the embedded store, so the
 * pass runs there, see src/daily/local.ts); else the embedded store in DATA_DIR, opened here.
 */
const USAGE = 'usage: studybot daily run [--at <ISO time>]';

function print(summary: DailySummary, where: string): void {
  console.log(
    `daily pass (${where}): ${summary.due} due, ${summary.posted} posted, ${summary.skipped} skipped, ` +
      `${summary.paused} paused, ${summary.failed} failed${summary.deferred ? `, ${summary.deferred} deferred` : ''}`,
  );
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'run') {
    console.error(USAGE);
    return 2;
  }
  let at: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--at' && rest[i + 1]) at = rest[++i];
    else {
      console.error(USAGE);
      return 2;
    }
  }
  const now = at ? new Date(at) : new Date();
  if (Number.isNaN(now.getTime())) {
    console.error(`"${at}" is not an ISO time; try 2026-10-26T08:00:00Z.`);
    return 2;
  }
  try {
    const config = loadConfig(process.env, { devDefaults: DEV_SECRETS });
    if (!config.dynamoEndpoint) {
      const endpoint = readLocalEndpoint(config.dataDir);
      const remote = endpoint ? await callLocalServer(endpoint, at) : undefined;
      if (remote) {
        print(remote, 'via the running local server');
        return 0;
      }
    }
    const embedded = config.dynamoEndpoint
      ? undefined
      : await startEmbeddedDynamo({ path: join(config.dataDir, 'dynamodb') });
    try {
      const effective = { ...config, dynamoEndpoint: config.dynamoEndpoint ?? embedded!.endpoint };
      await ensureTable(
        createDocumentClient({ endpoint: effective.dynamoEndpoint, region: config.region }),
        config.tableName,
      );
      print(await runLocalPass(createDailyRunnerFromConfig(effective), now), effective.dynamoEndpoint);
      return 0;
    } finally {
      await embedded?.close();
    }
  } catch (err) {
    console.error(`daily run failed: ${err instanceof StudyBotError ? err.userMessage : String(err)}`);
    return 1;
  }
}
