import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { StudyBotError } from '../errors.ts';
import { applyLevelIteratorFix } from './level-iterator-fix.ts';

/**
 * The embedded DynamoDB-compatible server for `npm start` and the tests: dynalite is the DynamoDB
 * API in pure JavaScript on LevelDB, so no Java, Docker or AWS account is needed. With a `path`,
 * data survives restarts; without one it lives in memory.
 */
export interface EmbeddedDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/** The folder's LevelDB is open in another process (LevelDB allows one at a time). */
export class StoreInUseError extends StudyBotError {
  constructor(
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(
      'store_in_use',
      `the embedded store in ${path} is locked by another process`,
      `Another StudyBot process is already using the embedded store in ${path}; stop it, or set DATA_DIR to another folder.`,
      options,
    );
  }
}

interface LevelDb {
  open(): Promise<void>;
  close(): Promise<void>;
}

/**
 * dynalite opens its LevelDB in the background and, when that fails, throws "Database is closed"
 * from inside its first request, which no caller can catch. So the folder is opened here first,
 * with the same `level` package dynalite uses, and a folder another process holds is reported as
 * such. (Two starts in the same instant can still both pass this; one of them then fails as before.)
 */
async function checkStoreFolder(path: string): Promise<void> {
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const { Level } = fromDynalite('level') as { Level: new (path: string) => LevelDb };
  const db = new Level(path);
  try {
    await db.open();
  } catch (err) {
    const reason = String((err as { cause?: { message?: string } }).cause?.message ?? err);
    if (/\block\b/i.test(reason)) throw new StoreInUseError(path, { cause: err });
    throw new StudyBotError(
      'store_unreadable',
      `could not open the embedded store in ${path}: ${reason}`,
      `The embedded store in ${path} could not be opened (${reason}); move that folder away, or set DATA_DIR to another one.`,
      { cause: err },
    );
  }
  await db.close();
}

export async function startEmbeddedDynamo(
  options: { path?: string; port?: number } = {},
): Promise<EmbeddedDynamo> {
  // dynalite 4.0.0 never closes the level iterator behind a Query or Scan; see level-iterator-fix.ts.
  applyLevelIteratorFix();
  if (options.path) {
    mkdirSync(options.path, { recursive: true });
    await checkStoreFolder(options.path);
  }
  // createTableMs 0: tables are ACTIVE at once, as a developer expects locally.
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
