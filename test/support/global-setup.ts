import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDynamo } from '../../src/local/embedded-dynamo.ts';

/**
 * Starts the DynamoDB-compatible servers the storage tests run against: dynalite always, and AWS's
 * DynamoDB Local whenever Java is present (always in CI, where its absence is an error).
 */
export interface DynamoTarget {
  name: 'dynalite' | 'dynamodb-local';
  endpoint: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoTargets: DynamoTarget[];
  }
}

function hasJava(): boolean {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST' });
      if (res.status > 0) return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error('DynamoDB Local did not start in time');
}

export default async function setup(project: TestProject) {
  const targets: DynamoTarget[] = [];
  const embedded = await startEmbeddedDynamo();
  targets.push({ name: 'dynalite', endpoint: embedded.endpoint });

  let local: ChildProcess | undefined;
  const wantLocal = process.env.DYNAMODB_LOCAL !== '0';
  if (wantLocal && hasJava()) {
    const require = createRequire(import.meta.url);
    const emulator = join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
    if (!existsSync(join(emulator, 'DynamoDBLocal.jar')))
      throw new Error(`DynamoDBLocal.jar not found in ${emulator}`);
    const port = await freePort();
    local = spawn(
      'java',
      [
        `-Djava.library.path=${join(emulator, 'DynamoDBLocal_lib')}`,
        '-jar',
        join(emulator, 'DynamoDBLocal.jar'),
        '-inMemory',
        '-port',
        String(port),
        '-disableTelemetry',
      ],
      // DynamoDB Local writes a metadata file into its working directory; keep it out of the tree.
      { stdio: 'ignore', cwd: mkdtempSync(join(tmpdir(), 'ddb-local-')) },
    );
    await waitForPort(port, local, 30_000);
    targets.push({ name: 'dynamodb-local', endpoint: `http://127.0.0.1:${port}` });
  } else if (process.env.CI) {
    throw new Error('CI must run the storage suite on DynamoDB Local too, but Java was not found.');
  }

  project.provide('dynamoTargets', targets);
  return async () => {
    local?.kill('SIGTERM');
    await embedded.close();
  };
}
