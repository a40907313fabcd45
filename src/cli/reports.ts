import { join } from 'node:path';
import { groupReports } from '../app/reports.ts';
import { loadConfig } from '../config.ts';
import { readLocalEndpoint } from '../daily/local.ts';
import { StudyBotError } from '../errors.ts';
import { DEV_SECRETS } from '../local/dev-secrets.ts';
import { startEmbeddedDynamo } from '../local/embedded-dynamo.ts';
import { configureLog } from '../log.ts';
import { DynamoStudyStore } from '../store/dynamo-store.ts';
import { createDocumentClient, ensureTable } from '../store/table.ts';
import { toStderr, toStdout, type Write } from './output.ts';

/**
 * `studybot content reports [--json]`: the "Report a problem" reports people sent, per question
 * (most reported first) with the latest reasons, from the configured store: DYNAMODB_ENDPOINT, the
 * embedded store of a running `npm start` (through its dynalite endpoint: LevelDB allows one
 * process), or the embedded store in DATA_DIR, opened here.
 */
export const REPORTS_USAGE = 'usage: studybot content reports [--json]';

function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * The store the CLI's data commands read: DYNAMODB_ENDPOINT, the embedded store of a running
 * `npm start` (through its dynalite endpoint: LevelDB allows one process), or the embedded store in
 * DATA_DIR, opened here and closed by `close`.
 */
export async function openConfiguredStore(
  env: Record<string, string | undefined>,
): Promise<{ store: DynamoStudyStore; close: () => Promise<void> }> {
  const config = loadConfig(env, { devDefaults: DEV_SECRETS });
  configureLog({ format: 'line', level: env.LOG_LEVEL?.trim() ? config.logLevel : 'warn' });
  const running = readLocalEndpoint(config.dataDir);
  const serverStore =
    !config.dynamoEndpoint && running?.dynamoEndpoint && isAlive(running.pid)
      ? running.dynamoEndpoint
      : undefined;
  const embedded =
    config.dynamoEndpoint || serverStore
      ? undefined
      : await startEmbeddedDynamo({ path: join(config.dataDir, 'dynamodb') });
  const endpoint = config.dynamoEndpoint ?? serverStore ?? embedded!.endpoint;
  const doc = createDocumentClient({ endpoint, region: config.region });
  await ensureTable(doc, config.tableName);
  return { store: new DynamoStudyStore(doc, config.tableName), close: async () => embedded?.close() };
}

export async function runReports(
  args: string[],
  write: Write = toStdout,
  writeErr: Write = toStderr,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  let json = false;
  for (const arg of args) {
    if (arg === '--json') json = true;
    else {
      writeErr(`studybot content reports: unexpected argument "${arg}"\n${REPORTS_USAGE}\n`);
      return 2;
    }
  }
  try {
    const { store, close } = await openConfiguredStore(env);
    try {
      const grouped = groupReports(await store.listReports());
      if (json) {
        write(`${JSON.stringify(grouped, null, 2)}\n`);
        return 0;
      }
      const total = grouped.reduce((n, g) => n + g.count, 0);
      if (total === 0) {
        write('No reports yet.\n');
        return 0;
      }
      write(
        `${total} report${total === 1 ? '' : 's'} on ${grouped.length} question${grouped.length === 1 ? '' : 's'}\n`,
      );
      for (const g of grouped) {
        write(`\n${g.questionId} (${g.count})${g.inBank ? '' : ' — no longer in the bank'}\n`);
        for (const r of g.latest) write(`  ${r.at.slice(0, 10)} ${r.platform}: ${clip(r.reason, 200)}\n`);
      }
      return 0;
    } finally {
      await close();
    }
  } catch (err) {
    writeErr(
      `content reports failed: ${err instanceof StudyBotError ? err.userMessage : err instanceof Error ? err.message : String(err)}\n`,
    );
    return 1;
  }
}
