import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { DEV_SECRETS } from '../../../src/local/dev-secrets.ts';

/**
 * The playground and the development signer never reach a Lambda. The build options refuse them
 * (test/deploy checks that guard); this builds the Slack and Discord handlers *without* the guard
 * and checks what actually ends up inside, so a new import path would be caught even if it slipped
 * past the guard's pattern.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const { ESBUILD } = require('../../../infra/esbuild-options.cjs') as { ESBUILD: BuildOptions };

const LOCAL_INPUT = /(^|\/)src\/local\//;
const MARKERS = [
  'studybot-local-development-seed',
  '/playground/send',
  'playground/slack/api',
  ...Object.values(DEV_SECRETS),
];

async function bundle(entry: string): Promise<{ inputs: string[]; code: string }> {
  const result = await build({
    ...ESBUILD,
    plugins: [],
    absWorkingDir: ROOT,
    entryPoints: [entry],
    write: false,
    metafile: true,
    logLevel: 'silent',
    outdir: join(ROOT, '.esbuild', 'playground-test'),
  });
  return { inputs: Object.keys(result.metafile.inputs), code: result.outputFiles[0]!.text };
}

describe('the Lambda handler bundles', () => {
  it.each(['src/handlers/slack.ts', 'src/handlers/discord.ts'])(
    '%s holds neither the playground nor the development signer',
    async (entry) => {
      const { inputs, code } = await bundle(entry);
      expect(inputs).toContain(entry);
      expect(inputs.filter((p) => LOCAL_INPUT.test(p))).toEqual([]);
      for (const marker of MARKERS) expect(code).not.toContain(marker);
    },
    60_000,
  );

  it('the same check does find them in the local server (so it can fail)', async () => {
    const { inputs, code } = await bundle('src/local/local-bot.ts');
    expect(inputs).toContain('src/local/playground/index.ts');
    expect(inputs).toContain('src/local/dev-secrets.ts');
    expect(code).toContain('studybot-local-development-seed');
    expect(code).toContain('/playground/send');
  }, 60_000);
});
