import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { PROJECT_ROOT, validateContent } from './check.ts';

/** Validates content/ and writes the bundle the handlers import, so no request ever parses YAML. */
const { report, bundle } = validateContent(join(PROJECT_ROOT, 'content'));
if (report.errors.length > 0) {
  for (const e of report.errors) console.error(e);
  console.error(
    `content: ${report.errors.length} problem(s); bundle not written (see npx studybot content check)`,
  );
  process.exit(1);
}
const out = join(PROJECT_ROOT, 'src', 'content', 'generated', 'content.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(bundle));
console.log(
  `content: ${bundle.questions.length} questions, ${bundle.facts.length} facts -> ${relative(PROJECT_ROOT, out)}`,
);
