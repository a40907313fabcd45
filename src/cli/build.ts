import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as esbuild from 'esbuild';
import { buildContentBundle, contentBundlePath } from '../content/write-bundle.ts';

/**
 * Builds the command line into plain JavaScript, so `npx studybot ...` starts in a tenth of a second
 * instead of transpiling TypeScript through tsx on every run. `npm install` builds it (the root
 * package's `prepare` script); bin/studybot.mjs rebuilds it first whenever one of its sources changed
 * (see the stamps below), so an edit in src/ or content/ is never answered by old code.
 *
 * The output is gitignored, like the content bundle this also writes.
 */

/**
 * Two folders below the root, as src/content/check.ts is: the check finds content/ (and names files
 * in its reports) relative to its own module URL, which in the bundle is a file of this folder.
 */
export const CLI_OUT_DIR = join('dist', 'cli');
export const CLI_ENTRY = 'studybot.mjs';
export const CLI_MANIFEST = 'manifest.json';
/** Bumped when the manifest's shape or the build's layout changes: older builds are then stale. */
export const CLI_BUILD_VERSION = 1;

export interface CliManifest {
  version: number;
  entry: string;
  /**
   * Every file the build read (and content/'s folders, whose mtimes change when a file is added or
   * removed), as `mtimeMs:size`. The bundle is current while all of them still match; any change,
   * an older mtime included (a checkout, a copy), means a rebuild.
   */
  stamps: Record<string, string>;
  /** Problems content/ had at build time; the bundle then holds the last good questions. */
  contentErrors: string[];
}

/** The stamp bin/studybot.mjs compares; it computes it the same way. */
export function stampOf(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return undefined;
  }
}

function contentTree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    out.push(dir);
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const rel = join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  if (existsSync(join(root, 'content'))) walk('content');
  return out;
}

function writeAtomically(path: string, contents: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/** What the content bundle is made from: content/ and the code that validates and writes it. */
function isContentInput(path: string): boolean {
  const p = path.split(sep).join('/');
  return p === 'content' || p.startsWith('content/') || /^src\/content\/(?!generated\/)[^/]+\.ts$/.test(p);
}

/**
 * The previous build's content problems when nothing the content bundle is made from changed since
 * (validating content/ takes a few hundred milliseconds), else undefined.
 */
function unchangedContent(root: string, outDir: string): string[] | undefined {
  let previous: CliManifest;
  try {
    previous = JSON.parse(readFileSync(join(outDir, CLI_MANIFEST), 'utf8')) as CliManifest;
  } catch {
    return undefined;
  }
  if (previous.version !== CLI_BUILD_VERSION || !existsSync(contentBundlePath(root))) return undefined;
  const current = new Set(contentTree(root));
  const before = Object.keys(previous.stamps).filter((p) => p === 'content' || p.startsWith(`content${sep}`));
  if (before.length !== current.size || !before.every((p) => current.has(p))) return undefined;
  for (const [path, stamp] of Object.entries(previous.stamps)) {
    if (isContentInput(path) && stampOf(join(root, path)) !== stamp) return undefined;
  }
  return previous.contentErrors;
}

export interface CliBuild {
  entry: string;
  contentErrors: string[];
}

/**
 * Builds the content bundle and then the CLI into `<root>/dist/cli`. Throws when the CLI cannot be
 * built (a syntax error in src/, or no content bundle at all and content/ has problems).
 * `builderInputs` are the files the builder itself was compiled from, stamped with the rest.
 */
export async function buildCli(options: { root: string; builderInputs?: string[] }): Promise<CliBuild> {
  const { root } = options;
  const started = Date.now();
  const outDir = join(root, CLI_OUT_DIR);
  const contentErrors = unchangedContent(root, outDir) ?? buildContentBundle(root).errors;
  if (contentErrors.length > 0 && !existsSync(contentBundlePath(root))) {
    throw new Error(
      `content/ has ${contentErrors.length} problem(s) and there is no earlier content bundle to use:\n${contentErrors.join('\n')}`,
    );
  }

  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { studybot: join('src', 'cli', 'main.ts') },
    bundle: true,
    // Each command group stays in its own chunk, loaded only when asked for, as in src/cli/main.ts:
    // `recommend` never parses the AWS SDK clients `daily run` needs.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies load from node_modules as they are, so an `npm install` never leaves them stale.
    packages: 'external',
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    write: false,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
  });

  mkdirSync(outDir, { recursive: true });
  const entryPath = join(outDir, CLI_ENTRY);
  const written = new Set<string>();
  // The entry last: until it is renamed into place, an earlier entry and its chunks keep working.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path === entryPath) - Number(b.path === entryPath),
  );
  for (const file of files) {
    writeAtomically(file.path, file.contents);
    written.add(file.path);
  }
  for (const name of readdirSync(outDir)) {
    const path = join(outDir, name);
    if (name.endsWith('.mjs') && !name.startsWith('.') && !written.has(path)) rmSync(path, { force: true });
  }

  const generated = relative(root, contentBundlePath(root));
  const inputs = new Set<string>([
    ...Object.keys(result.metafile.inputs).map((p) => p.split('/').join(sep)),
    ...contentTree(root),
    ...(options.builderInputs ?? []),
  ]);
  // Made from content/ and src/content/, which are stamped instead; `npm run content:build` may
  // write it at any time.
  inputs.delete(generated);
  const stamps: Record<string, string> = {};
  for (const input of [...inputs].sort()) {
    const stamp = stampOf(join(root, input));
    const mtime = Number(stamp?.split(':')[0]);
    // Changed while this build ran (or so close to its start that the clock cannot tell): the
    // bundle may hold the older text, so the next run builds again.
    stamps[input] = stamp && mtime < started - 200 ? stamp : 'changed-during-build';
  }
  const manifest: CliManifest = {
    version: CLI_BUILD_VERSION,
    entry: CLI_ENTRY,
    stamps,
    contentErrors,
  };
  writeAtomically(join(outDir, CLI_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { entry: entryPath, contentErrors };
}
