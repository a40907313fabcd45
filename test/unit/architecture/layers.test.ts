import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules in biome.jsonc, tried the way a change would meet them: a probe file is written
 * into a layer's folder with one import per line, Biome lints it, and the probe is removed. Every
 * import here resolves, so a probe caught by another process's typecheck still compiles.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const RULE = 'lint/style/noRestrictedImports';

type Verdict = 'refused' | 'allowed';
/** A folder, an import specifier, whether it is a dynamic import(), and what the rules must say. */
type Case = [folder: string, specifier: string, kind: 'static' | 'dynamic', verdict: Verdict];

const CASES: Case[] = [
  ['src/engines/quiz', 'node:fs/promises', 'static', 'refused'],
  ['src/engines/quiz', 'node:http', 'dynamic', 'refused'],
  ['src/engines/quiz', 'fs', 'static', 'refused'],
  ['src/engines/quiz', '@aws-sdk/client-sqs', 'static', 'refused'],
  ['src/engines/quiz', '@slack/bolt', 'static', 'refused'],
  ['src/engines/quiz', 'discord-api-types/v10', 'static', 'refused'],
  ['src/engines/quiz', '../../platforms/slack/render.ts', 'static', 'refused'],
  ['src/engines/quiz', '../../platforms/discord/rest.ts', 'dynamic', 'refused'],
  ['src/engines/quiz', '../../store/store.ts', 'static', 'refused'],
  ['src/engines/quiz', '../../store/dynamo-store.ts', 'static', 'refused'],
  ['src/engines/quiz', '../../app/reply.ts', 'static', 'refused'],
  ['src/engines/quiz', '../../daily/pass.ts', 'static', 'refused'],
  ['src/engines/quiz', '../../config.ts', 'static', 'refused'],
  ['src/engines/quiz', '../../log.ts', 'static', 'refused'],
  ['src/engines/quiz', 'luxon', 'static', 'allowed'],
  ['src/engines/quiz', 'ts-fsrs', 'static', 'allowed'],
  ['src/engines/quiz', 'zod/mini', 'static', 'allowed'],
  ['src/engines/quiz', '../../content/schema.ts', 'static', 'allowed'],
  ['src/engines/quiz', '../schedule/schedule.ts', 'static', 'allowed'],
  ['src/engines/quiz', './seeded.ts', 'static', 'allowed'],

  ['src/app', '../platforms/slack/render.ts', 'static', 'refused'],
  ['src/app', '@slack/bolt', 'static', 'refused'],
  ['src/app', 'discord-api-types/v10', 'static', 'refused'],
  ['src/app', '../store/dynamo-store.ts', 'static', 'refused'],
  ['src/app', '../store/table.ts', 'dynamic', 'refused'],
  ['src/app', '@aws-sdk/lib-dynamodb', 'static', 'refused'],
  ['src/app', '../daily/poster.ts', 'static', 'refused'],
  ['src/app', '../handlers/first-request.ts', 'static', 'refused'],
  ['src/app', '../local/server.ts', 'static', 'refused'],
  ['src/app', '../store/store.ts', 'static', 'allowed'],
  ['src/app', '../engines/quiz/select.ts', 'static', 'allowed'],
  ['src/app', '../engines/recommend/index.ts', 'dynamic', 'allowed'],
  ['src/app', '../content/index.ts', 'static', 'allowed'],
  ['src/app', '../config.ts', 'static', 'allowed'],
  ['src/app', 'node:crypto', 'static', 'allowed'],

  ['src/platforms/slack', '../../store/dynamo-store.ts', 'static', 'refused'],
  ['src/platforms/slack', '../../store/table.ts', 'dynamic', 'refused'],
  ['src/platforms/slack', '@aws-sdk/client-dynamodb', 'static', 'refused'],
  ['src/platforms/slack', '../../daily/runner.ts', 'static', 'refused'],
  ['src/platforms/slack', '../../handlers/first-request.ts', 'static', 'refused'],
  ['src/platforms/slack', '../../local/server.ts', 'static', 'refused'],
  ['src/platforms/slack', '../../app/bot.ts', 'static', 'allowed'],
  ['src/platforms/slack', '../../store/store.ts', 'static', 'allowed'],
  ['src/platforms/slack', '@slack/bolt', 'static', 'allowed'],
  ['src/platforms/slack', '../../log.ts', 'static', 'allowed'],

  ['src/store', '../app/bot.ts', 'static', 'refused'],
  ['src/store', '../platforms/slack/render.ts', 'static', 'refused'],
  ['src/store', '../daily/pass.ts', 'static', 'refused'],
  ['src/store', '../handlers/first-request.ts', 'dynamic', 'refused'],
  ['src/store', '@slack/bolt', 'static', 'refused'],
  ['src/store', '../engines/schedule/schedule.ts', 'static', 'allowed'],
  ['src/store', '@aws-sdk/lib-dynamodb', 'static', 'allowed'],
  ['src/store', './store.ts', 'static', 'allowed'],

  ['src/daily', '../platforms/discord/rest.ts', 'static', 'refused'],
  ['src/daily', '../store/dynamo-store.ts', 'static', 'refused'],
  ['src/daily', '../local/dev-secrets.ts', 'static', 'refused'],
  ['src/daily', '../store/store.ts', 'static', 'allowed'],
  ['src/daily', '../app/views.ts', 'static', 'allowed'],
  ['src/daily', '@aws-sdk/client-sqs', 'static', 'allowed'],

  ['src/handlers', '../local/server.ts', 'static', 'refused'],
  ['src/handlers', '../daily/runner.ts', 'static', 'allowed'],
];

