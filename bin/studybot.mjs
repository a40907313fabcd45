#!/usr/bin/env node
// `npx studybot ...`: runs the CLI built into dist/cli (by `npm install`, or here, first, whenever
// src/ or content/ changed since), so a command starts without compiling TypeScript.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, currentBuild, describeBuildError, ROOT } from './build-cli.mjs';

// The locked AWS SDK supports Node 20; its notice about versions published after January 2027 is
// for whoever upgrades it, not for someone running a command.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const argv = process.argv.slice(2);

async function loadMain() {
  let manifest = currentBuild();
  if (!manifest) {
    try {
      const built = await build();
      manifest = { entry: 'studybot.mjs', contentErrors: built.contentErrors };
    } catch (err) {
      console.error(`studybot: could not build the CLI from src/:\n${describeBuildError(err)}`);
      return undefined;
    }
  }
  if (manifest.contentErrors.length > 0 && argv[0] !== 'content') {
    console.error(
      `studybot: content/ has ${manifest.contentErrors.length} problem(s), so this uses the questions of the last good build (npx studybot content check lists them).`,
    );
  }
  return (await import(pathToFileURL(join(ROOT, 'dist', 'cli', manifest.entry)).href)).main;
}

const main = await loadMain();
process.exitCode = main ? await main(argv) : 1;
