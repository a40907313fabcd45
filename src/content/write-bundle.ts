import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT, validateContent } from './check.ts';

/** Where the bundle the handlers import lives (gitignored; written by `npm run content:build`). */
export function contentBundlePath(root = PROJECT_ROOT): string {
  return join(root, 'src', 'content', 'generated', 'content.json');
}

export interface ContentBuild {
  /** Problems as `file:line: message`; when there are any, the bundle was left as it was. */
  errors: string[];
  questions: number;
  facts: number;
  out: string;
  /** False when the bundle on disk already had this content (its file, and mtime, are untouched). */
  written: boolean;
}

/**
 * Validates `<root>/content` and writes the bundle, only when it changed and through a rename, so
 * several processes building at once (tests, the CLI, `npm start`) never read half a file.
 */
export function buildContentBundle(root = PROJECT_ROOT): ContentBuild {
  const { report, bundle } = validateContent(join(root, 'content'), { root });
  const out = contentBundlePath(root);
  const result = {
    errors: report.errors,
    questions: bundle.questions.length,
    facts: bundle.facts.length,
    out,
    written: false,
  };
  if (report.errors.length > 0) return result;
  const text = JSON.stringify(bundle);
  let existing: string | undefined;
  try {
    existing = readFileSync(out, 'utf8');
  } catch {
    existing = undefined;
  }
  if (existing === text) return result;
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, out);
  return { ...result, written: true };
}