/** Where each case was written (probe path:line), and the noRestrictedImports message there. */
const placeOf = new Map<Case, string>();
const refusals = new Map<string, string>();
let biomeStatus: number | null = null;

beforeAll(() => {
  const tag = randomBytes(4).toString('hex');
  const probes = new Map<string, Case[]>();
  for (const c of CASES) probes.set(c[0], [...(probes.get(c[0]) ?? []), c]);
  const written: string[] = [];
  try {
    for (const [folder, cases] of probes) {
      const path = `${folder}/layers-probe-${tag}.ts`;
      const lines = cases.map(([, spec, kind], i) => {
        placeOf.set(cases[i]!, `${path}:${i + 1}`);
        return kind === 'dynamic'
          ? `export const p${i} = () => import('${spec}');`
          : `export * as p${i} from '${spec}';`;
      });
      written.push(path);
      writeFileSync(join(ROOT, path), `${lines.join('\n')}\n`);
    }
    const biome = spawnSync(
      join(ROOT, 'node_modules/.bin/biome'),
      ['lint', '--reporter=json', '--max-diagnostics=none', ...written],
      { cwd: ROOT, encoding: 'utf8' },
    );
    biomeStatus = biome.status;
    const report = JSON.parse(biome.stdout) as {
      diagnostics: {
        category: string;
        message: string;
        location: { path: string; start: { line: number } };
      }[];
    };
    for (const d of report.diagnostics)
      if (d.category === RULE) refusals.set(`${d.location.path}:${d.location.start.line}`, d.message);
  } finally {
    // The probes live in src/ only for the one lint run: other work must never meet them.
    for (const path of written) rmSync(join(ROOT, path), { force: true });
  }
});

describe('the layer rules (noRestrictedImports in biome.jsonc)', () => {
  it('fail the lint when a layer imports what it may not', () => {
    expect(biomeStatus).toBe(1);
  });

  it.each(CASES)('%s: %s (%s import) is %s', (folder, spec, kind, verdict) => {
    const c = CASES.find((x) => x[0] === folder && x[1] === spec && x[2] === kind)!;
    const message = refusals.get(placeOf.get(c)!);
    if (verdict === 'refused') {
      // Every refusal says what the layer may do instead and where the layers are described.
      expect(message, `${spec} should be refused in ${folder}`).toMatch(/docs\/architecture\.md/);
    } else {
      expect(message, `${spec} should be allowed in ${folder}`).toBeUndefined();
    }
  });
});
