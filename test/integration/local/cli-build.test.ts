import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plainEnv, REPO, run, runCli } from './processes.ts';

/**
 * The CLI as a fresh clone has it: the repository's files (as they are in this working tree), node_modules from this checkout, and neither the content bundle nor the built CLI, both
 * gitignored. Every command runs the real `node bin/studybot.mjs` in that copy.
 */
const WORKLOAD = '20 MB documents, results within 30 minutes';

function freshClone(): string {
  const root = mkdtempSync(join(tmpdir(), 'studybot-clone-'));
  // Tracked files and new ones not ignored: what a commit of this working tree would hold.
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO,
    encoding: 'utf8',
  }).split('\0');
  for (const file of tracked.filter(Boolean)) {
    if (!existsSync(join(REPO, file))) continue;
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(REPO, file), join(root, file));
  }
  // As a clone some time ago: the build treats files changed in the second before it as unread.
  const past = new Date(Date.now() - 60_000);
  const age = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) age(path);
      utimesSync(path, past, past);
    }
  };
  age(root);
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

/** Replaces text in a file of the copy, optionally giving it an mtime from before the last build. */
function edit(root: string, file: string, from: string, to: string, mtime?: Date): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
  if (mtime) utimesSync(path, mtime, mtime);
}

/** Every module URL a command resolves, through a resolve hook registered before it starts. */
function moduleRecorder(dir: string): { nodeArgs: string[]; urls(): string[] } {
  const log = join(dir, 'modules.log');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}
`,
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`,
  );
  return {
    nodeArgs: ['--import', register],
    urls: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
  };
}

describe('the studybot CLI in a fresh clone', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const clone = () => {
    const root = freshClone();
    dirs.push(root);
    return root;
  };

  it('runs `recommend`, `content check` and `daily run` straight away, with no build step first', async () => {
    const root = clone();
    expect(existsSync(join(root, 'src/content/generated'))).toBe(false);
    expect(existsSync(join(root, 'dist'))).toBe(false);

    const rec = await runCli(['recommend', WORKLOAD], { cwd: root, env: plainEnv() });
    expect(rec.stderr).toBe('');
    expect(rec.stdout).toContain('SageMaker recommendation: Asynchronous inference');
    expect(rec.code).toBe(0);

    const check = await runCli(['content', 'check'], { cwd: root, env: plainEnv() });
    expect(check.stdout).toMatch(/^\d+ questions, \d+% scenarios, \d+ topics, 0 problems$/m);
    expect(check.code).toBe(0);

    const daily = await runCli(['daily', 'run'], {
      cwd: root,
      // Stand-ins on this machine (nothing listens there; no channel is due anyway).
      env: plainEnv({
        DATA_DIR: join(root, '.data'),
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
        DISCORD_API_URL: 'http://127.0.0.1:9/api',
      }),
    });
    expect(daily.stdout).toMatch(/^daily pass \(embedded store in .*\): 0 due, 0 posted/);
    expect(daily.stderr).toBe('');
    expect(daily.code).toBe(0);
  }, 120_000);

  it('once built, starts without tsx, esbuild or any TypeScript source', async () => {
    const root = clone();
    expect((await runCli(['recommend', WORKLOAD], { cwd: root, env: plainEnv() })).code).toBe(0);
    const modules = moduleRecorder(root);

    const r = await runCli(['recommend', WORKLOAD], {
      cwd: root,
      env: plainEnv(),
      nodeArgs: modules.nodeArgs,
    });

    expect(r.code).toBe(0);
    expect(r.stdout).toContain('SageMaker recommendation');
    const urls = modules.urls();
    expect(urls.some((u) => u.endsWith('/dist/cli/studybot.mjs'))).toBe(true);
    expect(urls.filter((u) => /\/node_modules\/(tsx|esbuild)\/|\.ts$/.test(u))).toEqual([]);
  }, 120_000);

  it('answers with the edited code after an edit in src/, even one whose file is older than the build', async () => {
    const root = clone();
    const help = () => runCli(['recommend', '--help'], { cwd: root, env: plainEnv() });
    expect((await help()).stdout).toContain('usage: studybot recommend "<workload in plain words>"');

    const builtAt = () => statSync(join(root, 'dist/cli/studybot.mjs')).mtime.getTime();
    edit(
      root,
      'src/cli/recommend.ts',
      'in plain words>',
      'in plain words, edited>',
      new Date(Date.now() - 10_000),
    );
    expect((await help()).stdout).toContain('<workload in plain words, edited>');

    // A checkout or a copy can give a file an mtime older than the build's, and the same size.
    edit(root, 'src/cli/recommend.ts', 'words, edited>', 'words, EDITED>', new Date(builtAt() - 5_000));
    expect((await help()).stdout).toContain('<workload in plain words, EDITED>');
  }, 120_000);

  it('rebuilds the questions after an edit in content/, and keeps the last good ones while content/ has a problem', async () => {
    const root = clone();
    const file = 'content/questions/s000-autoscaling.yaml';
    const bundle = join(root, 'src/content/generated/content.json');
    expect((await runCli(['recommend', WORKLOAD], { cwd: root, env: plainEnv() })).code).toBe(0);
    expect(readFileSync(bundle, 'utf8')).not.toContain('A concert site');

    edit(root, file, "A ticketing site's recommendation endpoint", 'A concert site recommendation endpoint');
    const r = await runCli(['recommend', WORKLOAD], { cwd: root, env: plainEnv() });
    expect(r.code).toBe(0);
    expect(readFileSync(bundle, 'utf8')).toContain('A concert site recommendation endpoint');

    edit(root, file, '  difficulty: medium\n', '  difficulty: medium\n  colour: blue\n');
    const broken = await runCli(['recommend', WORKLOAD], { cwd: root, env: plainEnv() });
    expect(broken.code).toBe(0);
    expect(broken.stdout).toContain('SageMaker recommendation');
    expect(broken.stderr.trim()).toMatch(
      /^studybot: content\/ has 1 problem\(s\).*npx studybot content check/,
    );
    expect(readFileSync(bundle, 'utf8')).toContain('A concert site recommendation endpoint');
    const check = await runCli(['content', 'check'], { cwd: root, env: plainEnv() });
    expect(check.stdout).toContain(`${file}:`);
    expect(check.code).toBe(1);
  }, 120_000);

  it('is built by the `prepare` script `npm install` runs, which leaves `git status` as it was', async () => {
    const root = clone();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    const before = git('status', '--porcelain', '--untracked-files=all');

    const r = await run('npm', ['run', 'prepare'], { cwd: root, env: plainEnv() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('studybot: CLI built into dist/cli');
    expect(existsSync(join(root, 'dist/cli/studybot.mjs'))).toBe(true);
    expect(existsSync(join(root, 'src/content/generated/content.json'))).toBe(true);
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe(before);

    // And the next command uses that build as it is.
    const builtAt = statSync(join(root, 'dist/cli/studybot.mjs')).mtimeMs;
    expect((await runCli(['recommend', WORKLOAD], { cwd: root, env: plainEnv() })).code).toBe(0);
    expect(statSync(join(root, 'dist/cli/studybot.mjs')).mtimeMs).toBe(builtAt);
  }, 120_000);
});
