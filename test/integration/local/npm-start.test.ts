import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { LocalDailyEndpoint } from '../../../src/daily/local.ts';
import {
  freePort,
  plainEnv,
  portIsFree,
  processAlive,
  type Running,
  run,
  start,
  waitFor,
} from './processes.ts';

/** The real `npm start`, as a person runs it (and stops it), in a data folder of its own. */
const READY = /StudyBot is running at (http:\/\/\S+)/;

describe('npm start', () => {
  const dirs: string[] = [];
  const running: Running[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'studybot-npm-start-'));
    dirs.push(d);
    return d;
  };

  async function startBot(env: Record<string, string>, options: { detached?: boolean } = {}) {
    const p = start('npm', ['start'], { env: plainEnv(env), detached: options.detached });
    running.push(p);
    await waitFor(() => READY.test(p.output()) || p.child.exitCode !== null, 60_000, 'npm start');
    expect(p.output()).toMatch(READY);
    const endpoint = JSON.parse(
      readFileSync(join(env.DATA_DIR!, 'daily-run.json'), 'utf8'),
    ) as LocalDailyEndpoint;
    return { p, serverPid: endpoint.pid! };
  }

  afterEach(() => {
    // Whatever a failed test left running: the processes this file started, by their ids.
    for (const p of running.splice(0)) {
      if (p.child.exitCode === null && p.child.pid) {
        try {
          process.kill(p.child.pid, 'SIGKILL');
        } catch {}
      }
    }
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('a second start on the same DATA_DIR says another StudyBot uses it, and how to pick another', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const { p, serverPid } = await startBot({ DATA_DIR: dataDir, PORT: String(port) });

    const second = await run('npm', ['start'], {
      env: plainEnv({ DATA_DIR: dataDir, PORT: String(await freePort()) }),
    });
    expect(second.code).not.toBe(0);
    const said = second.stderr.trim().split('\n');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(
      /^StudyBot could not start: another StudyBot .* is already running with DATA_DIR/,
    );
    expect(said[0]).toMatch(/DATA_DIR=\S+ PORT=\d+ npm start/);
    expect(second.stderr).not.toMatch(/Database is closed|^\s+at /m);
    // The first one is unharmed.
    expect(processAlive(serverPid)).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    p.child.kill('SIGTERM');
    await p.exited;
  }, 120_000);

  it('a start on a port another StudyBot uses says so, and how to pick another', async () => {
    const port = await freePort();
    const { p } = await startBot({ DATA_DIR: tempDir(), PORT: String(port) });
    const second = await run('npm', ['start'], {
      env: plainEnv({ DATA_DIR: tempDir(), PORT: String(port) }),
    });
    expect(second.code).not.toBe(0);
    expect(second.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^StudyBot could not start: another StudyBot is already using port \d+; .*PORT=\d+/,
      ),
    ]);
    p.child.kill('SIGTERM');
    await p.exited;
  }, 120_000);

  it('a start on a port some other program uses says so', async () => {
    // Not an HTTP server at all: it hangs up on whoever connects.
    const blocker: Server = createServer((socket) => socket.destroy());
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const r = await run('npm', ['start'], { env: plainEnv({ DATA_DIR: tempDir(), PORT: String(port) }) });
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^StudyBot could not start: another program is already using port \d+; .*set PORT/,
        ),
      ]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 120_000);

  it('SIGTERM to the npm process stops the server: the process goes and the port is freed', async () => {
    const port = await freePort();
    const { p, serverPid } = await startBot({ DATA_DIR: tempDir(), PORT: String(port) });
    p.child.kill('SIGTERM');
    await p.exited;
    await waitFor(() => !processAlive(serverPid), 10_000, 'the server process to end');
    await waitFor(() => portIsFree(port), 5000, 'the port to be freed');
  }, 120_000);

  it('Ctrl-C (SIGINT to the whole process group) stops the server', async () => {
    const port = await freePort();
    const dataDir = tempDir();
    const { p, serverPid } = await startBot({ DATA_DIR: dataDir, PORT: String(port) }, { detached: true });
    process.kill(-p.child.pid!, 'SIGINT');
    await p.exited;
    await waitFor(() => !processAlive(serverPid), 10_000, 'the server process to end');
    await waitFor(() => portIsFree(port), 5000, 'the port to be freed');
    // It stopped cleanly: `studybot daily run` no longer finds a server there.
    expect(() => readFileSync(join(dataDir, 'daily-run.json'))).toThrow();
  }, 120_000);

  it('a LOG_LEVEL that is not a level stops the start with one sentence saying what to set', async () => {
    const r = await run('npm', ['start'], {
      env: plainEnv({ DATA_DIR: tempDir(), PORT: String(await freePort()), LOG_LEVEL: 'verbose' }),
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      'StudyBot could not start: LOG_LEVEL is not valid (not a level StudyBot knows). Set it to one of debug, info, warn, error, or leave it unset for info.',
    ]);
  }, 60_000);
});
