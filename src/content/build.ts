import { relative } from 'node:path';
import { PROJECT_ROOT } from './check.ts';
import { buildContentBundle } from './write-bundle.ts';

/** Validates content/ and writes the bundle the handlers import, so no request ever parses YAML. */
const build = buildContentBundle(PROJECT_ROOT);
if (build.errors.length > 0) {
  for (const e of build.errors) console.error(e);
  console.error(
    `content: ${build.errors.length} problem(s); bundle not written (see npx studybot content check)`,
  );
  process.exit(1);
}
console.log(
  `content: ${build.questions} questions, ${build.facts} facts -> ${relative(PROJECT_ROOT, build.out)}${build.written ? '' : ' (unchanged)'}`,
);
