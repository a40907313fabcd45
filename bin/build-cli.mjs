// The built CLI: finds it, checks it is current, and (re)builds it when it is missing or older
// than its sources. `node bin/build-cli.mjs` builds it (the `prepare` script, run by `npm install`).
// Plain JavaScript on purpose: this runs before anything can be compiled. The build itself is
// src/cli/build.ts; the manifest it writes lists the stamps compared here.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'dist', 'cli');
// Keep in step with CLI_BUILD_VERSION in src/cli/build.ts.
const BUILD_VERSION = 1;

function stampOf(path) {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return undefined;
  }
}

/** The manifest of a build that is still current, or undefined. */
export function currentBuild() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(OUT_DIR, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest.version !== BUILD_VERSION || !stampOf(join(OUT_DIR, manifest.entry))) return undefined;
  for (const [path, stamp] of Object.entries(manifest.stamps)) {
    if (stampOf(join(ROOT, path)) !== stamp) return undefined;
  }
  return manifest;
}

/**
 * Builds the content bundle and the CLI: src/cli/build.ts is compiled first (esbuild takes a few
 * milliseconds for it) into a file of dist/cli, so that its module URL, like the CLI's, is two
 * folders below the root.
 */
export async function build() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (err) {
    // A dependency of tsx as well as ours, so only missing when node_modules is.
    throw new Error(`esbuild could not be loaded (${err.message}); run npm install first.`, { cause: err });
  }
  const builder = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/build.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const file = join(OUT_DIR, `.builder-${process.pid}-${Date.now()}.mjs`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(file, builder.outputFiles[0].contents);
  try {
    const { buildCli } = await import(pathToFileURL(file).href);
    return await buildCli({ root: ROOT, builderInputs: Object.keys(builder.metafile.inputs) });
  } finally {
    rmSync(file, { force: true });
  }
}

/** esbuild's error as the lines a person reads (file:line:column: message). */
export function describeBuildError(err) {
  if (Array.isArray(err?.errors) && err.errors.length > 0) {
    return err.errors
      .map((e) =>
        e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text,
      )
      .join('\n');
  }
  return err?.message ?? String(err);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `npm install` runs this. A failure is reported but does not fail the install: the CLI builds
  // again on its first run and says then what is wrong.
  try {
    const { contentErrors } = await build();
    console.log(
      `studybot: CLI built into dist/cli${contentErrors.length ? ` (content/ has ${contentErrors.length} problem(s): npx studybot content check)` : ''}`,
    );
  } catch (err) {
    console.warn(`studybot: the CLI was not built now (it builds on first run): ${describeBuildError(err)}`);
  }
}
